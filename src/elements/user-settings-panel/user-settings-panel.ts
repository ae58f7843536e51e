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

/**
 * @tagname user-settings-panel
 * @summary Manage how the signed-in user signs in: email, phone, password and the linked TikTok account.
 *
 * @fires usp-changed - A change succeeded: `detail.capability`, `detail.profile`.
 * @fires usp-failed - A request failed: `detail.capability`, `detail.code`, `detail.message`.
 * @fires usp-session-expired - The backend answered 401; send the user to sign in.
 * @fires usp-close-requested - The user asked to close the panel (Ads Manager drop-down).
 * @fires usp-unlink-requested - Before unlinking TikTok; cancelable.
 * @csspart panel - The panel's frame. @csspart header - Title row. @csspart sections - The list of sections. @csspart footer - The ad-account note.
 * @cssproperty --usp-color-accent - Buttons and links (#0a65cc). @cssproperty --usp-color-text - Text (#161823).
 * @cssproperty --usp-color-surface - Background (#fff). @cssproperty --usp-color-border - Lines (#d0d3d9).
 * @cssproperty --usp-color-danger - Errors (#c4122f). @cssproperty --usp-radius - Corner radius (8px).
 * @cssproperty --usp-space - Base spacing (16px). @cssproperty --usp-target-size - Minimum touch target (36px; 44px on mobile lite).
 * @cssproperty --usp-font - Font shorthand.
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
    if (changed.has('locale')) this.setAttribute('dir', isRtl(this.locale) ? 'rtl' : 'ltr');
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

  #onClose() {
    this.dispatchEvent(new UserSettingsCloseRequestedEvent());
  }

  /** The quiet retry after a failed refresh: the profile on screen stays until the new one arrives. */
  #onRetryRefresh(): void {
    void this.settings.reload();
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
          : html`<div><button class="primary" @click=${() => this.settings.reload()}>${t['panel.retry']}</button></div>`}
      </div>`;
    }
    const focused = this.#compact && this.activeSection;
    const notice = this.settings.refreshError ? html`<div class="notice" role="status" part="notice">
        <p>${t['panel.refreshFailed']}</p>
        <button class="link" @click=${this.#onRetryRefresh}>${t['panel.retry']}</button>
      </div>` : nothing;
    const shown = focused ? [this.activeSection!] : this.#visibleSections;
    const adUrl = this.adAccountSettingsUrl ?? profile.adAccountSettingsUrl;
    const adHref = adUrl && safeUrl(adUrl);
    return html`
      ${notice}
      ${focused ? html`<div><button class="link" @click=${() => (this.activeSection = undefined)}><span class="back" aria-hidden="true">←</span> ${t['panel.back']}</button></div>` : nothing}
      <div class="sections" part="sections" @usp-section-toggle=${this.#onSectionToggle}>${shown.map((section) => this.#renderSection(section))}</div>
      ${focused ? nothing : html`<footer part="footer">
        <p class="muted">${t['panel.adAccountNote']}</p>
        ${adHref ? html`<a href=${adHref}>${t['panel.adAccountLink']}</a>` : nothing}
      </footer>`}
    `;
  }

  #renderSection(section: Section) {
    const open = this.activeSection === section;
    switch (section) {
      case 'email': return html`<user-settings-email data-section="email" tabindex="-1" .open=${open}></user-settings-email>`;
      case 'phone': return html`<user-settings-phone data-section="phone" tabindex="-1" .open=${open}></user-settings-phone>`;
      case 'password': return html`<user-settings-password data-section="password" tabindex="-1" .open=${open}></user-settings-password>`;
      case 'tiktok': return html`<user-settings-tiktok data-section="tiktok" tabindex="-1" .open=${open}></user-settings-tiktok>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-panel': UserSettingsPanel;
  }
}
