import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { dialogStyles, openModal } from './dialog.js';
import { fieldStyles } from './fields.js';

export interface ConfirmOptions {
  /** Values inside it are isolated (`formatParts()`), as in the body. */
  title: string | TemplateResult;
  /** What will happen when confirmed; it becomes the dialog's description (`aria-describedby`). */
  body: string | TemplateResult;
  confirmLabel: string;
  /** Default: the catalog's "Cancel". */
  cancelLabel?: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
}

/**
 * @summary A modal question with a confirm and a cancel button (native `<dialog>`); use `confirmAction()`.
 * @csspart dialog - The confirmation dialog.
 * @csspart cancel - The cancel button.
 * @csspart confirm - The confirm button.
 */
export class UspConfirmDialog extends LitElement {
  static override styles = [sharedStyles, fieldStyles, dialogStyles];

  /** What is asked, its explanation and the button labels. */
  @property({ attribute: false }) options?: ConfirmOptions;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  protected override render() {
    const o = this.options;
    if (!o) return nothing;
    return html`
      <dialog part="dialog" aria-labelledby="title" aria-describedby="body">
        <form method="dialog" class="stack">
          <h2 id="title">${o.title}</h2>
          <div id="body">${o.body}</div>
          <div class="actions">
            <button part="cancel" value="cancel" autofocus>${o.cancelLabel ?? this.context?.messages['action.cancel'] ?? 'Cancel'}</button>
            <button part="confirm" value="confirm" class=${o.danger ? 'danger' : 'primary'}>${o.confirmLabel}</button>
          </div>
        </form>
      </dialog>
    `;
  }
}

defineElement('usp-confirm-dialog', UspConfirmDialog);

/**
 * Asks the user to confirm an action in a modal dialog added to `host`'s shadow root; focus
 * moves into it (on Cancel) and back where it was after. Escape cancels.
 * Resolves `true` when confirmed.
 */
export async function confirmAction(host: HTMLElement, options: ConfirmOptions): Promise<boolean> {
  const element = document.createElement('usp-confirm-dialog');
  element.options = options;
  return (await openModal(host, element)) === 'confirm';
}

declare global {
  interface HTMLElementTagNameMap {
    'usp-confirm-dialog': UspConfirmDialog;
  }
}
