import { html } from 'lit';
import type { Profile } from '../../api/schemas.js';
import type { Messages } from '../../i18n/messages.js';
import { SettingsSection } from '../section/settings-section.js';

/**
 * The address, left to right, with break opportunities before its "@" and its dots: in a
 * narrow row a long address wraps at "@example.com" rather than in the middle of a word.
 */
const address = (value: string) => {
  const at = value.lastIndexOf('@');
  if (at < 0) return html`<bdi dir="ltr">${value}</bdi>`;
  const domain = value.slice(at + 1).split('.');
  return html`<bdi dir="ltr">${value.slice(0, at)}<wbr>@${domain.map((part, i) => (i ? html`<wbr>.${part}` : part))}</bdi>`;
};

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
    return import('../editors.js');
  }

  protected summary({ email }: Profile, t: Messages) {
    return {
      value: email
        ? html`${address(email.address)} <span class="badge ${email.verified ? 'ok' : ''}">${email.verified ? t['summary.verified'] : t['summary.unverified']}</span>`
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
