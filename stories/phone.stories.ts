import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { mockParameters, mockState, STORY_API_BASE } from './support.js';

interface PhoneArgs {
  host: 'ads-manager' | 'business-center' | 'mobile-lite' | 'standalone';
  locale: string;
  /** ISO 3166-1 alpha-2 country the picker starts with (host configuration). */
  defaultCountry: string;
  open: boolean;
}

const widths: Record<PhoneArgs['host'], string> = {
  'ads-manager': '360px',
  'business-center': '640px',
  'mobile-lite': '360px',
  standalone: '640px',
};

const meta = {
  title: 'Elements/user-settings-phone',
  component: 'user-settings-phone',
  args: { host: 'business-center', locale: 'en', defaultCountry: '', open: true },
  argTypes: {
    host: { control: 'inline-radio', options: ['ads-manager', 'business-center', 'mobile-lite', 'standalone'] },
    locale: { control: 'inline-radio', options: ['en', 'fr', 'ar'] },
    defaultCountry: { control: 'text', description: 'e.g. FR, DE, GB (empty: from the locale or the current phone)' },
    open: { control: 'boolean', description: 'Whether the editor is open' },
  },
  parameters: mockParameters('default'),
  render: ({ host, locale, defaultCountry, open }) => html`
    <user-settings-provider api-base=${STORY_API_BASE} host=${host} locale=${locale}
      default-country=${ifDefined(defaultCountry || undefined)}>
      <div dir=${locale === 'ar' ? 'rtl' : 'ltr'} style="max-width: ${widths[host]}; min-height: 420px; padding: 0 16px;
        border: 1px solid #d0d3d9; border-radius: 8px; background: #fff;">
        <user-settings-phone ?open=${open}></user-settings-phone>
      </div>
    </user-settings-provider>
  `,
} satisfies Meta<PhoneArgs>;

export default meta;
type Story = StoryObj<PhoneArgs>;

// ——— helpers for play functions (the UI lives in nested shadow roots) ———

function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | undefined {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot && deepQuery<T>(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return undefined;
}

async function find<T extends Element = HTMLElement>(root: ParentNode, selector: string, timeout = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = deepQuery<T>(root, selector);
    if (found) return found;
    if (performance.now() - start > timeout) throw new Error(`Never showed ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Types `text` into an input as a paste would (one input event). */
async function fill(root: ParentNode, selector: string, text: string) {
  const input = await find<HTMLInputElement>(root, selector);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

/** Clicks the first button whose text includes `label`. */
async function click(root: ParentNode, label: string) {
  const start = performance.now();
  for (;;) {
    const editor = deepQuery(root, 'usp-phone-editor');
    const roots = [deepQuery(root, 'usp-confirm-dialog')?.shadowRoot, editor?.shadowRoot].filter(Boolean) as ParentNode[];
    const button = roots.flatMap((r) => [...r.querySelectorAll('button')]).find((b) => b.textContent?.includes(label));
    if (button) return button.click();
    if (performance.now() - start > 5000) throw new Error(`No button ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends `number` from the number step and waits for the code step. */
async function sendCode(root: ParentNode, number: string) {
  await fill(root, '#number', number);
  await click(root, 'Send code');
  await find(root, '#code');
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
  play: async ({ canvasElement }) => fill(canvasElement, '#number', '+33 6 12 34 56 78'),
};

/** Checked before sending: too short for the country. */
export const TooShort: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '#number', '415 555');
    await click(canvasElement, 'Send code');
  },
};

/** Checked before sending: too long for the country. */
export const TooLong: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '#number', '415 555 0123 456');
    await click(canvasElement, 'Send code');
  },
};

/** Not a valid number for the country. */
export const InvalidForCountry: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '#number', '123 456 7890');
    await click(canvasElement, 'Send code');
  },
};

/** The server says the number belongs to another account (`phone_taken`), shown at the field. */
export const PhoneTaken: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '#number', '(415) 555-0000');
    await click(canvasElement, 'Send code');
  },
};

/** Too many requests (`rate_limited`): a countdown, the number kept. */
export const RateLimited: Story = {
  parameters: mockParameters('default', { rateLimited: true, retryAfterSeconds: 45 }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '#number', '4155550123');
    await click(canvasElement, 'Send code');
  },
};

/** The backend asks to re-verify first (`reauth_required`): the shared dialog, the number kept. */
export const ReauthRequired: Story = {
  parameters: mockParameters('default', { reauthRequired: true }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '#number', '4155550123');
    await click(canvasElement, 'Send code');
  },
};

/** The server cannot be reached. */
export const Offline: Story = {
  parameters: mockParameters('default', { offline: ['startPhoneVerification'] }),
  play: async ({ canvasElement }) => {
    await fill(canvasElement, '#number', '4155550123');
    await click(canvasElement, 'Send code');
  },
};

// ——— code step ———

/** The SMS code step: where it went, when it expires, resend countdown. (The code is in the mock's inbox.) */
export const CodeStep: Story = { play: async ({ canvasElement }) => sendCode(canvasElement, '4155550123') };

/** A wrong code (`code_invalid`). */
export const CodeInvalid: Story = {
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement, '4155550123');
    await fill(canvasElement, '#code', '000001');
  },
};

/** An expired code (`code_expired`): send a new one. */
export const CodeExpired: Story = {
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement, '4155550123');
    await fill(canvasElement, '#code', '000000');
  },
};

/** Five wrong codes (`too_many_attempts`): start again with the number kept. */
export const TooManyAttempts: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    await sendCode(canvasElement, '4155550123');
    const state = mockState(context);
    for (let i = 1; i <= 5; i++) {
      await fill(canvasElement, '#code', '000001');
      while (state.requestsTo('confirmPhone').filter((r) => r.status).length < i) await new Promise((r) => setTimeout(r, 50));
    }
  },
};

/** Done: the number verified and saved; the summary shows it. */
export const Added: Story = {
  play: async (context) => {
    const { canvasElement } = context;
    await sendCode(canvasElement, '4155550123');
    await fill(canvasElement, '#code', mockState(context).inbox.latestCode({ channel: 'sms' }));
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
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Remove phone number');
    await find(canvasElement, 'usp-confirm-dialog');
    await click(canvasElement, 'Remove');
  },
};

/** The phone is the only way to sign in (`last_login_method`): what to add first, in plain words. */
export const LastLoginMethod: Story = {
  parameters: mockParameters('phoneOnly'),
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Remove phone number');
    await find(canvasElement, 'usp-confirm-dialog');
    await click(canvasElement, 'Remove');
  },
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
    await fill(canvasElement, '#number', '415 555');
    await click(canvasElement, 'إرسال الرمز');
  },
};
