/**
 * Every state in the pseudo-locales `en-XA` and `ar-XB`: no text escaped the catalog (each
 * visible text node is pseudo-localized; values from the profile are isolated in `<bdi>` or
 * `dir="ltr"` and exempt), and no text is clipped when it is 40 % longer.
 */
import { expect } from '@open-wc/testing';
import type { UserSettingsPanel } from '../src/elements/user-settings-panel/user-settings-panel.js';
import { resolveMessages, type MessageKey } from '../src/i18n/messages.js';
import { registerPseudoLocales, type PseudoLocale } from '../src/i18n/pseudo.js';
import type { MockPresetName } from '../src/mock/state.js';
import { deepQuery, waitFor } from './support/dom.js';
import { mockBackend, mountPanel } from './support/panel.js';
import { user } from './support/user.js';

registerPseudoLocales();

/** Every node under `root`, through shadow roots (a shadow root's content before the host's children). */
function* deepNodes(root: Node): Generator<Node> {
  yield root;
  const shadow = (root as Element).shadowRoot;
  if (shadow) for (const child of shadow.childNodes) yield* deepNodes(child);
  for (const child of root.childNodes) yield* deepNodes(child);
}

/** Text that data put there (an address, a number, a name): isolated, so not the catalog's. */
const isValue = (el: Element | null) => !!el?.closest('bdi, [dir=ltr]:not(:host), [aria-hidden=true], style');
const withoutLetters = (text: string) => !/[A-Za-z]/.test(text);
/** Whether `text` came from the pseudo catalog (or has no letters at all). */
const pseudoLocalized = (text: string, locale: PseudoLocale) =>
  withoutLetters(locale === 'ar-XB' ? text.replace(/\u202e[^\u202c]*\u202c/g, '') : text);

/** Problems in what `panel` shows now: untranslated text and clipped text containers. */
function problems(panel: UserSettingsPanel, locale: PseudoLocale, where: string): string[] {
  const found: string[] = [];
  for (const node of deepNodes(panel.shadowRoot!)) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent!.trim();
      if (text && !isValue(node.parentElement) && !pseudoLocalized(text, locale)) found.push(`${where}: untranslated "${text}"`);
    } else if (node instanceof Element) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(name);
        if (value && !pseudoLocalized(value, locale)) found.push(`${where}: untranslated ${name}="${value}"`);
      }
      const ownText = [...node.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      const style = getComputedStyle(node);
      if (ownText && style.display !== 'inline' && style.display !== 'contents' && node.getClientRects().length
        && !node.closest('.visually-hidden') && node.scrollWidth > node.clientWidth + 1) {
        found.push(`${where}: clipped <${node.localName}> "${node.textContent!.trim().slice(0, 40)}" ${node.scrollWidth} > ${node.clientWidth}`);
      }
    }
  }
  return found;
}

