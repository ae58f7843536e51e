import { html } from 'lit';
import type { Profile } from '../../api/schemas.js';
import { ltr } from '../../i18n/format-parts.js';
import type { Messages } from '../../i18n/messages.js';
import { SettingsSection } from '../section/settings-section.js';

/**
 * @tagname user-settings-email
 * @summary The sign-in email: its summary row, and the editor that changes it (loaded on open).
 * @csspart section - The whole section.
 * @csspart summary - The summary row.
 * @csspart section-title - The section's title.
 * @csspart summary-value - The current value (address, number, state).
 * @csspart action - The button that opens the editor.
 * @csspart editor - The editor's container.
 */
export class UserSettingsEmail extends SettingsSection {
  protected readonly section = 'email';

  protected loadEditor() {
    return import('./email-editor.js');
  }

  protected summary({ email }: Profile, t: Messages) {
    return {
      value: email
        ? html`${ltr(email.address)} <span class="badge ${email.verified ? 'ok' : ''}">${email.verified ? t['summary.verified'] : t['summary.unverified']}</span>`
        : t['summary.notSet'],
      action: email ? t['action.change'] : t['action.add'],
    };
  }

  protected renderEditor() {
    return html`<usp-email-editor></usp-email-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-email': UserSettingsEmail;
  }
}
