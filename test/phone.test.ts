// <user-settings-phone>: add, change and remove the sign-in phone number, against the stateful mock.
import { aTimeout, expect } from '@open-wc/testing';
import { http } from 'msw';
import type { UserSettingsPanel } from '../src/elements/user-settings-panel/user-settings-panel.js';
import type { UserSettingsPhone } from '../src/elements/user-settings-phone/user-settings-phone.js';
import type { UserSettingsChangedEvent, UserSettingsFailedEvent } from '../src/events/events.js';
import '../src/locales/fr.js';
import { errorResponse, MOCK_PASSWORD, MOCK_TRIGGERS } from '../src/mock/index.js';
import type { MockBackend } from '../src/mock/browser.js';
import type { MockPresetName } from '../src/mock/state.js';
import { announced, deepQuery, deepText, secretsInDom, waitFor, waitForEditor } from './support/dom.js';
import { mockBackend, mountPanel, requestsTo } from './support/panel.js';
import { user } from './support/user.js';

const PHONE = { number: '+14155554567', verified: true };

let mock: MockBackend;
/** Every usp-changed / usp-failed the page heard during the test. */
let events: (UserSettingsChangedEvent | UserSettingsFailedEvent)[] = [];
const listen = (event: Event) => events.push(event as UserSettingsChangedEvent);
const changed = () => events.filter((e): e is UserSettingsChangedEvent => e.type === 'usp-changed');
const failed = () => events.filter((e): e is UserSettingsFailedEvent => e.type === 'usp-failed');

beforeEach(() => {
  events = [];
  document.addEventListener('usp-changed', listen);
  document.addEventListener('usp-failed', listen);
});
afterEach(() => {
  document.removeEventListener('usp-changed', listen);
  document.removeEventListener('usp-failed', listen);
  mock?.worker.resetHandlers();
});

interface Mount { preset?: MockPresetName; phone?: typeof PHONE | null; host?: string; locale?: string; country?: string }

/** The panel with only the phone section, loaded. */
async function mount({ preset = 'default', phone, host = 'business-center', locale = 'en', country }: Mount = {}) {
  mock = await mockBackend(preset, phone !== undefined ? { phone } : undefined);
  const panel = await mountPanel({ sections: 'phone', host, locale, defaultCountry: country ?? '' });
  await waitFor(() => panel.shadowRoot!.querySelector('user-settings-phone')?.shadowRoot?.querySelector('[part=action]'), { message: 'the phone summary' });
  return panel;
}

/** Opens the editor with its summary button and waits for the phone-number library. */
async function open(panel: UserSettingsPanel, action = 'Add') {
  await user.click('button', `${action} Phone number`);
  return editorOf(panel);
}

const editorOf = (panel: UserSettingsPanel) =>
  waitForEditor('usp-phone-editor', { ready: '#country', root: panel.shadowRoot!, message: 'the phone editor' });

const $ = <T extends Element = HTMLInputElement>(root: Element, selector: string) => root.shadowRoot!.querySelector(selector) as T;
const summary = (panel: UserSettingsPanel) => deepText(deepQuery('[part=summary-value]', panel.shadowRoot!)!);
const phoneBodies = () => requestsTo(mock, 'startPhoneVerification').map((r) => r.body);

/** Sends `number` from the number step and waits for the code step. */
async function sendCode(editor: Element, number: string, country?: string) {
  if (country) await pickCountry(country);
  await user.fill('textbox', 'hone number', number);
  await user.press('Enter');
  await waitFor(() => editor.shadowRoot!.querySelector('usp-code-input'), { message: 'the code step' });
}

async function pickCountry(search: string, label = 'Country or region') {
  await user.focus('combobox', label);
  await user.keyboardType(search);
  await user.press('Enter');
}

const smsCode = (to: string) => mock.inbox.latestCode({ channel: 'sms', to });

