import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallOptions } from '../api/backend.js';
import { toUserSettingsError, type UserSettingsError } from '../api/errors.js';
import type { SettingsContext } from '../context/settings-context.js';
import { requestReauth } from '../elements/reauth/request-reauth.js';
import { errorMessage } from '../i18n/error-message.js';
import { type Capability, UserSettingsFailedEvent, UserSettingsSessionExpiredEvent } from '../events/events.js';
import { CountdownController } from './countdown-controller.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Runs one changing request at a time for an editor: ignores double submits, aborts on
 * disconnect, handles `reauth_required` (asks the user, then repeats the call once with the
 * token), keeps the failure for the editor to show, counts rate limits down, and fires
 * `usp-failed` / `usp-session-expired`.
 */
export class ActionController implements ReactiveController {
  /** A request is in flight, or waits for the user to re-verify before it is repeated. */
  pending = false;
  /** The re-verification dialog is open: the call waits for the user, nothing is being sent. */
  reauthenticating = false;
  /** The last failure, until the next run or `clear()`. */
  error?: UserSettingsError;
  /** Seconds until a rate limit lifts. */
  readonly rateLimit: CountdownController;
  #abort?: AbortController;

  constructor(
    private readonly host: Host,
    private readonly capability: Capability,
    private readonly context: () => SettingsContext | undefined,
  ) {
    host.addController(this);
    this.rateLimit = new CountdownController(host, () => this.clear());
  }

  /** What an editor announces as "Saving…": a request is on its way (not while the user re-verifies). */
  get saving(): boolean {
    return this.pending && !this.reauthenticating;
  }

  /** Whether the editor should refuse to submit now (in flight or rate limited). */
  get blocked(): boolean {
    return this.pending || this.rateLimit.remaining > 0;
  }

  /**
   * Runs `call`; resolves `{ value }` on success and `undefined` on failure, cancelled
   * re-verification, abort or a second submit while one is in flight.
   */
  async run<T>(call: (options: CallOptions) => Promise<T>): Promise<{ value: T } | undefined> {
    const context = this.context();
    if (this.blocked || !context) return undefined;
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    this.pending = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      try {
        return { value: await call({ signal }) };
      } catch (thrown) {
        const error = toUserSettingsError(thrown);
        if (error.code !== 'reauth_required') throw error;
        this.reauthenticating = true;
        this.host.requestUpdate();
        let reauthToken;
        try {
          reauthToken = await requestReauth(this.host, context, error.methods ?? [], signal);
        } finally {
          this.reauthenticating = false;
          this.host.requestUpdate();
        }
        if (!reauthToken) return undefined;
        return { value: await call({ signal, reauthToken }) };
      }
    } catch (thrown) {
      this.#fail(toUserSettingsError(thrown), context);
      return undefined;
    } finally {
      if (this.#abort === abort) {
        this.pending = false;
        this.#abort = undefined;
      }
      this.host.requestUpdate();
    }
  }

  /** Forgets the last failure (e.g. when the user edits the field it named). */
  clear(): void {
    if (!this.error) return;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** The last failure in plain words, or '' when there is none. */
  message(): string {
    const context = this.context();
    if (!this.error || !context) return '';
    return errorMessage(context.messages, this.error, this.rateLimit.remaining);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  #fail(error: UserSettingsError, context: SettingsContext): void {
    if (error.kind === 'aborted') return;
    this.error = error;
    if (error.code === 'rate_limited') this.rateLimit.start(error.retryAfterSeconds ?? 30);
    this.host.dispatchEvent(new UserSettingsFailedEvent(this.capability, error, errorMessage(context.messages, error)));
    if (error.code === 'unauthenticated') this.host.dispatchEvent(new UserSettingsSessionExpiredEvent());
  }
}
