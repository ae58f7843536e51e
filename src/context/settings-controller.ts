import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HeadersSource, UserSettingsBackend } from '../api/backend.js';
import { toUserSettingsError, type UserSettingsError } from '../api/errors.js';
import { createHttpBackend } from '../api/http-backend.js';
import type { Profile } from '../api/schemas.js';
import { UserSettingsSessionExpiredEvent } from '../events/events.js';
import { en, onMessagesRegistered, resolveMessages, type Messages } from '../i18n/messages.js';
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
 */
export class SettingsController implements ReactiveController {
  status: 'loading' | 'ready' | 'error' = 'loading';
  error?: UserSettingsError;
  profile?: Profile;
  messages: Messages = en;
  backend!: UserSettingsBackend;

  readonly #provider: ContextProvider<typeof settingsContext>;
  #abort?: AbortController;
  #backendKey?: unknown[];
  #messagesKey?: unknown[];
  #contextKey?: unknown[];
  #stopListening?: () => void;

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
    void this.reload();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#stopListening?.();
  }

  /** Before each render: follow configuration changes, then publish a fresh context value. */
  hostUpdate(): void {
    if (this.#syncBackend() && this.host.isConnected) void this.reload();
    this.#syncMessages();
    const { host } = this;
    const key = [this.backend, this.profile, this.messages, host.locale, host.host, host.callbackOrigin, host.defaultCountry, host.apiBase, host.reauthPrompt];
    if (this.#contextKey && key.every((value, i) => value === this.#contextKey![i])) return;
    this.#contextKey = key;
    this.#provider.setValue(this.#contextValue());
  }

  /** (Re)reads `/me`; the one request a mount makes. */
  async reload(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = this.profile ? 'ready' : 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      this.profile = await this.backend.getProfile({ signal: abort.signal });
      this.status = 'ready';
    } catch (thrown) {
      const error = toUserSettingsError(thrown);
      if (error.kind === 'aborted') return;
      this.error = error;
      this.status = 'error';
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
        this.host.requestUpdate();
      },
      refreshProfile: () => this.reload(),
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
