// <user-settings-tiktok> and its manager: link (popup, redirect), unlink, Business upgrade.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { UserSettingsPanel } from '../src/elements/user-settings-panel/user-settings-panel.js';
import { rememberLinkState } from '../src/elements/user-settings-tiktok/link-params.js';
import { tiktokLink, type UspTiktokEditor } from '../src/elements/user-settings-tiktok/tiktok-editor.js';
import { en } from '../src/i18n/messages.js';
import type { UserSettingsChangedEvent, UserSettingsFailedEvent } from '../src/events/events.js';
import type { MockBackend } from '../src/mock/browser.js';
import { MOCK_PASSWORD, MOCK_TIKTOK_AVATAR_URL, presets, type MockPresetName } from '../src/mock/state.js';
import { announced, deepQuery, deepQueryAll, deepText, waitFor, waitForEditor } from './support/dom.js';
import { mockBackend, mountPanel, requestsTo } from './support/panel.js';
import { user } from './support/user.js';

const LINK_MESSAGE = 'user-settings:tiktok-link';
const original = { open: window.open, ...tiktokLink };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A window as `window.open` returns it, under the test's control. A MessagePort underneath: besides
 * a window, the only object a `MessageEvent` takes as its `source`, so a test can post "from the popup".
 */
type FakePopup = MessagePort & { closed: boolean; urls: string[]; location: { replace(url: string): void }; focus(): void };
function fakePopup(): FakePopup {
  const popup: FakePopup = Object.assign(new MessageChannel().port1, {
    closed: false,
    urls: [] as string[],
    location: { replace: (url: string) => void popup.urls.push(url) },
    close: () => { popup.closed = true; },
    focus: () => {},
  });
  return popup;
}

/** Replaces `window.open`; returns the calls it received. */
function stubOpen(result: FakePopup | null): unknown[][] {
  const calls: unknown[][] = [];
  window.open = ((...args: unknown[]) => {
    calls.push(args);
    return result;
  }) as typeof window.open;
  return calls;
}

/** Replaces the redirect navigation; returns the URLs it was asked to go to. */
function stubNavigate(): string[] {
  const urls: string[] = [];
  tiktokLink.navigate = (url) => void urls.push(url);
  return urls;
}

let mock: MockBackend;
let panel: UserSettingsPanel;
let changed: UserSettingsChangedEvent[];
let failed: UserSettingsFailedEvent[];

/** Mounts the panel with only the TikTok section, against the mock reset to `preset`. */
async function mount(preset: MockPresetName = 'default', options: { host?: string; open?: boolean } = {}) {
  panel?.remove();
  mock = await mockBackend(preset);
  panel = await mountPanel({ sections: 'tiktok', host: options.host ?? 'business-center' });
  changed = [];
  failed = [];
  panel.addEventListener('usp-changed', (event) => changed.push(event));
  panel.addEventListener('usp-failed', (event) => failed.push(event));
  if (options.open !== false) {
    await user.click('button', 'TikTok account');
    await editorReady();
  }
  return panel;
}

const editor = () => deepQuery<UspTiktokEditor>('usp-tiktok-editor', panel.shadowRoot!);
const editorReady = () => waitForEditor<UspTiktokEditor>('usp-tiktok-editor', { ready: '.stack', root: panel.shadowRoot!, message: 'the TikTok manager' });
const said = (text: string, timeout = 4000) => waitFor(() => announced(panel).includes(text), { timeout, message: `"${text}" announced (got "${announced(panel)}")` });
const stateOf = (url: string) => new URL(url).searchParams.get('state')!;
/** A message as the callback page posts it (by default from this origin, from no window). */
const post = (data: unknown, { origin = location.origin, source = null as MessagePort | null } = {}) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
const dialog = () => waitFor(() => deepQuery('dialog[open]', panel.shadowRoot!), { message: 'a dialog' });
const pageUrl = () => new URL(location.href);


/** Answers every poll of a link session with `answer(state)`; returns when each poll came (ms). */
function answerPolls(answer: (state: string) => Response): number[] {
  const times: number[] = [];
  mock.worker.use(http.get('/api/tiktok/link-sessions/:state', ({ params }) => {
    times.push(performance.now());
    return answer(String(params.state));
  }));
  return times;
}

/** A link session that failed because the TikTok account is linked elsewhere, as SPEC §4.1 words it. */
const inUse = (state: string) => HttpResponse.json({ state, status: 'failed', error: { code: 'tiktok_account_in_use', message: 'In use' } });
/** A server failure the HTTP client does not retry itself (so each poll is one request). */
const serverDown = () => HttpResponse.json({ error: { code: 'internal_error' } }, { status: 501 });

/**
 * Back from TikTok in redirect mode: `usp_link_state` in the address bar. With `startedBy` (a host
 * layout), the state is one a panel of that layout started in this tab, as clicking Link does.
 */
function returnFromTiktok(state: string, startedBy?: string) {
  if (startedBy) rememberLinkState(state, startedBy);
  const back = pageUrl();
  back.searchParams.set('usp_link_state', state);
  history.replaceState(null, '', back);
}

/** Clicks "Link TikTok account" with a fake popup; resolves once the popup points at TikTok. */
async function startPopupLink() {
  const popup = fakePopup();
  const calls = stubOpen(popup);
  await user.click('button', 'Link TikTok account', { exact: true });
  await waitFor(() => popup.urls.length, { message: 'the popup to be pointed at TikTok' });
  expect(calls).to.have.length(1);
  return { popup, state: stateOf(popup.urls[0]) };
}

// Starting the mock's service worker and loading axe-core make the first test slow on a busy machine.
before(async function () {
  this.timeout(30_000);
  await mockBackend();
  const probe = await fixture(html`<p>Warming up</p>`);
  await expect(probe).to.be.accessible();
});

