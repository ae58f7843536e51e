import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Messages } from '../../i18n/messages.js';
import { defineElement } from '../../utils/define-element.js';
import { type Country, fold } from './countries.js';
import type { CountryCode } from './phone-metadata.js';

/**
 * @summary The searchable country picker (ARIA combobox with a listbox): search by name (accents
 * ignored), ISO code or dialling code (+44: the United Kingdom before Guernsey), arrows move the
 * highlight, Enter picks, Escape cancels, leaving after a search picks the highlighted match.
 *
 * It renders without a shadow root of its own, into the composing element's, so `<label for>`,
 * `aria-controls` and `aria-activedescendant` find their targets; that element adds
 * `countryComboboxStyles` to its styles. Its ids (`country`, `country-hint`, `countries`,
 * `c-<ISO>`) are fixed: one picker per shadow root.
 *
 * @fires change - The user picked another country: read `value`. Bubbles like a native `change` and, like it,
 * stays in the shadow root it is rendered in (not composed). Never fired because `value` was set.
 * @csspart country - The country button.
 */
export class UspCountryCombobox extends LitElement {
  /** The chosen country (ISO 3166-1 alpha-2). */
  @property() value?: CountryCode;
  /** Every country offered, named in the user's language and sorted (`countryList()`). */
  @property({ attribute: false }) countries: readonly Country[] = [];
  /** The strings (`phone.country`: label and listbox name, `phone.countryHint`, `phone.noMatch`). Required. */
  @property({ attribute: false }) messages!: Messages;

  /** The search text; undefined while not searching. */
  @state() private query?: string;
  @state() private open = false;
  /** Index of the highlighted option. */
  @state() private active = 0;

  protected override createRenderRoot() {
    return this;
  }

  protected override updated(): void {
    if (this.open) this.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  }

  /** Matches of the search, best first: ISO code, then start of the name, of a word, anywhere; digits: dialling code. */
  #filtered(): readonly Country[] {
    const q = fold(this.query?.trim() ?? '').replace(/^\+/, '');
    if (!q) return this.countries;
    const digits = /^\d+$/.test(q);
    const rank = (c: Country) => digits ? (c.code === q ? (c.main ? 0 : 1) : c.code.startsWith(q) ? 2 : 9)
      : c.id.toLowerCase() === q ? 0 : c.key.startsWith(q) ? 1 : c.key.includes(` ${q}`) ? 2 : c.key.includes(q) ? 3 : 9;
    return this.countries.map((c) => [rank(c), c] as const).filter(([r]) => r < 9).sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  }

  #openList() {
    this.open = true;
    this.active = Math.max(0, this.#filtered().findIndex((c) => c.id === this.value));
  }

  /** Closes the list and shows the chosen country again, selected so typing starts a new search. */
  async #closeList() {
    this.open = false;
    this.query = undefined;
    await this.updateComplete;
    const input = this.querySelector('input')!;
    if ((this.getRootNode() as ShadowRoot).activeElement === input) input.select();
  }

  /** Takes `id`, if any, and closes the list. */
  #pick(id?: CountryCode) {
    if (id && id !== this.value) {
      this.value = id;
      this.dispatchEvent(new Event('change', { bubbles: true }));
    }
    void this.#closeList();
  }

  #onInput(event: InputEvent) {
    this.query = (event.target as HTMLInputElement).value;
    this.open = true;
    this.active = 0;
  }

  #onKeydown(event: KeyboardEvent) {
    const list = this.#filtered();
    const { key } = event;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      if (!this.open) this.#openList();
      else this.active = Math.min(Math.max(this.active + (key === 'ArrowDown' ? 1 : -1), 0), list.length - 1);
    } else if (key === 'Enter' && this.open) {
      event.preventDefault();
      if (list[this.active]) this.#pick(list[this.active].id);
    } else if (key === 'Escape' && this.open) {
      event.preventDefault();
      event.stopPropagation();
      void this.#closeList();
    }
  }

  /** Leaving the picker after typing takes the highlighted match (automatic selection). */
  #onBlur() {
    this.#pick(this.open && this.query ? this.#filtered()[this.active]?.id : undefined);
  }

  #onOptionClick(event: Event) {
    const id = (event.target as Element).closest('[role=option]')?.id.slice(2);
    if (id) this.#pick(id as CountryCode);
  }

  protected override render() {
    const t = this.messages;
    const list = this.open ? this.#filtered() : [];
    const active = list[this.active];
    const selected = this.countries.find((c) => c.id === this.value);
    // The input's own `change` stays inside: the element's `change` means "a country was picked".
    return html`<div class="field combo">
      <label for="country">${t['phone.country']}</label>
      <span id="country-hint" class="hint">${t['phone.countryHint']}</span>
      <input id="country" role="combobox" autocomplete="off" spellcheck="false" part="country"
        aria-autocomplete="list" aria-controls="countries" aria-expanded=${this.open ? 'true' : 'false'}
        aria-describedby="country-hint" aria-activedescendant=${active ? `c-${active.id}` : nothing}
        .value=${this.query ?? (selected ? `${selected.name} (\u200e+${selected.code})` : '')}
        @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
        @click=${() => (this.open ? void this.#closeList() : this.#openList())}
        @input=${this.#onInput} @keydown=${this.#onKeydown} @blur=${this.#onBlur} @change=${(e: Event) => e.stopPropagation()}>
      <div id="countries" role="listbox" aria-label=${t['phone.country']} ?hidden=${!list.length}
        @mousedown=${(e: Event) => e.preventDefault()} @click=${this.#onOptionClick}>
        ${list.map((c, i) => html`<div id="c-${c.id}" role="option" aria-selected=${i === this.active ? 'true' : 'false'}>
          <span>${c.name}</span><span class="muted" dir="ltr">+${c.code}</span></div>`)}
      </div>
      <p class="hint" role="status">${this.open && !list.length ? t['phone.noMatch'] : ''}</p>
    </div>`;
  }
}

defineElement('usp-country-combobox', UspCountryCombobox);

declare global {
  interface HTMLElementTagNameMap {
    'usp-country-combobox': UspCountryCombobox;
  }
}
