import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { CallOptions } from '../../api/backend.js';
import type { ErrorCode, Profile } from '../../api/schemas.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { ActionController, requestIdentity } from '../../controllers/action-controller.js';
import { type Capability, UserSettingsChangedEvent, UserSettingsUnlinkRequestedEvent } from '../../events/events.js';
import { formatParts } from '../../i18n/format-parts.js';
import type { MessageKey } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { formatDate } from '../../utils/format.js';
import { safeUrl } from '../../utils/url.js';
import { EditorCloseEvent } from '../../events/internal-events.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { tiktokEditorStyles } from './tiktok-editor.styles.js';
import { TiktokLinkController } from './tiktok-link-controller.js';

export { tiktokLink } from './tiktok-link-controller.js';

/** Failures that mean the profile shown is out of date. */
const stale: readonly string[] = ['tiktok_linking_unavailable', 'tiktok_not_linked', 'business_upgrade_ineligible'] satisfies ErrorCode[];

/**
 * @summary Links, unlinks and upgrades the TikTok account (opened from `<user-settings-tiktok>`).
 * @fires usp-changed - `tiktok-link`, `tiktok-unlink` or `tiktok-business-upgrade`, with the new profile.
 * @fires usp-failed - A request or the link flow failed.
 * @fires usp-unlink-requested - Before unlinking; cancelable.
 * @csspart account - The linked account's card.
 * @csspart avatar - The account's avatar.
 */
export class UspTiktokEditor extends LitElement {
  static override styles = [sharedStyles, tiktokEditorStyles];

  /** The link flow (SPEC §4.4); it also finishes a redirect when the page comes back from TikTok. */
  readonly #link = new TiktokLinkController(this, () => this.context, () => this.#refreshIfStale(this.#link.action));
  readonly #unlink = new ActionController(this, 'tiktok-unlink', () => this.context);
  readonly #upgrade = new ActionController(this, 'tiktok-business-upgrade', () => this.context);

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  /** The latest outcome of an unlink or upgrade, announced. */
  @state() private note?: MessageKey;
  /** An avatar URL that failed to load (the fallback shows instead). */
  @state() private badAvatar?: string;

  #clear() {
    this.note = undefined;
    for (const controller of [this.#link, this.#unlink, this.#upgrade]) controller.clear();
  }

  /** The one Link / Cancel button: on Link the popup must open now, before anything awaits. */
  #onLinkButton() {
    if (this.#link.waiting) return this.#link.cancel();
    if (this.#link.blocked) return;
    this.#clear();
    this.#link.start();
  }

  /** The avatar did not load: the initial shows instead. */
  #onAvatarError(event: Event) {
    this.badAvatar = (event.target as HTMLImageElement).getAttribute('src') ?? undefined;
  }

  #onUnlinkButton() {
    const account = this.context?.profile?.tiktok.account;
    if (account) void this.#unlinkAccount(account);
  }

  /** The button that had focus may be gone: move focus to the outcome. */
  async #focusNote() {
    await this.updateComplete;
    const root = this.shadowRoot!;
    if (!root.activeElement) root.querySelector<HTMLElement>('[role=alert], .note:not(:empty)')?.focus();
  }

  async #unlinkAccount(account: NonNullable<Profile['tiktok']['account']>) {
    const context = this.context!;
    const t = context.messages;
    this.#clear();
    if (!this.dispatchEvent(new UserSettingsUnlinkRequestedEvent(account))) {
      this.note = 'tiktok.unlinkVetoed';
      return;
    }
    const confirmed = await confirmAction(this, {
      title: formatParts(t['tiktok.unlinkTitle'], { username: account.username }),
      body: t['tiktok.unlinkBody'],
      confirmLabel: t['tiktok.unlinkConfirm'],
      danger: true,
    });
    if (confirmed) this.#change(this.#unlink, 'tiktok-unlink', 'tiktok.unlinked', (o) => context.backend.unlinkTiktok(o));
  }

  async #onUpgradeButton() {
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
    const result = await action.run(call, requestIdentity(capability));
    if (!result) return this.#refreshIfStale(action);
    const profile = result.value;
    this.context!.applyProfile(profile);
    this.note = done;
    this.dispatchEvent(new UserSettingsChangedEvent(capability, profile));
    void this.#focusNote();
  }

  /** The server's account differs from the one shown (e.g. now ineligible): show its, so only what works is offered. */
  async #refreshIfStale(action: ActionController) {
    if (stale.includes(action.error?.code ?? '')) await this.context?.reloadProfile();
    void this.#focusNote();
  }

  #close() {
    this.dispatchEvent(new EditorCloseEvent());
  }

  protected override render() {
    const context = this.context;
    if (!context?.profile) return nothing;
    const t = context.messages;
    const { account, linkingAvailable, businessUpgradeAvailable } = context.profile.tiktok;
    const link = this.#link;
    const actions = [link.action, this.#unlink, this.#upgrade];
    const error = actions.map((action) => action.message()).find(Boolean);
    const busy = actions.some((action) => action.saving);
    const note = this.note ?? link.status;
    const status = note ? t[note] : busy ? t['status.saving'] : '';
    let body;
    if (account) {
      const avatar = account.avatarUrl && safeUrl(account.avatarUrl);
      body = html`
        <div class="card" part="account">
          ${avatar && avatar !== this.badAvatar
            ? html`<img class="avatar" part="avatar" src=${avatar} alt="" @error=${this.#onAvatarError}>`
            : html`<span class="avatar" part="avatar" aria-hidden="true">${[...account.displayName][0]}</span>`}
          <div class="names">
            <strong><bdi>${account.displayName}</bdi></strong>
            <span class="muted" dir="ltr">@${account.username}</span>
            <span><span class="badge">${t[account.isBusinessAccount ? 'tiktok.business' : 'tiktok.personal']}</span>
              <span class="muted">${formatParts(t['tiktok.linkedOn'], { date: formatDate(account.linkedAt, context.locale) })}</span></span>
          </div>
        </div>
        <div class="actions">
          ${!account.isBusinessAccount && businessUpgradeAvailable
            ? html`<button class="primary" @click=${this.#onUpgradeButton}>${t['tiktok.upgrade']}</button>` : nothing}
          <button class="danger" @click=${this.#onUnlinkButton}>${t['tiktok.unlink']}</button>
          <button @click=${this.#close}>${t['action.done']}</button>
        </div>`;
    } else if (!linkingAvailable) {
      body = html`<p>${t['tiktok.unavailable']}</p>
        <div class="actions"><button @click=${this.#close}>${t['action.done']}</button></div>`;
    } else {
      // One button for Link and Cancel, so focus stays on it while the flow runs.
      body = html`<p>${t['tiktok.benefits']}</p>
        <ul><li>${t['tiktok.benefitSignIn']}</li><li>${t['tiktok.benefitVideos']}</li></ul>
        <div class="actions">
          <button class=${link.waiting ? '' : 'primary'} @click=${this.#onLinkButton}>${
            t[link.waiting ? 'action.cancel' : 'tiktok.link']}</button>
          ${link.waiting ? nothing : html`<button @click=${this.#close}>${t['action.done']}</button>`}
        </div>`;
    }
    return html`<div class="stack">
      ${body}
      <p class="note" role="status" tabindex="-1">${error ? nothing : status || nothing}</p>
      ${error ? html`<p class="note error" role="alert" tabindex="-1">${error}</p>` : nothing}
    </div>`;
  }
}

defineElement('usp-tiktok-editor', UspTiktokEditor);

declare global {
  interface HTMLElementTagNameMap {
    'usp-tiktok-editor': UspTiktokEditor;
  }
}
