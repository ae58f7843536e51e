import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  deepQuery, enterCodes, find, matchesLabel, mockParameters, mockState, paste, providerArgs, providerArgTypes, renderInProvider, until,
  type ProviderStoryArgs,
} from './support.js';

interface PhoneArgs extends ProviderStoryArgs {
  /** ISO 3166-1 alpha-2 country the picker starts with (host configuration). */
  defaultCountry: string;
}

const meta = {
  title: 'Elements/user-settings-phone',
  component: 'user-settings-phone',
  args: { ...providerArgs, defaultCountry: '' },
  argTypes: {
    host: providerArgTypes.host,
    locale: providerArgTypes.locale,
    defaultCountry: { control: 'text', description: 'e.g. FR, DE, GB (empty: from the locale or the current phone)' },
    open: providerArgTypes.open,
  },
  parameters: mockParameters('default'),
  render: (args) => renderInProvider('user-settings-phone', args, { minHeight: 420 }),
} satisfies Meta<PhoneArgs>;

export default meta;
type Story = StoryObj<PhoneArgs>;

// ——— helpers for play functions ———

/** Clicks the first button of the editor or of its open dialog whose text includes `label`. */
async function click(root: ParentNode, label: string) {
  const button = await until(() => {
    const roots = ['usp-confirm-dialog', 'usp-phone-editor'].map((tag) => deepQuery(root, tag)?.shadowRoot).filter(Boolean) as ParentNode[];
    return roots.flatMap((r) => [...r.querySelectorAll('button')]).find((b) => matchesLabel(b.textContent, label));
  }, `a button "${label}"`);
  button.click();
}

/** Submits `number` from the number step. */
async function submitNumber(root: ParentNode, number: string) {
  await paste(root, '#number', number);
  await click(root, 'Send code');
}
/** A play function that submits `number`. */
const submits = (number: string) => ({ canvasElement }: { canvasElement: HTMLElement }) => submitNumber(canvasElement, number);

/** Sends `number` from the number step and waits for the code step. */
async function sendCode(root: ParentNode, number: string) {
  await submitNumber(root, number);
  await find(root, '#code');
}

/** A play function that sends a number and enters `code`. */
const entersCode = (code: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await sendCode(canvasElement, '4155550123');
  await paste(canvasElement, '#code', code);
};

/** Asks to remove the phone number, then confirms. */
async function remove({ canvasElement }: { canvasElement: HTMLElement }) {
  await click(canvasElement, 'Remove phone number');
  await find(canvasElement, 'usp-confirm-dialog');
  await click(canvasElement, 'Remove');
}

const PHONE = { number: '+14155554567', verified: true };

// ——— summary rows ———

/** No phone yet: the summary says "Not set" and offers Add. */
export const SummaryNotSet: Story = { args: { open: false } };

/** A phone is set: shown in E.164 until the phone-number chunk loads, then formatted. */
export const SummarySet: Story = { args: { open: false }, parameters: mockParameters('tiktokSignup') };

// ——— number step ———

/** Add: the invitation says why a phone helps; the country comes from the locale (en → United States). */
export const Add: Story = {};

/** Change: the current number's country is the default; Remove is offered. */
export const Change: Story = { parameters: mockParameters('default', {}, { phone: PHONE }) };

/** The host configures the default country (`default-country="DE"`). */
export const HostDefaultCountry: Story = { args: { defaultCountry: 'DE' } };

/** The country picker open, searched by dialling code (+44): the United Kingdom first. */
export const CountrySearch: Story = {
  play: async ({ canvasElement }) => {
    const combo = await find<HTMLInputElement>(canvasElement, '#country');
    combo.focus();
    combo.value = '+44';
    combo.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  },
};

/** The number is formatted as typed (a pasted international number also picks its country). */
export const PastedInternational: Story = {
  play: async ({ canvasElement }) => paste(canvasElement, '#number', '+33 6 12 34 56 78'),
};

/** Checked before sending: too short for the country. */
export const TooShort: Story = { play: submits('415 555') };

/** Checked before sending: too long for the country. */
export const TooLong: Story = { play: submits('415 555 0123 456') };

/** Not a valid number for the country. */
export const InvalidForCountry: Story = { play: submits('123 456 7890') };

/** The server says the number belongs to another account (`phone_taken`), shown at the field. */
export const PhoneTaken: Story = { play: submits('(415) 555-0000') };

/** Too many requests (`rate_limited`): a countdown, the number kept. */
export const RateLimited: Story = {
  parameters: mockParameters('default', { rateLimited: true, retryAfterSeconds: 45 }),
  play: submits('4155550123'),
};

/** The backend asks to re-verify first (`reauth_required`): the shared dialog, the number kept. */
export const ReauthRequired: Story = {
  parameters: mockParameters('default', { reauthRequired: true }),
  play: submits('4155550123'),
};

/** The server cannot be reached. */
export const Offline: Story = {
  parameters: mockParameters('default', { offline: ['startPhoneVerification'] }),
  play: submits('4155550123'),
};

// ——— code step ———

/** The SMS code step: where it went, when it expires, resend countdown. (The code is in the mock's inbox.) */
export const CodeStep: Story = { play: async ({ canvasElement }) => sendCode(canvasElement, '4155550123') };

/** A wrong code (`code_invalid`). */
export const CodeInvalid: Story = { play: entersCode('000001') };

/** An expired code (`code_expired`): send a new one. */
export const CodeExpired: Story = { play: entersCode('000000') };

/** Five wrong codes (`too_many_attempts`): start again with the number kept. */
export const TooManyAttempts: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    await sendCode(canvasElement, '4155550123');
    const state = mockState(context);
    await enterCodes(canvasElement, ['000001', '000002', '000003', '000004', '000005'],
      (count) => state.requestsTo('confirmPhone').filter((r) => r.status).length >= count);
  },
};

/** Done: the number verified and saved; the summary shows it. */
export const Added: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    await sendCode(canvasElement, '4155550123');
    await paste(canvasElement, '#code', mockState(context).inbox.latestCode({ channel: 'sms' }));
  },
};

// ——— remove ———

/** Remove asks first (native dialog). */
export const RemoveConfirm: Story = {
  parameters: mockParameters('default', {}, { phone: PHONE }),
  play: async ({ canvasElement }) => click(canvasElement, 'Remove phone number'),
};

/** Removed. */
export const Removed: Story = {
  parameters: mockParameters('default', {}, { phone: PHONE }),
  play: remove,
};

/** The phone is the only way to sign in (`last_login_method`): what to add first, in plain words. */
export const LastLoginMethod: Story = {
  parameters: mockParameters('phoneOnly'),
  play: remove,
};

// ——— hosts and languages ———

/** Ads Manager drop-down: 360 px. */
export const AdsManager: Story = { args: { host: 'ads-manager' }, parameters: mockParameters('tiktokSignup') };

/** Mobile lite: 44 px targets, telephone keypad. */
export const MobileLite: Story = { args: { host: 'mobile-lite' }, parameters: { ...mockParameters('default'), viewport: { defaultViewport: 'mobile1' } } };

/** French: country names from `Intl.DisplayNames`. */
export const French: Story = { args: { locale: 'fr' }, parameters: mockParameters('tiktokSignup') };

/** Arabic, right to left: the number stays left to right. */
export const Arabic: Story = {
  args: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await paste(canvasElement, '#number', '415 555');
    await click(canvasElement, 'إرسال الرمز');
  },
};
