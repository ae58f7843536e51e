/** Registers a tag unless this or another copy of the library already did (no throw on a page with two copies). */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
