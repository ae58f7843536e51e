import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { UserSettingsError } from '../../api/errors.js';
import type { ReauthMethod, Verification } from '../../api/schemas.js';
import type { SettingsContext } from '../../context/settings-context.js';
import { ActionController, requestIdentity } from '../../controllers/action-controller.js';
import { FormStateController } from '../../controllers/form-state-controller.js';
import { errorMessage } from '../../i18n/error-message.js';
import type { Messages } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { CODE_LENGTH, isCodeRejection } from '../shared/code.js';
import '../shared/code-input.js';
import type { UspCodeInput } from '../shared/code-input.js';
import { dialogStyles } from '../shared/dialog.js';
import { fieldStyles, renderAlert, renderField } from '../shared/fields.js';

type Field = 'password' | 'code';

/**
 * @summary Re-verification (step-up): asks the user to prove it is them with one of the methods
 * the server listed (password, or a code sent to the current email or phone) and gets a
 * `reauthToken`. Opened by `requestReauth()`; closes with `token` set on success.
 * @csspart dialog - The re-verification dialog.
 */
export class UspReauthDialog extends LitElement {
  static override styles = [sharedStyles, fieldStyles, dialogStyles];

  readonly #action = new ActionController(this, 'reauth', () => this.context);
  /** Resending has its own limits: a rate-limited resend never blocks confirming a code the user has. */
  readonly #resend = new ActionController(this, 'reauth', () => this.context);
  readonly #form = new FormStateController<Field>(this, { password: '', code: '' }, {
    fields: ['password', 'code'],
    validate: (values) => this.#validate(values),
    fieldOf: (error) => this.#fieldOf(error),
    // Cleared only when the server refuses that very value; kept through network and server failures.
    clearWhenRejected: ['password', 'code'],
  });

  @query('dialog') private dialog!: HTMLDialogElement;

  /** The settings of the editor that asked (backend, messages). */
  @property({ attribute: false }) context?: SettingsContext;
  /** The methods the server offered, in its order. */
  @property({ attribute: false }) methods: ReauthMethod[] = [];
  /** The token, once the user proved it is them. */
  token?: string;

  @state() private method?: ReauthMethod;
  @state() private shown = false;
  /** The code that was sent, for the code methods. */
  @state() private verification?: Verification;

  protected override willUpdate(): void {
    if (!this.method || !this.methods.includes(this.method)) this.method = this.methods[0];
  }

  get #codeInput(): UspCodeInput | null {
    return this.renderRoot.querySelector('usp-code-input');
  }

  #validate({ password, code }: Readonly<Record<Field, string>>): Partial<Record<Field, string>> {
    const t = this.context!.messages;
    return {
      password: password ? undefined : t['reauth.passwordRequired'],
      code: code.length < CODE_LENGTH ? t['code.hint'] : undefined,
    };
  }

  /** The field a server error is about: the refused password or code (`reauth_invalid` is about either). */
  #fieldOf(error: UserSettingsError): Field | undefined {
    if (error.field === 'password') return 'password';
    if (error.code === 'reauth_invalid') return this.method === 'password' ? 'password' : 'code';
    return isCodeRejection(error) ? 'code' : undefined;
  }

  #describe(error: UserSettingsError): string {
    return errorMessage(this.context!.messages, error);
  }

  #choose(method: ReauthMethod): void {
    this.method = method;
    this.verification = undefined;
    this.#form.reset();
    this.#action.clear();
    this.#resend.clear();
  }

  async #onSubmit(event?: Event): Promise<void> {
    event?.preventDefault();
    const { method } = this;
    if (!method || !this.context || this.#action.blocked) return;
    this.#clearFailure(this.#resend);
    if (method === 'password') return this.#confirmPassword();
    if (!this.verification) return this.#sendCode(method);
    return this.#confirmCode(method, this.verification);
  }

  async #confirmPassword(): Promise<void> {
    const { backend } = this.context!;
    if (!this.#form.submit(['password'])) return;
    const { password } = this.#form.values;
    const result = await this.#action.run((options) => backend.reauth({ method: 'password', password }, options), requestIdentity('reauth', { method: 'password', password }));
    this.#settle(result);
  }

  async #sendCode(method: Exclude<ReauthMethod, 'password'>): Promise<void> {
    const { backend } = this.context!;
    const result = await this.#action.run((options) => backend.startReauthChallenge({ method }, options), requestIdentity('reauth/challenges', { method }));
    if (!result) return;
    this.verification = result.value;
    void this.#form.focus('code');
  }

  async #confirmCode(method: Exclude<ReauthMethod, 'password'>, { verificationId }: Verification): Promise<void> {
    const { backend } = this.context!;
    this.#form.set('code', this.#codeInput?.value ?? '');
    if (!this.#form.submit(['code'])) return;
    const { code } = this.#form.values;
    const result = await this.#action.run((options) => backend.reauth({ method, verificationId, code }, options), requestIdentity('reauth', { method, verificationId, code }));
    if (result || this.#form.fieldOf(this.#action.error) === 'code') this.#codeInput?.clear();
    this.#settle(result);
  }

  /** Closes with the token, or puts a refused value's error on its field. */
  #settle(result: { value: { reauthToken: string } } | undefined): void {
    if (result) {
      this.token = result.value.reauthToken;
      this.dialog.close('ok');
    } else if (this.#action.error) {
      this.#form.reject(this.#action.error);
    }
  }

  async #onResend(): Promise<void> {
    const { verification, context } = this;
    if (!verification || !context) return;
    this.#clearFailure(this.#action);
    const result = await this.#resend.run((options) => context.backend.resendVerification(verification.verificationId, options), requestIdentity(`verifications/${verification.verificationId}/resend`));
    if (result) this.verification = result.value;
    else if (this.#resend.error?.code === 'rate_limited') {
      // The resend button counts down to when the server allows it again.
      this.verification = { ...verification, resendAvailableAt: new Date(Date.now() + this.#resend.rateLimit.remaining * 1000).toISOString() };
    }
  }

  #onPasswordInput(value: string): void {
    this.#form.set('password', value);
    this.#clearGeneralError();
  }

  #onCodeInput(): void {
    this.#form.set('code', this.#codeInput?.value ?? '');
    this.#clearGeneralError();
  }

  /** Typing hides the last failure (a rate limit keeps counting down). */
  #clearGeneralError(): void {
    this.#clearFailure(this.#action);
    this.#clearFailure(this.#resend);
  }

  /** Hides a failure that is no longer the latest news (a rate limit keeps counting down). */
  #clearFailure(action: ActionController): void {
    if (action.error?.code !== 'rate_limited') action.clear();
  }

  #onToggleShown(): void {
    this.shown = !this.shown;
  }

  #onCancel(): void {
    this.dialog.close();
  }

  /** The field on screen now: the password, the code once sent, or none (before a code is sent). */
  get #shownField(): Field | undefined {
    if (this.method === 'password') return 'password';
    return this.verification ? 'code' : undefined;
  }

  /**
   * The newest failure that no field on screen shows: a resend's (never put on a field), or a
   * submit's unless it is about the field shown now (sending a code has no field to show it at).
   */
  #generalError(): string {
    if (this.#resend.error) return this.#resend.message();
    const error = this.#action.error;
    const field = error && this.#form.fieldOf(error);
    return error && (!field || field !== this.#shownField) ? this.#action.message() : '';
  }

  #renderMethodChoice(t: Messages) {
    if (this.methods.length < 2) return nothing;
    return html`<fieldset>
      <legend>${t['reauth.methods']}</legend>
      ${this.methods.map((m) => html`<label class="check"><input type="radio" name="method" .checked=${m === this.method}
        @change=${() => this.#choose(m)}>${t[`reauth.method.${m}`]}</label>`)}
    </fieldset>`;
  }

  #renderPassword(t: Messages) {
    return html`${renderField({
      id: 'password', type: 'password', label: t['reauth.password'], value: this.#form.values.password,
      autocomplete: 'current-password', shown: this.shown, messages: t, autofocus: true,
      error: this.#form.errorText('password', (e) => this.#describe(e)),
      onToggle: () => this.#onToggleShown(),
      onInput: (value) => this.#onPasswordInput(value),
    })}${renderAlert(this.#generalError())}`;
  }

  #renderCode(verification: Verification) {
    return html`<usp-code-input id="code" .verification=${verification}
      .error=${this.#form.errorText('code', (e) => this.#describe(e))} ?disabled=${this.#action.pending}
      @usp-code-complete=${this.#onSubmit} @usp-code-resend=${this.#onResend} @input=${this.#onCodeInput}></usp-code-input>
      ${renderAlert(this.#generalError())}`;
  }

  /** Before the code is sent: where it will go, and any failure to send it. */
  #renderCodeChoice(t: Messages, method: ReauthMethod) {
    return html`<p>${t[`reauth.method.${method}`]}</p>${renderAlert(this.#generalError())}`;
  }

  #renderMethod(t: Messages) {
    const { method, verification } = this;
    if (!method) return nothing;
    if (method === 'password') return this.#renderPassword(t);
    return verification ? this.#renderCode(verification) : this.#renderCodeChoice(t, method);
  }

  #submitLabel(t: Messages): string {
    if (this.method === 'password') return t['dialog.confirm'];
    return this.verification ? t['code.verify'] : t['reauth.sendCode'];
  }

  protected override render() {
    const t = this.context?.messages;
    if (!t) return nothing;
    const { method } = this;
    return html`
      <dialog part="dialog" aria-labelledby="title" aria-describedby="intro">
        <form novalidate @submit=${this.#onSubmit} aria-busy=${this.#action.pending ? 'true' : 'false'}>
          <h2 id="title">${t['reauth.title']}</h2>
          <p id="intro" class="muted">${method ? t['reauth.intro'] : t['reauth.unavailable']}</p>
          ${this.#renderMethodChoice(t)}
          ${this.#renderMethod(t)}
          <div class="actions">
            <button type="button" @click=${this.#onCancel}>${t['action.cancel']}</button>
            ${method ? html`<button class="primary" aria-disabled=${this.#action.blocked ? 'true' : 'false'}
              ?autofocus=${method !== 'password'}>${this.#submitLabel(t)}</button>` : nothing}
          </div>
        </form>
      </dialog>
    `;
  }
}

defineElement('usp-reauth-dialog', UspReauthDialog);

declare global {
  interface HTMLElementTagNameMap {
    'usp-reauth-dialog': UspReauthDialog;
  }
}
