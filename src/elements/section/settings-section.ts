import { consume } from '@lit/context';
import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Profile } from '../../api/schemas.js';
import { settingsContext, type Section, type SettingsContext } from '../../context/settings-context.js';
import type { Messages } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { renderSection, sectionStyles, toggleSection } from './section.js';

/** What a section's summary row shows for the current profile. */
export interface SectionSummary {
  value: TemplateResult | string;
  /** Label of the button that opens the editor; none when there is nothing to offer. */
  action?: string;
}

/**
 * What the four public sub-elements share: the context, the `open` state, the summary row,
 * loading the editor's chunk when opened, and focus back on the row's button when it closes.
 * Each sub-element only says what its row shows and which editor it opens.
 *
 * @fires {UserSettingsChangedEvent} usp-changed - A change succeeded: `detail.capability`, `detail.profile`.
 * @fires {UserSettingsFailedEvent} usp-failed - A request failed: `detail.capability`, `detail.code`, `detail.kind`, `detail.message`.
 * @fires {UserSettingsSessionExpiredEvent} usp-session-expired - The backend answered 401; send the user to sign in.
 * @csspart section - The whole section.
 * @csspart summary - The summary row.
 * @csspart section-title - The section's title.
 * @csspart summary-value - The current value.
 * @csspart action - The button that opens the editor.
 * @csspart editor - The editor's container.
 */
export abstract class SettingsSection extends LitElement {
  static override styles = [sharedStyles, sectionStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Whether the editor is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  protected context?: SettingsContext;

  /** Which capability this is (also its deep-link fragment). */
  protected abstract readonly section: Section;
  /** Imports the editor's module. */
  protected abstract loadEditor(): Promise<unknown>;
  protected abstract summary(profile: Profile, messages: Messages): SectionSummary;
  /** The editor element; `close` ends editing. */
  protected abstract renderEditor(close: () => void): TemplateResult;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void this.loadEditor();
  }

  /** Closes the editor and puts focus back on the button that opened it. */
  #close = async () => {
    toggleSection(this, this.section, false);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=action]')?.focus();
  };

  protected override render() {
    const profile = this.context?.profile;
    if (!this.context || !profile) return null;
    const t = this.context.messages;
    return renderSection({
      id: this.section,
      title: t[`section.${this.section}`],
      ...this.summary(profile, t),
      open: this.open,
      onToggle: () => toggleSection(this, this.section),
      editor: () => this.renderEditor(this.#close),
    });
  }
}
