// <usp-password-editor> inside the real panel, on the mock backend, driven by role and name.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { UserSettingsChangedEvent } from '../src/events/events.js';
import { passwordStrength, type UspPasswordEditor } from '../src/elements/user-settings-password/password-editor.js';
import type { MockBackend } from '../src/mock/browser.js';
import { MOCK_PASSWORD } from '../src/mock/index.js';
import type { MockPresetName } from '../src/mock/state.js';
import { announced, deepQuery, deepText, secretsInDom, waitFor } from './support/dom.js';
import { openSectionEditor, requestsTo } from './support/panel.js';
import { user } from './support/user.js';

let mock: MockBackend;
const NEW = 'a long and new phrase 7';

async function openEditor(preset: MockPresetName = 'default') {
  const opened = await openSectionEditor<UspPasswordEditor>('password', preset === 'default' ? 'Change Password' : 'Add Password', preset);
  mock = opened.mock;
  return opened;
}

const input = (editor: UspPasswordEditor, id: string) => editor.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
/** The error text linked to a field by aria-describedby. */
const errorOf = (editor: UspPasswordEditor, id: string) => {
  const field = input(editor, id);
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((i) => editor.shadowRoot!.getElementById(i)).find((el) => el?.classList.contains('error'));
  return field.getAttribute('aria-invalid') === 'true' ? error?.textContent?.trim() ?? '' : '';
};

async function fillForm(current: string, next = NEW, confirm = next) {
  await user.fill('textbox', 'Current password', current);
  await user.fill('textbox', 'New password', next, { exact: true });
  await user.fill('textbox', 'Confirm new password', confirm);
}

afterEach(() => mock?.worker.resetHandlers());

