import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { allSections, hostKinds, type Section } from '../../context/settings-context.js';
import { UserSettingsCloseRequestedEvent } from '../../events/events.js';
import { errorMessage } from '../../i18n/error-message.js';
import { isRtl, type Messages } from '../../i18n/messages.js';
import { safeUrl } from '../../utils/url.js';
import { UserSettingsProvider } from '../user-settings-provider/user-settings-provider.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { SectionToggleEvent } from '../../events/internal-events.js';
import { panelStyles } from './user-settings-panel.styles.js';

/** The sub-elements' parts, exported so `user-settings-panel::part(summary)` reaches them. */
const sectionParts = 'section, summary, section-title, summary-value, action, editor';

/**
 * @tagname user-settings-panel
 * @summary Manage how the signed-in user signs in: email, phone, password and the linked TikTok account.
 *
 * @fires {UserSettingsChangedEvent} usp-changed - A change succeeded: `detail.capability`, `detail.profile`.
 * @fires {UserSettingsFailedEvent} usp-failed - A request failed: `detail.capability`, `detail.code`, `detail.kind`, `detail.message`.
 * @fires {UserSettingsSessionExpiredEvent} usp-session-expired - The backend answered 401; send the user to sign in.
 * @fires {UserSettingsCloseRequestedEvent} usp-close-requested - The user asked to close the panel (Ads Manager drop-down).
 * @fires {UserSettingsUnlinkRequestedEvent} usp-unlink-requested - Before unlinking TikTok; cancelable, `detail.account`.
 *
 * @csspart panel - The panel's frame.
 * @csspart header - Title row (and the close button in the Ads Manager drop-down).
 * @csspart error - The banner shown in place of the sections when the profile could not be loaded.
 * @csspart notice - The quiet notice after a change whose profile refresh failed, with its retry button.
 * @csspart sections - The list of sections.
 * @csspart footer - The ad-account note and link.
 * @csspart section - Each section (exported from the sub-elements).
 * @csspart summary - Each section's summary row (exported).
 * @csspart section-title - Each section's title (exported).
 * @csspart summary-value - Each section's current value (exported).
 * @csspart action - The button that opens a section's editor (exported).
 * @csspart editor - The container of a section's open editor (exported).
 *
 * @cssproperty [--usp-color-accent=light-dark(#0a65cc, #7ab3ff)] - Buttons, links and focus rings.
 * @cssproperty [--usp-color-on-accent=light-dark(#ffffff, #0b1530)] - Text on accent-coloured buttons.
 * @cssproperty [--usp-color-text=light-dark(#161823, #e9eaee)] - Text.
 * @cssproperty [--usp-color-text-muted=light-dark(#5c5f66, #a7acb6)] - Secondary text.
 * @cssproperty [--usp-color-surface=light-dark(#ffffff, #17191f)] - Background.
 * @cssproperty [--usp-color-border=light-dark(#d0d3d9, #3b3f49)] - Lines.
 * @cssproperty [--usp-color-control-border=light-dark(#767b85, #858b96)] - Borders of inputs and other controls (3:1 against the surface).
 * @cssproperty [--usp-color-danger=light-dark(#c4122f, #ff8a98)] - Errors.
 * @cssproperty [--usp-color-danger-surface=light-dark(#fdeef0, #3a1820)] - Background of the load-error banner.
 * @cssproperty [--usp-color-success=light-dark(#0b7a3e, #5fd39a)] - Success messages and the "Verified" badge's text.
 * @cssproperty [--usp-color-badge=light-dark(#eef1f5, #2a2e37)] - Background of status badges.
 * @cssproperty [--usp-color-badge-success=light-dark(#e3f4ea, #163726)] - Background of the "Verified" badge.
 * @cssproperty [--usp-color-highlight=light-dark(#e8f0fb, #1f3354)] - The highlighted option of the country picker.
 * @cssproperty [--usp-color-scheme=light dark] - `color-scheme` of the default theme; `light` or `dark` pins one (the `theme` attribute sets it).
 * @cssproperty [--usp-radius=8px] - Corner radius.
 * @cssproperty [--usp-space=16px] - Base spacing.
 * @cssproperty [--usp-panel-padding=var(--usp-space)] - Padding inside the panel's frame.
 * @cssproperty [--usp-target-size=36px] - Minimum size of touch targets (44px on mobile lite).
 * @cssproperty [--usp-font=14px/1.45 system-ui, sans-serif] - Font shorthand (16px/1.5 on mobile lite).
 */
export class UserSettingsPanel extends UserSettingsProvider {
  static override styles = [sharedStyles, panelStyles];

  /** Which capabilities show, space- or comma-separated (`email phone password tiktok`); all by default. */
  @property() sections = '';
  /** Link to the ad account settings (overrides the one from `/me`). */
  @property({ attribute: 'ad-account-settings-url' }) adAccountSettingsUrl?: string;