afterEach(() => {
  const { open, ...link } = original;
  window.open = open;
  Object.assign(tiktokLink, link);
  sessionStorage.clear();
  mock?.worker.resetHandlers();
  const url = pageUrl();
  url.searchParams.delete('usp_link_state');
  history.replaceState(null, '', url);
});

describe('<user-settings-tiktok>: states', () => {
  it('is accessible when not linked, and says what linking gives', async () => {
    await mount();
    await expect(panel).to.be.accessible();
    const text = deepText(editor()!);
    expect(text).to.include('sign in to TikTok For Business with TikTok');
    expect(text).to.include('use your organic TikTok videos in your ads');
    expect(await user.count('button', 'Link TikTok account', { exact: true })).to.equal(1);
  });

  it('offers nothing when linking is unavailable, and explains it when the backend says so', async () => {
    await mount('linkingUnavailable', { open: false });
    expect(deepText(panel)).to.include('Not available yet');
    expect(await user.count('button', 'TikTok account')).to.equal(0);
    await expect(panel).to.be.accessible();

    // Available when the panel loaded, switched off since: the link attempt explains it.
    await mount();
    mock.scenarios.set({ linkingUnavailable: true });
    const popup = fakePopup();
    stubOpen(popup);
    await user.click('button', 'Link TikTok account', { exact: true });
    await said('isn\'t available for your account yet');
    expect(popup.closed, 'the blank popup is closed').to.equal(true);
    await waitFor(() => deepText(editor()!).includes('We\'re testing this feature'));
    expect(await user.count('button', 'Link TikTok account', { exact: true })).to.equal(0);
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['tiktok_linking_unavailable']);
    await expect(panel).to.be.accessible();
  });

  it('shows a linked personal account: avatar, names, badge, date, upgrade and unlink', async () => {
    await mount('linkedPersonal');
    const card = deepText(editor()!);
    expect(card).to.include('Jordan Creates');
    expect(card).to.include('@jordan.creates');
    expect(card).to.include('Personal account');
    expect(card).to.include('Linked Feb 1, 2025');
    expect(await user.count('button', 'Upgrade to Business Account')).to.equal(1);
    expect(await user.count('button', 'Unlink TikTok account')).to.equal(1);
    await expect(panel).to.be.accessible();
  });

  it('shows a Business Account without the upgrade', async () => {
    await mount('linkedBusiness');
    expect(deepText(editor()!)).to.include('Business Account');
    expect(await user.count('button', 'Upgrade to Business Account')).to.equal(0);
    await expect(panel).to.be.accessible();
  });

  it('uses only https or same-origin avatars, with a fallback when one fails to load', async () => {
    const root = () => editor()!.shadowRoot!;
    // The mock's https avatar, served by the worker: it loads and stays.
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0));
    (await mockBackend()).worker.use(http.get(MOCK_TIKTOK_AVATAR_URL, () => new HttpResponse(png, { headers: { 'content-type': 'image/png' } })));
    await mount('linkedPersonal');
    const img = await waitFor(() => root().querySelector('img'));
    expect(img.getAttribute('src')).to.equal(MOCK_TIKTOK_AVATAR_URL);
    expect(img.alt, 'decorative: the name is beside it').to.equal('');
    await waitFor(() => img.complete && img.naturalWidth > 0, { message: 'the avatar to load' });
    await sleep(50);
    expect(root().querySelector('img')).to.equal(img);

    const missing = `${location.origin}/no-such-avatar.png`;
    for (const avatarUrl of [missing, 'http://evil.example/a.png', 'javascript:alert(1)', 'data:image/png;base64,AAAA', null]) {
      panel.remove();
      const { tiktok } = presets.linkedPersonal;
      mock.state.reset('linkedPersonal', { tiktok: { ...tiktok, account: { ...tiktok.account!, avatarUrl } } });
      panel = await mountPanel({ sections: 'tiktok' });
      await user.click('button', 'Manage TikTok account');
      await editorReady();
      // Same-origin but missing: tried (a 404 is fast), then replaced by the initial.
      if (avatarUrl === missing) await waitFor(() => !root().querySelector('img'), { message: 'the fallback after a failed load' });
      expect(deepQueryAll('img', panel.shadowRoot!), String(avatarUrl)).to.have.length(0);
      expect(root().querySelector('.avatar')!.textContent).to.equal('J');
    }
    await expect(panel).to.be.accessible();
  });

  it('speaks French and Arabic', async () => {
    mock = await mockBackend('linkedPersonal');
    await import('../src/locales/fr.js');
    await import('../src/locales/ar.js');
    panel = await mountPanel({ sections: 'tiktok', locale: 'fr' });
    await user.click('button', 'Compte TikTok');
    await editorReady();
    expect(deepText(editor()!)).to.include('Dissocier le compte TikTok');
    panel.locale = 'ar';
    await waitFor(() => deepText(editor()!).includes('إلغاء ربط حساب TikTok'));
    await expect(panel).to.be.accessible();
  });
});