describe('<usp-password-editor>', () => {
  it('is accessible: form, errors, and it carries the account for password managers', async () => {
    const { editor } = await openEditor();
    await expect(editor).to.be.accessible();
    const username = editor.shadowRoot!.querySelector<HTMLInputElement>('[autocomplete=username]')!;
    expect(username.value).to.equal('jordan.rivera@example.com');
    expect(username.readOnly).to.equal(true);
    expect(input(editor, 'current').autocomplete).to.equal('current-password');
    expect(input(editor, 'next').autocomplete).to.equal('new-password');
    expect(input(editor, 'confirm').autocomplete).to.equal('new-password');
    await user.click('button', 'Change password');
    expect(errorOf(editor, 'current')).to.equal('Enter your current password.');
    expect(errorOf(editor, 'next')).to.equal('Enter a new password.');
    expect(editor.shadowRoot!.activeElement).to.equal(input(editor, 'current'));
    await expect(editor).to.be.accessible();
    expect(requestsTo(mock, 'changePassword')).to.have.length(0);
  });

  it('changes the password with the keyboard: one request, fields cleared, announced, event with the refreshed profile', async () => {
    const { panel, editor } = await openEditor();
    const events: UserSettingsChangedEvent[] = [];
    panel.addEventListener('usp-changed', (e) => events.push(e));
    await fillForm(MOCK_PASSWORD);
    await user.press('Enter');
    await waitFor(() => announced(editor).includes('Your password was changed.'), { message: 'the confirmation' });
    expect(requestsTo(mock, 'changePassword').map((r) => r.body)).to.deep.equal([
      { currentPassword: MOCK_PASSWORD, newPassword: NEW, signOutOtherSessions: true },
    ]);
    await waitFor(() => events.length === 1, { message: 'usp-changed' });
    expect(requestsTo(mock, 'getProfile')).to.have.length(2); // mount + one refresh
    expect(events[0].detail.capability).to.equal('password');
    expect(events[0].detail.profile.password.updatedAt).to.not.equal('2025-01-12T10:00:00.000Z');
    expect(JSON.stringify(events[0].detail)).to.not.contain(NEW);
    expect(secretsInDom()).to.have.length(0);
    expect(await user.visible('button', 'Done')).to.equal(true);
  });

  it('fires usp-changed once with the refreshed profile even when "Done" closes the editor during the refresh', async () => {
    const { panel, editor } = await openEditor();
    const events: UserSettingsChangedEvent[] = [];
    panel.addEventListener('usp-changed', (e) => events.push(e));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The refresh after the change waits until the editor is gone, then the mock answers it.
    mock.worker.use(http.get('/api/me', async () => { await released; }, { once: true }));
    await fillForm(MOCK_PASSWORD);
    await user.press('Enter');
    await waitFor(() => announced(editor).includes('Your password was changed.'), { message: 'the confirmation' });
    await user.click('button', 'Done');
    await waitFor(() => !editor.isConnected, { message: 'the editor to close' });
    release();
    await waitFor(() => events.length === 1, { message: 'usp-changed' });
    expect(events[0].detail.capability).to.equal('password');
    expect(events[0].detail.profile.password.updatedAt).to.not.equal('2025-01-12T10:00:00.000Z');
    await waitFor(() => requestsTo(mock, 'getProfile').length === 2, { message: 'the refresh' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(events).to.have.length(1);
  });

  it('shows the policy and strength live, and checks the fields before sending', async () => {
    const { editor } = await openEditor();
    const rules = () => [...editor.shadowRoot!.querySelectorAll('li')].map((li) => `${li.className === 'ok' ? '✓' : '○'} ${li.textContent!.trim()}`);
    await user.type('textbox', 'New password', 'qwerty', { exact: true });
    expect(rules()[0]).to.match(/^○ has at least 8 characters/);
    expect(deepText(editor)).to.contain('Strength: too weak').and.contain('common or easy-to-guess');
    await user.keyboardType(' horses Battery ☂');
    expect(rules()[0]).to.match(/^✓ has at least 8 characters/);
    expect(deepText(editor)).to.match(/Strength: (good|strong)/);
    expect(input(editor, 'next').getAttribute('aria-invalid')).to.equal('false'); // no error while typing
    await fillForm(MOCK_PASSWORD, MOCK_PASSWORD, 'different');
    await user.click('button', 'Change password');
    expect(errorOf(editor, 'next')).to.equal('Choose a password different from your current one.');
    expect(errorOf(editor, 'confirm')).to.equal('The passwords don\'t match.');
    await user.fill('textbox', 'New password', 'short', { exact: true });
    expect(errorOf(editor, 'next')).to.equal('Use at least 8 characters.');
    expect(requestsTo(mock, 'changePassword')).to.have.length(0);
  });

  it('the estimator: length, variety, common and personal words', () => {
    expect(passwordStrength('').score).to.equal(0);
    expect(passwordStrength('Password1!').common).to.equal(true);
    expect(passwordStrength('Password1!').score).to.be.at.most(1);
    expect(passwordStrength('aaaaaaaaaaaaaaaa').score).to.equal(0);
    expect(passwordStrength('jordan.rivera.2024', ['jordan']).score).to.be.at.most(1);
    expect(passwordStrength(MOCK_PASSWORD).score).to.equal(4);
  });

  it('shows and hides each password', async () => {
    const { editor } = await openEditor();
    await user.fill('textbox', 'Current password', 'abc');
    await user.click('button', 'Show Current password');
    expect(input(editor, 'current').type).to.equal('text');
    expect(input(editor, 'next').type).to.equal('password');
    await user.click('button', 'Hide Current password');
    expect(input(editor, 'current').type).to.equal('password');
    expect(input(editor, 'current').value).to.equal('abc');
  });

  const serverErrors: [string, string, string, (m: MockBackend) => void][] = [
    ['invalid_current_password', 'current', 'Your current password isn\'t right.', () => undefined],
    ['password_breached', 'next', 'This password has appeared in a data breach. Choose a different one.', () => undefined],
    ['password_policy', 'next', 'Use at least 8 characters.', (m) => { m.state.profile.passwordPolicy.minLength = 40; }],
  ];
  for (const [code, field, message, arrange] of serverErrors) {
    it(`shows ${code} at its field`, async () => {
      const { editor } = await openEditor();
      arrange(mock);
      await fillForm(code === 'invalid_current_password' ? 'wrong-one' : MOCK_PASSWORD, code === 'password_breached' ? 'Password123' : NEW);
      await user.press('Enter');
      await waitFor(() => errorOf(editor, field), { message: `the ${code} error` });
      expect(errorOf(editor, field)).to.equal(message);
      expect(editor.shadowRoot!.activeElement).to.equal(input(editor, field));
      if (code === 'invalid_current_password') await expect(editor).to.be.accessible();
      expect(input(editor, 'confirm').value).to.not.equal(''); // what was typed survives
    });
  }

  it('rate_limited counts down on a button that stays focusable', async () => {
    const { editor } = await openEditor();
    mock.scenarios.set({ rateLimited: true, retryAfterSeconds: 30 });
    await fillForm(MOCK_PASSWORD);
    await user.click('button', 'Change password');
    await waitFor(() => /Try again in (30|29) s/.test(deepText(editor)), { message: 'the countdown' });
    const submit = () => [...editor.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Change password')!;
    expect(submit().getAttribute('aria-disabled')).to.equal('true');
    expect(submit().disabled).to.equal(false);
    submit().click();
    expect(requestsTo(mock, 'changePassword')).to.have.length(1);
  });

  it('too_many_attempts has its own words', async () => {
    const { editor: second } = await openEditor();
    mock.worker.use(http.post('/api/password', () => HttpResponse.json({ error: { code: 'too_many_attempts' } }, { status: 403 })));
    await fillForm(MOCK_PASSWORD);
    await user.press('Enter');
    await waitFor(() => deepText(second).includes('Too many wrong attempts.'), { message: 'too_many_attempts' });
  });

  it('sends one request for a double submit', async () => {
    const { editor } = await openEditor();
    mock.scenarios.set({ latencyMs: 300 });
    await fillForm(MOCK_PASSWORD);
    await user.press('Enter');
    await user.press('Enter');
    await user.press('Enter');
    await waitFor(() => announced(editor).includes('Your password was changed.'), { message: 'the change' });
    expect(requestsTo(mock, 'changePassword')).to.have.length(1);
  });

  it('a click that lands after the change went through keeps the success (no errors on the emptied form)', async () => {
    const { editor } = await openEditor();
    await fillForm(MOCK_PASSWORD);
    await user.press('Enter');
    await waitFor(() => announced(editor).includes('Your password was changed.'), { message: 'the change' });
    // The second click of a double click, on a fast backend: the form is already saved and empty.
    await user.click('button', 'Change password');
    await user.press('Enter');
    expect(announced(editor)).to.include('Your password was changed.');
    expect(deepText(editor)).not.to.include('Enter your current password.');
    expect(requestsTo(mock, 'changePassword')).to.have.length(1);
    // Typing again starts a new change as usual.
    await user.fill('textbox', 'New password', 'x', { exact: true });
    await user.press('Enter');
    await waitFor(() => deepText(editor).includes('Enter your current password.'), { message: 'the checks of a new change' });
  });

  it('re-verification: cancel keeps the form as it was; with the password the change completes once', async () => {
    const { editor } = await openEditor();
    mock.scenarios.set({ reauthRequired: true });
    await fillForm(MOCK_PASSWORD);
    await user.press('Enter');
    await waitFor(() => deepQuery('dialog[open]'), { message: 'the dialog' });
    await expect(deepQuery('usp-reauth-dialog')).to.be.accessible();
    expect(announced(editor), 'nothing is saving while the dialog waits for the user').to.not.contain('Saving');
    await user.press('Escape');
    await waitFor(() => !deepQuery('usp-reauth-dialog'), { message: 'the dialog to close' });
    expect([input(editor, 'current').value, input(editor, 'next').value, input(editor, 'confirm').value]).to.deep.equal([MOCK_PASSWORD, NEW, NEW]);
    expect(errorOf(editor, 'current')).to.equal('');
    expect(announced(editor)).to.not.contain('Saving');
    await user.click('button', 'Change password');
    await user.fill('textbox', 'Your password', MOCK_PASSWORD); // the dialog's field
    await user.click('button', 'Confirm', { exact: true });
    await waitFor(() => announced(editor).includes('Your password was changed.'), { message: 'the change' });
    const calls = requestsTo(mock, 'changePassword');
    expect(calls.map((c) => !!c.reauthToken)).to.deep.equal([false, false, true]);
    expect(requestsTo(mock, 'reauth')).to.have.length(1);
    expect(secretsInDom()).to.have.length(0);
  });

  it('sets a first password (phone-only account): no current field, re-verification by SMS code', async () => {
    const { editor } = await openEditor('phoneOnly');
    expect(input(editor, 'current')).to.equal(null);
    expect(editor.shadowRoot!.querySelector<HTMLInputElement>('[autocomplete=username]')!.value).to.equal('+14155554567');
    await user.fill('textbox', 'New password', NEW, { exact: true });
    await user.fill('textbox', 'Confirm new password', NEW);
    await user.click('button', 'Set password');
    await user.click('button', 'Send code');
    await waitFor(() => deepQuery('usp-code-input')?.shadowRoot?.querySelector('input'), { message: 'the code step' });
    await user.fill('textbox', 'Verification code', mock.inbox.latestCode({ purpose: 'reauth' }));
    await waitFor(() => announced(editor).includes('Your password was set.'), { message: 'the change' });
    const calls = requestsTo(mock, 'changePassword');
    expect(calls.map((c) => c.body)).to.deep.equal([
      { newPassword: NEW, signOutOtherSessions: true },
      { newPassword: NEW, signOutOtherSessions: true },
    ]);
    expect(calls[1].reauthToken).to.be.a('string');
    expect(mock.state.profile.password.isSet).to.equal(true);
  });

  it('fires nothing on mount or property changes; unchecking "sign out" is sent', async () => {
    const { panel, editor } = await openEditor();
    let fired = 0;
    panel.addEventListener('usp-changed', () => fired++);
    editor.requestUpdate();
    await editor.updateComplete;
    expect(fired).to.equal(0);
    await fillForm(MOCK_PASSWORD);
    await user.click('checkbox', 'Sign out of all other sessions');
    await user.press('Enter');
    await waitFor(() => fired === 1, { message: 'the event' });
    expect(requestsTo(mock, 'changePassword')[0].body).to.include({ signOutOtherSessions: false });
  });
});
