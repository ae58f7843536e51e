import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { UserSettingsError } from '../../api/errors.js';
import type { Profile, Verification } from '../../api/schemas.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { ActionController } from '../../controllers/action-controller.js';
import { type Capability, UserSettingsChangedEvent } from '../../events/events.js';
import { errorMessage } from '../../i18n/error-message.js';
import { format } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import '../shared/code-input.js';
import type { UspCodeInput } from '../shared/code-input.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { deepActiveElement } from '../shared/dialog.js';
import type { CountryCode } from './phone-metadata.js';

type Lib = typeof import('./phone-metadata.js');
/** `main`: the country a shared dialling code belongs to first (+44: United Kingdom, not Guernsey). */
interface Country { id: CountryCode; name: string; code: string; key: string; main: boolean }

/** The phone-number library, once its lazily loaded chunk has arrived. */
let lib: Lib | undefined;
let countries: [string, Country[]] | undefined;

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const safeLocale = (locale: string) => {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
};
const regionOf = (locale: string, likely?: boolean) => {
  try {
    const parsed = new Intl.Locale(locale);
    return (likely ? parsed.maximize() : parsed).region;
  } catch {
    return undefined;
  }
};
/** Every country with its name in `locale` and dialling code, sorted by name. */
function countryList(locale: string): Country[] {
  if (countries?.[0] === locale) return countries[1];
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const list = lib!.getCountries().map((id) => {
    const name = names.of(id) ?? id;
    const code = lib!.getCountryCallingCode(id);
    return { id, name, code, key: fold(name), main: lib!.metadata.country_calling_codes[code][0] === id };
  }).sort((a, b) => a.name.localeCompare(b.name, locale));
  countries = [locale, list];
  return list;
}
const isPhoneError = (error?: UserSettingsError) => !!error && (error.field === 'phone' || error.code.startsWith('phone_'));
const isCodeError = (error?: UserSettingsError) =>
  !!error && (error.field === 'code' || error.code.startsWith('code_') || error.code === 'too_many_attempts');

/**
 * @summary Adds, changes or removes the sign-in phone number: country picker, number formatted as
 * typed and checked before sending, then the SMS code. Loaded when `<user-settings-phone>` opens.
 * @fires usp-changed - The phone was added or changed (`phone`) or removed (`phone-removal`).
 * @fires usp-failed - A request failed.
 * @fires usp-editor-close - The user is done or cancelled.
 */
