import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { UserSettingsError } from '../../api/errors.js';
import { state } from 'lit/decorators.js';
import type { Profile, Verification } from '../../api/schemas.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { ActionController, requestIdentity } from '../../controllers/action-controller.js';
import { FormStateController } from '../../controllers/form-state-controller.js';
import { UserSettingsChangedEvent } from '../../events/events.js';
import { EditorCloseEvent } from '../../events/internal-events.js';
import { errorMessage } from '../../i18n/error-message.js';
import { formatParts, ltr } from '../../i18n/format-parts.js';
import type { Messages } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { CODE_LENGTH, isCodeRejection } from '../shared/code.js';
import '../shared/code-input.js';
import type { UspCodeInput } from '../shared/code-input.js';
import { fieldStyles, renderAlert, renderField, renderStatus } from '../shared/fields.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Field = 'email' | 'code';

/** The field a server error is about. */
function fieldOf(error: UserSettingsError): Field | undefined {
  if (error.field === 'email' || error.code.startsWith('email_')) return 'email';
  return isCodeRejection(error) ? 'code' : undefined;
}

/**
 * @summary Changes the sign-in email: the new address, then the code sent to it. The current
 * address keeps working until the code is confirmed.
 * @fires usp-changed - The email changed: `detail.capability` is `email`, `detail.profile` the new profile.
 * @fires usp-failed - A request failed: `detail.code`, `detail.message`.
 * @csspart form - The form of each step.
 * @csspart status - The live region that says "Saving…" and the outcome.
 * @csspart error - A failure that is not about one field.
 */