describe('<user-settings-tiktok>: link in a popup', () => {
  it('opens the popup at once, then points it at TikTok and finishes once the backend confirms the callback\'s message', async () => {
    await mount();
    tiktokLink.pollMs = 60_000; // only the message can make this flow poll
    const { popup, state } = await startPopupLink();
    expect(popup.urls[0]).to.match(/^http:\/\/localhost:\d+\/mock-tiktok-authorize\.html\?/);
    const [create] = requestsTo(mock, 'createTiktokLinkSession');
    expect(create.body).to.deep.equal({ mode: 'popup', returnUrl: location.href });
    await said('Finish linking in the TikTok window');
    await expect(panel).to.be.accessible();

    mock.state.decideLinkSession(state, 'approve');
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { source: popup });
    await said('Your TikTok account is linked.');
    await waitFor(() => deepText(editor()!).includes('mock.creator'));
    expect(popup.closed).to.equal(true);
    expect(requestsTo(mock, 'getProfile'), 'one refresh after the change').to.have.length(2);
    expect(requestsTo(mock, 'getTiktokLinkSession'), 'the message, confirmed').to.have.length(1);
    expect(changed.map((e) => e.detail.capability)).to.deep.equal(['tiktok-link']);
    expect(changed[0].detail.profile.tiktok.account?.username).to.equal('mock.creator');
    expect(changed[0].bubbles && changed[0].composed).to.equal(true);
    expect(deepText(panel)).to.include('Linked as @mock.creator');
    await expect(panel).to.be.accessible();
  });

  it('finishes by polling when no message arrives (the opener was cut)', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    const { state } = await startPopupLink();
    await waitFor(() => requestsTo(mock, 'getTiktokLinkSession').length >= 2, { message: 'polls' });
    expect(announced(panel)).to.include('Finish linking');
    mock.state.decideLinkSession(state, 'approve');
    await said('Your TikTok account is linked.');
    expect(changed.map((e) => e.detail.capability)).to.deep.equal(['tiktok-link']);
    const polls = requestsTo(mock, 'getTiktokLinkSession').length;
    await sleep(350);
    expect(requestsTo(mock, 'getTiktokLinkSession'), 'polling stopped').to.have.length(polls);
  });

  it('fires usp-changed once when the editor is closed while the profile refreshes after a link', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { state } = await startPopupLink();
    // The refresh after the link waits until the editor is gone, then the mock answers it.
    let refreshing = false;
    mock.worker.use(http.get('/api/me', async () => { refreshing = true; await released; }, { once: true }));
    mock.state.decideLinkSession(state, 'approve');
    await waitFor(() => refreshing, { message: 'the refresh' });
    await user.focus('button', 'Cancel');
    await user.press('Escape');
    await waitFor(() => !editor(), { message: 'the editor to close' });
    release();
    await waitFor(() => changed.length === 1, { message: 'usp-changed' });
    expect(changed[0].detail.capability).to.equal('tiktok-link');
    expect(changed[0].detail.profile.tiktok.account).to.not.equal(null);
    await sleep(200);
    expect(changed).to.have.length(1);
  });

  it('polls every 1.5 s by default', async () => {
    await mount();
    // Timers never fire early, so the first poll comes at least 1.5 s after the click; a busy
    // machine may make it later, which the generous wait allows.
    const clicked = performance.now();
    await startPopupLink();
    await waitFor(() => requestsTo(mock, 'getTiktokLinkSession').length === 1, { timeout: 10_000, message: 'the first poll' });
    expect(performance.now() - clicked).to.be.at.least(1500);
    panel.remove();
  });

  it('says so when the user cancels on TikTok', async () => {
    await mount();
    tiktokLink.pollMs = 60_000;
    const { state, popup } = await startPopupLink();
    mock.state.decideLinkSession(state, 'cancel');
    post({ type: LINK_MESSAGE, state, status: 'cancelled' }, { source: popup });
    await said('Linking was cancelled. No TikTok account was linked.');
    expect(popup.closed).to.equal(true);
    expect(changed).to.have.length(0);
    expect(await user.count('button', 'Link TikTok account', { exact: true })).to.equal(1);
  });

  it('lets the user cancel from the panel, with the keyboard', async () => {
    await mount();
    tiktokLink.pollMs = 60_000;
    const popup = fakePopup();
    stubOpen(popup);
    await user.focus('button', 'Link TikTok account', { exact: true });
    await user.press('Enter');
    await waitFor(() => popup.urls.length);
    // Focus stays on the same button, which now cancels.
    expect(editor()!.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Cancel');
    await user.press('Enter');
    await said('Linking was cancelled.');
    expect(popup.closed).to.equal(true);
    expect(editor()!.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Link TikTok account');
  });

  it('counts a popup the user closed as a cancellation, after one last poll', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    tiktokLink.openerCutMs = 0;
    const { popup } = await startPopupLink();
    await waitFor(() => requestsTo(mock, 'getTiktokLinkSession').length >= 1);
    popup.closed = true;
    const before = requestsTo(mock, 'getTiktokLinkSession').length;
    await said('Linking was cancelled.');
    expect(requestsTo(mock, 'getTiktokLinkSession').length, 'one last poll').to.be.greaterThan(before);
    expect(changed).to.have.length(0);
  });

  it('goes on polling when an opener policy cuts the popup handle at once, and links', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    const { popup, state } = await startPopupLink();
    popup.closed = true; // what a cross-origin-opener policy on TikTok's page looks like from here
    await waitFor(() => requestsTo(mock, 'getTiktokLinkSession').length >= 3, { message: 'polling to go on' });
    expect(announced(panel)).not.to.include('cancelled');
    mock.state.decideLinkSession(state, 'approve');
    await said('Your TikTok account is linked.');
  });

  it('trusts the last poll over the closed popup: approved, then closed, is linked', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    const { popup, state } = await startPopupLink();
    mock.state.decideLinkSession(state, 'approve');
    popup.closed = true;
    await said('Your TikTok account is linked.');
  });

  it('tells "account in use" and "failed" apart', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    let { state } = await startPopupLink();
    mock.state.decideLinkSession(state, 'account_in_use');
    await said('already linked to another TikTok For Business account');
    await expect(panel).to.be.accessible();
    expect(failed.at(-1)!.detail.code).to.equal('tiktok_account_in_use');

    ({ state } = await startPopupLink());
    mock.state.decideLinkSession(state, 'fail');
    await said('TikTok couldn\'t link your account. Try again.');
    expect(announced(panel)).not.to.include('already linked');
    expect(failed.at(-1)!.detail.code).to.equal('tiktok_link_failed');
    expect(changed).to.have.length(0);
  });

  it('ignores messages from another window, another origin, with another state or of another kind', async () => {
    await mount();
    tiktokLink.pollMs = 60_000;
    const { state, popup } = await startPopupLink();
    mock.state.decideLinkSession(state, 'approve');
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { origin: 'https://evil.example', source: popup });
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { source: null });
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { source: fakePopup() });
    post({ type: LINK_MESSAGE, state: 'lnk_someone_else', status: 'linked' }, { source: popup });
    post({ type: 'other', state, status: 'linked' }, { source: popup });
    post('linked', { source: popup });
    post(null, { source: popup });
    await sleep(100);
    expect(announced(panel)).to.include('Finish linking');
    expect(popup.closed).to.equal(false);
    expect(requestsTo(mock, 'getProfile')).to.have.length(1);
    expect(requestsTo(mock, 'getTiktokLinkSession'), 'not even a poll').to.have.length(0);
    expect(changed).to.have.length(0);
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { source: popup });
    await said('Your TikTok account is linked.');
  });

  it('takes a message as a hint: success is told only once the backend confirms it', async () => {
    await mount();
    tiktokLink.pollMs = 200;
    const { popup, state } = await startPopupLink();
    // A forged or early message: the backend has not linked anything.
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { source: popup });
    await waitFor(() => requestsTo(mock, 'getTiktokLinkSession').length >= 2, { message: 'the session read after the message' });
    expect(announced(panel)).not.to.include('is linked');
    expect(changed).to.have.length(0);
    expect(requestsTo(mock, 'getProfile'), 'no refresh yet').to.have.length(1);
    expect(popup.closed).to.equal(false);
    mock.state.decideLinkSession(state, 'approve');
    await said('Your TikTok account is linked.');
    expect(changed.map((e) => e.detail.capability)).to.deep.equal(['tiktok-link']);
  });

  it('trusts only the configured callback origin', async () => {
    mock = await mockBackend();
    panel = await mountPanel({ sections: 'tiktok', host: 'standalone', callbackOrigin: 'https://auth.example' });
    await user.click('button', 'TikTok account');
    await editorReady();
    tiktokLink.pollMs = 60_000;
    const { state, popup } = await startPopupLink();
    mock.state.decideLinkSession(state, 'approve');
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { source: popup });
    await sleep(100);
    expect(announced(panel)).to.include('Finish linking');
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { origin: 'https://auth.example', source: popup });
    await said('Your TikTok account is linked.');
  });

  it('refuses an authorize URL that is not https or same-origin, and a state that is not a token', async () => {
    const sessions = [
      { state: 'lnk_x', authorizeUrl: 'http://evil.example/authorize' },
      { state: 'lnk_x', authorizeUrl: 'javascript:alert(1)' },
      { state: '../me', authorizeUrl: `${location.origin}/mock-tiktok-authorize.html` },
    ];
    for (const { state, authorizeUrl } of sessions) {
      await mount();
      mock.worker.use(http.post('/api/tiktok/link-sessions', () =>
        HttpResponse.json({ state, authorizeUrl, expiresAt: new Date(Date.now() + 60_000).toISOString() }, { status: 201 })));
      const popup = fakePopup();
      stubOpen(popup);
      const navigated = stubNavigate();
      await user.click('button', 'Link TikTok account', { exact: true });
      await said('couldn\'t understand');
      expect(popup.urls, authorizeUrl).to.deep.equal([]);
      expect(popup.closed).to.equal(true);
      expect(navigated).to.deep.equal([]);
      expect(failed.map((e) => e.detail.kind)).to.deep.equal(['invalid_response']);
      await expect(panel).to.be.accessible();
    }
  });

  it('gives up when the session expires while pending', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    // A session that expires in 400 ms, and stays pending.
    mock.worker.use(http.post('/api/tiktok/link-sessions', () =>
      HttpResponse.json({ state: 'lnk_slow', authorizeUrl: `${location.origin}/mock-tiktok-authorize.html?state=lnk_slow`, expiresAt: new Date(Date.now() + 400).toISOString() }, { status: 201 })));
    const polls = answerPolls((state) => HttpResponse.json({ state, status: 'pending' }));
    const { popup } = await startPopupLink();
    await said('This link request has expired. Start again');
    expect(polls.length).to.be.at.least(2);
    expect(popup.closed).to.equal(true);
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['tiktok_link_expired']);
  });

  it('ends when the backend no longer knows the session', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    mock.worker.use(http.post('/api/tiktok/link-sessions', () =>
      HttpResponse.json({ state: 'lnk_gone', authorizeUrl: `${location.origin}/mock-tiktok-authorize.html?state=lnk_gone`, expiresAt: new Date(Date.now() + 60_000).toISOString() }, { status: 201 })));
    const { popup } = await startPopupLink();
    await said('This link request has expired. Start again');
    expect(requestsTo(mock, 'getTiktokLinkSession')).to.have.length(1);
    expect(popup.closed).to.equal(true);
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['tiktok_link_expired']);
  });

  it('stops listening and polling when removed', async () => {
    await mount();
    tiktokLink.pollMs = 100;
    const { state, popup } = await startPopupLink();
    await waitFor(() => requestsTo(mock, 'getTiktokLinkSession').length >= 1);
    panel.remove();
    const count = mock.state.requests.length;
    mock.state.decideLinkSession(state, 'approve');
    post({ type: LINK_MESSAGE, state, status: 'linked' }, { source: popup });
    await sleep(350);
    expect(mock.state.requests.length).to.equal(count);
    expect(changed).to.have.length(0);
  });

  it('links end to end through the mock\'s real authorize page', async () => {
    await mount();
    const opened: (Window | null)[] = [];
    window.open = ((...args: Parameters<typeof window.open>) => {
      opened.push(original.open.apply(window, args));
      return opened[0];
    }) as typeof window.open;
    await user.click('button', 'Link TikTok account', { exact: true });
    // The page is ready once its script ran (it focuses Approve).
    const approve = await waitFor(() => (opened[0]?.document.readyState === 'complete' &&
      opened[0].document.querySelector<HTMLButtonElement>('button[data-decision=approve]')) || null, { timeout: 5000, message: 'the authorize page' });
    expect(opened[0]!.location.pathname).to.equal('/mock-tiktok-authorize.html');
    approve.click();
    await said('Your TikTok account is linked.', 5000);
    await waitFor(() => opened[0]!.closed, { message: 'the popup to close' });
    expect(changed.map((e) => e.detail.capability)).to.deep.equal(['tiktok-link']);
    expect(deepText(editor()!)).to.include('mock.creator');
  });
});

