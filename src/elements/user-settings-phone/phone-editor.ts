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
import { countryList } from './countries.js';
import { load as loadPlans } from './phone-zones.js';
import './country-combobox.js';
import type { UspCountryCombobox } from './country-combobox.js';
import { countryComboboxStyles } from './country-combobox.styles.js';
import type { CountryCode } from './phone-metadata.js';
import { EditorCloseEvent } from '../../events/internal-events.js';

/** The phone-number library, once its lazily loaded chunk has arrived. */
let lib: typeof import('./phone-metadata.js') | undefined;

const safeLocale = (locale: string) => {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
};
/** The locale's region (or, `likely`, its most likely one); an invalid locale reads as 'en'. */
const regionOf = (locale: string, likely?: boolean) => {
  const parsed = new Intl.Locale(safeLocale(locale));
  return (likely ? parsed.maximize() : parsed).region;
};
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
  static override styles = [sharedStyles, countryComboboxStyles, css`
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
  @state() private codeError = '';
  @state() private verification?: Verification;
  @state() private status = '';
  @state() private loadFailed = false;
  /** The number field was left or submitted once: its errors show, following the edits, from then on. */
  @state() private touched = false;
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
  }

  #load() {
    this.loadFailed = false;
    // The library and the numbering plans of the countries the editor may start with, in parallel.
    const ctx = this.context;
    const plans = ctx && loadPlans(ctx.host.defaultCountry, regionOf(ctx.locale), ctx.profile?.phone?.number, regionOf(ctx.locale, true));
    Promise.all([import('./phone-metadata.js'), plans]).then(([module]) => {
      lib = module;
      this.requestUpdate();
    }, () => (this.loadFailed = true));
  }

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

  /** A number for people: international format, else as stored. */
  #human(number = '') {
    return lib!.parsePhoneNumberFromString(number)?.formatInternational() ?? number;
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
    const country = parsed?.country ?? this.country!;
    const name = countryList(lib!, this.#locale).find((c) => c.id === country)?.name ?? country;
    return { message: format(message, { country: name }), e164: parsed?.number };
  }

  /** An edit: a server verdict on the number goes away. */
  #clearPhoneError() {
    if (isPhoneError(this.#save.error)) this.#save.clear();
  }

  // Handlers are plain methods: lit calls event listeners with the element as `this`.
  #close() {
    this.dispatchEvent(new EditorCloseEvent());
  }

  // ——— country ———

  /** The user picked another country in `<usp-country-combobox>`. */
  async #onCountryChange(event: Event) {
    this.country = (event.target as UspCountryCombobox).value;
    const plans = lib!.load(this.country);
    void plans.then(() => this.requestUpdate(), () => undefined);
    if (!this.number) return;
    await plans.catch(() => undefined);
    // The chosen country wins over a typed +code: keep the national part, format it for the new country.
    const national = this.number.trim().startsWith('+') ? lib!.parsePhoneNumberFromString(this.number)?.formatNational() : undefined;
    this.number = new lib!.AsYouType(this.country).input(national ?? this.number);
    this.#clearPhoneError();
  }

  // ——— number ———

  #onNumberInput(event: InputEvent) {
    const input = event.target as HTMLInputElement;
    let text = input.value;
    // Format only while typing at the end, and never on deletion (so a space or bracket can be deleted).
    if (!event.inputType?.startsWith('delete') && input.selectionEnd === text.length) {
      const typer = new lib!.AsYouType(this.country);
      text = input.value = typer.input(text);
      // A number typed or pasted with its country code (+44…, 0044…) picks its country.
      const country = typer.getCountry();
      if (country && /^\s*(\+|00)/.test(text)) this.country = country;
      // Typed before the plans of its +code or of the country are in: format again once they are, if nothing changed.
      if (!lib!.isLoaded(text) || !lib!.isLoaded(this.country!)) {
        void lib!.load(text, this.country).then(() => input.value === text && this.#onNumberInput(event), () => undefined);
      }
    }
    this.number = text;
    this.#clearPhoneError();
  }

  #onNumberBlur() {
    if (this.number.trim()) this.touched = true;
  }

  // ——— requests ———

  async #onSend(event: Event) {
    event.preventDefault();
    const ctx = this.context!;
    this.touched = true;
    // A number pasted with a +code and sent at once: its zone's plans first, then the verdict.
    await lib!.load(this.number, this.country).catch(() => undefined);
    const { message, e164 } = this.#check();
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
  }

  async #verify(code: string) {
    const ctx = this.context!;
    const verificationId = this.verification!.verificationId;
    this.codeError = code.length === 6 ? '' : this.#t['code.hint'];
    if (this.codeError) return this.#codeInput?.focus();
    const result = await this.#save.run((options) => ctx.backend.confirmPhone({ verificationId, code }, options));
    // The code is a secret: gone from the DOM once used (or refused).
    if (result || isCodeError(this.#save.error)) this.#codeInput?.clear();
    if (result) return this.#done(result.value, 'phone', format(this.#t['phone.saved'], { number: this.#human(result.value.phone?.number) }));
    this.#codeInput?.focus();
  }

  async #onResend() {
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
  }

  async #onBack() {
    this.step = 'number';
    this.codeError = this.status = '';
    this.#save.clear();
    this.#resend.clear();
    await this.updateComplete;
    this.#numberInput?.focus();
  }

  async #onRemove() {
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
  }

  async #done(profile: Profile, capability: Capability, message: string) {
    this.context!.applyProfile(profile);
    this.dispatchEvent(new UserSettingsChangedEvent(capability, profile));
    this.step = 'done';
    this.status = message;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  // ——— render ———

  /** A submit button that says how long a rate limit still lasts instead of going dead. */
  #submit(label: string) {
    const wait = this.#save.rateLimit.remaining;
    return html`<button class="primary" aria-disabled=${this.#save.blocked ? 'true' : 'false'}>${label}${wait
      ? ` (${new Intl.NumberFormat(this.#locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(wait)})` : ''}</button>`;
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
    const saveError = this.#save.error;
    const fieldError = (this.touched && this.#check().message) || (isPhoneError(saveError) ? errorMessage(t, saveError!) : '');
    return html`<form novalidate class="stack" @submit=${this.#onSend}>
      ${phone ? nothing : html`<p>${t['phone.invite']}</p>`}
      <usp-country-combobox .value=${this.country} .countries=${countryList(lib!, this.#locale)} .messages=${t}
        @change=${this.#onCountryChange}></usp-country-combobox>
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
        ${this.#submit(t['phone.sendCode'])}
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
        ${this.#submit(t['code.verify'])}
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
