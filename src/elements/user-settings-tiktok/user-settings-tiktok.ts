import { html } from 'lit';
import type { Profile } from '../../api/schemas.js';
import { formatParts } from '../../i18n/format-parts.js';
import type { Messages } from '../../i18n/messages.js';
import { SettingsSection } from '../section/settings-section.js';
import { dropStrayLinkState, LINK_STATE_PARAM, returnedLinkState } from './link-params.js';

/**
 * @tagname user-settings-tiktok
 * @summary The linked TikTok account: link state, and the manager that links, unlinks and upgrades it (loaded on open).
 * @fires {UserSettingsUnlinkRequestedEvent} usp-unlink-requested - Before unlinking; `preventDefault()` vetoes it. `detail.account`.
 * @csspart section - The whole section.
 * @csspart summary - The summary row.
 * @csspart section-title - The section's title.
 * @csspart summary-value - The current value (address, number, state).
 * @csspart action - The button that opens the manager.
 * @csspart editor - The manager's container.
 */
export class UserSettingsTiktok extends SettingsSection {
  protected readonly section = 'tiktok';

  override connectedCallback(): void {
    super.connectedCallback();
    // Back from TikTok in redirect mode: open the manager, which finishes the link flow, when this
    // tab started it for this host layout; a state nobody here may finish is ignored and removed.
    // (After this first render, so a panel that is rendering us is not asked to update mid-update.)
    if (!new URLSearchParams(location.search).has(LINK_STATE_PARAM)) return;
    void this.updateComplete.then(() => {
      dropStrayLinkState();
      if (this.context && returnedLinkState(this.context.host.kind)) this.toggle(true);
    });
  }

  protected loadEditor() {
    return import('../editors.js');
  }

  protected summary({ tiktok: { account, linkingAvailable } }: Profile, t: Messages) {
    return {
      value: account
        ? html`${formatParts(t['tiktok.summaryLinked'], { username: account.username })}
            ${account.isBusinessAccount ? html`<span class="badge ok">${t['tiktok.business']}</span>` : ''}`
        : linkingAvailable ? t['tiktok.summaryNotLinked'] : t['tiktok.summaryUnavailable'],
      // Nothing to offer while the feature is unavailable and no account is linked.
      action: account ? t['action.manage'] : linkingAvailable ? t['action.link'] : undefined,
    };
  }

  protected renderEditor() {
    return html`<usp-tiktok-editor></usp-tiktok-editor>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'user-settings-tiktok': UserSettingsTiktok;
  }
}