export class UspPhoneEditor extends LitElement {
  static override styles = [sharedStyles, css`
    .combo { position: relative; }
    [role='listbox'] {
      position: absolute; z-index: 2; inset-inline: 0; top: 100%; margin-top: 2px; max-height: 15em; overflow: auto;
      background: var(--_bg); border: 1px solid var(--_line); border-radius: var(--_radius); box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
    }
    [role='option'] { display: flex; align-items: center; justify-content: space-between; gap: 8px; min-height: var(--_target); padding: 4px 10px; cursor: pointer; }
    [role='option']:hover, [aria-selected='true'] { background: var(--usp-color-highlight, #e8f0fb); }
    [aria-selected='true'] { outline: 2px solid var(--_accent); outline-offset: -2px; }
    .status:not(:empty) { margin-bottom: calc(var(--_gap) * 0.75); }
  `];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #save = new ActionController(this, 'phone', () => this.context);
  readonly #resend = new ActionController(this, 'phone', () => this.context);
  readonly #remove = new ActionController(this, 'phone-removal', () => this.context);

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  @state() private step: 'number' | 'code' | 'done' = 'number';
  @state() private country?: CountryCode;
  /** The number as shown (formatted as typed). */
  @state() private number = '';
  /** The country search text; undefined while not searching. */
  @state() private query?: string;
  @state() private open = false;
  /** Index of the highlighted option. */
  @state() private active = 0;
  @state() private fieldError = '';
  @state() private codeError = '';
  @state() private verification?: Verification;
  @state() private status = '';
  @state() private loadFailed = false;
  /** The number field was left or submitted once: its errors show from then on. */
  #touched = false;
  #focused = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!lib) this.#load();
  }

  protected override willUpdate(): void {
    if (lib && this.context && !this.country) this.country = this.#defaultCountry();
  }

  protected override updated(): void {
    // Opened by a button that is gone now: focus would be lost, so it goes to the number.
    if (this.#numberInput && !this.#focused) {
      this.#focused = true;
      const active = deepActiveElement();
      if (!active || active === document.body) this.#numberInput.focus();
    }
    if (this.open) this.renderRoot.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  }

  #load = () => {
    this.loadFailed = false;
    import('./phone-metadata.js').then((module) => {
      lib = module;
      this.requestUpdate();
    }, () => (this.loadFailed = true));
  };

  get #numberInput() {
    return this.renderRoot.querySelector<HTMLInputElement>('#number');
  }

  get #codeInput() {
    return this.renderRoot.querySelector<UspCodeInput>('usp-code-input');
  }

  get #t() {
    return this.context!.messages;
  }

  get #locale() {
    return safeLocale(this.context!.locale);
  }

  /** The host's country, else the locale's region, else the current phone's, else the locale's likely region. */
  #defaultCountry(): CountryCode {
    const { host, locale, profile } = this.context!;
    const known = lib!.getCountries();
    const current = profile?.phone && lib!.parsePhoneNumberFromString(profile.phone.number)?.country;
    return [host.defaultCountry?.toUpperCase(), regionOf(locale), current, regionOf(locale, true)]
      .find((id): id is CountryCode => known.includes(id as CountryCode)) ?? 'US';
  }

  #name(id?: string) {
    return countryList(this.#locale).find((c) => c.id === id)?.name ?? id ?? '';
  }

  /** A number for people: international format, else as stored. */
  #human(number = '') {
    return lib?.parsePhoneNumberFromString(number)?.formatInternational() ?? number;
  }

  #filtered(): Country[] {
    const all = countryList(this.#locale);
    const q = fold(this.query?.trim() ?? '').replace(/^\+/, '');
    if (!q) return all;
    const digits = /^\d+$/.test(q);
    const rank = (c: Country) => digits ? (c.code === q ? (c.main ? 0 : 1) : c.code.startsWith(q) ? 2 : 9)
      : c.id.toLowerCase() === q ? 0 : c.key.startsWith(q) ? 1 : c.key.includes(` ${q}`) ? 2 : c.key.includes(q) ? 3 : 9;
    return all.map((c) => [rank(c), c] as const).filter(([r]) => r < 9).sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  }

  /** The client-side verdict on the number: a message ('' when fine) and its E.164 form. */
  #check(): { message: string; e164?: string } {
    const t = this.#t;
    if (!/\d/.test(this.number)) return { message: t['phone.required'] };
    const parsed = lib!.parsePhoneNumberFromString(this.number, this.country);
    const reason = lib!.validatePhoneNumberLength(this.number, this.country);
    const message = reason === 'TOO_SHORT' ? t['phone.tooShort'] : reason === 'TOO_LONG' ? t['phone.tooLong']
      : reason === 'INVALID_COUNTRY' ? t['error.phone_invalid'] : !parsed?.isValid() ? t['phone.invalidFor']
      : parsed.number === this.context!.profile?.phone?.number ? t['phone.same'] : '';
    return { message: format(message, { country: this.#name(parsed?.country ?? this.country) }), e164: parsed?.number };
  }

  #close = () => this.dispatchEvent(new Event('usp-editor-close', { bubbles: true, composed: true }));

  // ——— country picker ———

  #openList() {
    this.open = true;
    this.active = Math.max(0, this.#filtered().findIndex((c) => c.id === this.country));
  }

  /** Closes the list and shows the chosen country again, selected so typing starts a new search. */
  async #closeList() {
    this.open = false;
    this.query = undefined;
    await this.updateComplete;
    const combo = this.renderRoot.querySelector<HTMLInputElement>('#country')!;
    if (this.shadowRoot!.activeElement === combo) combo.select();
  }

  #pick(id: CountryCode) {
    const changed = id !== this.country;
    this.country = id;
    void this.#closeList();
    if (!changed || !this.number) return;
    // The chosen country wins over a typed +code: keep the national part, format it for the new country.
    const national = this.number.trim().startsWith('+') ? lib!.parsePhoneNumberFromString(this.number)?.formatNational() : undefined;
    this.number = new lib!.AsYouType(id).input(national ?? this.number);
    this.#revalidate();
  }

  #onComboInput = (event: InputEvent) => {
    this.query = (event.target as HTMLInputElement).value;
    this.open = true;
    this.active = 0;
  };

  #onComboKeydown = (event: KeyboardEvent) => {
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
  };

  /** Leaving the picker after typing takes the highlighted match (automatic selection). */
  #onComboBlur = () => {
    const match = this.open && this.query ? this.#filtered()[this.active] : undefined;
    if (match) this.#pick(match.id);
    else void this.#closeList();
  };

  #onOptionClick = (event: Event) => {
    const id = (event.target as Element).closest('[role=option]')?.id.slice(2);
    if (id) this.#pick(id as CountryCode);
  };

  // ——— number ———

  #onNumberInput = (event: InputEvent) => {
    const input = event.target as HTMLInputElement;
    let text = input.value;
    // Format only while typing at the end, and never on deletion (so a space or bracket can be deleted).
    if (!event.inputType?.startsWith('delete') && input.selectionEnd === text.length) {
      const typer = new lib!.AsYouType(this.country);
      text = input.value = typer.input(text);
      // A number typed or pasted with its country code (+44…, 0044…) picks its country.
      const country = typer.getCountry();
      if (country && /^\s*(\+|00)/.test(text)) this.country = country;
    }
    this.number = text;
    this.#revalidate();
  };

  #onNumberBlur = () => {
    if (!this.number.trim()) return;
    this.#touched = true;
    this.fieldError = this.#check().message;
  };

  /** Once errors show, they follow the edits; a server verdict on the number goes away. */
  #revalidate() {
    if (isPhoneError(this.#save.error)) this.#save.clear();
    if (this.#touched) this.fieldError = this.#check().message;
  }

  // ——— requests ———

  #onSend = async (event: Event) => {
    event.preventDefault();
    const ctx = this.context!;
    this.#touched = true;
    const { message, e164 } = this.#check();
    this.fieldError = message;
    if (message || !e164) return this.#numberInput?.focus();
    const result = await this.#save.run((options) => ctx.backend.startPhoneVerification({ phone: e164 }, options));
    if (!result) {
      if (isPhoneError(this.#save.error)) this.#numberInput?.focus();
      return;
    }
    this.verification = result.value;
    this.step = 'code';
    await this.updateComplete;
    this.#codeInput?.focus();
  };

  #verify = async (code: string) => {
    const ctx = this.context!;
    const verificationId = this.verification!.verificationId;
    this.codeError = code.length === 6 ? '' : this.#t['code.hint'];
    if (this.codeError) return this.#codeInput?.focus();
    const result = await this.#save.run((options) => ctx.backend.confirmPhone({ verificationId, code }, options));
    // The code is a secret: gone from the DOM once used (or refused).
    if (result || isCodeError(this.#save.error)) this.#codeInput?.clear();
    if (result) return this.#done(result.value, 'phone', format(this.#t['phone.saved'], { number: this.#human(result.value.phone?.number) }));
    this.#codeInput?.focus();
  };

  #onResend = async () => {
    const ctx = this.context!;
    const verification = this.verification!;
    this.status = '';
    const result = await this.#resend.run((options) => ctx.backend.resendVerification(verification.verificationId, options));
    if (result) {
      this.verification = result.value;
      this.#save.clear();
      this.status = this.#t['phone.resent'];
    } else if (this.#resend.error?.code === 'rate_limited') {
      // The resend button counts down to when the server allows it again.
      this.verification = { ...verification, resendAvailableAt: new Date(Date.now() + this.#resend.rateLimit.remaining * 1000).toISOString() };
    }
  };

  #onBack = async () => {
    this.step = 'number';
    this.verification = undefined;
    this.codeError = this.status = '';
    this.#save.clear();
    this.#resend.clear();
    await this.updateComplete;
    this.#numberInput?.focus();
  };

  #onRemove = async () => {
    const ctx = this.context!;
    const t = this.#t;
    this.#remove.clear();
    const confirmed = await confirmAction(this, {
      title: t['phone.removeTitle'],
      body: format(t['phone.removeBody'], { number: this.#human(ctx.profile?.phone?.number) }),
      confirmLabel: t['phone.removeConfirm'],
      danger: true,
    });
    if (!confirmed) return;
    const result = await this.#remove.run((options) => ctx.backend.removePhone(options));
    if (result) this.#done(result.value, 'phone-removal', t['phone.removed']);
  };

  async #done(profile: Profile, capability: Capability, message: string) {
    this.context!.applyProfile(profile);
    this.dispatchEvent(new UserSettingsChangedEvent(capability, profile));
    this.verification = undefined;
    this.step = 'done';
    this.status = message;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  // ——— render ———

  /** A submit button that says how long a rate limit still lasts instead of going dead. */
  #submit(label: string, action: ActionController) {
    const wait = action.rateLimit.remaining;
    const seconds = wait ? new Intl.NumberFormat(this.#locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(wait) : '';
    return html`<button class="primary" aria-disabled=${action.blocked ? 'true' : 'false'}>${label}${seconds ? ` (${seconds})` : ''}</button>`;
  }

  #alert(...errors: (UserSettingsError | undefined)[]) {
    const error = errors.find(Boolean);
    if (!error) return nothing;
    const text = error.code === 'last_login_method' ? this.#t['phone.lastLoginMethod'] : errorMessage(this.#t, error);
    return html`<p class="error" role="alert" part="error">${text}</p>`;
  }

  protected override render() {
    if (!this.context) return nothing;
    const t = this.#t;
    if (this.loadFailed) {
      return html`<div class="stack">
        <p class="error" role="alert">${t['error.network']}</p>
        <div class="row"><button class="primary" @click=${this.#load}>${t['panel.retry']}</button>
        <button @click=${this.#close}>${t['action.cancel']}</button></div>
      </div>`;
    }
    if (!lib || !this.country) return html`<p role="status">${t['panel.loading']}</p>`;
    // "Sending a code…" only while the request is on its way, not while the user re-verifies.
    const sending = this.step === 'number' && this.#save.saving;
    return html`<p class="status" role="status">${sending ? t['phone.sending'] : this.status}</p>${this.step === 'number' ? this.#renderNumber()
      : this.step === 'code' ? this.#renderCode()
      : html`<button id="done" class="primary" @click=${this.#close}>${t['action.done']}</button>`}`;
  }

  #renderNumber() {
    const t = this.#t;
    const phone = this.context!.profile?.phone;
    const list = this.open ? this.#filtered() : [];
    const active = list[this.active];
    const selected = countryList(this.#locale).find((c) => c.id === this.country);
    const saveError = this.#save.error;
    const fieldError = this.fieldError || (isPhoneError(saveError) ? errorMessage(t, saveError!) : '');
    return html`<form novalidate class="stack" @submit=${this.#onSend}>
      ${phone ? nothing : html`<p>${t['phone.invite']}</p>`}
      <div class="field combo">
        <label for="country">${t['phone.country']}</label>
        <span id="country-hint" class="hint">${t['phone.countryHint']}</span>
        <input id="country" role="combobox" autocomplete="off" spellcheck="false" part="country"
          aria-autocomplete="list" aria-controls="countries" aria-expanded=${this.open ? 'true' : 'false'}
          aria-describedby="country-hint" aria-activedescendant=${active ? `c-${active.id}` : nothing}
          .value=${this.query ?? (selected ? `${selected.name} (\u200e+${selected.code})` : '')}
          @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
          @click=${() => (this.open ? void this.#closeList() : this.#openList())}
          @input=${this.#onComboInput} @keydown=${this.#onComboKeydown} @blur=${this.#onComboBlur}>
        <div id="countries" role="listbox" aria-label=${t['phone.country']} ?hidden=${!list.length}
          @mousedown=${(e: Event) => e.preventDefault()} @click=${this.#onOptionClick}>
          ${list.map((c, i) => html`<div id="c-${c.id}" role="option" aria-selected=${i === this.active ? 'true' : 'false'}>
            <span>${c.name}</span><span class="muted" dir="ltr">+${c.code}</span></div>`)}
        </div>
        <p class="hint" role="status">${this.open && !list.length ? t['phone.noMatch'] : ''}</p>
      </div>
      <div class="field">
        <label for="number">${phone ? t['phone.newNumber'] : t['phone.number']}</label>
        <span id="number-hint" class="hint">${t['phone.numberHint']}</span>
        <input id="number" type="tel" inputmode="tel" autocomplete="tel" dir="ltr" part="number"
          aria-invalid=${fieldError ? 'true' : 'false'} aria-describedby=${fieldError ? 'number-hint number-error' : 'number-hint'}
          .value=${this.number} @input=${this.#onNumberInput} @blur=${this.#onNumberBlur}>
        ${fieldError ? html`<p id="number-error" class="error" role="alert">${fieldError}</p>` : nothing}
      </div>
      ${this.#alert(isPhoneError(saveError) ? undefined : saveError, this.#remove.error)}
      <div class="row">
        ${this.#submit(t['phone.sendCode'], this.#save)}
        <button type="button" @click=${this.#close}>${t['action.cancel']}</button>
        ${phone ? html`<button type="button" class="danger" part="remove" @click=${this.#onRemove}>${t['phone.remove']}</button>` : nothing}
      </div>
    </form>`;
  }

  #renderCode() {
    const t = this.#t;
    const error = this.#save.error;
    const codeError = this.codeError || (isCodeError(error) ? errorMessage(t, error!) : '');
    return html`<form novalidate class="stack" @submit=${(e: Event) => {
      e.preventDefault();
      void this.#verify(this.#codeInput?.value ?? '');
    }}>
      <usp-code-input .verification=${this.verification} .error=${codeError}
        @usp-code-complete=${(e: CustomEvent<{ code: string }>) => this.#verify(e.detail.code)}
        @usp-code-resend=${this.#onResend}></usp-code-input>
      ${this.#alert(isCodeError(error) ? undefined : error, this.#resend.error)}
      <div class="row">
        ${this.#submit(t['code.verify'], this.#save)}
        <button type="button" @click=${this.#onBack}>${t['phone.otherNumber']}</button>
        <button type="button" @click=${this.#close}>${t['action.cancel']}</button>
      </div>
    </form>`;
  }
}

defineElement('usp-phone-editor', UspPhoneEditor);

declare global {
  interface HTMLElementTagNameMap {
    'usp-phone-editor': UspPhoneEditor;
  }
}
