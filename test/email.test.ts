// <usp-email-editor> inside the real panel, on the mock backend, driven by role and name.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { UserSettingsChangedEvent } from '../src/events/events.js';
import type { UspEmailEditor } from '../src/elements/user-settings-email/email-editor.js';
import type { MockBackend } from '../src/mock/browser.js';
import { MOCK_PASSWORD } from '../src/mock/index.js';
import { announced, deepQuery, deepText, secretsInDom, waitFor } from './support/dom.js';
import { openSectionEditor, requestsTo } from './support/panel.js';
import { user } from './support/user.js';

let mock: MockBackend;
const NEW = 'new.address@example.com';

async function openEditor() {
  const opened = await openSectionEditor<UspEmailEditor>('email', 'Change Email');
  mock = opened.mock;
  return opened;
}

const emailField = (editor: UspEmailEditor) => editor.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
const codeInput = (editor: UspEmailEditor) => editor.shadowRoot!.querySelector('usp-code-input');
const fieldError = (editor: UspEmailEditor) => {
  const field = emailField(editor);
  const id = field.getAttribute('aria-describedby')?.split(' ').find((i) => i.endsWith('-error'));
  return field.getAttribute('aria-invalid') === 'true' && id ? editor.shadowRoot!.getElementById(id)!.textContent!.trim() : '';
};
const codeError = (editor: UspEmailEditor) => {
  const input = codeInput(editor)?.shadowRoot?.querySelector('input');
  return input?.getAttribute('aria-invalid') === 'true' ? codeInput(editor)!.shadowRoot!.querySelector('.error')!.textContent!.trim() : '';
};

async function toCodeStep(editor: UspEmailEditor, address = NEW) {
  await user.fill('textbox', 'New email address', address);
  await user.press('Enter');
  await waitFor(() => codeInput(editor)?.shadowRoot?.querySelector('input'), { message: 'the code step' });
}

afterEach(() => mock?.worker.resetHandlers());

