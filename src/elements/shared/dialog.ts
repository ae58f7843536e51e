import { css } from 'lit';

/** Styles of the modal dialogs (confirm, re-verification), after `sharedStyles` (which lays out `.actions`). */
export const dialogStyles = css`
  dialog {
    width: min(28rem, calc(100vw - 2 * var(--_gap))); max-height: calc(100dvh - 2 * var(--_gap));
    padding: var(--_gap); border: 1px solid var(--_line); border-radius: var(--_radius);
    background: var(--_bg); color: var(--_fg); box-shadow: 0 8px 32px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop { background: rgb(0 0 0 / 0.45); }
  .actions { justify-content: flex-end; }
`;

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

const tabbable = 'button, a[href], input, select, textarea, [tabindex]';

/** The first element Tab would reach inside `root` (through shadow roots), if any. */
export function firstTabbable(root: ParentNode): HTMLElement | undefined {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.matches(tabbable) && el.tabIndex >= 0 && !el.matches(':disabled, [hidden] *, [hidden]') && el.getClientRects().length) return el;
    const inner = el.shadowRoot && firstTabbable(el.shadowRoot);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Adds `element` (a new one, so its dialog's `returnValue` starts empty) to `host`'s shadow root
 * (so it inherits the host's context and direction),
 * shows its `<dialog>` modally and, when it closes, removes it and puts focus back where it was.
 * Resolves the dialog's `returnValue`.
 */
export async function openModal(host: HTMLElement, element: HTMLElement & { updateComplete: Promise<unknown> }): Promise<string> {
  const previous = deepActiveElement();
  ((host as { renderRoot?: ParentNode }).renderRoot ?? host.shadowRoot ?? host).append(element);
  await element.updateComplete;
  const dialog = element.shadowRoot!.querySelector('dialog')!;
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      element.remove();
      previous?.focus();
      resolve(dialog.returnValue);
    }, { once: true });
  });
}