for (const locale of ['en-XA', 'ar-XB'] as const) {
  const t = resolveMessages(locale);
  /** A catalog string as a name to find (the part before any placeholder). */
  const name = (key: MessageKey) => t[key].split('{')[0];

  describe(`pseudo-locale ${locale}`, () => {
    let found: string[];
    beforeEach(() => (found = []));
    /** Ends a test: nothing untranslated or clipped was seen in any of its states. */
    const verify = () => expect(found.join('\n')).to.equal('');

    /** Mounts a panel (360 px in the narrow hosts) in the pseudo-locale. */
    async function mount(preset: MockPresetName, host = 'business-center', sections = '', scenarios = {}) {
      const mock = await mockBackend(preset, { phone: { number: '+33612345678', verified: true } });
      mock.scenarios.set(scenarios);
      const panel = await mountPanel({ host, sections, locale, loaded: !Object.keys(scenarios).length });
      if (host === 'ads-manager' || host === 'mobile-lite') panel.style.width = '360px';
      await panel.updateComplete;
      return { panel, mock };
    }
    const check = (panel: UserSettingsPanel, where: string) => found.push(...problems(panel, locale, where));
    const editorReady = (panel: UserSettingsPanel, tag: string, ready = 'form') =>
      waitFor(() => deepQuery(tag, panel)?.shadowRoot?.querySelector(ready), { timeout: 15000, message: tag });

    it('summaries in every host, and the load failure', async () => {
      for (const host of ['ads-manager', 'business-center', 'mobile-lite', 'standalone']) {
        const { panel } = await mount('linkedPersonal', host);
        expect(panel.getAttribute('dir')).to.equal(locale === 'ar-XB' ? 'rtl' : 'ltr');
        check(panel, host);
      }
      const { panel } = await mount('default', 'business-center', '', { serverErrors: ['getProfile'] });
      await waitFor(() => panel.shadowRoot!.querySelector('[part=error]'), { message: 'the load failure' });
      check(panel, 'load failure');
      verify();
    });

    it('the password editor: rules, strength, errors', async () => {
      const { panel } = await mount('default', 'mobile-lite', 'password');
      await user.click('button', name('action.change'));
      await editorReady(panel, 'usp-password-editor');
      check(panel, 'password open');
      await user.type('textbox', name('password.new'), 'abc', { exact: true });
      await user.click('button', name('password.submit'));
      await waitFor(() => deepQuery('usp-password-editor', panel)!.shadowRoot!.querySelector('[role=alert]'), { message: 'errors' });
      check(panel, 'password errors');
      verify();
    });

    it('the email editor and its code step', async function () {
      this.timeout(20000);
      const { panel } = await mount('default', 'ads-manager', 'email');
      await user.click('button', name('action.change'));
      await editorReady(panel, 'usp-email-editor');
      check(panel, 'email open');
      await user.fill('textbox', name('email.new'), 'new.address@example.com');
      await user.click('button', name('email.send'));
      await editorReady(panel, 'usp-email-editor', 'usp-code-input');
      await waitFor(() => deepQuery('#sent', panel), { message: 'where the code went' });
      check(panel, 'email code');
      verify();
    });

    it('the phone editor, its code step and the removal dialog', async function () {
      this.timeout(30000);
      const { panel } = await mount('default', 'mobile-lite', 'phone');
      await user.click('button', name('action.change'));
      await editorReady(panel, 'usp-phone-editor');
      check(panel, 'phone open');
      await user.click('button', name('phone.remove'));
      await waitFor(() => deepQuery('dialog[open]', panel), { message: 'the removal dialog' });
      check(panel, 'phone removal dialog');
      await user.press('Escape');
      await user.fill('textbox', name('phone.newNumber'), '+33 6 98 76 54 32');
      await user.click('button', name('phone.sendCode'));
      await editorReady(panel, 'usp-phone-editor', 'usp-code-input');
      await waitFor(() => deepQuery('#sent', panel), { message: 'where the code went' });
      check(panel, 'phone code');
      verify();
    });

    it('the TikTok manager: linked, its dialogs, not linked and unavailable', async function () {
      this.timeout(20000);
      let { panel } = await mount('linkedPersonal', 'business-center', 'tiktok');
      await user.click('button', name('action.manage'));
      await editorReady(panel, 'usp-tiktok-editor', 'button');
      check(panel, 'tiktok linked');
      await user.click('button', name('tiktok.unlink'));
      await waitFor(() => deepQuery('dialog[open]', panel), { message: 'the unlink dialog' });
      check(panel, 'unlink dialog');
      await user.press('Escape');
      ({ panel } = await mount('default', 'mobile-lite', 'tiktok'));
      await user.click('button', name('action.link'));
      await editorReady(panel, 'usp-tiktok-editor', 'button');
      check(panel, 'tiktok not linked');
      ({ panel } = await mount('linkingUnavailable', 'standalone', 'tiktok'));
      check(panel, 'tiktok unavailable');
      verify();
    });

    it('the re-verification dialog', async function () {
      this.timeout(20000);
      const { panel } = await mount('default', 'business-center', 'email');
      await mockBackend('default', { phone: { number: '+33612345678', verified: true } }).then((m) => m.scenarios.set({ reauthRequired: true }));
      await user.click('button', name('action.change'));
      await editorReady(panel, 'usp-email-editor');
      await user.fill('textbox', name('email.new'), 'new.address@example.com');
      await user.click('button', name('email.send'));
      await waitFor(() => deepQuery('usp-reauth-dialog', panel)?.shadowRoot?.querySelector('dialog[open]'), { message: 'the dialog' });
      check(panel, 'reauth dialog');
      await user.press('Escape');
      verify();
    });
  });
}
