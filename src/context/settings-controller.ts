import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HeadersSource, UserSettingsBackend } from '../api/backend.js';
import { toUserSettingsError, type UserSettingsError } from '../api/errors.js';
import { createHttpBackend } from '../api/http-backend.js';
import type { Profile } from '../api/schemas.js';
import { UserSettingsSessionExpiredEvent } from '../events/events.js';
import { en, onMessagesRegistered, resolveMessages, type Messages } from '../i18n/messages.js';
import { afterPageScripts } from './page-scripts.js';
import { settingsContext, type HostKind, type ReauthPrompt, type SettingsContext } from './settings-context.js';

/** The configuration a panel or provider element exposes (attributes and properties). */
export interface SettingsConfig {
  apiBase: string;
  host: HostKind;
  locale: string;
  callbackOrigin?: string;
  defaultCountry?: string;
  headers?: HeadersSource;
  timeout?: number;
  credentials?: RequestCredentials;
  backend?: UserSettingsBackend;
  messages?: Partial<Messages>;
  reauthPrompt: ReauthPrompt;
}

type Host = ReactiveControllerHost & HTMLElement & SettingsConfig;

/**
 * Loads `/me` once per connection, holds the profile and the locale's messages, and provides
 * them with the backend and host settings as the one context every sub-element consumes.
 *
 * The first load waits until the host had its chance to configure the element (properties set
 * before the tag was defined, or by a script right after the bundle), so it is sent once, with
 * that configuration. A load superseded by a configuration change (or a disconnect) is aborted
 * and its outcome ignored: it never fires an event.
 */
export class SettingsController implements ReactiveController {
  /** 'error' only while no profile was ever shown: a failed refresh keeps the last good one. */
  status: 'loading' | 'ready' | 'error' = 'loading';
  /** Why the first load failed. */
  error?: UserSettingsError;
  /** Why the latest refresh failed while the last good profile stays on screen. */
  refreshError?: UserSettingsError;
  /** Whether that failed refresh was the one after a successful change (so "saved" is true). */
  refreshFailedAfterChange = false;
  profile?: Profile;
  messages: Messages = en;
  backend!: UserSettingsBackend;

  readonly #provider: ContextProvider<typeof settingsContext>;
  #abort?: AbortController;
  #backendKey?: unknown[];
  #messagesKey?: unknown[];
  #contextKey?: unknown[];
  #stopListening?: () => void;
  /** This connection, while connected; set once its first load has started. */
  #connection?: { loading: boolean };

  constructor(private readonly host: Host) {
    host.addController(this);
    this.#provider = new ContextProvider(host, { context: settingsContext });
  }

  hostConnected(): void {
    this.#syncBackend();
    this.#stopListening = onMessagesRegistered(() => {
      this.#messagesKey = undefined;
      this.host.requestUpdate();
    });
    void this.#firstLoad((this.#connection = { loading: false }));
  }

  hostDisconnected(): void {
    this.#connection = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#stopListening?.();
  }

  /** Before each render: follow configuration changes, then publish a fresh context value. */
  hostUpdate(): void {
    if (this.#syncBackend() && this.#connection?.loading) void this.reload();
    this.#syncMessages();
    const { host } = this;
    const key = [this.backend, this.profile, this.messages, host.locale, host.host, host.callbackOrigin, host.defaultCountry, host.apiBase, host.reauthPrompt];
    if (this.#contextKey && key.every((value, i) => value === this.#contextKey![i])) return;
    this.#contextKey = key;
    this.#provider.setValue(this.#contextValue());
  }

  /**
   * The mount's one request, once the host has configured the element: after the first update
   * (which applies properties set before the tag was defined) and after the page's scripts.
   */
  async #firstLoad(connection: { loading: boolean }): Promise<void> {
    await this.host.updateComplete;
    await afterPageScripts();
    if (this.#connection !== connection) return;
    connection.loading = true;
    this.#syncBackend();
    await this.reload();
  }

  /**
   * (Re)reads `/me`. Once a profile was shown, a failure keeps it on screen (`refreshError`
   * tells the panel to offer a quiet retry) instead of replacing it with an error.
   * `afterChange` marks the refresh that follows a successful change: only its failure may say
   * the change was saved.
   */
  async reload({ afterChange = false } = {}): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = this.profile ? 'ready' : 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const profile = await this.backend.getProfile({ signal: abort.signal });
      if (abort.signal.aborted) return;
      this.profile = profile;
      this.refreshError = undefined;
      this.refreshFailedAfterChange = false;
      this.status = 'ready';
    } catch (thrown) {
      // Superseded (configuration changed) or disconnected: its outcome belongs to no one.
      if (abort.signal.aborted) return;
      const error = toUserSettingsError(thrown);
      if (error.kind === 'aborted') return;
      if (this.profile) {
        this.refreshError = error;
        this.refreshFailedAfterChange = afterChange;
      } else {
        this.error = error;
        this.status = 'error';
      }
      if (error.code === 'unauthenticated') this.host.dispatchEvent(new UserSettingsSessionExpiredEvent());
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
      this.host.requestUpdate();
    }
  }

  /** Whether the backend had to be (re)created; true on the first call. */
  #syncBackend(): boolean {
    const { apiBase, headers, timeout, credentials, backend } = this.host;
    const key = [apiBase, headers, timeout, credentials, backend];
    if (this.#backendKey && key.every((value, i) => value === this.#backendKey![i])) return false;
    const first = !this.#backendKey;
    this.#backendKey = key;
    this.backend = backend ?? createHttpBackend({ apiBase, headers, timeout, credentials });
    return !first;
  }

  #syncMessages(): void {
    const { locale, messages } = this.host;
    if (this.#messagesKey?.[0] === locale && this.#messagesKey[1] === messages) return;
    this.#messagesKey = [locale, messages];
    this.messages = resolveMessages(locale, messages);
  }

  #contextValue(): SettingsContext {
    const { host } = this;
    return {
      backend: this.backend,
      profile: this.profile,
      messages: this.messages,
      locale: host.locale,
      host: {
        kind: host.host,
        compact: host.host === 'ads-manager',
        linkMode: host.host === 'mobile-lite' ? 'redirect' : 'popup',
        callbackOrigin: host.callbackOrigin ?? originOf(host.apiBase),
        defaultCountry: host.defaultCountry,
      },
      applyProfile: (profile) => {
        this.profile = profile;
        this.refreshError = undefined;
        this.refreshFailedAfterChange = false;
        this.host.requestUpdate();
      },
      refreshProfile: async () => {
        await this.reload({ afterChange: true });
        return this.profile;
      },
      reloadProfile: () => this.reload(),
      reauthPrompt: host.reauthPrompt,
    };
  }
}

function originOf(url: string): string {
  try {
    return new URL(url, location.href).origin;
  } catch {
    return location.origin;
  }
}
