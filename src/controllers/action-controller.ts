import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallOptions } from '../api/backend.js';
import { toUserSettingsError, type UserSettingsError } from '../api/errors.js';
import type { SettingsContext } from '../context/settings-context.js';
import { errorMessage } from '../i18n/error-message.js';
import { type Capability, UserSettingsFailedEvent, UserSettingsSessionExpiredEvent } from '../events/events.js';
import { randomId } from '../utils/random-id.js';
import { CountdownController } from './countdown-controller.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What identifies one request for `ActionController.run`: its route and its whole body. */
export function requestIdentity(route: string, body: object = {}): string {
  return `${route} ${JSON.stringify(body)}`;
}

/** Whether the server may have carried out a request that failed this way (so a retry must say "the same one"). */
function mayHaveArrived(error: UserSettingsError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || (error.status ?? 0) >= 500;
}

/**
 * Runs one changing request at a time for an editor: ignores double submits, aborts on
 * disconnect, handles `reauth_required` (asks the user through the context's prompt, then
 * repeats the call once with the token), keeps the failure for the editor to show, counts rate
 * limits down, and fires `usp-failed` / `usp-session-expired`.
 *
 * Each user action gets an `Idempotency-Key`. Retrying after a failure that may have reached the
 * server reuses it only when the request is identical (same `identity`: the route and its whole
 * body), so the backend can answer once; anything the user changed is a new action with a new key.
 * The identity may hold secrets: it is kept only in a private field, and dropped once the action
 * ended (answered, refused, or the editor closed).
 */
export class ActionController implements ReactiveController {
  /** A request is in flight, or waits for the user to re-verify before it is repeated. */
  pending = false;
  /** The re-verification prompt is open: the call waits for the user, nothing is being sent. */
  reauthenticating = false;
  /** The last failure, until the next run or `clear()`. */
  error?: UserSettingsError;
  /** Seconds until a rate limit lifts. */
  readonly rateLimit: CountdownController;
  #abort?: AbortController;
  /** The idempotency key of the last attempt that may have reached the server, and what it sent. */
  #unsettled?: { identity: string; key: string };

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
   * re-verification, abort or a second submit while one is in flight. `identity` is the whole
   * request (route and every body value, secrets included, e.g. `requestIdentity('password', body)`):
   * only a retry with the same identity reuses the idempotency key.
   */
  async run<T>(call: (options: CallOptions) => Promise<T>, identity: string): Promise<{ value: T } | undefined> {
    const context = this.context();
    if (this.blocked || !context) return undefined;
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    let idempotencyKey = this.#unsettled?.identity === identity ? this.#unsettled.key : randomId();
    this.pending = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      try {
        return { value: await this.#attempt(call, { signal, idempotencyKey }, identity) };
      } catch (thrown) {
        const error = toUserSettingsError(thrown);
        if (error.code !== 'reauth_required') throw error;
        const reauthToken = await this.#reverify(context, error, signal);
        if (!reauthToken) return undefined;
        // A new request (it carries the token): a backend must not answer it with the 403 it kept.
        idempotencyKey = randomId();
        return { value: await this.#attempt(call, { signal, reauthToken, idempotencyKey }, identity) };
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
    // A rate limit counts down live; any other wait is the server's Retry-After as sent.
    const secondsLeft = this.error.code === 'rate_limited' ? this.rateLimit.remaining : undefined;
    return errorMessage(context.messages, this.error, secondsLeft);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    // The editor closed: the action is over, and what it sent (maybe a password) goes with it.
    this.#unsettled = undefined;
  }

  /** One request; remembers its key while the server may have it without having answered. */
  async #attempt<T>(call: (options: CallOptions) => Promise<T>, options: CallOptions, identity: string): Promise<T> {
    try {
      const value = await call(options);
      this.#unsettled = undefined;
      return value;
    } catch (thrown) {
      const error = toUserSettingsError(thrown);
      this.#unsettled = mayHaveArrived(error) ? { identity, key: options.idempotencyKey! } : undefined;
      throw error;
    }
  }

  async #reverify(context: SettingsContext, error: UserSettingsError, signal: AbortSignal): Promise<string | undefined> {
    this.reauthenticating = true;
    this.host.requestUpdate();
    try {
      return await context.reauthPrompt({ host: this.host, context, methods: error.methods ?? [], signal });
    } finally {
      this.reauthenticating = false;
      this.host.requestUpdate();
    }
  }

  #fail(error: UserSettingsError, context: SettingsContext): void {
    if (error.kind === 'aborted') return;
    this.error = error;
    if (error.code === 'rate_limited') this.rateLimit.start(error.retryAfterSeconds ?? 30);
    this.host.dispatchEvent(new UserSettingsFailedEvent(this.capability, error, errorMessage(context.messages, error)));
    if (error.code === 'unauthenticated') this.host.dispatchEvent(new UserSettingsSessionExpiredEvent());
  }
}
