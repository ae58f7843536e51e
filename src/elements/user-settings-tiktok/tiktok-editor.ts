import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { CallOptions } from '../../api/backend.js';
import { isAbort, UserSettingsError } from '../../api/errors.js';
import type { Profile } from '../../api/schemas.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { ActionController } from '../../controllers/action-controller.js';
import { type Capability, UserSettingsChangedEvent, UserSettingsFailedEvent, UserSettingsUnlinkRequestedEvent } from '../../events/events.js';
import { errorMessage } from '../../i18n/error-message.js';
import { format, type MessageKey } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { formatDate } from '../../utils/format.js';
import { isSafeUrl } from '../../utils/url.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { LINK_HOST_PARAM, LINK_STATE_PARAM, returnedLinkState } from './link-params.js';

export { LINK_STATE_PARAM } from './link-params.js';

/** How the link flow leaves the page and how often it polls; tests and stories replace these. */
export const tiktokLink = {
  /** Redirect mode: leaves the page for TikTok's authorize URL. */
  navigate: (url: string) => location.assign(url),
  /** Milliseconds between two polls of the link session. */
  pollMs: 1500,
};

type Note = [text: string, error?: boolean];

/** Failures that mean the profile shown is out of date. */
const stale = ['tiktok_linking_unavailable', 'tiktok_already_linked', 'tiktok_not_linked', 'business_upgrade_ineligible'];

/**
 * @summary Links, unlinks and upgrades the TikTok account (opened from `<user-settings-tiktok>`).
 * @fires usp-changed - `tiktok-link`, `tiktok-unlink` or `tiktok-business-upgrade`, with the new profile.
 * @fires usp-failed - A request or the link flow failed.
 * @fires usp-unlink-requested - Before unlinking; cancelable.
 * @fires usp-editor-close - The user is done.
 */
export class UspTiktokEditor extends LitElement {
  static override styles = [sharedStyles, css`
    ul { margin: 0; padding-inline-start: 1.25em; }
    .card { display: flex; gap: 12px; align-items: center; }
    .names { display: grid; gap: 2px; }
    .avatar { width: 48px; height: 48px; border-radius: 50%; flex: none; object-fit: cover;
      display: grid; place-items: center; background: var(--_line); font-size: 1.4em; font-weight: 600; }
    .badge { padding: 0 8px; border-radius: 999px; font-size: 0.85em; background: var(--usp-color-badge, #eef1f5); }
  `];

  readonly #link = this.#action('tiktok-link');
  readonly #unlink = this.#action('tiktok-unlink');
  readonly #upgrade = this.#action('tiktok-business-upgrade');

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  /** The latest outcome, announced. */
  @state() private note?: Note;
  /** A popup flow is waiting for TikTok. */
  @state() private waiting = false;
  /** An avatar URL that failed to load (the fallback shows instead). */
  @state() private badAvatar?: string;

  /** Ends the popup flow in progress: stops polling and listening. */
  #stop?: () => void;
  /** Cancels the popup flow in progress (the user's Cancel). */
  #cancel?: () => void;

