// ActionController through a real editor on a host-provided backend: Idempotency-Key per user
// action (the same one when that action is retried after a failure that may have reached the
// server), and the words for a second reauth_required.
import { expect, fixture, html } from '@open-wc/testing';
import type { CallOptions, UserSettingsBackend } from '../src/api/backend.js';
import { UserSettingsError } from '../src/api/errors.js';
import type { Profile } from '../src/api/schemas.js';
import '../src/define.js';
import type { UserSettingsPanel } from '../src/elements/user-settings-panel/user-settings-panel.js';
import { deepQuery, deepText, waitFor, waitForEditor } from './support/dom.js';
import { user } from './support/user.js';

const profile: Profile = {
  userId: 'u1', displayName: 'Jordan Rivera',
  email: { address: 'jordan.rivera@example.com', verified: true }, phone: null,
  password: { isSet: true, updatedAt: '2025-01-12T10:00:00.000Z' }, passwordPolicy: { minLength: 8, maxLength: 128 },
  tiktok: { linkingAvailable: true, account: null, businessUpgradeAvailable: false }, adAccountSettingsUrl: null,
};

/** A backend whose password change answers from `answers` in turn, recording each call's options. */
function scriptedBackend(answers: (UserSettingsError | 'ok')[]) {
  const calls: CallOptions[] = [];
  const backend = {
    getProfile: async () => profile,
    changePassword: async (body: unknown, options: CallOptions = {}) => {
      calls.push({ ...options, body } as CallOptions);
      const answer = answers.shift() ?? 'ok';
      if (answer !== 'ok') throw answer;
    },
  } as unknown as UserSettingsBackend;
  return { backend, calls };
}

async function openPasswordEditor(backend: UserSettingsBackend, reauthPrompt?: () => Promise<string | undefined>) {
  const panel = await fixture<UserSettingsPanel>(html`<user-settings-panel host="business-center" sections="password"
    .backend=${backend} .reauthPrompt=${reauthPrompt ?? (async () => undefined)}></user-settings-panel>`);
  await waitFor(() => panel.shadowRoot!.querySelector('.sections'), { message: 'the panel to load' });
  await user.click('button', 'Change Password');
  const editor = await waitForEditor('usp-password-editor');
  await user.fill('textbox', 'Current password', 'old-password-1');
  await user.fill('textbox', 'New password', 'a-new-password-2', { exact: true });
  await user.fill('textbox', 'Confirm new password', 'a-new-password-2');
  return editor;
}

const network = () => new UserSettingsError({ kind: 'network' });
const server = () => new UserSettingsError({ kind: 'http', status: 503, code: 'unknown' });
const wrongPassword = () => new UserSettingsError({ kind: 'http', status: 400, code: 'invalid_current_password', field: 'currentPassword' });
const reauthRequired = () => new UserSettingsError({ kind: 'http', status: 403, code: 'reauth_required', methods: ['password'] });

describe('ActionController', () => {
  it('retries the same action after a network or server failure with the same Idempotency-Key', async () => {
    const { backend, calls } = scriptedBackend([network(), server(), 'ok']);
    const editor = await openPasswordEditor(backend);
    await user.click('button', 'Change password');
    await waitFor(() => deepText(editor).includes('couldn\'t reach the server'), { message: 'the network failure' });
    await user.click('button', 'Change password');
    await waitFor(() => calls.length === 2 && deepQuery('[part=error]', editor.shadowRoot!), { message: 'the server failure' });
    await user.click('button', 'Change password');
    await waitFor(() => deepText(editor).includes('Your password was changed.'), { message: 'the change' });
    expect(calls).to.have.length(3);
    expect(calls[0].idempotencyKey).to.match(/^[\w-]{16,}$/);
    expect(calls[1].idempotencyKey).to.equal(calls[0].idempotencyKey);
    expect(calls[2].idempotencyKey).to.equal(calls[0].idempotencyKey);
  });

  it('uses a new key when the user changed what they typed before retrying', async () => {
    const { backend, calls } = scriptedBackend([network(), network(), 'ok']);
    const editor = await openPasswordEditor(backend);
    await user.click('button', 'Change password');
    await waitFor(() => deepText(editor).includes('couldn\'t reach the server'), { message: 'the network failure' });
    await user.fill('textbox', 'New password', 'another-password-3', { exact: true });
    await user.fill('textbox', 'Confirm new password', 'another-password-3');
    await user.click('button', 'Change password');
    await waitFor(() => calls.length === 2 && deepQuery('[part=error]', editor.shadowRoot!), { message: 'the second failure' });
    expect(calls[1].idempotencyKey).to.be.a('string').and.not.equal(calls[0].idempotencyKey);
    // The same values again: the same action, the same key.
    await user.click('button', 'Change password');
    await waitFor(() => deepText(editor).includes('Your password was changed.'), { message: 'the change' });
    expect(calls[2].idempotencyKey).to.equal(calls[1].idempotencyKey);
  });

  it('gives each action a key on a page without crypto.randomUUID (plain http)', async () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const { backend, calls } = scriptedBackend(['ok']);
      const editor = await openPasswordEditor(backend);
      await user.click('button', 'Change password');
      await waitFor(() => deepText(editor).includes('Your password was changed.'), { message: 'the change' });
      expect(calls[0].idempotencyKey).to.match(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });

  it('uses a new key for a new action, and after a refusal the server certainly answered', async () => {
    const { backend, calls } = scriptedBackend([wrongPassword(), 'ok']);
    const editor = await openPasswordEditor(backend);
    await user.click('button', 'Change password');
    await waitFor(() => deepText(editor).includes('current password isn\'t right'), { message: 'the refusal' });
    await user.fill('textbox', 'Current password', 'old-password-2');
    await user.click('button', 'Change password');
    await waitFor(() => calls.length === 2, { message: 'the second attempt' });
    expect(calls[1].idempotencyKey).to.be.a('string').and.not.equal(calls[0].idempotencyKey);
  });

  it('repeats once after re-verifying, with the token and a fresh key; a second reauth_required has its own words', async () => {
    const { backend, calls } = scriptedBackend([reauthRequired(), reauthRequired()]);
    let prompts = 0;
    const editor = await openPasswordEditor(backend, async () => (prompts++, 'token-1'));
    await user.click('button', 'Change password');
    await waitFor(() => deepText(editor).includes('still couldn\'t confirm it\'s you'), { message: 'the words for a second reauth_required' });
    expect(deepText(editor)).not.to.contain('Something went wrong');
    expect(prompts).to.equal(1);
    expect(calls).to.have.length(2);
    expect(calls[1].reauthToken).to.equal('token-1');
    expect(calls[1].idempotencyKey).to.not.equal(calls[0].idempotencyKey);
    // Submitting again is the way to verify again.
    await user.click('button', 'Change password');
    await waitFor(() => deepText(editor).includes('Your password was changed.'), { message: 'the change after verifying again' });
    expect(prompts).to.equal(1); // the third call answered 'ok' without asking
    expect(calls).to.have.length(3);
  });
});
