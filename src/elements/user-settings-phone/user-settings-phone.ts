import { consume } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { renderSection, sectionStyles, toggleSection } from '../section/section.js';

/**
 * @summary The sign-in phone number: its summary row, and the editor that adds, changes or removes it (loaded on open).
 * @csspart section - The whole section. @csspart summary - The summary row. @csspart action - The button that opens the editor. @csspart editor - The editor's container.
 */
export class UserSettingsPhone extends LitElement {
  static override styles = [sharedStyles, sectionStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Whether the editor is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void import('./phone-editor.js');
  }

  protected override render() {
    const profile = this.context?.profile;
    if (!this.context || !profile) return null;
    const t = this.context.messages;
    const phone = profile.phone;
    return renderSection({
      id: 'phone',
      title: t['section.phone'],
      value: phone ? html`<span dir="ltr">${phone.number}</span>` : t['summary.notSet'],
      action: phone ? t['action.change'] : t['action.add'],
      open: this.open,
      onToggle: () => toggleSection(this, 'phone'),
      editor: () => html`<usp-phone-editor @usp-editor-close=${() => toggleSection(this, 'phone', false)}></usp-phone-editor>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-phone': UserSettingsPhone;
  }
}
