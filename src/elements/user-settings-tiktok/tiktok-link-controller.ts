import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort, UserSettingsError } from '../../api/errors.js';
import type { SettingsContext } from '../../context/settings-context.js';
import { ActionController } from '../../controllers/action-controller.js';
import { UserSettingsChangedEvent, UserSettingsFailedEvent } from '../../events/events.js';
import { errorMessage } from '../../i18n/error-message.js';
import { isSafeUrl } from '../../utils/url.js';
import { LINK_HOST_PARAM, LINK_STATE_PARAM, returnedLinkState } from './link-params.js';

/** How the link flow leaves the page and how often it polls; tests and stories replace these. */
export const tiktokLink = {
  /** Redirect mode: leaves the page for TikTok's authorize URL. */
  navigate: (url: string) => location.assign(url),
  /** Milliseconds between two polls of the link session. */
  pollMs: 1500,
  /**
   * A popup that reads as closed this soon after being sent to TikTok was not closed by the
   * user: a cross-origin-opener policy cut our handle to it (§4.4.3). The flow then goes on by
   * polling alone, until the session is final or expires, or the user presses Cancel.
   */
  openerCutMs: 5000,
};

/** Where a link flow stands, or how it ended without failing: the message key the editor announces. */
export type LinkStatus = `tiktok.${'redirecting' | 'waiting' | 'finishing' | 'linked' | 'cancelled'}`;

/**
 * Runs the TikTok link flow of SPEC §4.4 for an editor: opens the popup (or falls back to a
 * redirect), creates the link session, then waits for the callback's message (trusted origin,
 * our state only) or a final polled status; on connect, finishes a redirect that came back with
 * `usp_link_state` (for this host layout) and takes it out of the address bar; on disconnect,
 * stops listening and polling. Fires `usp-changed` / `usp-failed` (`tiktok-link`) on the host.
 * The host renders `status`, `waiting` and `action` (saving, failure).
 */
export class TiktokLinkController implements ReactiveController {
  /**
   * The session requests (one at a time, re-verification, rate limits). Its `error` is the flow's
   * last failure, from a request or after them (unsafe URL, TikTok's refusal, expiry).
   */
  readonly action: ActionController;
  /** Where the flow stands or how it ended; undefined when idle or failed. */
  status?: LinkStatus;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #context: () => SettingsContext | undefined;
  readonly #ended: () => void;
  /**
   * Ends the popup flow in progress: stops polling and listening, then, given a final status,
   * closes the popup and finishes with it.
   */
  #done?: (status?: string, code?: string) => void;

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
    return !!this.#done;
  }

  /** Whether `start()` would do nothing now: a flow or its request is under way, or a rate limit holds. */
  get blocked(): boolean {
    return this.waiting || this.action.blocked;
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
    this.#done?.('cancelled');
  }

  /** Redirect mode, back on the page: reads the session's final status. */
  async #resume(linkState: string) {
    this.#set('tiktok.finishing');
    const result = await this.action.run((options) => this.#context()!.backend.getTiktokLinkSession(linkState, options));
    if (!result) return this.#end();
    const { status, error } = result.value;
    // Still pending once back on the page: the user left TikTok without deciding.
    return this.#finish(status === 'pending' ? 'cancelled' : status, error);
  }

  /** Forgets the last outcome. */
  clear(): void {
    this.action.clear();
    this.#set();
  }

  hostConnected(): void {
    // Back from TikTok in redirect mode: finish the flow, and leave no state in the address bar.
    // (The host's context consumer, added by its decorator in the constructor, has connected first.)
    const kind = this.#context()?.host.kind;
    const linkState = kind && returnedLinkState(kind);
    if (!linkState) return;
    const url = new URL(location.href);
    url.searchParams.delete(LINK_STATE_PARAM);
    url.searchParams.delete(LINK_HOST_PARAM);
    history.replaceState(history.state, '', url);
    void this.#resume(linkState);
  }

  hostDisconnected(): void {
    this.#done?.();
  }

  async #open({ backend, host }: SettingsContext, popup: Window | null) {
    const mode = popup ? 'popup' : 'redirect';
    const returnUrl = new URL(location.href);
    returnUrl.searchParams.delete(LINK_STATE_PARAM);
    returnUrl.searchParams.set(LINK_HOST_PARAM, host.kind);
    const result = await this.action.run((options) => backend.createTiktokLinkSession({ mode, returnUrl: returnUrl.href }, options));
    if (!result) {
      popup?.close();
      return this.#end();
    }
    const { state: linkState, authorizeUrl, expiresAt } = result.value;
    if (!isSafeUrl(authorizeUrl)) {
      popup?.close();
      return this.#end(new UserSettingsError({ kind: 'invalid_response', message: 'Unsafe authorize URL' }));
    }
    if (!popup) {
      this.#set('tiktok.redirecting');
      return tiktokLink.navigate(authorizeUrl);
    }
    popup.location.replace(authorizeUrl);
    this.#watch(linkState, popup, Date.parse(expiresAt));
  }

  /** Waits for the callback's message (trusted origin, our state) or a final polled status. */
  #watch(linkState: string, popup: Window, expiresAt: number) {
    const { backend, host: { callbackOrigin } } = this.#context()!;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const done = (this.#done = (status?: string, code?: string) => {
      abort.abort();
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      this.#done = undefined;
      this.#host.requestUpdate();
      if (!status) return;
      popup.close();
      void this.#finish(status, code);
    });
    const onMessage = ({ origin, data }: MessageEvent) => {
      if (origin === callbackOrigin && data?.type === 'user-settings:tiktok-link' && data.state === linkState &&
        typeof data.status === 'string' && data.status !== 'pending') done(data.status, data.error);
    };
    const openerCutBefore = Date.now() + tiktokLink.openerCutMs;
    const poll = async () => {
      // A popup the user closed gets one last poll, then counts as a cancellation.
      const closed = popup.closed && Date.now() >= openerCutBefore;
      try {
        const session = await backend.getTiktokLinkSession(linkState, { signal: abort.signal });
        if (session.status !== 'pending') return done(session.status, session.error);
      } catch (error) {
        if (isAbort(error)) return;
      }
      if (closed) done('cancelled');
      // Past the session's expiry, waiting longer cannot succeed.
      else if (Date.now() > expiresAt) done('failed');
      else timer = setTimeout(poll, tiktokLink.pollMs);
    };
    addEventListener('message', onMessage);
    timer = setTimeout(poll, tiktokLink.pollMs);
    this.#set('tiktok.waiting');
  }

  /** Refreshes the profile once, then ends with the outcome. */
  async #finish(status: string, code?: string) {
    await this.#context()?.refreshProfile();
    // The refresh provides a new context: read the profile from it.
    const context = this.#context();
    if (!context) return;
    if (status === 'linked' && context.profile) this.#host.dispatchEvent(new UserSettingsChangedEvent('tiktok-link', context.profile));
    this.#end(status === 'linked' || status === 'cancelled' ? `tiktok.${status}`
      : new UserSettingsError({ kind: 'http', code: code && `error.${code}` in context.messages ? code : 'tiktok_link_failed' }));
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
