import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toUserSettingsError, UserSettingsError } from '../../api/errors.js';
import type { LinkSessionStatus } from '../../api/schemas.js';
import type { SettingsContext } from '../../context/settings-context.js';
import { ActionController, requestIdentity } from '../../controllers/action-controller.js';
import { announceAfterRefresh } from '../shared/announce-change.js';
import { UserSettingsFailedEvent, UserSettingsSessionExpiredEvent } from '../../events/events.js';
import { errorMessage } from '../../i18n/error-message.js';
import { safeUrl } from '../../utils/url.js';
import { claimReturnedLinkState, isLinkState, LINK_STATE_PARAM, rememberLinkState } from './link-params.js';
import { linkError, linkFailure } from './link-outcome.js';

/** How the link flow leaves the page and how often it polls; tests and stories replace these. */
export const tiktokLink = {
  /** Redirect mode: leaves the page for TikTok's authorize URL. */
  navigate: (url: string) => location.assign(url),
  /** Milliseconds between two polls of the link session. */
  pollMs: 1500,
  /**
   * Failed polls in a row that are retried (after 2, 4, 8 … × `pollMs`) before the failure is
   * shown. A rate limit is not a failure: the next poll waits for its `Retry-After`.
   */
  pollRetries: 3,
  /**
   * A popup that reads as closed this soon after being sent to TikTok was not closed by the
   * user: a cross-origin-opener policy cut our handle to it (§4.4.3). The flow then goes on by
   * polling alone, until the session is final or expires, or the user presses Cancel.
   */
  openerCutMs: 5000,
};

/** The `type` of the callback's message (SPEC §4.4 item 2). */
const LINK_MESSAGE = 'user-settings:tiktok-link';

/** Where a link flow stands, or how it ended without failing: the message key the editor announces. */
export type LinkStatus = `tiktok.${'redirecting' | 'waiting' | 'finishing' | 'linked' | 'cancelled'}`;

/** One link attempt being watched: in a popup, or back from a redirect (no popup). */
interface Attempt {
  readonly state: string;
  readonly popup?: Window;
  /** Epoch ms after which a pending session cannot succeed any more. */
  readonly expiresAt: number;
  /** Aborted when the attempt ends or the host disconnects: stops polls and pauses. */
  readonly abort: AbortController;
  /** Ends the pause between two polls early (the callback's message arrived). */
  wake?: () => void;
  /** The callback's message came during a poll: poll again at once. */
  hinted?: boolean;
}

/** What one read of the link session gave. */
type Read = { session: LinkSessionStatus; error?: undefined } | { session?: undefined; error: UserSettingsError };

/**
 * Runs the TikTok link flow of SPEC §4.4 for an editor: opens the popup (or falls back to a
 * redirect), creates the link session, then polls it until it is final; the callback's message
 * (from the popup itself, the callback origin, our state) only makes it poll at once, so every
 * outcome is the backend's. On connect, finishes a redirect that came back with a
 * `usp_link_state` this tab started for this host layout (once), and takes it out of the address
 * bar; on disconnect, stops listening and polling. Fires `usp-changed` / `usp-failed`
 * (`tiktok-link`) on the host, at most once per attempt. The host renders `status`, `waiting` and
 * `action` (saving, failure).
 */
export class TiktokLinkController implements ReactiveController {
  /**
   * The session requests (one at a time, re-verification, rate limits). Its `error` is the flow's
   * last failure, from a request or after them (unsafe URL, TikTok's refusal, expiry, polls).
   */
  readonly action: ActionController;
  /** Where the flow stands or how it ended; undefined when idle or failed. */
  status?: LinkStatus;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #context: () => SettingsContext | undefined;
  readonly #ended: () => void;
  /** The attempt being watched (popup open, or finishing a redirect). */
  #attempt?: Attempt;

  /** `ended` runs once a flow has an outcome to show (e.g. to move focus to it). */
  constructor(host: ReactiveControllerHost & HTMLElement, context: () => SettingsContext | undefined, ended: () => void) {
    this.#host = host;
    this.#context = context;
    this.#ended = ended;
    host.addController(this);
    this.action = new ActionController(host, 'tiktok-link', context);
  }

  /** A popup is open and the flow waits for TikTok: `cancel()` ends it. */
  get waiting(): boolean {
    return !!this.#attempt?.popup;
  }

