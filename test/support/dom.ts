/** Assertion helpers that see through shadow roots (for reading what the user sees). */

/** Every element matching `selector` in `root` and all shadow roots below it. */
export function deepQueryAll<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] {
  const found: T[] = [];
  const walk = (node: ParentNode) => {
    found.push(...node.querySelectorAll<T>(selector));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  const shadow = (root as Element).shadowRoot;
  walk(shadow ?? root);
  if (shadow) found.push(...root.querySelectorAll<T>(selector));
  return found;
}

export const deepQuery = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document) =>
  deepQueryAll<T>(selector, root)[0] as T | undefined;

/** Elements whose text runs on with the text around them (no word break at their edges). */
const INLINE = new Set(['BDI', 'BDO', 'SPAN', 'B', 'STRONG', 'EM', 'I', 'A', 'CODE', 'TIME', 'SMALL', 'ABBR', 'WBR']);

/** Visible text of a node, including its shadow content, whitespace folded. */
export function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      text += n.textContent ?? '';
      return;
    }
    if (n.nodeType === Node.COMMENT_NODE) return; // lit's markers
    // Block-ish elements (paragraphs, buttons, list items…) break words; inline ones do not.
    const breaks = n.nodeType === Node.ELEMENT_NODE && !INLINE.has(n.nodeName);
    if (breaks) text += ' ';
    // Duck-typed, not instanceof: nodes may come from another window (an iframe).
    const shadow = (n as Element).shadowRoot;
    if (shadow) walk(shadow);
    if (n.nodeName === 'SLOT') (n as HTMLSlotElement).assignedNodes({ flatten: true }).forEach(walk);
    n.childNodes.forEach(walk);
    if (breaks) text += ' ';
  };
  walk(node);
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of every live region (`role=status|alert`, `aria-live`) under `root`: what a screen reader announces. */
export const announced = (root: ParentNode = document) =>
  deepQueryAll('[role=status], [role=alert], [aria-live]', root).map(deepText).join(' | ');

/** Polls `check` until it returns a truthy value (or stops throwing); fails after `timeout` ms. */
export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 15000, message = 'condition' } = {}): Promise<NonNullable<T>> {
  const start = performance.now();
  let lastError: unknown;
  while (performance.now() - start < timeout) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${message}${lastError ? `: ${String(lastError)}` : ''}`);
}

/**
 * Waits until the first `tag` under `root` (an editor, whose chunk loads lazily) has rendered
 * `ready` in its shadow root; returns the element.
 */
export const waitForEditor = <T extends Element = HTMLElement>(
  tag: string,
  { ready = 'form', root = document as ParentNode, message = 'the editor' } = {},
) => waitFor(() => {
  const editor = deepQuery<T>(tag, root);
  return editor?.shadowRoot?.querySelector(ready) ? editor : undefined;
}, { message });

/** Elements in the deep tree that hold a secret value (password / code inputs with a value). */
export const secretsInDom = (root: ParentNode = document) =>
  deepQueryAll<HTMLInputElement>('input', root).filter((input) =>
    (input.type === 'password' || input.autocomplete.includes('password') || input.autocomplete === 'one-time-code') && input.value !== '');
