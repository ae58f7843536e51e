/** Shared arrange/act steps for the fault-matrix drivers: opening an editor by its summary button. */
import { expect } from '@open-wc/testing';
import { deepQuery, waitFor } from '../support/dom.js';
import { user } from '../support/user.js';
import type { Cell, Driver } from './matrix.js';

/** Clicks the summary `button` and waits for `usp-<section>-editor` to show `ready`. */
export async function openEditor(cell: Cell, section: string, button: string, ready = 'form') {
  await user.click('button', button);
  // The editor's chunk loads lazily: on a busy shared machine that can take a while.
  return waitFor(() => {
    const editor = deepQuery(`usp-${section}-editor`, cell.panel.shadowRoot!);
    return editor?.shadowRoot?.querySelector(ready) ? editor : undefined;
  }, { timeout: 20_000, message: `the ${section} editor` });
}

/** The open editor of `section`. */
export const editorOf = (cell: Cell, section: string) => deepQuery(`usp-${section}-editor`, cell.panel.shadowRoot!)!;

/** The value of `#id` in `scope`'s shadow root. */
export const valueOf = (scope: Element, id: string) => scope.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';

/** The digits in the code input of `scope`. */
export const codeOf = (scope: Element) =>
  scope.shadowRoot!.querySelector('usp-code-input')?.shadowRoot?.querySelector('input')?.value ?? '';

/** Waits until the editor of `section` shows its code step (the code input's field). */
export const codeStepOf = (cell: Cell, section: string) =>
  waitFor(() => editorOf(cell, section)?.shadowRoot!.querySelector('usp-code-input')?.shadowRoot?.querySelector('input'), { message: 'the code step' });

/** Clicks `action` in the editor of `section`, then `confirm` in the confirmation dialog it opens. */
export async function confirmThrough(cell: Cell, section: string, action: string, confirm: string) {
  await user.click('button', action);
  await waitFor(() => deepQuery('usp-confirm-dialog', editorOf(cell, section).shadowRoot!), { message: 'the confirmation' });
  await user.click('button', confirm, { exact: true });
}

/** Waits until the editor of `section` is gone. */
export const closed = (cell: Cell, section: string) =>
  waitFor(() => !deepQuery(`usp-${section}-editor`, cell.panel.shadowRoot!), { message: `the ${section} editor to close` });

/** After closing: the editor opens again, empty, not saving, with no alert. */
export async function reopensIdle(cell: Cell, section: string, button: string, ready = 'form') {
  const editor = await openEditor(cell, section, button, ready);
  const text = editor.shadowRoot!.textContent ?? '';
  if (/Saving|Sending/.test(text)) throw new Error(`the reopened editor still says it is busy: ${text}`);
  if (editor.shadowRoot!.querySelector('[role=alert]')) throw new Error('the reopened editor shows an alert');
  if (editor.shadowRoot!.querySelector('button.primary[aria-disabled=true]')) throw new Error('the reopened editor is blocked');
  return editor;
}

/**
 * A driver's `close` and `afterClose`: Cancel closes the editor of `section`; its summary
 * `button` opens it again idle (`ready` shows), with the field `emptyField` empty.
 */
export function closeAndReopen(section: string, button: string, emptyField: string, ready = 'form'): Pick<Driver, 'close' | 'afterClose'> {
  return {
    async close(cell) {
      await user.click('button', 'Cancel', { exact: true });
      await closed(cell, section);
    },
    async afterClose(cell) {
      const reopened = await reopensIdle(cell, section, button, ready);
      expect(valueOf(reopened, emptyField)).to.equal('');
    },
  };
}