describe('<user-settings-tiktok>: every outcome told (issue 10.4)', () => {
  it('reads a session error `{ code, message }` when polling, and fires usp-failed once', async () => {
    await mount();
    tiktokLink.pollMs = 50;
    answerPolls(inUse);
    const { popup } = await startPopupLink();
    await said('already linked to another TikTok For Business account');
    expect(popup.closed).to.equal(true);
    await sleep(300);
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['tiktok_account_in_use']);
    expect(changed).to.have.length(0);
    await expect(panel).to.be.accessible();
  });

  it('tells "account in use" after the callback\'s message', async () => {
    await mount();
    tiktokLink.pollMs = 60_000;
    const { popup, state } = await startPopupLink();
    mock.state.decideLinkSession(state, 'account_in_use');
    post({ type: LINK_MESSAGE, state, status: 'failed', error: { code: 'tiktok_account_in_use' } }, { source: popup });
    await said('already linked to another TikTok For Business account');
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['tiktok_account_in_use']);
  });

  it('tells "account in use" on return from a redirect, from an error object', async () => {
    mock = await mockBackend();
    answerPolls(inUse);
    returnFromTiktok('lnk_back', 'business-center');
    panel = await mountPanel({ sections: 'tiktok', host: 'business-center' });
    failed = [];
    panel.addEventListener('usp-failed', (event) => failed.push(event));
    await said('already linked to another TikTok For Business account');
    expect(announced(panel)).not.to.include('couldn\'t understand');
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['tiktok_account_in_use']);
  });

  it('a lost message: polls that fail while the popup closes are retried, never read as "cancelled"', async () => {
    await mount();
    tiktokLink.pollMs = 50;
    tiktokLink.openerCutMs = 0;
    let down = true;
    const polls = answerPolls((state) => (down ? serverDown() : inUse(state)));
    const { popup } = await startPopupLink();
    // The callback finished the link server-side and closed the popup; its message never came.
    popup.closed = true;
    await waitFor(() => polls.length >= 2, { message: 'two failed polls' });
    down = false;
    await said('already linked to another TikTok For Business account');
    expect(announced(panel)).not.to.include('cancelled');
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['tiktok_account_in_use']);
  });

  it('shows a poll failure after retrying with growing pauses, then stops polling', async () => {
    await mount();
    tiktokLink.pollMs = 50;
    tiktokLink.pollRetries = 2;
    const polls = answerPolls(serverDown);
    const { popup } = await startPopupLink();
    await said('Something went wrong on our side. Try again.');
    expect(polls, 'the first poll and two retries').to.have.length(3);
    const pauses = polls.slice(1).map((time, i) => time - polls[i]);
    expect(pauses[0], 'the first retry waits 2 × pollMs').to.be.at.least(95);
    expect(pauses[1], 'the second retry waits 4 × pollMs').to.be.at.least(195);
    expect(popup.closed).to.equal(true);
    await sleep(300);
    expect(polls, 'polling stopped').to.have.length(3);
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['internal_error']);
    expect(await user.count('button', 'Link TikTok account', { exact: true }), 'the user can try again').to.equal(1);
  });

  it('waits for a rate limit\'s Retry-After before polling again, without a failure', async () => {
    await mount();
    tiktokLink.pollMs = 50;
    const polls = answerPolls((state) => (polls.length === 1
      ? HttpResponse.json({ error: { code: 'rate_limited', retryAfterSeconds: 1 } }, { status: 429, headers: { 'retry-after': '1' } })
      : HttpResponse.json({ state, status: 'pending' })));
    await startPopupLink();
    await waitFor(() => polls.length >= 2, { message: 'a poll after the rate limit' });
    expect(polls[1] - polls[0], 'Retry-After: 1').to.be.at.least(950);
    expect(failed).to.have.length(0);
    expect(announced(panel)).to.include('Finish linking');
    panel.remove();
  });
});

