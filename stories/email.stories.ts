import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MOCK_TRIGGERS } from '../src/mock/index.js';
import {
  enterCodes, find, mockParameters, mockState, paste, press, providerArgs, providerArgTypes, renderInProvider,
  type ProviderStoryArgs,
} from './support.js';

const meta = {
  title: 'Elements/user-settings-email',
  component: 'user-settings-email',
  args: providerArgs,
  argTypes: providerArgTypes,
  parameters: mockParameters('default'),
  render: (args) => renderInProvider('user-settings-email', args, { minHeight: 320 }),
} satisfies Meta<ProviderStoryArgs>;

export default meta;
type Story = StoryObj<ProviderStoryArgs>;

const NEW = 'new.address@example.com';
/** Sends `address` and waits for the code step. */
async function send(root: HTMLElement, address = NEW) {
  await paste(root, '#email', address);
  await press(root, 'Send code');
}
const toCode = async (root: HTMLElement) => {
  await send(root);
  await find(root, '#code', 'the code step');
};
/** Types `code` (or the right one from the mock's inbox) in the code step. */
const enter = (code?: string) => async (context: Parameters<NonNullable<Story['play']>>[0]) => {
  await toCode(context.canvasElement);
  await paste(context.canvasElement, '#code', code ?? mockState(context).inbox.latestCode({ to: NEW }));
};

/** The summary row: the address and whether it is verified. */
export const Summary: Story = { args: { open: false } };

/** No email yet (signed up with a phone): "Add". */
export const SummaryNoEmail: Story = { args: { open: false }, parameters: mockParameters('phoneOnly') };

/** The address step: the current address stays until the new one is confirmed. */
export const Address: Story = {};

/** Add a first address. */
export const AddFirst: Story = { parameters: mockParameters('phoneOnly') };

/** Checked before sending (after leaving the field or submitting). */
export const InvalidAddress: Story = { play: async ({ canvasElement }) => send(canvasElement, 'jordan@') };

/** The same address as now. */
export const SameAddress: Story = { play: async ({ canvasElement }) => send(canvasElement, 'jordan.rivera@example.com') };

/** The server says another account uses it (`email_taken`), at the field. */
export const EmailTaken: Story = { play: async ({ canvasElement }) => send(canvasElement, MOCK_TRIGGERS.takenEmail) };

/** Too many codes (`rate_limited`): a countdown, the address kept. */
export const RateLimited: Story = {
  parameters: mockParameters('default', { rateLimited: true, retryAfterSeconds: 45 }),
  play: async ({ canvasElement }) => send(canvasElement),
};

/** The server cannot be reached. */
export const Offline: Story = {
  parameters: mockParameters('default', { offline: ['startEmailVerification'] }),
  play: async ({ canvasElement }) => send(canvasElement),
};

/** Sending on a slow network: "Saving…" announced, a second submit ignored. */
export const Sending: Story = {
  play: async (context) => {
    // Slow only once the editor is there (a slow `/me` would never show it).
    await find(context.canvasElement, '#email');
    mockState(context).scenarios.set({ latencyMs: 60_000 });
    await send(context.canvasElement);
  },
};

/** The backend asks to re-verify first (`reauth_required`): the shared dialog, the address kept. */
export const ReauthRequired: Story = {
  parameters: mockParameters('default', { reauthRequired: true }),
  play: async ({ canvasElement }) => send(canvasElement),
};

/** The code step names the masked destination, the expiry and a resend countdown. (The code is in the mock's inbox.) */
export const CodeStep: Story = { play: async ({ canvasElement }) => toCode(canvasElement) };

/** A wrong code (`code_invalid`). */
export const CodeInvalid: Story = { play: enter(MOCK_TRIGGERS.wrongCode) };

/** An expired code (`code_expired`): resend. */
export const CodeExpired: Story = { play: enter(MOCK_TRIGGERS.expiredCode) };

/** Five wrong codes (`too_many_attempts`). */
export const TooManyAttempts: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    await toCode(canvasElement);
    const state = mockState(context);
    await enterCodes(canvasElement, ['000001', '000002', '000003', '000004', '000005'],
      (count) => state.requestsTo('confirmEmail').filter((r) => r.status).length >= count);
  },
};

/** "Use a different address": back to the address, nothing lost. */
export const DifferentAddress: Story = {
  play: async ({ canvasElement }) => {
    await toCode(canvasElement);
    await press(canvasElement, 'Use a different address');
  },
};

/** Done: the new address confirmed and announced; the summary shows it. */
export const Changed: Story = { play: enter() };

/** French. */
export const French: Story = {
  args: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await paste(canvasElement, '#email', 'jordan@');
    await press(canvasElement, 'Envoyer le code');
  },
};

/** Arabic, right to left. */
export const Arabic: Story = { args: { locale: 'ar' } };
