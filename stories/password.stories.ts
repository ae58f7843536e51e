import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MOCK_PASSWORD } from '../src/mock/index.js';
import {
  deepQuery, find, mockParameters, mockState, paste, press, providerArgs, providerArgTypes, renderInProvider, type ProviderStoryArgs,
} from './support.js';

const meta = {
  title: 'Elements/user-settings-password',
  component: 'user-settings-password',
  args: providerArgs,
  argTypes: providerArgTypes,
  parameters: mockParameters('default'),
  render: (args) => renderInProvider('user-settings-password', args),
} satisfies Meta<ProviderStoryArgs>;

export default meta;
type Story = StoryObj<ProviderStoryArgs>;

const NEW = 'a long and new phrase 7';
/** Fills the three fields (the current one only when shown). */
async function fill(root: HTMLElement, current: string, next = NEW, confirm = next) {
  await find(root, '#next', 'the form');
  if (deepQuery(root, '#current')) await paste(root, '#current', current);
  await paste(root, '#next', next);
  await paste(root, '#confirm', confirm);
}
const submit = (label = 'Change password') => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await fill(canvasElement, MOCK_PASSWORD);
  await press(canvasElement, label);
};

/** The summary row: when the password last changed. */
export const Summary: Story = { args: { open: false } };

/** The summary of an account without a password (signed up with a phone): "Add". */
export const SummaryNoPassword: Story = { args: { open: false }, parameters: mockParameters('phoneOnly') };

/** Change: current, new and confirmation; the policy from `/me`; sign out of other sessions on by default. */
export const Change: Story = {};

/** Set a first password (account created with a phone or TikTok): no current-password field. */
export const SetFirstPassword: Story = { parameters: mockParameters('phoneOnly') };

/** The policy and strength live as the user types: a common password is "too weak". */
export const WeakAsTyped: Story = { play: async ({ canvasElement }) => paste(canvasElement, '#next', 'qwerty') };

/** A long passphrase: every rule met, "strong". */
export const StrongAsTyped: Story = { play: async ({ canvasElement }) => paste(canvasElement, '#next', 'correct horse battery staple ☂') };

/** "Show" reveals one field as text (the others stay hidden). */
export const Shown: Story = {
  play: async ({ canvasElement }) => {
    await paste(canvasElement, '#next', 'visible while shown');
    await press(canvasElement, 'Show');
    await press(canvasElement, 'Show');
  },
};

/** Submitted empty: each field says what is missing; focus on the first. */
export const Required: Story = { play: async ({ canvasElement }) => press(canvasElement, 'Change password') };

/** Checked before sending: same as the current password, confirmation does not match. */
export const SameAndMismatch: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, MOCK_PASSWORD, MOCK_PASSWORD, 'something else');
    await press(canvasElement, 'Change password');
  },
};

/** The server says the current password is wrong (`invalid_current_password`), at that field. */
export const InvalidCurrentPassword: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'not-the-password');
    await press(canvasElement, 'Change password');
  },
};

/** The server says the new password was in a breach (`password_breached`), at the new field. */
export const Breached: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, MOCK_PASSWORD, 'password123');
    await press(canvasElement, 'Change password');
  },
};

/** Too many requests (`rate_limited`): a countdown; the button stays focusable. */
export const RateLimited: Story = { parameters: mockParameters('default', { rateLimited: true, retryAfterSeconds: 45 }), play: submit() };

/** The server cannot be reached; what was typed stays. */
export const Offline: Story = { parameters: mockParameters('default', { offline: ['changePassword'] }), play: submit() };

/** Saving on a slow network: "Saving…" announced, a second submit ignored. */
export const Saving: Story = {
  play: async (context) => {
    // Slow only once the form is there (a slow `/me` would never show it).
    await find(context.canvasElement, '#next', 'the form');
    mockState(context).scenarios.set({ latencyMs: 60_000 });
    await submit()(context);
  },
};

/** Done: fields cleared, the confirmation shown and announced, the summary updated. */
export const Changed: Story = { play: submit() };

/** The backend asks to re-verify (`reauth_required`): the shared dialog over the kept form. */
export const ReauthRequired: Story = { parameters: mockParameters('default', { reauthRequired: true }), play: submit() };

/** Setting a first password always re-verifies: here by a code texted to the phone. */
export const SetFirstPasswordReauth: Story = {
  parameters: mockParameters('phoneOnly'),
  play: async (context) => {
    await submit('Set password')(context);
    await press(context.canvasElement, 'Send code');
  },
};

/** French. */
export const French: Story = { args: { locale: 'fr' }, play: async ({ canvasElement }) => paste(canvasElement, '#next', 'court') };

/** Arabic, right to left. */
export const Arabic: Story = { args: { locale: 'ar' }, play: async ({ canvasElement }) => press(canvasElement, 'تغيير كلمة المرور') };

/** Mobile lite: 360 px, 44 px targets. */
export const MobileLite: Story = { args: { host: 'mobile-lite' } };