describe('<user-settings-tiktok>: link by redirect', () => {
  it('falls back to a redirect when the popup is blocked, and finishes when the user comes back, once', async () => {
    await mount();
    stubOpen(null);
    const navigated = stubNavigate();
    await user.click('button', 'Link TikTok account', { exact: true });
    await waitFor(() => navigated.length, { message: 'the redirect' });
    const [create] = requestsTo(mock, 'createTiktokLinkSession');
    expect(create.body).to.deep.equal({ mode: 'redirect', returnUrl: location.href });
    expect(announced(panel)).to.include('Taking you to TikTok');
    const state = stateOf(navigated[0]);
    expect(new URL(navigated[0]).searchParams.get('mode')).to.equal('redirect');

    // On TikTok: the user approves; the callback sends them back with the state.
    panel.remove();
    mock.state.decideLinkSession(state, 'approve');
    returnFromTiktok(state);
    mock.state.clearRequests();
    panel = await mountPanel({ sections: 'tiktok' });
    changed = [];
    panel.addEventListener('usp-changed', (event) => changed.push(event));
    await said('Your TikTok account is linked.');
    expect(pageUrl().searchParams.has('usp_link_state'), 'the state left the address bar').to.equal(false);
    expect(mock.state.requests.map((r) => r.route)).to.deep.equal(['getProfile', 'getTiktokLinkSession', 'getProfile']);
    expect(changed.map((e) => e.detail.capability)).to.deep.equal(['tiktok-link']);
    expect(deepText(editor()!)).to.include('mock.creator');
    await expect(panel).to.be.accessible();

    // The same return again (Back to the callback, a reload, a shared link): already finished.
    panel.remove();
    returnFromTiktok(state);
    mock.state.clearRequests();
    panel = await mountPanel({ sections: 'tiktok' });
    await waitFor(() => !pageUrl().searchParams.has('usp_link_state'), { message: 'the used state to leave the address bar' });
    await aTimeout(200);
    expect(mock.state.requests.map((r) => r.route)).to.deep.equal(['getProfile']);
    expect(editor(), 'the manager stays closed').to.equal(undefined);
  });

  it('uses a redirect on mobile lite, and tells a cancellation on return', async () => {
    await mount('default', { host: 'mobile-lite' });
    const calls = stubOpen(fakePopup());
    const navigated = stubNavigate();
    await user.click('button', 'Link TikTok account', { exact: true });
    await waitFor(() => navigated.length);
    expect(calls, 'no popup on mobile lite').to.have.length(0);
    expect(requestsTo(mock, 'createTiktokLinkSession')[0].body).to.include({ mode: 'redirect' });

    panel.remove();
    const state = stateOf(navigated[0]);
    mock.state.decideLinkSession(state, 'cancel');
    returnFromTiktok(state);
    panel = await mountPanel({ sections: 'tiktok', host: 'mobile-lite' });
    await said('Linking was cancelled.');
    expect(pageUrl().searchParams.has('usp_link_state')).to.equal(false);
  });

  it('ignores a return this tab did not start, or a malformed state, and removes it from the address bar', async () => {
    mock = await mockBackend();
    // A session someone else started and approved, sent to the user as a crafted link.
    const crafted = mock.state.createLinkSession({ mode: 'redirect', returnUrl: location.href, authorizePageUrl: `${location.origin}/mock-tiktok-authorize.html` });
    mock.state.decideLinkSession(crafted.state, 'approve');
    for (const state of [crafted.state, '../me', 'a'.repeat(129), '', 'lnk_ok']) {
      panel?.remove();
      // 'lnk_ok' has the right form and was started here, but by a panel of a layout that is not on this page.
      returnFromTiktok(state, state === 'lnk_ok' ? 'mobile-lite' : undefined);
      mock.state.clearRequests();
      panel = await mountPanel({ sections: 'tiktok' });
      changed = [];
      panel.addEventListener('usp-changed', (event) => changed.push(event));
      if (state !== 'lnk_ok') await waitFor(() => !pageUrl().searchParams.has('usp_link_state'), { message: `${state} to leave the address bar` });
      await aTimeout(200);
      expect(mock.state.requests.map((r) => r.route), state).to.deep.equal(['getProfile']);
      expect(editor(), state).to.equal(undefined);
      expect(changed, state).to.have.length(0);
    }
    expect(pageUrl().searchParams.get('usp_link_state'), 'left for the layout that started it').to.equal('lnk_ok');
  });

  it('is finished only by a panel of the host that started it', async () => {
    mock = await mockBackend();
    const api = mock.state.createLinkSession({ mode: 'redirect', returnUrl: location.href, authorizePageUrl: `${location.origin}/mock-tiktok-authorize.html` });
    mock.state.decideLinkSession(api.state, 'approve');
    returnFromTiktok(api.state, 'mobile-lite');
    panel = await mountPanel({ sections: 'tiktok', host: 'business-center' });
    await aTimeout(200);
    expect(requestsTo(mock, 'getTiktokLinkSession'), 'another host leaves it alone').to.have.length(0);
    expect(pageUrl().searchParams.get('usp_link_state')).to.equal(api.state);
    const mobile = await mountPanel({ sections: 'tiktok', host: 'mobile-lite' });
    await waitFor(() => requestsTo(mock, 'getTiktokLinkSession').length === 1);
    await waitFor(() => !pageUrl().searchParams.has('usp_link_state'));
    mobile.remove();
  });

  it('explains "account in use" on return from a redirect', async () => {
    mock = await mockBackend();
    const api = mock.state.createLinkSession({ mode: 'redirect', returnUrl: location.href, authorizePageUrl: `${location.origin}/mock-tiktok-authorize.html` });
    mock.state.decideLinkSession(api.state, 'account_in_use');
    returnFromTiktok(api.state, 'ads-manager');
    panel = await mountPanel({ sections: 'tiktok', host: 'ads-manager' });
    await said('already linked to another TikTok For Business account');
    await expect(panel).to.be.accessible();
  });
});