describe('<user-settings-phone>', () => {
  it('is accessible: summary, invite with the country picker open, and the code step', async () => {
    const panel = await mount();
    await expect(panel).to.be.accessible();
    const editor = await open(panel);
    expect(deepText(editor)).to.include('sign in with just your phone').and.include('reset your password when your email');
    await expect(panel).to.be.accessible();
    await user.click('combobox', 'Country or region');
    await waitFor(() => $(editor, '#country').getAttribute('aria-expanded') === 'true');
    await expect(panel).to.be.accessible();
    await user.press('Escape');
    await sendCode(editor, '4155550123');
    await expect(panel).to.be.accessible();
  });

  it('uses the right input hints, and 44 px targets on mobile lite', async () => {
    const panel = await mount({ host: 'mobile-lite' });
    const editor = await open(panel);
    const number = $(editor, '#number');
    expect([number.type, number.inputMode, number.autocomplete, number.dir]).to.deep.equal(['tel', 'tel', 'tel', 'ltr']);
    const combo = $(editor, '#country');
    expect(combo.getAttribute('role')).to.equal('combobox');
    expect(combo.getAttribute('aria-autocomplete')).to.equal('list');
    await user.click('combobox', 'Country or region');
    for (const target of [number, combo, $(editor, 'button.primary'), $(editor, '[role=option]')]) {
      expect(target.getBoundingClientRect().height, target.outerHTML.slice(0, 40)).to.be.at.least(44);
    }
  });

  it('adds a phone: formats as typed, sends E.164, verifies the SMS code, fires usp-changed and shows the new number', async () => {
    const panel = await mount();
    const editor = await open(panel);
    expect($(editor, '#country').value).to.include('United States').and.include('+1');
    await user.type('textbox', 'Phone number', '4155550123');
    expect($(editor, '#number').value).to.equal('(415) 555-0123');
    await user.press('Enter');
    await waitFor(() => editor.shadowRoot!.querySelector('usp-code-input'), { message: 'the code step' });
    expect(phoneBodies()).to.deep.equal([{ phone: '+14155550123' }]);
    expect(deepText(editor)).to.include('We sent a code to +1 ••• ••• 0123');
    const code = smsCode('+14155550123');
    await user.fill('textbox', 'Verification code', code);
    await waitFor(() => announced(editor).includes('Your phone number is now +1 415 555 0123'), { message: 'the saved status' });
    const [confirm] = requestsTo(mock, 'confirmPhone');
    expect(confirm.body).to.deep.include({ code }).and.have.property('verificationId').that.is.a('string');
    expect(changed().map((e) => [e.detail.capability, e.detail.profile.phone?.number])).to.deep.equal([['phone', '+14155550123']]);
    expect(JSON.stringify(changed()[0].detail)).not.to.include(code);
    expect(secretsInDom(panel)).to.deep.equal([]);
    expect(summary(panel)).to.equal('+1 415 555 0123');
    expect(mock.state.currentProfile().phone).to.deep.equal({ number: '+14155550123', verified: true });
    await expect(panel).to.be.accessible();
    expect(editor.shadowRoot!.activeElement?.textContent).to.equal('Done');
    await user.click('button', 'Done');
    await waitFor(() => !deepQuery('usp-phone-editor', panel.shadowRoot!), { message: 'the editor to close' });
    expect(await user.count('button', 'Change Phone number')).to.equal(1);
  });

  it('changes the phone: the current number formatted in the summary, its country by default, the new one saved', async () => {
    const panel = await mount({ preset: 'tiktokSignup' });
    const editor = await open(panel, 'Change');
    await waitFor(() => summary(panel) === '+1 415 555 4567', { message: 'the summary formatted for people' });
    expect(deepText(editor)).not.to.include('sign in with just your phone');
    await sendCode(editor, '+44 7400 123456');
    expect(phoneBodies()).to.deep.equal([{ phone: '+447400123456' }]);
    await user.fill('textbox', 'Verification code', smsCode('+447400123456'));
    await waitFor(() => summary(panel) === '+44 7400 123456', { message: 'the new number' });
    expect(changed().map((e) => e.detail.capability)).to.deep.equal(['phone']);
  });

  it('refuses the number already set, before sending', async () => {
    const panel = await mount({ phone: PHONE });
    const editor = await open(panel, 'Change');
    await user.fill('textbox', 'New phone number', '(415) 555-4567');
    await user.press('Enter');
    await waitFor(() => deepText(editor).includes('This is already your phone number.'));
    expect(phoneBodies()).to.deep.equal([]);
  });

  it('removes the phone after a confirmation, and keeps it on cancel', async () => {
    const panel = await mount({ phone: PHONE });
    const editor = await open(panel, 'Change');
    await user.click('button', 'Remove phone number');
    const dialog = await waitFor(() => deepQuery('usp-confirm-dialog', editor.shadowRoot!));
    expect(deepText(dialog)).to.include('Remove your phone number?').and.include('+1 415 555 4567');
    await expect(panel).to.be.accessible();
    await user.press('Escape');
    await waitFor(() => !deepQuery('usp-confirm-dialog', editor.shadowRoot!), { message: 'the dialog to close' });
    expect(editor.shadowRoot!.activeElement?.textContent).to.include('Remove phone number');
    expect(requestsTo(mock, 'removePhone')).to.have.length(0);
    await user.click('button', 'Remove phone number');
    await user.click('button', 'Remove', { exact: true });
    await waitFor(() => announced(editor).includes('Your phone number has been removed.'), { message: 'the removed status' });
    expect(requestsTo(mock, 'removePhone')).to.have.length(1);
    expect(changed().map((e) => [e.detail.capability, e.detail.profile.phone])).to.deep.equal([['phone-removal', null]]);
    expect(summary(panel)).to.equal('Not set');
  });

  it('explains last_login_method in plain words when the phone is the only way to sign in', async () => {
    const panel = await mount({ preset: 'phoneOnly' });
    const editor = await open(panel, 'Change');
    await user.click('button', 'Remove phone number');
    await user.click('button', 'Remove', { exact: true });
    await waitFor(() => announced(editor).includes('only way to sign in'), { message: 'the explanation' });
    expect(announced(editor)).to.include('Add an email address or set a password first');
    expect(failed().map((e) => [e.detail.capability, e.detail.code])).to.deep.equal([['phone-removal', 'last_login_method']]);
    expect(changed()).to.have.length(0);
    await expect(panel).to.be.accessible();
  });

  it('searches countries by name and dialling code with the keyboard alone', async () => {
    const panel = await mount();
    const editor = await open(panel);
    const combo = $(editor, '#country');
    await user.focus('combobox', 'Country or region');
    await user.keyboardType('germ');
    expect(combo.getAttribute('aria-expanded')).to.equal('true');
    const active = () => editor.shadowRoot!.getElementById(combo.getAttribute('aria-activedescendant')!)!;
    expect(deepText(active())).to.include('Germany');
    await user.press('Enter');
    expect(combo.value).to.include('Germany').and.include('+49');
    expect(combo.getAttribute('aria-expanded')).to.equal('false');
    // By dialling code, then arrows move the highlight.
    await user.focus('combobox', 'Country or region');
    await user.keyboardType('+44');
    const options = [...editor.shadowRoot!.querySelectorAll('[role=option]')].map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
    expect(options[0]).to.include('United Kingdom');
    expect(options.every((o) => o.includes('+44'))).to.equal(true);
    await user.press('ArrowDown');
    await user.press('ArrowUp');
    expect(deepText(active())).to.include('United Kingdom');
    // Escape leaves the choice as it was.
    await user.press('Escape');
    expect(combo.value).to.include('Germany');
    // No match says so; Tab after a search takes the highlighted match.
    await user.keyboardType('zzz');
    await waitFor(() => announced(editor).includes('No country or region matches.'));
    await user.press('Escape');
    await user.keyboardType('fra');
    await user.press('Tab');
    expect(combo.value).to.include('France');
    expect(editor.shadowRoot!.activeElement?.id).to.equal('number');
    await user.keyboardType('0612345678');
    // Formatted as typed once France's plans are in (they load when France is picked).
    await waitFor(() => $(editor, '#number').value === '06 12 34 56 78', { message: 'the number formatted as 06 12 34 56 78' });
    await user.press('Enter');
    await waitFor(() => phoneBodies().length === 1);
    expect(phoneBodies()).to.deep.equal([{ phone: '+33612345678' }]);
  });

  it('takes pasted numbers in national and international form (+ and 00), and follows their country', async () => {
    const panel = await mount({ country: 'FR' });
    const editor = await open(panel);
    const combo = $(editor, '#country');
    expect(combo.value).to.include('France');
    await user.fill('textbox', 'Phone number', '06 12 34 56 78');
    expect($(editor, '#number').value).to.equal('06 12 34 56 78');
    await user.fill('textbox', 'Phone number', '+44 20 7946 0958');
    expect(combo.value).to.include('United Kingdom');
    await user.fill('textbox', 'Phone number', '0049 30 123456');
    expect(combo.value).to.include('Germany');
    await user.fill('textbox', 'Phone number', '+1 (415) 555-0123');
    expect(combo.value).to.include('United States');
    // Choosing another country keeps the national part.
    await pickCountry('Canada');
    expect($(editor, '#number').value).to.equal('(415) 555-0123');
    await user.press('Tab');
    await user.press('Enter');
    await waitFor(() => phoneBodies().length === 1);
    expect(phoneBodies()).to.deep.equal([{ phone: '+14155550123' }]);
  });

  it('says when a number is too short, too long or not valid for its country, and sends nothing', async () => {
    const panel = await mount();
    const editor = await open(panel);
    const number = $(editor, '#number');
    const error = () => editor.shadowRoot!.getElementById('number-error')?.textContent ?? '';
    await user.focus('textbox', 'Phone number');
    await user.press('Enter');
    await waitFor(() => error().includes('Enter a phone number.'));
    await user.fill('textbox', 'Phone number', '415 555');
    await user.press('Enter');
    await waitFor(() => error().includes('This number is too short for United States.'));
    expect(number.getAttribute('aria-invalid')).to.equal('true');
    expect(number.getAttribute('aria-describedby')).to.include('number-error');
    expect(editor.shadowRoot!.getElementById('number-error')!.getAttribute('role')).to.equal('alert');
    expect(editor.shadowRoot!.activeElement).to.equal(number);
    await expect(panel).to.be.accessible();
    await user.fill('textbox', 'Phone number', '415 555 0123 456');
    await waitFor(() => error().includes('This number is too long for United States.'));
    await user.fill('textbox', 'Phone number', '123 456 7890');
    await waitFor(() => error().includes('isn\'t a valid number for United States'));
    await pickCountry('Germany');
    await user.fill('textbox', 'Phone number', '03');
    await waitFor(() => error().includes('too short for Germany'));
    expect(phoneBodies()).to.deep.equal([]);
    // Fixing it clears the error.
    await user.fill('textbox', 'Phone number', '030 1234567');
    await waitFor(() => !error());
    expect(number.getAttribute('aria-invalid')).to.equal('false');
  });

  it('does not show an error while the number is first typed, only after leaving the field', async () => {
    const panel = await mount();
    const editor = await open(panel);
    await user.type('textbox', 'Phone number', '415');
    expect(editor.shadowRoot!.getElementById('number-error')).to.equal(null);
    await user.press('Shift+Tab');
    await waitFor(() => editor.shadowRoot!.getElementById('number-error')?.textContent?.includes('too short'));
  });

  it('shows phone_taken at the field and keeps what was typed', async () => {
    const panel = await mount();
    const editor = await open(panel);
    await user.fill('textbox', 'Phone number', '(415) 555-0000');
    await user.press('Enter');
    const number = $(editor, '#number');
    await waitFor(() => editor.shadowRoot!.getElementById('number-error')?.textContent?.includes('already used by another account'));
    expect(phoneBodies()).to.deep.equal([{ phone: MOCK_TRIGGERS.takenPhone }]);
    expect(number.value).to.equal('(415) 555-0000');
    expect(number.getAttribute('aria-invalid')).to.equal('true');
    expect(editor.shadowRoot!.activeElement).to.equal(number);
    expect(failed().map((e) => [e.detail.capability, e.detail.code])).to.deep.equal([['phone', 'phone_taken']]);
    await expect(panel).to.be.accessible();
    // Editing the number takes the server's verdict away.
    await user.fill('textbox', 'Phone number', '(415) 555-0199');
    await waitFor(() => !editor.shadowRoot!.getElementById('number-error'));
  });

  it('shows a server phone_invalid at the field', async () => {
    const panel = await mount();
    mock.worker.use(http.post('/api/phone/verifications', () => errorResponse(422, 'phone_invalid', { field: 'phone' })));
    const editor = await open(panel);
    await user.fill('textbox', 'Phone number', '4155550123');
    await user.press('Enter');
    await waitFor(() => editor.shadowRoot!.getElementById('number-error')?.textContent?.includes('This phone number isn\'t valid'));
    expect($(editor, '#number').value).to.equal('(415) 555-0123');
  });

  it('refuses a wrong code (code_invalid) and clears it, then accepts the right one', async () => {
    const panel = await mount();
    const editor = await open(panel);
    await sendCode(editor, '4155550123');
    await user.fill('textbox', 'Verification code', MOCK_TRIGGERS.wrongCode);
    const codeInput = $(editor, 'usp-code-input');
    await waitFor(() => deepText(codeInput).includes('That code isn\'t right.'));
    expect($(codeInput, 'input').value).to.equal('');
    expect($(codeInput, 'input').getAttribute('aria-invalid')).to.equal('true');
    expect(failed().map((e) => e.detail.code)).to.deep.equal(['code_invalid']);
    expect(JSON.stringify(failed()[0].detail)).not.to.include(MOCK_TRIGGERS.wrongCode);
    await expect(panel).to.be.accessible();
    await user.fill('textbox', 'Verification code', smsCode('+14155550123'));
    await waitFor(() => changed().length === 1, { message: 'usp-changed' });
  });

  it('says an expired code (code_expired) is expired, and sends a new one on Resend', async () => {
    const panel = await mount();
    const editor = await open(panel);
    mock.state.advanceTime(-31_000); // the code was sent 31 s ago: resending is allowed
    await sendCode(editor, '4155550123');
    mock.state.advanceTime(31_000);
    await user.fill('textbox', 'Verification code', MOCK_TRIGGERS.expiredCode);
    await waitFor(() => deepText(editor).includes('That code has expired. Send a new one.'));
    await expect(panel).to.be.accessible();
    await user.click('button', 'Resend code');
    await waitFor(() => announced(editor).includes('We sent a new code.'));
    expect(requestsTo(mock, 'resendVerification')).to.have.length(1);
    expect(deepText(editor)).to.match(/Resend code in \d+ s/);
    await user.fill('textbox', 'Verification code', smsCode('+14155550123'));
    await waitFor(() => changed().length === 1, { message: 'usp-changed' });
  });

  it('counts a refused resend (rate_limited) down on the resend button', async () => {
    const panel = await mount();
    const editor = await open(panel);
    mock.state.advanceTime(-31_000); // the UI thinks resending is allowed; the server does not
    await sendCode(editor, '4155550123');
    await user.click('button', 'Resend code');
    await waitFor(() => announced(editor).includes('Too many attempts. Try again in'));
    // The server's 30 s, counting down (a busy machine may already be a few seconds in).
    const left = Number(/Resend code in (\d+) s/.exec(deepText(editor))?.[1]);
    expect(left).to.be.within(15, 30);
    expect(failed().map((e) => e.detail.code)).to.deep.equal(['rate_limited']);
  });

  it('stops after too many wrong codes (too_many_attempts) and lets the user start again with the number kept', async () => {
    const panel = await mount();
    const editor = await open(panel);
    await sendCode(editor, '4155550123');
    for (let i = 0; i < MOCK_TRIGGERS.maxCodeAttempts; i++) {
      await user.fill('textbox', 'Verification code', MOCK_TRIGGERS.wrongCode);
      await waitFor(() => requestsTo(mock, 'confirmPhone').length === i + 1 && !$(editor, 'usp-code-input').value);
    }
    await waitFor(() => deepText(editor).includes('Too many wrong attempts.'));
    await expect(panel).to.be.accessible();
    await user.click('button', 'Use a different number');
    await waitFor(() => $(editor, '#number'));
    expect($(editor, '#number').value).to.equal('(415) 555-0123');
    expect(editor.shadowRoot!.activeElement?.id).to.equal('number');
  });

  it('shows a rate limit as a countdown, not a dead button, and keeps the number', async () => {
    const panel = await mount();
    mock.scenarios.set({ rateLimited: true, retryAfterSeconds: 2 });
    const editor = await open(panel);
    await user.fill('textbox', 'Phone number', '4155550123');
    await user.press('Enter');
    await waitFor(() => announced(editor).includes('Too many attempts. Try again in 2 s.'));
    const send = $(editor, 'button.primary');
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    expect(send.textContent).to.match(/Send code \(\d\s?s\)/);
    await user.press('Enter');
    expect(phoneBodies()).to.have.length(1);
    await expect(panel).to.be.accessible();
    mock.scenarios.set({ rateLimited: false });
    await waitFor(() => send.getAttribute('aria-disabled') === 'false', { timeout: 3500, message: 'the countdown to end' });
    expect(announced(editor)).not.to.include('Too many attempts');
    expect($(editor, '#number').value).to.equal('(415) 555-0123');
    await user.click('button', 'Send code');
    await waitFor(() => editor.shadowRoot!.querySelector('usp-code-input'), { message: 'the code step' });
  });

  it('re-verifies automatically (reauth_required) and repeats the request with the token, the number kept', async () => {
    const panel = await mount();
    mock.scenarios.set({ reauthRequired: true });
    const editor = await open(panel);
    await user.fill('textbox', 'Phone number', '4155550123');
    await user.press('Enter');
    await waitFor(() => deepQuery('usp-reauth-dialog', editor.shadowRoot!), { message: 'the re-verification dialog' });
    await expect(panel).to.be.accessible();
    // Cancelling leaves the form as it was.
    await user.press('Escape');
    await waitFor(() => !deepQuery('usp-reauth-dialog', editor.shadowRoot!));
    expect($(editor, '#number').value).to.equal('(415) 555-0123');
    await user.press('Enter');
    await waitFor(() => deepQuery('usp-reauth-dialog', editor.shadowRoot!));
    await user.fill('textbox', 'Your password', MOCK_PASSWORD);
    await user.press('Enter');
    await waitFor(() => editor.shadowRoot!.querySelector('usp-code-input'), { message: 'the code step' });
    const sent = requestsTo(mock, 'startPhoneVerification');
    expect(sent.map((r) => [r.status, !!r.reauthToken])).to.deep.equal([[403, false], [403, false], [201, true]]);
    await user.fill('textbox', 'Verification code', smsCode('+14155550123'));
    await waitFor(() => changed().length === 1);
    expect(JSON.stringify(events.map((e) => e.detail))).not.to.include(MOCK_PASSWORD);
  });

  it('tells a network failure in plain words and keeps the number for a retry', async () => {
    const panel = await mount();
    mock.scenarios.set({ offline: ['startPhoneVerification'] });
    const editor = await open(panel);
    await user.fill('textbox', 'Phone number', '4155550123');
    await user.press('Enter');
    await waitFor(() => announced(editor).includes('couldn\'t reach the server'), { timeout: 5000 });
    mock.scenarios.set({ offline: false });
    await user.press('Enter');
    await waitFor(() => editor.shadowRoot!.querySelector('usp-code-input'), { message: 'the code step' });
  });

  it('closes on Cancel and gives focus back to the button that opened it', async () => {
    const panel = await mount();
    await open(panel);
    await user.click('button', 'Cancel');
    await waitFor(() => !deepQuery('usp-phone-editor', panel.shadowRoot!));
    const phone = panel.shadowRoot!.querySelector('user-settings-phone')!;
    await waitFor(() => phone.shadowRoot!.activeElement?.getAttribute('part') === 'action', { message: 'focus on the Add button' });
  });

  it('speaks French: country names from Intl and the editor strings', async () => {
    const panel = await mount({ locale: 'fr-FR' });
    await user.click('button', 'Ajouter');
    const editor = await editorOf(panel);
    expect($(editor, '#country').value).to.include('France');
    await user.fill('textbox', 'Numéro de téléphone', '06 12');
    await user.press('Enter');
    await waitFor(() => deepText(editor).includes('Ce numéro est trop court pour : France.'));
    await pickCountry('allem', 'Pays ou région');
    expect($(editor, '#country').value).to.include('Allemagne');
  });

  it('shows a removal refusal even after a failed send (the newest failure wins)', async () => {
    const panel = await mount({ preset: 'phoneOnly' });
    const editor = await open(panel, 'Change');
    mock.scenarios.set({ offline: ['startPhoneVerification'] });
    await user.fill('textbox', 'Phone number', '4155550123');
    await user.press('Enter');
    await waitFor(() => announced(editor).includes('couldn\'t reach the server'), { timeout: 5000 });
    mock.scenarios.set({ offline: false });
    await user.click('button', 'Remove phone number');
    await user.click('button', 'Remove', { exact: true });
    await waitFor(() => announced(editor).includes('only way to sign in'), { message: 'the explanation' });
    expect(announced(editor)).not.to.include('couldn\'t reach the server');
  });

  it('fires no event when properties are set, only on a change', async () => {
    const panel = await mount({ phone: PHONE });
    const phone = panel.shadowRoot!.querySelector('user-settings-phone') as UserSettingsPhone;
    phone.open = true;
    await editorOf(panel);
    phone.open = false;
    await phone.updateComplete;
    phone.open = true;
    await editorOf(panel);
    panel.locale = 'fr';
    panel.host = 'mobile-lite';
    await aTimeout(50);
    expect(events).to.have.length(0);
  });
});
