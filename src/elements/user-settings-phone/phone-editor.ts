import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { UserSettingsError } from '../../api/errors.js';
import type { Profile, Verification } from '../../api/schemas.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { ActionController, requestIdentity } from '../../controllers/action-controller.js';
import { FormStateController } from '../../controllers/form-state-controller.js';
import { type Capability, UserSettingsChangedEvent } from '../../events/events.js';
import { EditorCloseEvent } from '../../events/internal-events.js';
import { errorMessage } from '../../i18n/error-message.js';
import { formatParts, ltr } from '../../i18n/format-parts.js';
import { format } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { CODE_LENGTH, isCodeRejection } from '../shared/code.js';
import '../shared/code-input.js';
import type { UspCodeInput } from '../shared/code-input.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { renderAlert, renderField, renderStatus } from '../shared/fields.js';
import { deepActiveElement } from '../../utils/focus.js';
import { countryList } from './countries.js';
import { load as loadPlans } from './phone-zones.js';
import './country-combobox.js';
import type { UspCountryCombobox } from './country-combobox.js';
import { countryComboboxStyles } from './country-combobox.styles.js';
import type { CountryCode } from './phone-metadata.js';

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

type Field = 'number' | 'code';

/** The field a server error is about. */
function fieldOf(error: UserSettingsError): Field | undefined {
  if (error.field === 'phone' || error.code.startsWith('phone_')) return 'number';
  return isCodeRejection(error) ? 'code' : undefined;
}

/**
 * @summary Adds, changes or removes the sign-in phone number: country picker, number formatted as
 * typed and checked before sending, then the SMS code. Loaded when `<user-settings-phone>` opens.
 * @fires usp-changed - The phone was added or changed (`phone`) or removed (`phone-removal`).
 * @fires usp-failed - A request failed.
 * @csspart number - The phone number field.
 * @csspart remove - The button that removes the phone number.
 * @csspart status - The live region that says "Sending a code…" and the outcome.
 * @csspart error - A failure that is not about one field.
 */