  /** The section whose editor is open (compact layout shows only it). */
  @state() private activeSection?: Section;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHashChange);
    this.#onHashChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('host') && !hostKinds.includes(this.host)) this.host = 'standalone';
    // The panel reads in its locale's language and direction, whatever the page around it.
    if (changed.has('locale')) {
      this.setAttribute('lang', this.locale);
      this.setAttribute('dir', isRtl(this.locale) ? 'rtl' : 'ltr');
    }
  }

  protected override updated(): void {
    if (this.#pendingScroll && this.settings.status === 'ready') {
      const target = this.renderRoot.querySelector<HTMLElement>(`[data-section='${this.#pendingScroll}']`);
      this.#pendingScroll = undefined;
      target?.scrollIntoView({ block: 'start' });
      target?.focus();
    }
  }

  #pendingScroll?: Section;

  get #visibleSections(): Section[] {
    const wanted = this.sections.split(/[\s,]+/).filter(Boolean);
    return wanted.length ? allSections.filter((s) => wanted.includes(s)) : [...allSections];
  }

  /**
   * Deep links belong to the settings page (Business Center, direct link), not a drop-down or
   * app frame. (An arrow function: the same bound listener is added to and removed from `window`.)
   */
  #onHashChange = () => {
    const section = location.hash.slice(1) as Section;
    if (this.host !== 'business-center' && this.host !== 'standalone') return;
    if (!this.#visibleSections.includes(section)) return;
    this.activeSection = section;
    this.#pendingScroll = section;
  };

  #onSectionToggle(event: SectionToggleEvent) {
    if (event.open) this.activeSection = event.section;
    else if (this.activeSection === event.section) {
      const returnTo = this.activeSection;
      this.activeSection = undefined;
      if (this.#compact) this.#pendingScroll = returnTo;
    }
  }

  get #compact(): boolean {
    return this.host === 'ads-manager';
  }

  /**
   * The compact layout's Back: the editor closes and every section shows again. The Back button
   * is gone, so focus goes to the button that opened the editor, once that section has re-rendered.
   */
  async #onBack(): Promise<void> {
    const returnTo = this.activeSection;
    this.activeSection = undefined;
    await this.updateComplete;
    const section = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(`[data-section='${returnTo}']`);
    await section?.updateComplete;
    // The section delegates focus to its first focusable: the action button, now the editor is closed.
    section?.focus();
  }

  /** The banner's retry after a failed first load. */
  #onRetryLoad(): void {
    void this.settings.reload();
  }

  #onClose() {
    this.dispatchEvent(new UserSettingsCloseRequestedEvent());
  }

  /**
   * The quiet retry after a failed refresh: the profile on screen stays until the new one arrives.
   * Retrying the refresh after a change keeps saying the change was saved if it fails again.
   */
  #onRetryRefresh(): void {
    void this.settings.reload({ afterChange: this.settings.refreshFailedAfterChange });
  }

  protected override render() {
    const t = this.settings.messages;
    return html`
      <div class="panel" part="panel">
        <header part="header">
          <div class="stack">
            <h2>${t['panel.title']}</h2>
            <p class="intro muted">${t['panel.intro']}</p>
          </div>
          ${this.#compact ? html`<button class="link" @click=${this.#onClose}>${t['panel.close']}</button>` : nothing}
        </header>
        ${this.#renderBody(t)}
      </div>
    `;
  }

  #renderBody(t: Messages) {
    const { status, error, profile } = this.settings;
    if (status === 'error' || !profile) {
      if (status === 'loading') {
        return html`<div class="skeleton" aria-busy="true" role="status">
          <span class="visually-hidden">${t['panel.loading']}</span><span></span><span></span><span></span>
        </div>`;
      }
      return html`<div class="banner" role="alert" part="error">
        <p><strong>${t['panel.loadFailed']}</strong> ${error ? errorMessage(t, error) : ''}</p>
        ${error?.code === 'unauthenticated' ? nothing
          : html`<div><button class="primary" @click=${this.#onRetryLoad}>${t['panel.retry']}</button></div>`}
      </div>`;
    }
    const focused = this.#compact && this.activeSection;
    // The live region stays in the DOM so the words inserted into it are announced.
    const { refreshError, refreshFailedAfterChange } = this.settings;
    const notice = html`<div class="notice" role="status" part="notice">${refreshError ? html`
        <p>${t[refreshFailedAfterChange ? 'panel.refreshFailed' : 'panel.refreshFailedNeutral']}</p>
        <button class="link" @click=${this.#onRetryRefresh}>${t['panel.retry']}</button>` : nothing}</div>`;
    const shown = focused ? [this.activeSection!] : this.#visibleSections;
    const adUrl = this.adAccountSettingsUrl ?? profile.adAccountSettingsUrl;
    const adHref = adUrl && safeUrl(adUrl);
    return html`
      ${notice}
      ${focused ? html`<div><button class="link" @click=${this.#onBack}><span class="back" aria-hidden="true">←</span> ${t['panel.back']}</button></div>` : nothing}
      <div class="sections" part="sections">${shown.map((section) => this.#renderSection(section))}</div>
      ${focused ? nothing : html`<footer part="footer">
        <p class="muted">${t['panel.adAccountNote']}</p>
        ${adHref ? html`<a href=${adHref}>${t['panel.adAccountLink']}</a>` : nothing}
      </footer>`}
    `;
  }

  #renderSection(section: Section) {
    const open = this.activeSection === section;
    switch (section) {
      case 'email': return html`<user-settings-email data-section="email" exportparts=${sectionParts} .open=${open}
        @usp-section-toggle=${this.#onSectionToggle}></user-settings-email>`;
      case 'phone': return html`<user-settings-phone data-section="phone" exportparts=${sectionParts} .open=${open}
        @usp-section-toggle=${this.#onSectionToggle}></user-settings-phone>`;
      case 'password': return html`<user-settings-password data-section="password" exportparts=${sectionParts} .open=${open}
        @usp-section-toggle=${this.#onSectionToggle}></user-settings-password>`;
      case 'tiktok': return html`<user-settings-tiktok data-section="tiktok" exportparts=${sectionParts} .open=${open}
        @usp-section-toggle=${this.#onSectionToggle}></user-settings-tiktok>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-panel': UserSettingsPanel;
  }
}