  /** Whether `start()` would do nothing now: a flow or its request is under way, or a rate limit holds. */
  get blocked(): boolean {
    return !!this.#attempt || this.action.blocked;
  }

  /** Starts linking. Call it synchronously from the click, so the popup opens before anything awaits. */
  start(): void {
    const context = this.#context();
    if (!context || this.blocked) return;
    this.clear();
    const popup = context.host.linkMode === 'popup' ? window.open('about:blank', 'usp-tiktok-link', 'popup,width=480,height=720') : null;
    void this.#open(context, popup && !popup.closed ? popup : null);
  }

  /** Ends the popup flow in progress as cancelled (the user's Cancel). */
  cancel(): void {
    if (this.#attempt) this.#settle(this.#attempt, 'tiktok.cancelled');
  }

  /** Forgets the last outcome. */
  clear(): void {
    this.action.clear();
    this.#set();
  }

  hostConnected(): void {
    // Back from TikTok in redirect mode: finish the flow this tab started, and leave no state in
    // the address bar. (The host's context consumer, added by its decorator in the constructor,
    // has connected first.)
    const kind = this.#context()?.host.kind;
    const linkState = kind && claimReturnedLinkState(kind);
    if (!linkState) return;
    this.#set('tiktok.finishing');
    void this.#watch(this.#begin(linkState), 0);
  }

  hostDisconnected(): void {
    // Nothing is shown or fired any more: the attempt just stops.
    this.#attempt?.abort.abort();
    this.#attempt = undefined;
  }

  async #open({ backend, host }: SettingsContext, popup: Window | null) {
    const mode = popup ? 'popup' as const : 'redirect' as const;
    const returnUrl = new URL(location.href);
    returnUrl.searchParams.delete(LINK_STATE_PARAM);
    const body = { mode, returnUrl: returnUrl.href };
    const result = await this.action.run((options) => backend.createTiktokLinkSession(body, options), requestIdentity('tiktok/link-sessions', body));
    if (!result) {
      popup?.close();
      return this.#end();
    }
    const { state: linkState, expiresAt } = result.value;
    // Only the parsed href of a safe URL is opened, never the string the server sent.
    const authorizeUrl = safeUrl(result.value.authorizeUrl);
    if (!authorizeUrl || !isLinkState(linkState)) {
      popup?.close();
      return this.#end(new UserSettingsError({ kind: 'invalid_response', message: 'Unsafe authorize URL or malformed state' }));
    }
    if (!popup) {
      // Bound to this tab before leaving: only this tab finishes it, once, on return.
      rememberLinkState(linkState, host.kind);
      this.#set('tiktok.redirecting');
      return tiktokLink.navigate(authorizeUrl);
    }
    popup.location.replace(authorizeUrl);
    this.#set('tiktok.waiting');
    void this.#watch(this.#begin(linkState, popup, Date.parse(expiresAt)), tiktokLink.pollMs);
  }

