import { consume } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { format } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { formatDate } from '../../utils/format.js';
import { renderSection, sectionStyles, toggleSection } from '../section/section.js';

/**
 * @summary The password: when it last changed, and the editor that changes or sets it (loaded on open).
 * @csspart section - The whole section. @csspart summary - The summary row. @csspart action - The button that opens the editor. @csspart editor - The editor's container.
 */
export class UserSettingsPassword extends LitElement {
  static override styles = [sharedStyles, sectionStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Whether the editor is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void import('./password-editor.js');
  }

  protected override render() {
    const profile = this.context?.profile;
    if (!this.context || !profile) return null;
    const t = this.context.messages;
    const { isSet, updatedAt } = profile.password;
    const date = formatDate(updatedAt, this.context.locale);
    return renderSection({
      id: 'password',
      title: t['section.password'],
      value: !isSet ? t['password.summaryNone'] : date ? format(t['password.summarySet'], { date }) : t['password.summarySetUnknown'],
      action: isSet ? t['action.change'] : t['action.add'],
      open: this.open,
      onToggle: () => toggleSection(this, 'password'),
      editor: () => html`<usp-password-editor @usp-editor-close=${() => toggleSection(this, 'password', false)}></usp-password-editor>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-password': UserSettingsPassword;
  }
}
