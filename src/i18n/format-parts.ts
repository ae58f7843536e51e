import { html, type TemplateResult } from 'lit';

/** A value already wrapped for direction (see `ltr()`), passed through as is. */
type Part = string | number | TemplateResult;

/**
 * A value that always reads left to right (a phone number, an e-mail address, a masked
 * destination), isolated so it neither reorders nor is reordered by right-to-left text.
 */
export const ltr = (value: string | number): TemplateResult => html`<bdi dir="ltr">${value}</bdi>`;

/**
 * Fills `{name}` placeholders like `format()`, but as a lit template whose every value is
 * isolated in `<bdi>` (first-strong direction), so "+33 6 12 34 56 78" or "@jordan" keep their
 * order inside an Arabic sentence. Values stay text (no HTML is parsed); a `TemplateResult`
 * value (from `ltr()`) is inserted as given. Unknown placeholders are left as written.
 */
export function formatParts(template: string, values: Record<string, Part> = {}): TemplateResult {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1];
    if (!Object.hasOwn(values, name)) continue;
    parts.push(template.slice(last, match.index));
    const value = values[name];
    parts.push(typeof value === 'object' ? value : html`<bdi>${value}</bdi>`);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return html`${parts}`;
}
