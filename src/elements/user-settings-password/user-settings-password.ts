import { html } from 'lit';
import type { Profile } from '../../api/schemas.js';
import { formatParts } from '../../i18n/format-parts.js';
import type { Messages } from '../../i18n/messages.js';
import { formatDate } from '../../utils/format.js';
import { SettingsSection } from '../section/settings-section.js';

/**
 * @tagname user-settings-password
 * @summary The password: when it last changed, and the editor that changes or sets it (loaded on open).
 * @csspart section - The whole section.
 * @csspart summary - The summary row.
 * @csspart section-title - The section's title.
 * @csspart summary-value - The current value (address, number, state).
 * @csspart action - The button that opens the editor.
 * @csspart editor - The editor's container.
 */
export class UserSettingsPassword extends SettingsSection {
  protected readonly section = 'password';

  protected loadEditor() {
    return import('../editors.js');
  }

  protected summary({ password: { isSet, updatedAt } }: Profile, t: Messages) {
    const date = formatDate(updatedAt, this.context!.locale);
    return {
      value: !isSet ? t['password.summaryNone'] : date ? formatParts(t['password.summarySet'], { date }) : t['password.summarySetUnknown'],
      action: isSet ? t['action.change'] : t['action.add'],
    };
  }

  protected renderEditor() {
    return html`<usp-password-editor></usp-password-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-password': UserSettingsPassword;
  }
}
