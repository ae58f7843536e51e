import { consume } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { renderSection, sectionStyles, toggleSection } from '../section/section.js';

/**
 * @summary The sign-in email: its summary row, and the editor that changes it (loaded on open).
 * @csspart section - The whole section. @csspart summary - The summary row. @csspart action - The button that opens the editor. @csspart editor - The editor's container.
 */
export class UserSettingsEmail extends LitElement {
  static override styles = [sharedStyles, sectionStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Whether the editor is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void import('./email-editor.js');
  }

  protected override render() {
    const profile = this.context?.profile;
    if (!this.context || !profile) return null;
    const t = this.context.messages;
    const email = profile.email;
    return renderSection({
      id: 'email',
      title: t['section.email'],
      value: email
        ? html`${email.address} <span class="badge ${email.verified ? 'ok' : ''}">${email.verified ? t['summary.verified'] : t['summary.unverified']}</span>`
        : t['summary.notSet'],
      action: email ? t['action.change'] : t['action.add'],
      open: this.open,
      onToggle: () => toggleSection(this, 'email'),
      editor: () => html`<usp-email-editor @usp-editor-close=${() => toggleSection(this, 'email', false)}></usp-email-editor>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-email': UserSettingsEmail;
  }
}
