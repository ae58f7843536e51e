import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { UserSettingsBackend } from '../src/api/backend.js';
import { UserSettingsError } from '../src/api/errors.js';
import type { UserSettingsPanel } from '../src/elements/user-settings-panel/user-settings-panel.js';
import '../src/locales/ar.js';
import { presets } from '../src/mock/state.js';
import { announced, deepQueryAll, deepText, waitFor } from './support/dom.js';
import { mockBackend, mountPanel, requestsTo } from './support/panel.js';
import { user } from './support/user.js';

const sectionTitles = (panel: UserSettingsPanel) =>
  deepQueryAll('h3[part=section-title]', panel.shadowRoot!).map((h) => h.textContent?.trim());

describe('<user-settings-panel>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('is accessible when loaded', async () => {
    await mockBackend();
    const panel = await mountPanel();
    await expect(panel).to.be.accessible();
  });

  it('makes one request on mount and shows every summary', async () => {
    const mock = await mockBackend();
    const panel = await mountPanel();
    await waitFor(() => deepText(panel).includes('jordan.rivera@example.com'));
    expect(mock.state.requests.map((r) => r.route)).to.deep.equal(['getProfile']);
    expect(sectionTitles(panel)).to.deep.equal(['Email', 'Phone number', 'Password', 'TikTok account']);
    const text = deepText(panel);
    expect(text).to.include('Verified');
    expect(text).to.include('Not set');
    expect(text).to.include('Not linked');
  });

  it('shows a loading state, then the content', async () => {
    const mock = await mockBackend();
    mock.scenarios.set({ latencyMs: 400 });
    const panel = await mountPanel({ loaded: false });
    await waitFor(() => announced(panel).includes('Loading your settings'), { message: 'the loading status' });
    await expect(panel).to.be.accessible();
    await waitFor(() => deepText(panel).includes('jordan.rivera@example.com'), { message: 'the content' });
    expect(announced(panel)).not.to.include('Loading');
  });

  it('tells a server error in plain words and recovers with Try again', async () => {
    const mock = await mockBackend();
    mock.scenarios.set({ serverErrors: true });
    const panel = await mountPanel({ loaded: false });
    await waitFor(() => announced(panel).includes('couldn\'t load your settings'), { timeout: 5000 });
    expect(announced(panel)).to.include('Something went wrong on our side');
    await expect(panel).to.be.accessible();
    mock.scenarios.set({ serverErrors: false });
    await user.click('button', 'Try again');
    await waitFor(() => deepText(panel).includes('jordan.rivera@example.com'));
  });

  it('tells a malformed response apart from a network failure', async () => {
    const mock = await mockBackend();
    mock.scenarios.set({ malformed: true });
    const malformed = await mountPanel({ loaded: false });
    await waitFor(() => announced(malformed).includes('couldn\'t understand'));
    malformed.remove();
    mock.scenarios.set({ malformed: false, offline: true });
    const offline = await mountPanel({ loaded: false });
    await waitFor(() => announced(offline).includes('couldn\'t reach the server'), { timeout: 5000 });
  });

  it('fires usp-session-expired on 401 and offers no pointless retry', async () => {
    const mock = await mockBackend();
    mock.scenarios.set({ signedOut: true });
    const expired = new Promise((resolve) => document.addEventListener('usp-session-expired', resolve, { once: true }));
    const panel = await mountPanel({ loaded: false });
    const event = (await expired) as Event;
    expect(event.composed).to.equal(true);
    await waitFor(() => announced(panel).includes('session has ended'));
    expect(await user.count('button', 'Try again')).to.equal(0);
  });

  it('aborts the in-flight request when removed, and works with a replacement backend object', async () => {
    let signal: AbortSignal | undefined;
    const backend = {
      getProfile: (options: { signal?: AbortSignal } = {}) => {
        signal = options.signal;
        return new Promise((_, reject) => signal!.addEventListener('abort', () => reject(new UserSettingsError({ kind: 'aborted' }))));
      },
    } as unknown as UserSettingsBackend;
    const panel = await fixture<UserSettingsPanel>(html`<user-settings-panel .backend=${backend}></user-settings-panel>`);
    expect(signal?.aborted).to.equal(false);
    panel.remove();
    expect(signal?.aborted).to.equal(true);

    const working = { getProfile: async () => structuredClone(presets.linkedBusiness) } as unknown as UserSettingsBackend;
    const custom = await fixture<UserSettingsPanel>(html`<user-settings-panel .backend=${working}></user-settings-panel>`);
    await waitFor(() => deepText(custom).includes('Linked as @'));
  });

  for (const host of ['ads-manager', 'business-center', 'mobile-lite']) {
    it(`renders the ${host} layout accessibly`, async () => {
      await mockBackend();
      const panel = await mountPanel({ host });
      expect(panel.getAttribute('host')).to.equal(host);
      expect(await user.count('button', 'Close settings')).to.equal(host === 'ads-manager' ? 1 : 0);
      const minHeight = Math.min(...deepQueryAll('button', panel.shadowRoot!).map((b) => b.getBoundingClientRect().height));
      expect(minHeight).to.be.at.least(host === 'mobile-lite' ? 44 : 24);
      await expect(panel).to.be.accessible();
    });
  }

  it('limits the capabilities with `sections`', async () => {
    await mockBackend();
    const panel = await mountPanel({ sections: 'tiktok, email' });
    expect(sectionTitles(panel)).to.deep.equal(['Email', 'TikTok account']);
  });

  it('in the drop-down, a row opens its editor alone and Back returns to all rows', async () => {
    await mockBackend();
    const panel = await mountPanel({ host: 'ads-manager' });
    await user.click('button', 'Change Email');
    await waitFor(() => sectionTitles(panel).length === 1);
    expect(sectionTitles(panel)).to.deep.equal(['Email']);
    await user.click('button', 'Back to all settings');
    await waitFor(() => sectionTitles(panel).length === 4);
  });

  it('asks its host to close', async () => {
    await mockBackend();
    const panel = await mountPanel({ host: 'ads-manager' });
    setTimeout(() => user.click('button', 'Close settings'));
    const event = await oneEvent(panel, 'usp-close-requested');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('opens the section named by the deep link', async () => {
    await mockBackend();
    history.replaceState(null, '', '#password');
    const panel = await mountPanel();
    const password = panel.shadowRoot!.querySelector('user-settings-password')!;
    await waitFor(() => password.open, { message: 'the password editor to open' });
    expect(panel.shadowRoot!.querySelector('user-settings-email')!.open).to.equal(false);
  });

  it('speaks Arabic right to left once the catalog is registered', async () => {
    await mockBackend();
    const panel = await mountPanel({ locale: 'ar' });
    expect(panel.getAttribute('dir')).to.equal('rtl');
    expect(panel.getAttribute('lang')).to.equal('ar');
    expect(deepText(panel)).to.include('إعدادات المستخدم');
    await expect(panel).to.be.accessible();
  });

  it('lets the host override any string', async () => {
    await mockBackend();
    const panel = await mountPanel();
    panel.messages = { 'panel.title': 'Sign-in settings' };
    await waitFor(() => deepText(panel).includes('Sign-in settings'));
  });

  it('fires no event when properties are set', async () => {
    const mock = await mockBackend();
    const panel = await mountPanel();
    const seen: string[] = [];
    for (const type of ['usp-changed', 'usp-failed', 'usp-session-expired', 'usp-close-requested']) panel.addEventListener(type, () => seen.push(type));
    panel.host = 'mobile-lite';
    panel.locale = 'ar';
    panel.sections = 'email';
    await panel.updateComplete;
    expect(seen).to.deep.equal([]);
    expect(requestsTo(mock, 'getProfile')).to.have.length(1);
  });

  it('serves sub-elements under a provider with one request', async () => {
    const mock = await mockBackend('linkedPersonal');
    const provider = await fixture(html`
      <user-settings-provider api-base="/api">
        <user-settings-email></user-settings-email>
        <user-settings-tiktok></user-settings-tiktok>
      </user-settings-provider>`);
    await waitFor(() => deepText(provider).includes('Linked as @'));
    expect(deepText(provider)).to.include('Email');
    expect(requestsTo(mock, 'getProfile')).to.have.length(1);
  });
});

describe('<user-settings-panel> mount and unmount', () => {
  it('leaves no window listener or pending request behind after many cycles', async () => {
    const mock = await mockBackend();
    const added = new Map<string, number>();
    const realAdd = window.addEventListener;
    const realRemove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      added.set(type, (added.get(type) ?? 0) + 1);
      return (realAdd as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      added.set(type, (added.get(type) ?? 0) - 1);
      return (realRemove as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.removeEventListener;
    try {
      for (let i = 0; i < 20; i++) {
        const panel = await mountPanel({ host: 'ads-manager' });
        panel.remove();
      }
    } finally {
      window.addEventListener = realAdd;
      window.removeEventListener = realRemove;
    }
    expect([...added].filter(([, count]) => count !== 0), 'listeners added but not removed').to.deep.equal([]);
    expect(requestsTo(mock, 'getProfile')).to.have.length(20);
  });
});
