import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Profile } from '../../api/schemas.js';
import { settingsContext, type Section, type SettingsContext } from '../../context/settings-context.js';
import { SectionToggleEvent } from '../../events/internal-events.js';
import type { Messages } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { settingsSectionStyles } from './settings-section.styles.js';
import { deepActiveElement, firstTabbable } from '../../utils/focus.js';

const whenIdle = (callback: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 2000 }) : window.setTimeout(callback, 200);
const cancelIdle = (handle: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : window.clearTimeout(handle));

/** What a section's summary row shows for the current profile. */
export interface SectionSummary {
  value: TemplateResult | string;
  /** Label of the button that opens the editor; none when there is nothing to offer. */
  action?: string;
}

/**
 * What the four public sub-elements share: the context, the `open` state, the summary row
 * whose button opens the editor below it, loading the editor's chunk when opened, and focus
 * back on the row's button when it closes. Each sub-element only says what its row shows and
 * which editor it opens.
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
  static override styles = [sharedStyles, settingsSectionStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Whether the editor is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  protected context?: SettingsContext;

  /** The editor's chunk failed to load (offline, a new deploy): say so; the action button tries again. */
  @state() private editorLoadFailed = false;

  /** Which capability this is (also its deep-link fragment). */
  protected abstract readonly section: Section;
  /** Imports the editor's module. */
  protected abstract loadEditor(): Promise<unknown>;
  protected abstract summary(profile: Profile, messages: Messages): SectionSummary;
  /** The editor element; it fires `usp-editor-close` when the user is done. */
  protected abstract renderEditor(): TemplateResult;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) void this.#loadEditor();
  }

  /** Loads the editor's chunk; whether it is in. A failure closes the editor again and says so. */
  async #loadEditor(): Promise<boolean> {
    try {
      await this.loadEditor();
      return true;
    } catch {
      if (this.open) await this.#onEditorLoadFailed();
      return false;
    }
  }

  /** Closes the empty editor, shows the error and puts focus back on the action button (never on `<body>`). */
  async #onEditorLoadFailed(): Promise<void> {
    this.editorLoadFailed = true;
    this.toggle(false);
    await this.updateComplete;
    const active = deepActiveElement();
    if (!active || active === document.body) this.renderRoot.querySelector<HTMLElement>('[part=action]')?.focus();
  }

  #prefetch?: number;

  protected override updated(): void {
    // Once the profile shows, the editor's code loads while the page is idle (never before, so
    // it does not compete with the profile), and opening it needs no request for it.
    if (this.#prefetch === undefined && this.context?.profile) {
      this.#prefetch = whenIdle(() => void this.loadEditor().catch(() => undefined));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#prefetch) cancelIdle(this.#prefetch);
    this.#prefetch = undefined;
  }

  /** Opens or closes the editor and tells the panel (which shows one at a time when compact). */
  protected toggle(open = !this.open): void {
    this.open = open;
    this.dispatchEvent(new SectionToggleEvent(this.section, open));
  }

  /** Closes the editor and puts focus back on the button that opened it. */
  async #onEditorClose(): Promise<void> {
    this.toggle(false);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=action]')?.focus();
  }

  /**
   * Opens the editor and moves focus into it (the button that had focus is gone): once its
   * chunk is in and it has rendered, focus goes to its first field or button — the first one
   * Tab would reach, so never a hidden helper such as a password manager's username field.
   */
  async #onActionClick(): Promise<void> {
    this.editorLoadFailed = false;
    this.toggle(true);
    if (!(await this.#loadEditor())) return;
    await this.updateComplete;
    const editor = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('[part=editor] > *');
    await editor?.updateComplete;
    // Unless the user has moved on meanwhile.
    const active = deepActiveElement();
    if (editor && (!active || active === document.body)) (firstTabbable(editor.shadowRoot ?? editor) ?? editor).focus();
  }

  /**
   * Escape cancels this editor only: the event stops here, so a host's drop-down around the
   * panel stays open. A modal dialog or the country list inside handles its own Escape first.
   */
  #onEditorKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.stopPropagation();
    // A modal dialog's own Escape (its default action) closes only the dialog.
    if (event.composedPath().some((node) => node instanceof HTMLDialogElement)) return;
    event.preventDefault();
    void this.#onEditorClose();
  }

  protected override render() {
    const profile = this.context?.profile;
    if (!this.context || !profile) return null;
    const t = this.context.messages;
    const { value, action } = this.summary(profile, t);
    const title = t[`section.${this.section}`];
    const titleId = `usp-${this.section}-title`;
    const editorId = `usp-${this.section}-editor`;
    return html`
      <section part="section">
        <div class="summary" part="summary">
          <div class="summary-text">
            <h3 id=${titleId} part="section-title">${title}</h3>
            <div class="summary-value" part="summary-value">${value}</div>
          </div>
          ${action && !this.open
            ? html`<button part="action" aria-expanded="false" aria-controls=${editorId}
                @click=${this.#onActionClick}>${action}<span class="visually-hidden"> ${title}</span></button>`
            : nothing}
        </div>
        ${this.editorLoadFailed
          ? html`<p class="error" role="alert">${t['section.editorLoadFailed']}</p>`
          : nothing}
        ${this.open
          ? html`<div id=${editorId} class="editor" part="editor" @usp-editor-close=${this.#onEditorClose}
              @keydown=${this.#onEditorKeydown}>${this.renderEditor()}</div>`
          : nothing}
      </section>
    `;
  }
}
