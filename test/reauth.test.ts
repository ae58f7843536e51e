// Re-verification (step-up): requestReauth() and <usp-reauth-dialog>, on the mock backend.
import { expect, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createHttpBackend } from '../src/api/http-backend.js';
import type { ReauthMethod } from '../src/api/schemas.js';
import type { SettingsContext } from '../src/context/settings-context.js';
import '../src/define.js';
import { requestReauth } from '../src/elements/reauth/request-reauth.js';
import { en } from '../src/i18n/messages.js';
import type { MockBackend } from '../src/mock/browser.js';
import { MOCK_PASSWORD } from '../src/mock/index.js';
import { deepQuery, deepText, secretsInDom, waitFor } from './support/dom.js';
import { mockBackend, mountInProvider } from './support/panel.js';
import { user } from './support/user.js';

let mock: MockBackend;
const context: SettingsContext = {
  backend: createHttpBackend({ apiBase: '/api' }),
  messages: en,
  locale: 'en',
  host: { kind: 'standalone', compact: false, linkMode: 'popup', callbackOrigin: location.origin },
  applyProfile: () => undefined,
  refreshProfile: async () => undefined,
  reloadProfile: async () => undefined,
  reauthPrompt: async () => undefined,
};

/** A host with a focused button, as an editor's submit button would be when the dialog opens. */
async function mountHost() {
  const host = await mountInProvider<HTMLDivElement>(html`<div></div>`, 'div');
  host.attachShadow({ mode: 'open' }).innerHTML = '<button>Save</button>';
  host.shadowRoot!.querySelector('button')!.focus();
  return host;
}

const alertText = (element: HTMLElement) => element.shadowRoot!.querySelector('[role=alert]')?.textContent?.trim() ?? '';

async function open(methods: ReauthMethod[], signal = new AbortController().signal) {
  const host = await mountHost();
  const token = requestReauth({ host, context, methods, signal });
  const dialog = await waitFor(() => deepQuery<HTMLDialogElement>('dialog[open]'), { message: 'the dialog' });
  return { host, token, dialog, element: host.shadowRoot!.querySelector('usp-reauth-dialog')! };
}

beforeEach(async () => {
  mock = await mockBackend('default', { phone: { number: '+14155554567', verified: true } });
});

describe('re-verification', () => {
  it('is an accessible modal dialog, also with an error', async () => {
    const { element, token } = await open(['password', 'email_code', 'phone_code']);
    expect(await user.visible('dialog', 'Confirm it\'s you')).to.equal(true);
    expect(element.shadowRoot!.activeElement?.id).to.equal('password'); // not the first radio
    await expect(element).to.be.accessible();
    await user.click('button', 'Confirm');
    expect(deepText(element)).to.contain('Enter your password.');
    await expect(element).to.be.accessible();
    await user.press('Escape');
    expect(await token).to.equal(undefined);
  });

  it('by password: a wrong one is an error inside the dialog, the right one resolves the token and restores focus', async () => {
    const { host, token, element } = await open(['password']);
    await user.fill('textbox', 'Your password', 'not-it');
    await user.press('Enter');
    await waitFor(() => deepText(element).includes('didn\'t match'), { message: 'the error' });
    const field = element.shadowRoot!.querySelector<HTMLInputElement>('#password')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.value).to.equal('');
    expect(element.shadowRoot!.activeElement).to.equal(field);
    await user.keyboardType('x');
    expect(field.getAttribute('aria-invalid')).to.equal('false'); // editing hides the stale error
    await user.fill('textbox', 'Your password', MOCK_PASSWORD);
    await user.click('button', 'Confirm');
    const value = await token;
    expect(value).to.be.a('string').and.not.equal('');
    expect(mock.state.requestsTo('reauth').map((r) => r.body)).to.deep.equal([
      { method: 'password', password: 'not-it' },
      { method: 'password', password: MOCK_PASSWORD },
    ]);
    expect(host.shadowRoot!.querySelector('usp-reauth-dialog')).to.equal(null);
    expect(host.shadowRoot!.activeElement?.textContent).to.equal('Save');
    expect(secretsInDom()).to.have.length(0);
  });

  it('by a code sent to the email: send, wrong code, right code', async () => {
    const { token, element } = await open(['password', 'email_code']);
    await user.click('radio', 'A code sent to your email');
    await user.click('button', 'Send code');
    await waitFor(() => deepText(element).includes('We sent a code to'), { message: 'the code step' });
    expect(mock.state.requestsTo('startReauthChallenge').map((r) => r.body)).to.deep.equal([{ method: 'email_code' }]);
    await expect(element).to.be.accessible();
    await user.fill('textbox', 'Verification code', '000001');
    await waitFor(() => deepText(element).includes('didn\'t match'), { message: 'the code error' });
    const code = mock.inbox.latestCode({ purpose: 'reauth' });
    await user.fill('textbox', 'Verification code', code);
    expect(await token).to.be.a('string');
    const last = mock.state.requestsTo('reauth').at(-1)!;
    expect(last.body).to.include({ method: 'email_code', code });
  });

  it('a rate-limited resend does not block confirming the code the user already has', async () => {
    const { token, element } = await open(['email_code']);
    mock.state.advanceTime(-31_000); // the client may resend at once, the server says wait
    await user.click('button', 'Send code');
    await waitFor(() => deepText(element).includes('We sent a code to'), { message: 'the code step' });
    await user.click('button', 'Resend code');
    await waitFor(() => /Too many attempts/.test(alertText(element)), { message: 'the rate limit' });
    await user.fill('textbox', 'Verification code', mock.inbox.latestCode({ purpose: 'reauth' }));
    expect(await token).to.be.a('string');
  });

  it('shows a failure to send the code as an alert, even one the server ties to the code', async () => {
    const { element } = await open(['email_code']);
    mock.worker.use(http.post('/api/reauth/challenges', () => HttpResponse.json(
      { error: { code: 'reauth_invalid', message: 'No' } }, { status: 400 }), { once: true }));
    await user.click('button', 'Send code');
    await waitFor(() => alertText(element) !== '', { message: 'the alert' });
    expect(alertText(element)).to.equal(en['error.reauth_invalid']);
  });

  it('by a code sent to the phone, with the keyboard alone', async () => {
    const { token } = await open(['phone_code']);
    await user.press('Enter'); // focus starts on Send code
    await waitFor(() => deepQuery('usp-code-input'), { message: 'the code input' });
    await waitFor(() => deepQuery('usp-code-input')!.shadowRoot!.activeElement, { message: 'focus in the code' });
    await user.keyboardType(mock.inbox.latestCode({ purpose: 'reauth', channel: 'sms' }));
    expect(await token).to.be.a('string');
  });

  it('cancel resolves undefined; an aborted signal closes the dialog', async () => {
    const first = await open(['password']);
    await user.fill('textbox', 'Your password', 'typed');
    await user.click('button', 'Cancel');
    expect(await first.token).to.equal(undefined);
    expect(deepQuery('usp-reauth-dialog')).to.equal(undefined);
    expect(secretsInDom()).to.have.length(0);
    const abort = new AbortController();
    const second = await open(['password'], abort.signal);
    abort.abort();
    expect(await second.token).to.equal(undefined);
    expect(deepQuery('usp-reauth-dialog')).to.equal(undefined);
  });
});