export class UspEmailEditor extends LitElement {
  static override styles = [sharedStyles, fieldStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #action = new ActionController(this, 'email', () => this.context);
  /** Resending has its own limits: a rate-limited resend never blocks verifying a code the user has. */
  readonly #resend = new ActionController(this, 'email', () => this.context);
  readonly #form = new FormStateController<Field>(this, { email: '', code: '' }, {
    fields: ['email', 'code'],
    validate: (values) => this.#validate(values),
    fieldOf,
    // A code the server refused is of no more use; one that met a network failure is kept for the retry.
    clearWhenRejected: ['code'],
  });

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  /** Set while the code step shows. */
  @state() private verification?: Verification;
  /** The outcome, once the address changed. */
  @state() private done: TemplateResult | '' = '';

  get #codeInput(): UspCodeInput | null {
    return this.renderRoot.querySelector('usp-code-input');
  }

  /** What the user did wrong, by field (before any request). */
  #validate({ email, code }: Readonly<Record<Field, string>>): Partial<Record<Field, string>> {
    const t = this.context!.messages;
    const address = email.trim();
    return {
      email: !address ? t['email.required']
        : !EMAIL.test(address) ? t['error.email_invalid']
          : address.toLowerCase() === this.context!.profile?.email?.address.toLowerCase() ? t['email.same'] : undefined,
      code: code.length < CODE_LENGTH ? t['code.hint'] : undefined,
    };
  }

  #describe(error: UserSettingsError): string {
    return errorMessage(this.context!.messages, error);
  }

  async #onSend(event: Event): Promise<void> {
    event.preventDefault();
    const context = this.context;
    if (!context || this.#action.blocked || !this.#form.submit(['email'])) return;
    const email = this.#form.values.email.trim();
    const result = await this.#action.run((options) => context.backend.startEmailVerification({ email }, options), requestIdentity('email/verifications', { email }));
    if (!result) {
      if (this.#action.error) this.#form.reject(this.#action.error);
      return;
    }
    this.verification = result.value;
    this.#form.reset(['code']);
    void this.#form.focus('code');
  }

  async #onVerify(event?: Event): Promise<void> {
    event?.preventDefault();
    const { context, verification } = this;
    if (!context || !verification || this.#action.blocked) return;
    this.#form.set('code', this.#codeInput?.value ?? '');
    if (!this.#form.submit(['code'])) return;
    this.#clearFailure(this.#resend);
    const body = { verificationId: verification.verificationId, code: this.#form.values.code };
    const result = await this.#action.run((options) => context.backend.confirmEmail(body, options), requestIdentity('email/confirm', body));
    if (!result) {
      const error = this.#action.error;
      if (error && this.#form.reject(error) === 'code') this.#codeInput?.clear();
      return;
    }
    this.#codeInput?.clear();
    const profile = result.value;
    context.applyProfile(profile);
    // The done view replaces both steps until the editor closes.
    this.done = formatParts(context.messages['email.changed'], { address: ltr(profile.email?.address ?? '') });
    this.dispatchEvent(new UserSettingsChangedEvent('email', profile));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  async #onResend(): Promise<void> {
    const { context, verification } = this;
    if (!context || !verification) return;
    this.#clearFailure(this.#action);
    const result = await this.#resend.run((options) => context.backend.resendVerification(verification.verificationId, options), requestIdentity(`verifications/${verification.verificationId}/resend`));
    if (result) this.verification = result.value;
    else if (this.#resend.error?.code === 'rate_limited') {
      // The resend button counts down to when the server allows it again.
      this.verification = { ...verification, resendAvailableAt: new Date(Date.now() + this.#resend.rateLimit.remaining * 1000).toISOString() };
    }
  }

  /** Hides a failure that is no longer the latest news (a rate limit keeps counting down). */
  #clearFailure(action: ActionController): void {
    if (action.error?.code !== 'rate_limited') action.clear();
  }

  #onEmailInput(value: string): void {
    this.#form.set('email', value);
  }

  #onEmailBlur(): void {
    this.#form.touch('email');
  }

  #onCodeInput(): void {
    this.#form.set('code', this.#codeInput?.value ?? '');
    // Typing hides the last failure (a rate limit keeps counting down).
    this.#clearFailure(this.#action);
    this.#clearFailure(this.#resend);
  }

  #onBack(): void {
    this.verification = undefined;
    this.#form.reset(['code']);
    this.#action.clear();
    this.#resend.clear();
    void this.#form.focus('email');
  }

  #onClose(): void {
    this.dispatchEvent(new EditorCloseEvent());
  }

  protected override render() {
    const profile = this.context?.profile;
    if (!profile) return nothing;
    const t = this.context!.messages;
    // One live region for every step, so changes to it are announced.
    return html`${this.#renderStep(profile, t)}
      ${renderStatus(this.#action.saving ? t['status.saving'] : this.done, !!this.done)}`;
  }

  /**
   * The newest failure that no field on screen shows: a resend's (never put on a field), or a
   * submit's unless it is about the field of this step (e.g. \`email_taken\` at the code step).
   */
  #generalError(shown: Field): string {
    if (this.#resend.error) return this.#resend.message();
    const error = this.#action.error;
    return error && this.#form.fieldOf(error) !== shown ? this.#action.message() : '';
  }

  #renderStep(profile: Profile, t: Messages) {
    if (this.done) {
      return html`<div class="actions"><button id="done" class="primary" @click=${this.#onClose}>${t['action.done']}</button></div>`;
    }
    const generalError = this.#generalError(this.verification ? 'code' : 'email');
    const busy = this.#action.blocked ? 'true' : 'false';
    const cancel = html`<button type="button" @click=${this.#onClose}>${t['action.cancel']}</button>`;
    if (this.verification) {
      return html`
        <form part="form" novalidate @submit=${this.#onVerify}>
          <usp-code-input id="code" .verification=${this.verification}
            .error=${this.#form.errorText('code', (e) => this.#describe(e))}
            ?disabled=${this.#action.pending} @usp-code-complete=${this.#onVerify} @usp-code-resend=${this.#onResend}
            @input=${this.#onCodeInput}></usp-code-input>
          ${renderAlert(generalError)}
          <div class="actions">
            <button class="primary" aria-disabled=${busy}>${t['code.verify']}</button>
            <button type="button" @click=${this.#onBack}>${t['email.different']}</button>
            ${cancel}
          </div>
        </form>`;
    }
    return html`
      <form part="form" novalidate @submit=${this.#onSend}>
        ${profile.email ? html`<p>${formatParts(t['email.current'], { address: ltr(profile.email.address) })}</p>` : nothing}
        ${renderField({
          id: 'email', type: 'email', label: t['email.new'], value: this.#form.values.email, autocomplete: 'email',
          hint: t['email.keep'], error: this.#form.errorText('email', (e) => this.#describe(e)),
          onInput: (value) => this.#onEmailInput(value),
          onBlur: () => this.#onEmailBlur(),
        })}
        ${renderAlert(generalError)}
        <div class="actions">
          <button class="primary" aria-disabled=${busy}>${t['email.send']}</button>
          ${cancel}
        </div>
      </form>`;
  }
}

defineElement('usp-email-editor', UspEmailEditor);

declare global {
  interface HTMLElementTagNameMap {
    'usp-email-editor': UspEmailEditor;
  }
}