export class UspPhoneEditor extends LitElement {
  static override styles = [sharedStyles, countryComboboxStyles, css`
    .status:not(:empty) { margin-bottom: calc(var(--_gap) * 0.75); }
  `];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #save = new ActionController(this, 'phone', () => this.context);
  readonly #resend = new ActionController(this, 'phone', () => this.context);
  readonly #remove = new ActionController(this, 'phone-removal', () => this.context);
  readonly #form = new FormStateController<Field>(this, { number: '', code: '' }, {
    fields: ['number', 'code'],
    validate: (values) => this.#validate(values),
    fieldOf,
    // A code the server refused is of no more use; one that met a network failure is kept for the retry.
    clearWhenRejected: ['code'],
  });

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  @state() private step: 'number' | 'code' | 'done' = 'number';
  @state() private country?: CountryCode;
  @state() private verification?: Verification;
  @state() private status: string | TemplateResult = '';
  @state() private loadFailed = false;
  /** The numbering plans for the typed number could not be downloaded (so no verdict on it). */
  @state() private plansError?: UserSettingsError;
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

  /** What the user did wrong, by field (before any request). */
  #validate({ number, code }: Readonly<Record<Field, string>>): Partial<Record<Field, string>> {
    return { number: this.#numberProblem(number), code: code.length < CODE_LENGTH ? this.#t['code.hint'] : undefined };
  }

  /** The client-side verdict on a number for the chosen country ('' when fine). */
  #numberProblem(number: string): string {
    const t = this.#t;
    if (!/\d/.test(number)) return t['phone.required'];
    const parsed = lib!.parsePhoneNumberFromString(number, this.country);
    const reason = lib!.validatePhoneNumberLength(number, this.country);
    const message = reason === 'TOO_SHORT' ? t['phone.tooShort'] : reason === 'TOO_LONG' ? t['phone.tooLong']
      : reason === 'INVALID_COUNTRY' ? t['error.phone_invalid'] : !parsed?.isValid() ? t['phone.invalidFor']
      : parsed.number === this.context!.profile?.phone?.number ? t['phone.same'] : '';
    const country = parsed?.country ?? this.country!;
    const name = countryList(lib!, this.#locale).find((c) => c.id === country)?.name ?? country;
    return format(message, { country: name });
  }

  /** The number in E.164, for the request. */
  #e164(): string | undefined {
    return lib!.parsePhoneNumberFromString(this.#form.values.number, this.country)?.number;
  }

  #describe(error: UserSettingsError): string {
    return errorMessage(this.#t, error);
  }

  #onClose() {
    this.dispatchEvent(new EditorCloseEvent());
  }

  // ——— country ———

  /** The user picked another country in `<usp-country-combobox>`. */
  async #onCountryChange(event: Event) {
    this.country = (event.target as UspCountryCombobox).value;
    const plans = lib!.load(this.country);
    void plans.then(() => this.requestUpdate(), () => undefined);
    if (!this.#form.values.number) return;
    await plans.catch(() => undefined);
    const number = this.#form.values.number; // as it is now, after waiting for the plans
    // The chosen country wins over a typed +code: keep the national part, format it for the new country.
    const national = number.trim().startsWith('+') ? lib!.parsePhoneNumberFromString(number)?.formatNational() : undefined;
    this.#form.set('number', new lib!.AsYouType(this.country).input(national ?? number));
  }

  // ——— number ———

  #onNumberInput(value: string, event: InputEvent) {
    const input = event.target as HTMLInputElement;
    let text = value;
    // Format only while typing at the end, and never on deletion (so a space or bracket can be deleted).
    if (!event.inputType?.startsWith('delete') && input.selectionEnd === text.length) {
      const typer = new lib!.AsYouType(this.country);
      text = input.value = typer.input(text);
      // A number typed or pasted with its country code (+44…, 0044…) picks its country.
      const country = typer.getCountry();
      if (country && /^\s*(\+|00)/.test(text)) this.country = country;
      // Typed before the plans of its +code or of the country are in: format again once they are, if nothing changed.
      if (!lib!.isLoaded(text) || !lib!.isLoaded(this.country!)) {
        void lib!.load(text, this.country).then(() => input.value === text && this.#onNumberInput(text, event), () => undefined);
      }
    }
    this.#form.set('number', text);
  }

  #onNumberBlur() {
    this.#form.touch('number');
  }

  #onCodeInput() {
    this.#form.set('code', this.#codeInput?.value ?? '');
  }

  // ——— requests ———

  async #onSend(event: Event) {
    event.preventDefault();
    const ctx = this.context!;
    if (this.#save.blocked) return;
    this.#remove.clear();
    // A number pasted with a +code and sent at once: its zone's plans first, then the verdict.
    // Without them there is no verdict: say the connection failed (Send code tries again), not
    // that the number is invalid.
    this.plansError = await lib!.load(this.#form.values.number, this.country).then(
      () => undefined,
      () => new UserSettingsError({ kind: 'network' }),
    );
    if (this.plansError || !this.#form.submit(['number'])) return;
    const phone = this.#e164()!;
    const result = await this.#save.run((options) => ctx.backend.startPhoneVerification({ phone }, options), requestIdentity('phone/verifications', { phone }));
    if (!result) {
      if (this.#save.error) this.#form.reject(this.#save.error);
      return;
    }
    this.verification = result.value;
    this.#form.reset(['code']);
    this.step = 'code';
    void this.#form.focus('code');
  }

  async #onVerify(event?: Event) {
    event?.preventDefault();
    const ctx = this.context!;
    const { verificationId } = this.verification!;
    if (this.#save.blocked) return;
    this.#form.set('code', this.#codeInput?.value ?? '');
    if (!this.#form.submit(['code'])) return;
    const { code } = this.#form.values;
    const result = await this.#save.run((options) => ctx.backend.confirmPhone({ verificationId, code }, options), requestIdentity('phone/confirm', { verificationId, code }));
    if (result) {
      // The code is a secret: gone from the DOM once used.
      this.#codeInput?.clear();
      return this.#done(result.value, 'phone', formatParts(this.#t['phone.saved'], { number: ltr(this.#human(result.value.phone?.number)) }));
    }
    const error = this.#save.error;
    if (error && this.#form.reject(error) === 'code') this.#codeInput?.clear();
    else this.#codeInput?.focus();
  }

  async #onResend() {
    const ctx = this.context!;
    const verification = this.verification!;
    this.status = '';
    const result = await this.#resend.run((options) => ctx.backend.resendVerification(verification.verificationId, options), requestIdentity(`verifications/${verification.verificationId}/resend`));
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
    this.status = '';
    this.#form.reset(['code']);
    this.#save.clear();
    this.#resend.clear();
    void this.#form.focus('number');
  }

  async #onRemove() {
    const ctx = this.context!;
    const t = this.#t;
    // The newest failure is the one shown: an older send failure gives way (a rate limit keeps counting down).
    this.#remove.clear();
    this.plansError = undefined;
    if (this.#save.error?.code !== 'rate_limited') this.#save.clear();
    // The number is shown formatted: its zone's plans first (loaded with the editor as a rule).
    await lib!.load(ctx.profile?.phone?.number).catch(() => undefined);
    const confirmed = await confirmAction(this, {
      title: t['phone.removeTitle'],
      body: formatParts(t['phone.removeBody'], { number: ltr(this.#human(ctx.profile?.phone?.number)) }),
      confirmLabel: t['phone.removeConfirm'],
      danger: true,
    });
    if (!confirmed) return;
    const result = await this.#remove.run((options) => ctx.backend.removePhone(options), requestIdentity('phone/remove'));
    if (result) this.#done(result.value, 'phone-removal', t['phone.removed']);
  }

  async #done(profile: Profile, capability: Capability, message: string | TemplateResult) {
    this.context!.applyProfile(profile);
    this.dispatchEvent(new UserSettingsChangedEvent(capability, profile));
    this.step = 'done';
    this.status = message;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  // ——— render ———

  /** The step's submit button; during a rate limit it says how long is left instead of going dead. */
  #renderSubmitButton(label: string) {
    const wait = this.#save.rateLimit.remaining;
    return html`<button class="primary" aria-disabled=${this.#save.blocked ? 'true' : 'false'}>${label}${wait
      ? ` (${new Intl.NumberFormat(this.#locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(wait)})` : ''}</button>`;
  }

  /**
   * The first of `errors` (newest first) that the field on screen (`shown`) does not show, in this
   * editor's words: e.g. \`phone_taken\` at the code step, whose number field is not there.
   */
  #renderGeneralError(shown: Field, ...errors: (UserSettingsError | undefined)[]) {
    const error = errors.find((e) => e && this.#form.fieldOf(e) !== shown);
    if (!error) return nothing;
    return renderAlert(error.code === 'last_login_method' ? this.#t['phone.lastLoginMethod'] : errorMessage(this.#t, error));
  }

  /** A resend failure is never put on the code field: it shows as an alert. */
  #renderResendError(error: UserSettingsError) {
    return renderAlert(error.code === 'rate_limited' ? this.#resend.message() : errorMessage(this.#t, error));
  }

  protected override render() {
    if (!this.context) return nothing;
    const t = this.#t;
    if (this.loadFailed) {
      return html`<div class="stack">
        ${renderAlert(t['error.network'])}
        <div class="actions"><button class="primary" @click=${this.#load}>${t['panel.retry']}</button>
        <button @click=${this.#onClose}>${t['action.cancel']}</button></div>
      </div>`;
    }
    if (!lib || !this.country) return renderStatus(t['panel.loading']);
    // "Sending a code…" only while the request is on its way, not while the user re-verifies.
    const sending = this.step === 'number' && this.#save.saving;
    return html`${renderStatus(sending ? t['phone.sending'] : this.status)}${this.step === 'number' ? this.#renderNumber()
      : this.step === 'code' ? this.#renderCode()
      : html`<button id="done" class="primary" @click=${this.#onClose}>${t['action.done']}</button>`}`;
  }

  #renderNumber() {
    const t = this.#t;
    const phone = this.context!.profile?.phone;
    return html`<form novalidate class="stack" @submit=${this.#onSend}>
      ${phone ? nothing : html`<p>${t['phone.invite']}</p>`}
      <usp-country-combobox .value=${this.country} .countries=${countryList(lib!, this.#locale)} .messages=${t}
        @change=${this.#onCountryChange}></usp-country-combobox>
      ${renderField({
        id: 'number', type: 'tel', part: 'number', autocomplete: 'tel', value: this.#form.values.number,
        label: phone ? t['phone.newNumber'] : t['phone.number'], hint: t['phone.numberHint'],
        error: this.#form.errorText('number', (e) => this.#describe(e)),
        onInput: (value, event) => this.#onNumberInput(value, event),
        onBlur: () => this.#onNumberBlur(),
      })}
      ${this.#renderGeneralError('number', this.plansError, this.#remove.error, this.#save.error)}
      <div class="actions">
        ${this.#renderSubmitButton(t['phone.sendCode'])}
        <button type="button" @click=${this.#onClose}>${t['action.cancel']}</button>
        ${phone ? html`<button type="button" class="danger" part="remove" @click=${this.#onRemove}>${t['phone.remove']}</button>` : nothing}
      </div>
    </form>`;
  }

  #renderCode() {
    const t = this.#t;
    return html`<form novalidate class="stack" @submit=${this.#onVerify}>
      <usp-code-input id="code" .verification=${this.verification} .error=${this.#form.errorText('code', (e) => this.#describe(e))}
        ?disabled=${this.#save.pending} @usp-code-complete=${this.#onVerify} @usp-code-resend=${this.#onResend}
        @input=${this.#onCodeInput}></usp-code-input>
      ${this.#resend.error ? this.#renderResendError(this.#resend.error) : this.#renderGeneralError('code', this.#save.error)}
      <div class="actions">
        ${this.#renderSubmitButton(t['code.verify'])}
        <button type="button" @click=${this.#onBack}>${t['phone.otherNumber']}</button>
        <button type="button" @click=${this.#onClose}>${t['action.cancel']}</button>
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
