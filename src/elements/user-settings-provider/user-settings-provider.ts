import { css, html, LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import type { HeadersSource, UserSettingsBackend } from '../../api/backend.js';
import type { HostKind, ReauthPrompt } from '../../context/settings-context.js';
import { SettingsController } from '../../context/settings-controller.js';
import type { Messages } from '../../i18n/messages.js';
import { defaultReauthPrompt } from './default-reauth-prompt.js';

/**
 * @tagname user-settings-provider
 * @summary Provides the settings context (backend, profile, messages, host settings) to
 * sub-elements placed inside it, for hosts that use them without the panel.
 * @slot - `<user-settings-email>`, `<user-settings-phone>`, `<user-settings-password>`, `<user-settings-tiktok>` in any layout.
 * @fires {UserSettingsSessionExpiredEvent} usp-session-expired - The backend answered 401; send the user to sign in.
 */
export class UserSettingsProvider extends LitElement {
  static override styles: CSSResultGroup = css`:host { display: contents; }`;

  /** Base URL of the backend contract. */
  @property({ attribute: 'api-base' }) apiBase = '/api';
  /** Where the element is embedded: `ads-manager`, `business-center`, `mobile-lite` or `standalone`. */
  @property({ reflect: true }) host: HostKind = 'standalone';
  /** BCP 47 locale of messages, dates and numbers. */
  @property() locale = 'en';
  /** `light` or `dark` pins the default theme; unset, it follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';
  /** Origin trusted to post the TikTok link result; default: the origin of `api-base`. */
  @property({ attribute: 'callback-origin' }) callbackOrigin?: string;
  /** Country for phone numbers (ISO 3166-1 alpha-2) when none can be inferred. */
  @property({ attribute: 'default-country' }) defaultCountry?: string;
  /** Extra request headers, or an async function returning them (bearer tokens, CSRF). */
  @property({ attribute: false }) headers?: HeadersSource;
  /** Request timeout in milliseconds (default 15000). */
  @property({ attribute: false }) timeout?: number;
  /** `fetch` credentials mode (default `same-origin`). */
  @property({ attribute: false }) credentials?: RequestCredentials;
  /** A whole replacement backend, for hosts whose API differs from the default contract. */
  @property({ attribute: false }) backend?: UserSettingsBackend;
  /** Overrides for any user-visible string. */
  @property({ attribute: false }) messages?: Partial<Messages>;
  /** Asks the user to re-verify before a sensitive change; default: the built-in dialog (loaded when needed). */
  @property({ attribute: false }) reauthPrompt: ReauthPrompt = defaultReauthPrompt;

  /** The loaded profile, messages and backend, shared through context. */
  protected readonly settings = new SettingsController(this);

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-provider': UserSettingsProvider;
  }
}
