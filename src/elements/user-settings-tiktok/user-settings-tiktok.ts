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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void import('./tiktok-editor.js');
  }

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
      action: account ? t['action.manage'] : t['action.add'],
      open: this.open,
      onToggle: () => toggleSection(this, 'tiktok'),
      editor: () => html`<usp-tiktok-editor @usp-editor-close=${() => toggleSection(this, 'tiktok', false)}></usp-tiktok-editor>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-tiktok': UserSettingsTiktok;
  }
}
