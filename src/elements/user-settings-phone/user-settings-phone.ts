import { consume } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { renderSection, sectionStyles, toggleSection } from '../section/section.js';

/** Formats an E.164 number for people, once the phone-number chunk has loaded (E.164 until then). */
let humanize: ((number: string) => string) | undefined;

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
    if (!changed.has('open') || !this.open) return;
    void import('./phone-editor.js');
    if (!humanize) {
      import('./phone-metadata.js').then(({ parsePhoneNumberFromString }) => {
        humanize = (number) => parsePhoneNumberFromString(number)?.formatInternational() ?? number;
        this.requestUpdate();
      }, () => undefined);
    }
  }

  /** Closes the editor and puts focus back on the button that opened it. */
  #close = async () => {
    toggleSection(this, 'phone', false);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=action]')?.focus();
  };

  protected override render() {
    const profile = this.context?.profile;
    if (!this.context || !profile) return null;
    const t = this.context.messages;
    const phone = profile.phone;
    return renderSection({
      id: 'phone',
      title: t['section.phone'],
      value: phone ? html`<span dir="ltr">${humanize?.(phone.number) ?? phone.number}</span>` : t['summary.notSet'],
      action: phone ? t['action.change'] : t['action.add'],
      open: this.open,
      onToggle: () => toggleSection(this, 'phone'),
      editor: () => html`<usp-phone-editor @usp-editor-close=${this.#close}></usp-phone-editor>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-phone': UserSettingsPhone;
  }
}