describe('<user-settings-tiktok>: only safe URLs, as parsed (issue 10.7)', () => {
  /** Runs `src/utils/url.ts` as served inside a sandboxed `about:srcdoc` frame (an opaque origin); returns what it says of `urls`. */
  async function checkInOpaqueFrame(urls: string[]) {
    const source = await (await fetch('/src/utils/url.ts')).text();
    const frame = document.createElement('iframe');
    frame.sandbox.add('allow-scripts');
    frame.srcdoc = `<script type="module">${source}
      const urls = ${JSON.stringify(urls)};
      parent.postMessage({ origin: location.origin, href: location.href,
        safe: urls.map((url) => isSafeUrl(url)), parsed: typeof safeUrl === 'function' ? urls.map((url) => safeUrl(url) ?? null) : [] }, '*');
    <\/script>`;
    const answer = new Promise<{ origin: string; href: string; safe: boolean[]; parsed: (string | null)[] }>((resolve) =>
      addEventListener('message', function onMessage(event) {
        if (event.source !== frame.contentWindow) return;
        removeEventListener('message', onMessage);
        resolve(event.data);
      }));
    document.body.append(frame);
    try {
      return await answer;
    } finally {
      frame.remove();
    }
  }

  it('in an opaque-origin document (sandboxed about:srcdoc) only https passes', async () => {
    const sameOriginHere = `${location.origin}/avatar.png`;
    const result = await checkInOpaqueFrame(['javascript:alert(1)', 'data:text/html,hello', sameOriginHere, 'HTTPS://Ads.Example/a/../settings']);
    expect([result.origin, result.href]).to.deep.equal(['null', 'about:srcdoc']);
    expect(result.safe).to.deep.equal([false, false, false, true]);
    expect(result.parsed).to.deep.equal([null, null, null, 'https://ads.example/settings']);
  });

  it('points the popup, or the redirect, at the parsed authorize URL, never the raw string', async () => {
    for (const host of ['business-center', 'mobile-lite']) {
      await mount('default', { host });
      tiktokLink.pollMs = 60_000;
      mock.worker.use(http.post('/api/tiktok/link-sessions', () =>
        HttpResponse.json({ state: 'lnk_x', authorizeUrl: ' HTTPS://TikTok.Example/oauth/../authorize?state=lnk_x', expiresAt: new Date(Date.now() + 60_000).toISOString() }, { status: 201 })));
      const popup = fakePopup();
      stubOpen(popup);
      const navigated = stubNavigate();
      await user.click('button', 'Link TikTok account', { exact: true });
      await waitFor(() => popup.urls.length || navigated.length, { message: 'the popup or the redirect' });
      expect([...popup.urls, ...navigated], host).to.deep.equal(['https://tiktok.example/authorize?state=lnk_x']);
      panel.remove();
    }
  });

  it('renders the ad-account settings link and the avatar from their parsed URLs, and no unsafe one', async () => {
    const adLink = () => deepQuery<HTMLAnchorElement>('footer a', panel.shadowRoot!);
    await mount('linkedPersonal', { open: false });
    panel.adAccountSettingsUrl = 'HTTPS://Ads.Example/settings/../account';
    await waitFor(() => adLink()?.getAttribute('href') === 'https://ads.example/account', { message: 'the parsed ad-account link' });
    for (const unsafe of ['javascript:alert(1)', 'data:text/html,x', 'http://ads.example/account', '']) {
      panel.adAccountSettingsUrl = unsafe;
      await panel.updateComplete;
      expect(adLink(), JSON.stringify(unsafe)).to.equal(undefined);
    }

    panel.remove();
    const { tiktok } = presets.linkedPersonal;
    mock.state.reset('linkedPersonal', { tiktok: { ...tiktok, account: { ...tiktok.account!, avatarUrl: 'HTTPS://P16-SIGN.tiktokcdn-us.example/./avatar.png' } } });
    panel = await mountPanel({ sections: 'tiktok' });
    await user.click('button', 'Manage TikTok account');
    await editorReady();
    expect(editor()!.shadowRoot!.querySelector('img')?.getAttribute('src')).to.equal(MOCK_TIKTOK_AVATAR_URL);
  });
});

