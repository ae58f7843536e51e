import { createContext } from '@lit/context';
import type { UserSettingsBackend } from '../api/backend.js';
import type { Profile, ReauthMethod } from '../api/schemas.js';
import type { Messages } from '../i18n/messages.js';

/** The hosts the panel drops into; each picks layout and theme defaults. */
export type HostKind = 'ads-manager' | 'business-center' | 'mobile-lite' | 'standalone';
export const hostKinds: readonly HostKind[] = ['ads-manager', 'business-center', 'mobile-lite', 'standalone'];

/** The capabilities, in display order; also the deep-link fragments (`#password` …). */
export type Section = 'email' | 'phone' | 'password' | 'tiktok';
export const allSections: readonly Section[] = ['email', 'phone', 'password', 'tiktok'];

export interface HostSettings {
  kind: HostKind;
  /** Compact summary rows whose editors open one at a time (the Ads Manager drop-down). */
  compact: boolean;
  /** How TikTok authorization opens: a popup (desktop) or a full-page redirect (mobile lite). */
  linkMode: 'popup' | 'redirect';
  /** Origin whose `postMessage` the TikTok flow trusts; default: the origin of `api-base`. */
  callbackOrigin: string;
  /** Country for phone numbers when none can be inferred (ISO 3166-1 alpha-2). */
  defaultCountry?: string;
}

/** What the panel (or a standalone provider) shares with every sub-element. */
export interface SettingsContext {
  backend: UserSettingsBackend;
  /** Undefined while `/me` is loading or when it failed. */
  profile?: Profile;
  messages: Messages;
  /** BCP 47 locale used for messages, dates and numbers. */
  locale: string;
  host: HostSettings;
  /** Adopts the profile a change returned (the one refresh after a change). */
  applyProfile(profile: Profile): void;
  /** Reads `/me` again once, after a successful change that returns no profile; resolves with the profile then shown. */
  refreshProfile(): Promise<Profile | undefined>;
  /** Reads `/me` again when the profile shown may be stale, with no change made (e.g. after a failed one). */
  reloadProfile(): Promise<void>;
  /** Asks the user to re-verify when a change answers `reauth_required` (§4.3). */
  reauthPrompt: ReauthPrompt;
}

/** What a re-verification prompt is given: where to show, the context, the server's methods. */
export interface ReauthRequest {
  /** The element whose change asked for it (the prompt may add a dialog to its shadow root). */
  host: HTMLElement;
  context: SettingsContext;
  methods: ReauthMethod[];
  /** Aborts when the change is abandoned (the editor went away): the prompt closes. */
  signal: AbortSignal;
}

/**
 * Asks the user to prove it is them; resolves the `reauthToken`, or `undefined` when they
 * cancel or the signal aborts. The panel's default is a modal dialog; a host may replace it.
 */
export type ReauthPrompt = (request: ReauthRequest) => Promise<string | undefined>;

export const settingsContext = createContext<SettingsContext>(Symbol.for('user-settings-panel/context'));