describe('<usp-email-editor>', () => {
  it('is accessible at each step and in error', async () => {
    const { editor } = await openEditor();
    await expect(editor).to.be.accessible();
    expect(emailField(editor).autocomplete).to.equal('email');
    expect(emailField(editor).type).to.equal('email');
    expect(deepText(editor)).to.contain('Current address: jordan.rivera@example.com');
    await user.click('button', 'Send code');
    expect(fieldError(editor)).to.equal('Enter an email address.');
    await expect(editor).to.be.accessible();
    await toCodeStep(editor);
    await expect(editor).to.be.accessible();
    await user.fill('textbox', 'Verification code', '000001');
    await waitFor(() => codeError(editor), { message: 'the code error' });
    await expect(editor).to.be.accessible();
  });

  it('changes the address with the keyboard: address → code naming the masked destination → done', async () => {
    const { panel, editor } = await openEditor();
    const events: UserSettingsChangedEvent[] = [];
    panel.addEventListener('usp-changed', (e) => events.push(e));
    await toCodeStep(editor);
    expect(deepText(editor)).to.contain('We sent a code to n•••@example.com');
    expect(codeInput(editor)!.shadowRoot!.activeElement).to.not.equal(null); // focus moved to the code
    expect(mock.state.profile.email!.address).to.equal('jordan.rivera@example.com'); // kept until verified
    const code = mock.inbox.latestCode({ to: NEW });
    await user.keyboardType(code);
    await waitFor(() => announced(editor).includes(`Your email address is now ${NEW}.`), { message: 'the confirmation' });
    expect(requestsTo(mock, 'startEmailVerification').map((r) => r.body)).to.deep.equal([{ email: NEW }]);
    const [confirm] = requestsTo(mock, 'confirmEmail');
    expect(confirm.body).to.deep.include({ code });
    expect(requestsTo(mock, 'getProfile')).to.have.length(1); // the answer is the new profile
    expect(events).to.have.length(1);
    expect(events[0].detail.capability).to.equal('email');
    expect(events[0].detail.profile.email).to.deep.equal({ address: NEW, verified: true });
    expect(JSON.stringify(events[0].detail)).to.not.contain(code);
    expect(secretsInDom()).to.have.length(0);
    expect(deepText(panel)).to.contain(NEW); // the summary row
    await user.click('button', 'Done');
    await waitFor(() => !deepQuery('usp-email-editor'), { message: 'the editor to close' });
  });

  it('checks the address before sending', async () => {
    const { editor } = await openEditor();
    await user.type('textbox', 'New email address', 'jordan');
    expect(fieldError(editor)).to.equal(''); // not while typing
    await user.press('Tab');
    expect(fieldError(editor)).to.equal('Enter a valid email address, like name@example.com.');
    await user.fill('textbox', 'New email address', 'Jordan.Rivera@example.com');
    await user.press('Enter');
    expect(fieldError(editor)).to.equal('This is already your email address.');
    expect(requestsTo(mock, 'startEmailVerification')).to.have.length(0);
  });

  for (const [code, address, message] of [
    ['email_taken', 'taken@example.com', 'This email address is already used by another account.'],
    ['email_invalid', 'a@b..com', 'Enter a valid email address, like name@example.com.'],
  ]) {
    it(`shows ${code} at the address`, async () => {
      const { editor } = await openEditor();
      await user.fill('textbox', 'New email address', address);
      await user.press('Enter');
      await waitFor(() => fieldError(editor), { message: code });
      expect(fieldError(editor)).to.equal(message);
      expect(requestsTo(mock, 'startEmailVerification').at(-1)!.status).to.be.oneOf([400, 409]);
      expect(editor.shadowRoot!.activeElement).to.equal(emailField(editor));
      await user.keyboardType('x');
      expect(fieldError(editor)).to.equal(''); // editing clears the server error
    });
  }

  it('code_invalid, code_expired and too_many_attempts each have their own words at the code', async () => {
    const { editor } = await openEditor();
    await toCodeStep(editor);
    await user.fill('textbox', 'Verification code', '000001');
    await waitFor(() => codeError(editor), { message: 'code_invalid' });
    expect(codeError(editor)).to.equal('That code isn\'t right. Check it and try again.');
    expect(codeInput(editor)!.shadowRoot!.querySelector('input')!.value).to.equal(''); // cleared after use
    await user.fill('textbox', 'Verification code', '000000');
    await waitFor(() => codeError(editor).includes('expired'), { message: 'code_expired' });
    expect(codeError(editor)).to.equal('That code has expired. Send a new one.');
    for (const wrong of ['000002', '000003', '000004', '000005']) {
      await user.fill('textbox', 'Verification code', wrong);
      await waitFor(() => !codeInput(editor)!.disabled, { message: 'the check' });
    }
    await waitFor(() => codeError(editor).includes('Too many'), { message: 'too_many_attempts' });
    expect(requestsTo(mock, 'confirmEmail')).to.have.length(6);
  });

  it('"Use a different address" goes back without losing what was typed', async () => {
    const { editor } = await openEditor();
    await toCodeStep(editor);
    await user.click('button', 'Use a different address');
    expect(emailField(editor).value).to.equal(NEW);
    expect(editor.shadowRoot!.activeElement).to.equal(emailField(editor));
    await user.fill('textbox', 'New email address', 'other@example.com');
    await user.press('Enter');
    await waitFor(() => deepText(editor).includes('o•••@example.com'), { message: 'the second code step' });
    await user.fill('textbox', 'Verification code', mock.inbox.latestCode({ to: 'other@example.com' }));
    await waitFor(() => announced(editor).includes('is now other@example.com'), { message: 'the change' });
  });

  it('resend: a countdown first; then a new code that works', async () => {
    const { editor } = await openEditor();
    await toCodeStep(editor);
    expect(deepText(editor)).to.match(/Resend code in (30|29) s/);
    // A second verification made 31 s in the mock's past: its resend is due now.
    await user.click('button', 'Use a different address');
    mock.state.advanceTime(-31_000);
    await user.press('Enter');
    await waitFor(() => /Resend code$/.test(deepText(editor).split(' Verify')[0]), { message: 'a free resend button' });
    mock.state.advanceTime(31_000);
    await user.click('button', 'Resend code');
    await waitFor(() => /Resend code in (30|29) s/.test(deepText(editor)), { message: 'a new countdown' });
    expect(requestsTo(mock, 'resendVerification')).to.have.length(1);
    await user.fill('textbox', 'Verification code', mock.inbox.latestCode({ to: NEW }));
    await waitFor(() => announced(editor).includes('is now'), { message: 'the change' });
  });

  it('a rate-limited resend counts down beside the code, not as the code\'s error', async () => {
    const { editor } = await openEditor();
    mock.state.advanceTime(-31_000); // the client may resend at once, the server says wait
    await toCodeStep(editor);
    await user.click('button', 'Resend code');
    const alert = () => editor.shadowRoot!.querySelector('[part=error]')?.textContent ?? '';
    await waitFor(() => /Too many attempts\. Try again in (30|29) s\./.test(alert()), { message: 'the rate limit' });
    expect(codeError(editor)).to.equal('');
    await user.fill('textbox', 'Verification code', '1');
    expect(alert()).to.match(/Try again in/); // typing does not hide the countdown
    await expect(editor).to.be.accessible();
  });

  it('a rate-limited resend does not block verifying the code the user already has', async () => {
    const { editor } = await openEditor();
    mock.state.advanceTime(-31_000); // the client may resend at once, the server says wait
    await toCodeStep(editor);
    await user.click('button', 'Resend code');
    await waitFor(() => /Too many attempts/.test(announced(editor)), { message: 'the rate limit' });
    await user.fill('textbox', 'Verification code', mock.inbox.latestCode({ to: NEW }));
    await waitFor(() => announced(editor).includes('is now'), { message: 'the change' });
    expect(requestsTo(mock, 'confirmEmail')).to.have.length(1);
  });

  it('shows email_taken at the code step as an alert (its field is not on screen)', async () => {
    const { editor } = await openEditor();
    await toCodeStep(editor);
    mock.worker.use(http.post('/api/email', () => HttpResponse.json(
      { error: { code: 'email_taken', field: 'email' } }, { status: 409 }), { once: true }));
    await user.fill('textbox', 'Verification code', mock.inbox.latestCode({ to: NEW }));
    await waitFor(() => (editor.shadowRoot!.querySelector('[part=error]')?.textContent ?? '').includes('already used by another account'),
      { message: 'the alert' });
  });

  it('with re-verification required: the code to the current address, then the change completes', async () => {
    const { editor } = await openEditor();
    mock.scenarios.set({ reauthRequired: true });
    await user.fill('textbox', 'New email address', NEW);
    await user.press('Enter');
    await waitFor(() => deepQuery('dialog[open]'), { message: 'the dialog' });
    await user.fill('textbox', 'Your password', MOCK_PASSWORD);
    await user.click('button', 'Confirm', { exact: true });
    await waitFor(() => codeInput(editor)?.shadowRoot?.querySelector('input'), { message: 'the code step' });
    expect(requestsTo(mock, 'startEmailVerification').map((r) => !!r.reauthToken)).to.deep.equal([false, true]);
    await user.fill('textbox', 'Verification code', mock.inbox.latestCode({ to: NEW }));
    await waitFor(() => announced(editor).includes('is now'), { message: 'the change' });
    expect(secretsInDom()).to.have.length(0);
  });

  it('sends one request for a double submit', async () => {
    const { editor } = await openEditor();
    mock.scenarios.set({ latencyMs: 300 });
    await user.fill('textbox', 'New email address', NEW);
    await user.press('Enter');
    await user.press('Enter');
    await user.press('Enter');
    await waitFor(() => codeInput(editor), { message: 'the code step' });
    expect(requestsTo(mock, 'startEmailVerification')).to.have.length(1);
  });

  it('fires nothing on mount or property changes; Cancel closes', async () => {
    const { panel, editor } = await openEditor();
    let fired = 0;
    panel.addEventListener('usp-changed', () => fired++);
    panel.addEventListener('usp-failed', () => fired++);
    editor.requestUpdate();
    await editor.updateComplete;
    expect(fired).to.equal(0);
    await user.click('button', 'Cancel');
    await waitFor(() => !deepQuery('usp-email-editor'), { message: 'the editor to close' });
    expect(requestsTo(mock, 'startEmailVerification')).to.have.length(0);
  });
});