  #action(capability: Capability) {
    return new ActionController(this, capability, () => this.context);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back from TikTok in redirect mode: finish the flow, and leave no state in the address bar.
    const linkState = this.context && returnedLinkState(this.context.host.kind);
    if (!linkState) return;
    const url = new URL(location.href);
    url.searchParams.delete(LINK_STATE_PARAM);
    url.searchParams.delete(LINK_HOST_PARAM);
    history.replaceState(history.state, '', url);
    void this.#resume(linkState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
  }

  #say(key: MessageKey) {
    this.note = [this.context!.messages[key]];
  }

  #clear() {
    this.note = undefined;
    for (const action of [this.#link, this.#unlink, this.#upgrade]) action.clear();
  }

  /** Click on "Link TikTok account": the popup must open now, before anything awaits. */
  #onLink() {
    const context = this.context;
    if (!context || this.#link.blocked || this.waiting) return;
    this.#clear();
    const popup = context.host.linkMode === 'popup' ? window.open('about:blank', 'usp-tiktok-link', 'popup,width=480,height=720') : null;
    void this.#start(context, popup && !popup.closed ? popup : null);
  }

  async #start({ backend, host }: SettingsContext, popup: Window | null) {
    const mode = popup ? 'popup' : 'redirect';
    const returnUrl = new URL(location.href);
    returnUrl.searchParams.delete(LINK_STATE_PARAM);
    returnUrl.searchParams.set(LINK_HOST_PARAM, host.kind);
    const result = await this.#link.run((options) => backend.createTiktokLinkSession({ mode, returnUrl: returnUrl.href }, options));
    if (!result) {
      popup?.close();
      return this.#refreshIfStale(this.#link);
    }
    const { state: linkState, authorizeUrl, expiresAt } = result.value;
    if (!isSafeUrl(authorizeUrl)) {
      popup?.close();
      return this.#fail(new UserSettingsError({ kind: 'invalid_response', message: 'Unsafe authorize URL' }));
    }
    if (!popup) {
      this.#say('tiktok.redirecting');
      return tiktokLink.navigate(authorizeUrl);
    }
    popup.location.replace(authorizeUrl);
    this.#watch(linkState, popup, Date.parse(expiresAt));
  }

  /** Waits for the callback's message (trusted origin, our state) or a final polled status. */
  #watch(linkState: string, popup: Window, expiresAt: number) {
    const { backend, host } = this.context!;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const stop = (this.#stop = () => {
      abort.abort();
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      this.#stop = this.#cancel = undefined;
      this.waiting = false;
    });
    const done = (status: string, code?: string) => {
      stop();
      popup.close();
      void this.#finish(status, code);
    };
    const onMessage = ({ origin, data }: MessageEvent) => {
      if (origin === host.callbackOrigin && data?.type === 'user-settings:tiktok-link' && data.state === linkState &&
        typeof data.status === 'string' && data.status !== 'pending') done(data.status, data.error);
    };
    const poll = async () => {
      // A closed popup gets one last poll, then counts as a cancellation.
      const closed = popup.closed;
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
    this.#cancel = () => done('cancelled');
    this.waiting = true;
    this.#say('tiktok.waiting');
  }

  /** Redirect mode, back on the page: reads the session's final status. */
  async #resume(linkState: string) {
    this.#say('tiktok.finishing');
    const result = await this.#link.run((options) => this.context!.backend.getTiktokLinkSession(linkState, options));
    if (!result) {
      this.note = undefined;
      return;
    }
    const { status, error } = result.value;
    // Still pending once back on the page: the user left TikTok without deciding.
    return this.#finish(status === 'pending' ? 'cancelled' : status, error);
  }

  /** Refreshes the profile once and tells the outcome in its own words. */
  async #finish(status: string, code?: string) {
    await this.context?.refreshProfile();
    const context = this.context;
    if (!context) return;
    if (status === 'linked') {
      this.#say('tiktok.linked');
      if (context.profile) this.dispatchEvent(new UserSettingsChangedEvent('tiktok-link', context.profile));
    } else if (status === 'cancelled') {
      this.#say('tiktok.cancelled');
    } else {
      this.#fail(new UserSettingsError({ kind: 'http', code: code && `error.${code}` in context.messages ? code : 'tiktok_link_failed' }));
    }
    this.#focusNote();
  }

  #fail(error: UserSettingsError) {
    const message = errorMessage(this.context!.messages, error);
    this.note = [message, true];
    this.dispatchEvent(new UserSettingsFailedEvent('tiktok-link', error, message));
  }

  /** The button that had focus may be gone: move focus to the outcome. */
  async #focusNote() {
    await this.updateComplete;
    const root = this.shadowRoot!;
    if (!root.activeElement) root.querySelector<HTMLElement>('[role=alert], .note:not(:empty)')?.focus();
  }

  async #onUnlink(account: NonNullable<Profile['tiktok']['account']>) {
    const context = this.context!;
    const t = context.messages;
    this.#clear();
    if (!this.dispatchEvent(new UserSettingsUnlinkRequestedEvent(account))) return this.#say('tiktok.unlinkVetoed');
    const confirmed = await confirmAction(this, {
      title: format(t['tiktok.unlinkTitle'], { username: account.username }),
      body: t['tiktok.unlinkBody'],
      confirmLabel: t['tiktok.unlinkConfirm'],
      danger: true,
    });
    if (confirmed) this.#change(this.#unlink, 'tiktok-unlink', 'tiktok.unlinked', (o) => context.backend.unlinkTiktok(o));
  }

  async #onUpgrade() {
    const context = this.context!;
    const t = context.messages;
    this.#clear();
    const confirmed = await confirmAction(this, {
      title: t['tiktok.upgradeTitle'],
      body: t['tiktok.upgradeBody'],
      confirmLabel: t['tiktok.upgradeConfirm'],
    });
    if (confirmed) this.#change(this.#upgrade, 'tiktok-business-upgrade', 'tiktok.upgraded', (o) => context.backend.upgradeTiktokToBusiness(o));
  }

  async #change(action: ActionController, capability: Capability, done: MessageKey, call: (options: CallOptions) => Promise<Profile>) {
    const result = await action.run(call);
    if (!result) return this.#refreshIfStale(action);
    const profile = result.value;
    this.context!.applyProfile(profile);
    this.#say(done);
    this.dispatchEvent(new UserSettingsChangedEvent(capability, profile));
    this.#focusNote();
  }

  /** The server's account differs from the one shown (e.g. now ineligible): show its, so only what works is offered. */
  async #refreshIfStale(action: ActionController) {
    if (stale.includes(action.error?.code ?? '')) await this.context?.refreshProfile();
    this.#focusNote();
  }

  #close() {
    this.dispatchEvent(new Event('usp-editor-close', { bubbles: true, composed: true }));
  }

  protected override render() {
    const context = this.context;
    const profile = context?.profile;
    if (!context || !profile) return nothing;
    const t = context.messages;
    const { account, linkingAvailable, businessUpgradeAvailable } = profile.tiktok;
    const error = [this.#link, this.#unlink, this.#upgrade].map((action) => action.message()).find(Boolean);
    const busy = this.#link.saving || this.#unlink.saving || this.#upgrade.saving;
    const [text, isError] = error ? [error, true] : this.note ?? [busy ? t['status.saving'] : ''];
    let body;
    if (account) {
      const avatar = account.avatarUrl;
      body = html`
        <div class="card" part="account">
          ${avatar && isSafeUrl(avatar) && avatar !== this.badAvatar
            ? html`<img class="avatar" part="avatar" src=${avatar} alt="" @error=${() => (this.badAvatar = avatar)}>`
            : html`<span class="avatar" part="avatar" aria-hidden="true">${[...account.displayName][0]}</span>`}
          <div class="names">
            <strong>${account.displayName}</strong>
            <span class="muted" dir="ltr">@${account.username}</span>
            <span><span class="badge">${t[account.isBusinessAccount ? 'tiktok.business' : 'tiktok.personal']}</span>
              <span class="muted">${format(t['tiktok.linkedOn'], { date: formatDate(account.linkedAt, context.locale) })}</span></span>
          </div>
        </div>
        <div class="row">
          ${!account.isBusinessAccount && businessUpgradeAvailable
            ? html`<button class="primary" @click=${this.#onUpgrade}>${t['tiktok.upgrade']}</button>` : nothing}
          <button class="danger" @click=${() => this.#onUnlink(account)}>${t['tiktok.unlink']}</button>
          <button @click=${this.#close}>${t['action.done']}</button>
        </div>`;
    } else if (!linkingAvailable) {
      body = html`<p>${t['tiktok.unavailable']}</p>
        <div class="row"><button @click=${this.#close}>${t['action.done']}</button></div>`;
    } else {
      // One button for Link and Cancel, so focus stays on it while the flow runs.
      body = html`<p>${t['tiktok.benefits']}</p>
        <ul><li>${t['tiktok.benefitSignIn']}</li><li>${t['tiktok.benefitVideos']}</li></ul>
        <div class="row">
          <button class=${this.waiting ? '' : 'primary'} @click=${this.waiting ? () => this.#cancel?.() : this.#onLink}>${
            t[this.waiting ? 'action.cancel' : 'tiktok.link']}</button>
          ${this.waiting ? nothing : html`<button @click=${this.#close}>${t['action.done']}</button>`}
        </div>`;
    }
    return html`<div class="stack">
      ${body}
      <p class="note ${isError ? 'error' : ''}" role="status" tabindex="-1">${isError ? nothing : text || nothing}</p>
      ${isError ? html`<p class="note error" role="alert" tabindex="-1">${text}</p>` : nothing}
    </div>`;
  }
}

defineElement('usp-tiktok-editor', UspTiktokEditor);

declare global {
  interface HTMLElementTagNameMap {
    'usp-tiktok-editor': UspTiktokEditor;
  }
}
