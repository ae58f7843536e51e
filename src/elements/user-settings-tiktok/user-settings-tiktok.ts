import { consume } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { format } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { renderSection, sectionStyles, toggleSection } from '../section/section.js';

/**
 * @summary The linked TikTok account: link state, and the manager that links, unlinks and upgrades it (loaded on open).
 * @csspart section - The whole section. @csspart summary - The summary row. @csspart action - The button that opens the manager. @csspart editor - The manager's container.
 */
export class UserSettingsTiktok extends LitElement {
  static override styles = [sharedStyles, sectionStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Whether the manager is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back from TikTok in redirect mode: open the manager, which finishes the link flow.
    // (After this first render, so a panel that is rendering us is not asked to update mid-update.)
    if (new URLSearchParams(location.search).has('usp_link_state')) void this.updateComplete.then(() => toggleSection(this, 'tiktok', true));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void import('./tiktok-editor.js');
  }

  /** Closes the manager and puts focus back on the button that opened it. */
  #close = async () => {
    toggleSection(this, 'tiktok', false);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=action]')?.focus();
  };

  protected override render() {
    const profile = this.context?.profile;
    if (!this.context || !profile) return null;
    const t = this.context.messages;
    const { account, linkingAvailable } = profile.tiktok;
    return renderSection({
      id: 'tiktok',
      title: t['section.tiktok'],
      value: account
        ? format(t['tiktok.summaryLinked'], { username: account.username })
        : linkingAvailable ? t['tiktok.summaryNotLinked'] : t['tiktok.summaryUnavailable'],
      // Nothing to offer while the feature is unavailable and no account is linked.
      action: account ? t['action.manage'] : linkingAvailable ? t['action.add'] : undefined,
      open: this.open,
      onToggle: () => toggleSection(this, 'tiktok'),
      editor: () => html`<usp-tiktok-editor @usp-editor-close=${this.#close}></usp-tiktok-editor>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-tiktok': UserSettingsTiktok;
  }
}
