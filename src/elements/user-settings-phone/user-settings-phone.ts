import { html } from 'lit';
import type { Profile } from '../../api/schemas.js';
import type { Messages } from '../../i18n/messages.js';
import { SettingsSection } from '../section/settings-section.js';

/** Formats an E.164 number for people, once the phone-number chunk has loaded (E.164 until then). */
let humanize: ((number: string) => string) | undefined;

/** The editors' module once loaded: the phone-number library is reached through it. */
let editors: typeof import('../editors.js') | undefined;

/**
 * @tagname user-settings-phone
 * @summary The sign-in phone number: its summary row, and the editor that adds, changes or removes it (loaded on open).
 * @csspart section - The whole section.
 * @csspart summary - The summary row.
 * @csspart section-title - The section's title.
 * @csspart summary-value - The current value (address, number, state).
 * @csspart action - The button that opens the editor.
 * @csspart editor - The editor's container.
 */
export class UserSettingsPhone extends SettingsSection {
  protected readonly section = 'phone';

  protected loadEditor() {
    const loading = import('../editors.js').then((module) => (editors = module));
    // Only an open editor loads the phone-number library (an idle prefetch loads the editor alone).
    // With the editors already in (the idle prefetch), it starts at once, beside the editor's render.
    if (this.open && !humanize) {
      (editors ? editors.loadPhoneLibrary() : loading.then((module) => module.loadPhoneLibrary()))
        .then(async ({ load, parsePhoneNumberFromString }) => {
          await load(this.context?.profile?.phone?.number);
          humanize = (number) => parsePhoneNumberFromString(number)?.formatInternational() ?? number;
          this.requestUpdate();
        }, () => undefined);
    }
    return loading;
  }

  protected summary({ phone }: Profile, t: Messages) {
    return {
      value: phone ? html`<span dir="ltr">${humanize?.(phone.number) ?? phone.number}</span>` : t['summary.notSet'],
      action: phone ? t['action.change'] : t['action.add'],
    };
  }

  protected renderEditor() {
    return html`<usp-phone-editor></usp-phone-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-phone': UserSettingsPhone;
  }
}
