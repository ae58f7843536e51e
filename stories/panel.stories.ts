import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MOCK_PASSWORD } from '../src/mock/index.js';
import { deepQuery, mockParameters, mockState, paste, press, providerArgs, providerArgTypes, STORY_API_BASE, themeStyle, until, type StoryHost, type StoryTheme } from './support.js';

interface PanelArgs {
  host: StoryHost;
  locale: string;
  sections: string;
  theme: StoryTheme;
}

/** How wide each host shows the panel. */
const frames: Record<PanelArgs['host'], string> = {
  'ads-manager': 'width: 360px; box-shadow: 0 8px 28px rgb(22 24 35 / 0.16); border-radius: 8px;',
  'business-center': 'max-width: 760px;',
  'mobile-lite': 'width: 360px; min-height: 640px; border: 1px solid #767b85; border-radius: 16px; overflow: hidden;',
  standalone: 'max-width: 760px;',
};

const meta = {
  title: 'Panel/user-settings-panel',
  component: 'user-settings-panel',
  args: { host: providerArgs.host, locale: providerArgs.locale, sections: '', theme: 'auto' },
  argTypes: {
    host: providerArgTypes.host,
    locale: providerArgTypes.locale,
    sections: { control: 'text', description: 'Space-separated: email phone password tiktok (all when empty)' },
    theme: providerArgTypes.theme,
  },
  parameters: mockParameters('default'),
  render: ({ host, locale, sections, theme }) => html`
    <div style=${frames[host]}>
      <user-settings-panel api-base=${STORY_API_BASE} host=${host} locale=${locale}
        sections=${ifDefined(sections || undefined)} theme=${ifDefined(theme === 'auto' ? undefined : theme)}></user-settings-panel>
    </div>
  `,
} satisfies Meta<PanelArgs>;

export default meta;
type Story = StoryObj<PanelArgs>;

/** Waits until the panel's shadow root shows `selector` (5 s at most). */
const waitInPanel = (root: HTMLElement, selector: string) =>
  until(() => root.querySelector('user-settings-panel')?.shadowRoot?.querySelector(selector), `${selector} in the panel`);

/** Ads Manager: the compact summary shown in the profile drop-down (360 px pop-over). */
export const AdsManager: Story = { args: { host: 'ads-manager' } };

/** Business Center: the full "Settings" page, one section per capability. */
export const BusinessCenter: Story = { args: { host: 'business-center' }, parameters: mockParameters('linkedPersonal') };

/** Mobile lite: single column, 44 px targets, TikTok linking by redirect. */
export const MobileLite: Story = {
  args: { host: 'mobile-lite' },
  parameters: mockParameters('tiktokSignup'),
};

/** A user who signed up with TikTok: no password and no email yet. */
export const TiktokSignup: Story = { parameters: mockParameters('tiktokSignup') };

/** Slow network: `GET /me` takes 3 s, the panel shows its loading skeleton meanwhile. */
export const Loading: Story = { parameters: mockParameters('default', { latencyMs: 3000 }) };

/**
 * `GET /me` answers 500: the panel says so and offers "Try again". The play function then heals
 * the mock, so pressing "Try again" loads the settings.
 */
export const LoadErrorWithRetry: Story = {
  parameters: mockParameters('default', { serverErrors: ['getProfile'] }),
  play: async (context) => {
    await waitInPanel(context.canvasElement, '[part="error"]');
    mockState(context).scenarios.set({ serverErrors: false });
  },
};

/**
 * A reload with no change made fails (here: the host changed the request timeout while the
 * server errs): the last good settings stay, with a neutral "couldn't refresh" notice and a retry.
 */
export const RefreshFailed: Story = {
  play: async (context) => {
    const panel = await waitInPanel(context.canvasElement, '.sections').then(() => context.canvasElement.querySelector('user-settings-panel')!);
    mockState(context).scenarios.set({ serverErrors: ['getProfile'] });
    panel.timeout = 5000; // a configuration change reloads the profile
    await until(() => panel.shadowRoot?.querySelector('[part=notice] button'), 'the refresh notice', 15_000);
    mockState(context).scenarios.set({ serverErrors: false });
  },
};