describe('<user-settings-tiktok>: host wording (issue 10.9)', () => {
  it('fills only the placeholders it was given: `{constructor}` in a host override stays as written', async () => {
    await mount('linkedPersonal');
    panel.messages = { 'tiktok.unlinkTitle': 'Unlink @{username}? {constructor} {toString} {__proto__}' };
    await user.click('button', 'Unlink TikTok account');
    const open = await dialog();
    const title = deepText(open);
    expect(title).to.include('Unlink @jordan.creates? {constructor} {toString} {__proto__}');
    expect(title).not.to.include('native code');
    await user.click('button', 'Cancel', { exact: true });
  });
});

describe('<user-settings-tiktok>: unlink', () => {
  it('asks first, then unlinks', async () => {
    await mount('linkedPersonal');
    const requested: Event[] = [];
    panel.addEventListener('usp-unlink-requested', (event) => requested.push(event));
    await user.click('button', 'Unlink TikTok account');
    const open = await dialog();
    expect(requested).to.have.length(1);
    expect(requested[0].cancelable && requested[0].composed).to.equal(true);
    expect(deepText(open)).to.include('Unlink @jordan.creates?');
    expect(deepText(open)).to.include('won\'t be able to sign in with this TikTok account');
    await expect(panel).to.be.accessible();
    await user.click('button', 'Unlink', { exact: true });
    await said('Your TikTok account is unlinked.');
    expect(requestsTo(mock, 'unlinkTiktok')).to.have.length(1);
    expect(changed.map((e) => e.detail.capability)).to.deep.equal(['tiktok-unlink']);
    expect(changed[0].detail.profile.tiktok.account).to.equal(null);
    expect(await user.count('button', 'Link TikTok account', { exact: true })).to.equal(1);
    await expect(panel).to.be.accessible();
  });

  it('does nothing when the user cancels, and gives focus back', async () => {
    await mount('linkedPersonal');
    await user.focus('button', 'Unlink TikTok account');
    await user.press('Enter');
    await dialog();
    await user.press('Escape');
    await waitFor(() => !deepQuery('dialog[open]', panel.shadowRoot!));
    expect(requestsTo(mock, 'unlinkTiktok')).to.have.length(0);
    expect(editor()!.shadowRoot!.activeElement?.textContent).to.equal('Unlink TikTok account');
    expect(deepText(editor()!)).to.include('jordan.creates');
  });

  it('does nothing when the host vetoes it, and says nothing was unlinked', async () => {
    await mount('linkedPersonal');
    panel.addEventListener('usp-unlink-requested', (event) => event.preventDefault());
    await user.click('button', 'Unlink TikTok account');
    await said('Unlinking was stopped. Your TikTok account is still linked.');
    expect(deepQuery('dialog', panel.shadowRoot!)).to.equal(undefined);
    expect(requestsTo(mock, 'unlinkTiktok')).to.have.length(0);
    expect(changed).to.have.length(0);
  });

  it('explains that TikTok is the last way to sign in', async () => {
    await mount('tiktokOnly');
    await user.click('button', 'Unlink TikTok account');
    await dialog();
    await user.click('button', 'Unlink', { exact: true });
    await said('This is your only way to sign in. Add another sign-in method first.');
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['last_login_method']);
    expect(deepText(editor()!)).to.include('jordan.creates');
    await expect(panel).to.be.accessible();
  });
});

