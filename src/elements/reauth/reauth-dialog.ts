import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ReauthMethod, Verification } from '../../api/schemas.js';
import type { SettingsContext } from '../../context/settings-context.js';
import { ActionController } from '../../controllers/action-controller.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import '../shared/code-input.js';
import type { UspCodeInput } from '../shared/code-input.js';
import { dialogStyles } from '../shared/dialog.js';
import { fieldStyles, renderField } from '../shared/fields.js';

/**
 * @summary Re-verification (step-up): asks the user to prove it is them with one of the methods
 * the server listed (password, or a code sent to the current email or phone) and gets a
 * `reauthToken`. Opened by `requestReauth()`; closes with `token` set on success.
 * @csspart dialog - The dialog.
 * @csspart dialog - The re-verification dialog.
 */
export class UspReauthDialog extends LitElement {
  static override styles = [sharedStyles, fieldStyles, dialogStyles];

  readonly #action = new ActionController(this, 'reauth', () => this.context);

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#password') private passwordInput?: HTMLInputElement;
  @query('usp-code-input') private codeInput?: UspCodeInput;

  /** The settings of the editor that asked (backend, messages). */
  @property({ attribute: false }) context?: SettingsContext;
  /** The methods the server offered, in its order. */
  @property({ attribute: false }) methods: ReauthMethod[] = [];
  /** The token, once the user proved it is them. */
  token?: string;

  @state() private method?: ReauthMethod;
  @state() private password = '';
  @state() private shown = false;
  @state() private verification?: Verification;
  /** A problem found before sending (empty field). */
  @state() private invalid = '';

  protected override willUpdate(): void {
    if (!this.method || !this.methods.includes(this.method)) this.method = this.methods[0];
  }

  #choose(method: ReauthMethod): void {
    this.method = method;
    this.verification = undefined;
    this.invalid = '';
    this.#action.clear();
  }

  #submit = async (event?: Event) => {
    event?.preventDefault();
    const method = this.method;
    const backend = this.context?.backend;
    if (!method || !backend) return;
    const t = this.context!.messages;
    if (method === 'password') {
      const password = this.password;
      if (!password) return this.#invalid(t['reauth.passwordRequired']);
      const result = await this.#action.run((options) => backend.reauth({ method, password }, options));
      this.password = '';
      return result ? this.#done(result.value.reauthToken) : this.passwordInput?.focus();
    }
    if (!this.verification) {
      const result = await this.#action.run((options) => backend.startReauthChallenge({ method }, options));
      if (result) this.verification = result.value;
      await this.updateComplete;
      return this.codeInput?.focus();
    }
    const code = this.codeInput?.value ?? '';
    if (code.length < 6) return this.#invalid(t['code.hint']);
    const { verificationId } = this.verification;
    const result = await this.#action.run((options) => backend.reauth({ method, verificationId, code }, options));
    this.codeInput?.clear();
    if (result) this.#done(result.value.reauthToken);
  };

  /** Typing hides the last error (a rate limit keeps counting down). */
  #edited = () => {
    this.invalid = '';
    if (this.#action.error?.code !== 'rate_limited') this.#action.clear();
  };

  #invalid(message: string): void {
    this.invalid = message;
    (this.passwordInput ?? this.codeInput)?.focus();
  }

  #resend = async () => {
    const { verification, context } = this;
    if (!verification || !context) return;
    const result = await this.#action.run((options) => context.backend.resendVerification(verification.verificationId, options));
    if (result) this.verification = result.value;
  };

  #done(token: string): void {
    this.token = token;
    this.dialog.close('ok');
  }

  protected override render() {
    const t = this.context?.messages;
    if (!t) return nothing;
    const { method, verification } = this;
    const error = this.invalid || this.#action.message();
    return html`
      <dialog part="dialog" aria-labelledby="title" aria-describedby="intro">
        <form novalidate @submit=${this.#submit} aria-busy=${this.#action.pending ? 'true' : 'false'}>
          <h2 id="title">${t['reauth.title']}</h2>
          <p id="intro" class="muted">${method ? t['reauth.intro'] : t['reauth.unavailable']}</p>
          ${this.methods.length > 1 ? html`<fieldset>
            <legend>${t['reauth.methods']}</legend>
            ${this.methods.map((m) => html`<label class="check"><input type="radio" name="method" .checked=${m === method}
              @change=${() => this.#choose(m)}>${t[`reauth.method.${m}`]}</label>`)}
          </fieldset>` : nothing}
          ${!method ? nothing : method === 'password'
            ? renderField({
              id: 'password', type: 'password', label: t['reauth.password'], value: this.password,
              autocomplete: 'current-password', error, shown: this.shown, messages: t, autofocus: true,
              onToggle: () => (this.shown = !this.shown),
              onInput: (value) => { this.password = value; this.#edited(); },
            })
            : verification
              ? html`<usp-code-input .verification=${verification} .error=${error} ?disabled=${this.#action.pending}
                  @usp-code-complete=${() => this.#submit()} @usp-code-resend=${this.#resend}
                  @input=${this.#edited}></usp-code-input>`
              : html`<p>${t[`reauth.method.${method}`]}</p>
                ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`}
          <div class="actions">
            <button type="button" @click=${() => this.dialog.close()}>${t['action.cancel']}</button>
            ${method ? html`<button class="primary" aria-disabled=${this.#action.blocked ? 'true' : 'false'} ?autofocus=${method !== 'password'}>${
              method === 'password' ? t['dialog.confirm'] : verification ? t['code.verify'] : t['reauth.sendCode']
            }</button>` : nothing}
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
