import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Profile, Verification } from '../../api/schemas.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { ActionController } from '../../controllers/action-controller.js';
import { UserSettingsChangedEvent } from '../../events/events.js';
import { format, type Messages } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import '../shared/code-input.js';
import type { UspCodeInput } from '../shared/code-input.js';
import { fieldStyles, renderField } from '../shared/fields.js';
import { EditorCloseEvent } from '../section/section.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * @summary Changes the sign-in email: the new address, then the code sent to it. The current
 * address keeps working until the code is confirmed.
 * @fires usp-changed - The email changed: `detail.capability` is `email`, `detail.profile` the new profile.
 * @fires usp-failed - A request failed: `detail.code`, `detail.message`.
 * @fires usp-editor-close - The user is done or cancelled.
 * @csspart form - The form of each step.
 * @csspart form - Each step's form.
 */
export class UspEmailEditor extends LitElement {
  static override styles = [sharedStyles, fieldStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #action = new ActionController(this, 'email', () => this.context);

  @query('usp-code-input') private codeInput?: UspCodeInput;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  @state() private email = '';
  /** Set while the code step shows. */
  @state() private verification?: Verification;
  @state() private touched = false;
  @state() private submitted = false;
  /** A code-step problem found before sending. */
  @state() private codeError = '';
  @state() private done = '';

  #clientError(t: Messages): string {
    const email = this.email.trim();
    if (!email) return t['email.required'];
    if (!EMAIL.test(email)) return t['error.email_invalid'];
    return email.toLowerCase() === this.context?.profile?.email?.address.toLowerCase() ? t['email.same'] : '';
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #send = async (event: Event) => {
    event.preventDefault();
    const context = this.context;
    if (!context || this.#action.blocked) return;
    this.submitted = true;
    if (this.#clientError(context.messages)) return void this.#focus('#email');
    const email = this.email.trim();
    const result = await this.#action.run((options) => context.backend.startEmailVerification({ email }, options));
    if (!result) return void (this.#action.error && this.#focus('#email'));
    this.verification = result.value;
    void this.#focus('usp-code-input');
  };

  #verify = async (event?: Event) => {
    event?.preventDefault();
    const { context, verification } = this;
    const code = this.codeInput?.value ?? '';
    if (!context || !verification) return;
    if (code.length < 6) {
      this.codeError = context.messages['code.hint'];
      return void this.#focus('usp-code-input');
    }
    const result = await this.#action.run((options) =>
      context.backend.confirmEmail({ verificationId: verification.verificationId, code }, options));
    this.codeInput?.clear();
    if (!result) return;
    const profile = result.value;
    context.applyProfile(profile);
    // The done view replaces both steps until the editor closes: nothing of them to reset.
    this.done = format(context.messages['email.changed'], { address: profile.email?.address ?? '' });
    this.dispatchEvent(new UserSettingsChangedEvent('email', profile));
    void this.#focus('#done');
  };

  #resend = async () => {
    const { context, verification } = this;
    if (!context || !verification) return;
    const result = await this.#action.run((options) => context.backend.resendVerification(verification.verificationId, options));
    if (result) this.verification = result.value;
  };

  #back = () => {
    this.verification = undefined;
    this.codeError = '';
    this.#action.clear();
    void this.#focus('#email');
  };

  #close = () => this.dispatchEvent(new EditorCloseEvent());

  protected override render() {
    const profile = this.context?.profile;
    if (!profile) return nothing;
    const t = this.context!.messages;
    // One live region for every step, so changes to it are announced.
    return html`${this.#renderStep(profile, t)}
      <p role="status" class=${this.done ? '' : 'visually-hidden'}>${this.#action.saving ? t['status.saving'] : this.done}</p>`;
  }

  #renderStep(profile: Profile, t: Messages) {
    const error = this.#action.error;
    const message = this.#action.message();
    const busy = this.#action.blocked ? 'true' : 'false';
    if (this.done) {
      return html`<div class="actions"><button id="done" class="primary" @click=${this.#close}>${t['action.done']}</button></div>`;
    }
    const cancel = html`<button type="button" @click=${this.#close}>${t['action.cancel']}</button>`;
    if (this.verification) {
      return html`
        <form part="form" novalidate @submit=${this.#verify}>
          <usp-code-input .verification=${this.verification} .error=${this.codeError || message}
            ?disabled=${this.#action.pending} @usp-code-complete=${() => this.#verify()} @usp-code-resend=${this.#resend}
            @input=${() => { this.codeError = ''; if (error?.code !== 'rate_limited') this.#action.clear(); }}></usp-code-input>
          <div class="actions">
            <button class="primary" aria-disabled=${busy}>${t['code.verify']}</button>
            <button type="button" @click=${this.#back}>${t['email.different']}</button>
            ${cancel}
          </div>
        </form>`;
    }
    const onField = error && (error.field === 'email' || error.code.startsWith('email_'));
    const clientError = this.submitted || this.touched ? this.#clientError(t) : '';
    return html`
      <form part="form" novalidate @submit=${this.#send}>
        ${profile.email ? html`<p>${format(t['email.current'], { address: profile.email.address })}</p>` : nothing}
        ${renderField({
          id: 'email', type: 'email', label: t['email.new'], value: this.email, autocomplete: 'email',
          hint: t['email.keep'], error: clientError || (onField ? message : ''),
          onInput: (value) => {
            this.email = value;
            if (onField) this.#action.clear();
          },
          onBlur: () => (this.touched = !!this.email),
        })}
        ${message && !onField ? html`<p class="error" role="alert">${message}</p>` : nothing}
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