describe('<user-settings-tiktok>: re-verification', () => {
  const reauthDialog = () => deepQuery('usp-reauth-dialog', panel.shadowRoot!)?.shadowRoot?.querySelector('dialog[open]');
  async function reverify() {
    await waitFor(() => reauthDialog(), { message: 'the re-verification dialog' });
    await expect(panel).to.be.accessible();
    await user.fill('textbox', en['reauth.password'], MOCK_PASSWORD);
    await user.click('button', en['dialog.confirm'], { exact: true });
  }

  it('unlinks after the user proves it is them', async () => {
    await mount('linkedPersonal');
    mock.scenarios.set({ reauthRequired: true });
    await user.click('button', 'Unlink TikTok account');
    await dialog();
    await user.click('button', 'Unlink', { exact: true });
    await reverify();
    await said('Your TikTok account is unlinked.');
    expect(requestsTo(mock, 'unlinkTiktok').map((r) => !!r.reauthToken)).to.deep.equal([false, true]);
    expect(changed.map((e) => e.detail.capability)).to.deep.equal(['tiktok-unlink']);
  });

  it('keeps the popup while the user proves it is them, then points it at TikTok', async () => {
    await mount();
    mock.scenarios.set({ reauthRequired: true });
    tiktokLink.pollMs = 60_000;
    const popup = fakePopup();
    stubOpen(popup);
    await user.click('button', 'Link TikTok account', { exact: true });
    await reverify();
    await waitFor(() => popup.urls.length, { message: 'the popup to be pointed at TikTok' });
    expect(requestsTo(mock, 'createTiktokLinkSession').map((r) => !!r.reauthToken)).to.deep.equal([false, true]);
    expect(popup.urls[0]).not.to.include('rt_');
  });

  it('closes the blank popup when the user gives up re-verifying', async () => {
    await mount();
    mock.scenarios.set({ reauthRequired: true });
    const popup = fakePopup();
    stubOpen(popup);
    await user.click('button', 'Link TikTok account', { exact: true });
    await waitFor(() => reauthDialog());
    await user.press('Escape');
    await waitFor(() => popup.closed, { message: 'the popup to close' });
    expect(popup.urls).to.deep.equal([]);
    expect(await user.count('button', 'Link TikTok account', { exact: true })).to.equal(1);
  });
});

describe('<user-settings-tiktok>: upgrade to a Business Account', () => {
  it('explains a Business Account, upgrades, and updates the badge', async () => {
    await mount('linkedPersonal');
    await user.click('button', 'Upgrade to Business Account');
    const open = await dialog();
    expect(deepText(open)).to.include('A Business Account is a public TikTok account');
    await expect(panel).to.be.accessible();
    await user.click('button', 'Upgrade', { exact: true });
    await said('Your TikTok account is now a Business Account.');
    expect(requestsTo(mock, 'upgradeTiktokToBusiness')).to.have.length(1);
    expect(deepText(editor()!)).to.include('Business Account');
    expect(deepText(editor()!)).not.to.include('Personal account');
    expect(await user.count('button', 'Upgrade to Business Account')).to.equal(0);
    expect(changed.map((e) => e.detail.capability)).to.deep.equal(['tiktok-business-upgrade']);
    expect(changed[0].detail.profile.tiktok.account?.isBusinessAccount).to.equal(true);
  });

  it('explains an ineligible account and changes nothing', async () => {
    await mount('linkedPersonal');
    mock.state.profile.tiktok.businessUpgradeAvailable = false;
    await user.click('button', 'Upgrade to Business Account');
    await dialog();
    await user.click('button', 'Upgrade', { exact: true });
    await said('isn\'t eligible for a Business Account right now');
    expect(deepText(editor()!)).to.include('Personal account');
    // The profile is read again: the upgrade is no longer offered, and focus is not lost.
    await waitFor(async () => (await user.count('button', 'Upgrade to Business Account')) === 0);
    expect(editor()!.shadowRoot!.activeElement?.getAttribute('role')).to.equal('alert');
    expect(changed).to.have.length(0);
    expect(failed.map((e) => e.detail.code)).to.deep.equal(['business_upgrade_ineligible']);
    await expect(panel).to.be.accessible();
  });

  it('cancelling the confirmation sends nothing', async () => {
    await mount('linkedPersonal');
    await user.click('button', 'Upgrade to Business Account');
    await dialog();
    await user.click('button', 'Cancel', { exact: true });
    await waitFor(() => !deepQuery('dialog[open]', panel.shadowRoot!));
    expect(requestsTo(mock, 'upgradeTiktokToBusiness')).to.have.length(0);
  });
});

describe('<user-settings-tiktok>: the section', () => {
  it('closes the manager with Done and gives focus back to the row', async () => {
    await mount('linkedPersonal');
    await user.click('button', 'Done', { exact: true });
    await waitFor(() => !editor());
    const section = panel.shadowRoot!.querySelector('user-settings-tiktok')!;
    expect(section.shadowRoot!.activeElement?.textContent).to.include('Manage');
  });

  it('fires no event when mounted or when properties change', async () => {
    await mount('linkedPersonal');
    panel.locale = 'fr';
    panel.host = 'ads-manager';
    await sleep(50);
    expect(changed).to.have.length(0);
    expect(failed).to.have.length(0);
  });
});