  #begin(state: string, popup?: Window, expiresAt = Infinity): Attempt {
    const attempt: Attempt = { state, popup, expiresAt, abort: new AbortController() };
    this.#attempt = attempt;
    return attempt;
  }

  /**
   * Polls the link session until it is final (the popup flow also listens for the callback's
   * message). A failed poll is retried with a growing pause, then shown; a rate limit waits its
   * `Retry-After`. Without a popup (back from a redirect), a pending session means the user left
   * TikTok without deciding.
   */
  async #watch(attempt: Attempt, firstPause: number) {
    if (attempt.popup) addEventListener('message', this);
    attempt.abort.signal.addEventListener('abort', () => removeEventListener('message', this));
    const openerCutBefore = Date.now() + tiktokLink.openerCutMs;
    let pause = firstPause;
    let failures = 0;
    while (!attempt.abort.signal.aborted) {
      await this.#pause(attempt, pause);
      if (attempt.abort.signal.aborted) return;
      // A popup the user closed gets one last poll, then counts as a cancellation.
      const closed = !attempt.popup || (attempt.popup.closed && Date.now() >= openerCutBefore);
      const { session, error } = await this.#read(attempt);
      if (attempt.abort.signal.aborted) return;
      if (session) {
        failures = 0;
        if (session.status !== 'pending') return this.#finish(attempt, session);
        if (closed) return this.#settle(attempt, 'tiktok.cancelled');
        // Past the session's expiry, waiting longer cannot succeed.
        if (Date.now() > attempt.expiresAt) return this.#settle(attempt, linkError('tiktok_link_expired'));
        pause = tiktokLink.pollMs;
      } else {
        // The backend no longer knows the session: it expired or was never finished.
        if (error.code === 'not_found') return this.#settle(attempt, linkError('tiktok_link_expired'));
        const retryIn = this.#retryPause(error, failures);
        if (retryIn === undefined) return this.#settle(attempt, error);
        if (error.code !== 'rate_limited') failures += 1;
        pause = retryIn;
      }
    }
  }

  /**
   * How long to wait before polling again after a failed poll, or undefined to show the failure:
   * a rate limit waits its `Retry-After`; other transient failures wait 2, 4, 8 … × `pollMs`, up
   * to `pollRetries` times in a row.
   */
  #retryPause(error: UserSettingsError, failuresBefore: number): number | undefined {
    if (error.code === 'rate_limited') return Math.max(tiktokLink.pollMs, (error.retryAfterSeconds ?? 0) * 1000);
    if (!error.retryable || failuresBefore >= tiktokLink.pollRetries) return undefined;
    return tiktokLink.pollMs * 2 ** (failuresBefore + 1);
  }

  async #read(attempt: Attempt): Promise<Read> {
    try {
      return { session: await this.#context()!.backend.getTiktokLinkSession(attempt.state, { signal: attempt.abort.signal }) };
    } catch (thrown) {
      return { error: toUserSettingsError(thrown) };
    }
  }

  /** Waits `ms`, or less when the attempt is woken (a message came) or ends. */
  #pause(attempt: Attempt, ms: number): Promise<void> {
    if (attempt.hinted) {
      attempt.hinted = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        attempt.wake = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      attempt.wake = wake;
      attempt.abort.signal.addEventListener('abort', wake, { once: true });
    });
  }

  /**
   * The callback's message (SPEC §4.4 items 2 and 5; `EventListener`): accepted only from the popup
   * window itself, from the callback origin, for our state. It is a hint, not the outcome: the
   * session is read at once, and what the backend says is told.
   */
  handleEvent({ source, origin, data }: MessageEvent): void {
    const attempt = this.#attempt;
    if (!attempt?.popup || source !== attempt.popup || origin !== this.#context()?.host.callbackOrigin) return;
    if (data?.type !== LINK_MESSAGE || data.state !== attempt.state) return;
    this.#set('tiktok.finishing');
    if (attempt.wake) attempt.wake();
    else attempt.hinted = true; // a poll is on its way: poll again right after it
  }

  /** A final session: refreshes the profile after a link, then ends with the outcome. */
  async #finish(attempt: Attempt, { status, error }: LinkSessionStatus) {
    const context = this.#context();
    if (!context || attempt.abort.signal.aborted) return;
    if (status === 'cancelled') return this.#settle(attempt, 'tiktok.cancelled');
    if (status !== 'linked') return this.#settle(attempt, linkFailure(error, context.messages));
    attempt.abort.abort();
    attempt.popup?.close();
    // Linked, whatever happens next: the host hears it even if the editor closes during the refresh.
    await announceAfterRefresh(this.#host, context, 'tiktok-link');
    this.#settle(attempt, 'tiktok.linked');
  }

  /** Ends the attempt, once: stops it, closes the popup, shows the outcome. */
  #settle(attempt: Attempt, outcome: LinkStatus | UserSettingsError) {
    if (this.#attempt !== attempt) return;
    this.#attempt = undefined;
    attempt.abort.abort();
    attempt.popup?.close();
    if (outcome instanceof UserSettingsError && outcome.code === 'unauthenticated') {
      this.#host.dispatchEvent(new UserSettingsSessionExpiredEvent());
    }
    this.#end(outcome);
  }

  #set(status?: LinkStatus) {
    this.status = status;
    this.#host.requestUpdate();
  }

  /**
   * Shows how the flow ended: a status, or a failure (kept as the action's error, so it shows like
   * a failed request, and fired as `usp-failed`); then tells the editor.
   */
  #end(outcome?: LinkStatus | UserSettingsError) {
    if (outcome instanceof UserSettingsError) {
      this.action.error = outcome;
      this.#host.dispatchEvent(new UserSettingsFailedEvent('tiktok-link', outcome, errorMessage(this.#context()!.messages, outcome)));
      outcome = undefined;
    }
    this.#set(outcome);
    this.#ended();
  }
}
