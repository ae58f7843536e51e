/** Focus helpers that look through shadow roots (used by sections on first paint and by dialogs). */

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