/**
 * The password was changed, but the refresh after it fails: the change stays told as done
 * ("Saved."), the last good settings stay, and a quiet notice offers to try again.
 */
export const SavedButRefreshFailed: Story = {
  args: { sections: 'password' },
  play: async (context) => {
    const root = context.canvasElement;
    (await until(() => deepQuery(root, 'user-settings-password')?.shadowRoot?.querySelector<HTMLElement>('[part=action]'), 'the password row')).click();
    await paste(root, '#current', MOCK_PASSWORD);
    await paste(root, '#next', 'a long and new phrase 7');
    await paste(root, '#confirm', 'a long and new phrase 7');
    mockState(context).scenarios.set({ serverErrors: ['getProfile'] });
    await press(root, 'Change password');
    const panel = root.querySelector('user-settings-panel')!;
    await until(() => panel.shadowRoot?.querySelector('[part=notice] button'), 'the refresh notice', 15_000);
    mockState(context).scenarios.set({ serverErrors: false });
  },
};

/** No network at all (`fetch` rejects): told apart from a server error. */
export const Offline: Story = { parameters: mockParameters('default', { offline: true }) };

/** The session has ended (401): no retry; the panel fires `usp-session-expired` for the host. */
export const SignedOut: Story = { parameters: mockParameters('default', { signedOut: true }) };

/** TikTok linking is in testing and not available to this user: the panel says so. */
export const LinkingUnavailable: Story = { parameters: mockParameters('linkingUnavailable') };

/** The backend answers garbage: the panel explains in plain words instead of crashing. */
export const MalformedResponse: Story = { parameters: mockParameters('default', { malformed: ['getProfile'] }) };

/** Arabic, right to left. */
export const RtlArabic: Story = { args: { locale: 'ar' }, parameters: mockParameters('linkedBusiness') };

/** French. */
export const French: Story = { args: { locale: 'fr' }, parameters: mockParameters('phoneOnly') };

/** `sections` limits what shows: here only email and password. */
export const SomeSections: Story = { args: { sections: 'email password' } };

/**
 * A host that places the sub-elements itself, in its own layout, under `<user-settings-provider>`
 * (one `GET /me` serves all of them).
 */
export const ProviderWithSubElements: Story = {
  parameters: mockParameters('linkedPersonal'),
  render: ({ locale, host, theme }) => html`
    <user-settings-provider api-base=${STORY_API_BASE} locale=${locale} host=${host}>
      <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; max-width: 900px;">
        ${['email', 'phone', 'password', 'tiktok'].map((area) => html`
          <div style="border: 1px solid #767b85; border-radius: 8px; padding: 0 16px; ${themeStyle(theme)}">
            ${area === 'email' ? html`<user-settings-email></user-settings-email>`
              : area === 'phone' ? html`<user-settings-phone></user-settings-phone>`
              : area === 'password' ? html`<user-settings-password></user-settings-password>`
              : html`<user-settings-tiktok></user-settings-tiktok>`}
          </div>`)}
      </div>
    </user-settings-provider>
  `,
};

/** Dark theme, pinned by the host (`theme="dark"`); "auto" follows `prefers-color-scheme`. */
export const DarkTheme: Story = { args: { theme: 'dark' }, parameters: mockParameters('linkedPersonal') };

/** Light theme pinned, whatever the system prefers. */
export const LightTheme: Story = { args: { theme: 'light' }, parameters: mockParameters('linkedPersonal') };

/** Pseudo-locale en-XA: every string accented and ~40 % longer, so untranslated or clipped text shows. */
export const PseudoAccented: Story = { args: { locale: 'en-XA', host: 'mobile-lite' }, parameters: mockParameters('tiktokSignup') };

/** Pseudo-locale ar-XB: English forced right to left in a right-to-left panel, so mirroring bugs show. */
export const PseudoRightToLeft: Story = { args: { locale: 'ar-XB' }, parameters: mockParameters('linkedBusiness') };
