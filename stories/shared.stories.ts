import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Verification } from '../src/api/schemas.js';
import type { SettingsContext } from '../src/context/settings-context.js';
import '../src/elements/shared/code-input.js';
import { confirmAction } from '../src/elements/shared/confirm-dialog.js';
import { requestReauth } from '../src/elements/reauth/request-reauth.js';
import { createHttpBackend } from '../src/api/http-backend.js';
import { en } from '../src/i18n/messages.js';
import type { ReauthMethod } from '../src/api/schemas.js';
import { find, mockParameters, paste, press, STORY_API_BASE, until } from './support.js';

const meta = {
  title: 'Shared/Building blocks',
  parameters: mockParameters('default', {}, { phone: { number: '+14155554567', verified: true } }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const verification = (resendIn: number): Verification => ({
  verificationId: 'ver_story', destination: 'j•••@example.com', expiresAt: inSeconds(600), resendAvailableAt: inSeconds(resendIn),
});

const code = (v?: Verification, error = '') => html`
  <user-settings-provider api-base=${STORY_API_BASE}>
    <div style="max-width: 420px"><usp-code-input .verification=${v} error=${error}></usp-code-input></div>
  </user-settings-provider>`;

/** `<usp-code-input>` as an editor shows it after sending: destination, expiry, resend countdown. */
export const CodeInput: Story = { render: () => code(verification(30)) };

/** The resend countdown is over: "Resend code" is available. */
export const CodeInputResendAvailable: Story = { render: () => code(verification(0)) };

/** An error under the field, linked with `aria-describedby` and announced. */
export const CodeInputError: Story = { render: () => code(verification(30), 'That code isn\'t right. Check it and try again.') };

/** A whole code pasted with a dash: the digits are kept, `usp-code-complete` fires. */
export const CodeInputPasted: Story = {
  render: () => code(verification(30)),
  play: async ({ canvasElement }) => paste(canvasElement, '#code', '482-913'),
};

const host = () => html`<user-settings-provider api-base=${STORY_API_BASE}><div id="host"></div></user-settings-provider>`;
const hostOf = (root: HTMLElement) => until(() => {
  const el = root.querySelector<HTMLElement>('#host');
  if (el && !el.shadowRoot) el.attachShadow({ mode: 'open' });
  return el;
}, 'the host');

/** `confirmAction()`: a native modal dialog; focus on Cancel; Escape cancels. */
export const ConfirmDialog: Story = {
  render: host,
  play: async ({ canvasElement }) => {
    void confirmAction(await hostOf(canvasElement), {
      title: 'Remove this phone number?', body: 'You will no longer be able to sign in with it.', confirmLabel: 'Remove',
    });
  },
};

/** A destructive confirmation (`danger: true`) with a rich body. */
export const ConfirmDialogDanger: Story = {
  render: host,
  play: async ({ canvasElement }) => {
    void confirmAction(await hostOf(canvasElement), {
      title: 'Unlink your TikTok account?', danger: true, confirmLabel: 'Unlink', cancelLabel: 'Keep it linked',
      body: html`You will no longer sign in with <strong>@jordan.creates</strong>.`,
    });
  },
};

const context: SettingsContext = {
  backend: createHttpBackend({ apiBase: STORY_API_BASE }),
  messages: en,
  locale: 'en',
  host: { kind: 'standalone', compact: false, linkMode: 'popup', callbackOrigin: location.origin },
  applyProfile: () => undefined,
  refreshProfile: async () => undefined,
  reloadProfile: async () => undefined,
  reauthPrompt: async () => undefined,
};

const reauth = (methods: ReauthMethod[], then?: (root: HTMLElement) => Promise<void>): Story => ({
  render: host,
  play: async ({ canvasElement }) => {
    void requestReauth({ host: await hostOf(canvasElement), context, methods, signal: new AbortController().signal });
    await find(canvasElement, 'dialog[open]', 'the dialog');
    await then?.(canvasElement);
  },
});

/** Re-verification offering every method: password, or a code to the current email or phone. */
export const ReauthAllMethods = reauth(['password', 'email_code', 'phone_code']);

/** Re-verification by password: a wrong one is an error inside the dialog (password cleared). */
export const ReauthWrongPassword = reauth(['password'], async (root) => {
  await paste(root, '#password', 'not-my-password');
  await press(root, 'Confirm');
});

/** Re-verification by a code texted to the current phone: the code step. */
export const ReauthPhoneCode = reauth(['phone_code'], async (root) => {
  await press(root, 'Send code');
});

/** Re-verification by an emailed code: a wrong code. */
export const ReauthWrongCode = reauth(['email_code'], async (root) => {
  await press(root, 'Send code');
  await paste(root, '#code', '000001');
});
