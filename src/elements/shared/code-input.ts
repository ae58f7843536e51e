import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Verification } from '../../api/schemas.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { CountdownController } from '../../controllers/countdown-controller.js';
import { CodeCompleteEvent, CodeResendEvent } from '../../events/internal-events.js';
import { formatParts, ltr } from '../../i18n/format-parts.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { formatDate } from '../../utils/format.js';
import { CODE_LENGTH } from './code.js';

/**
 * @summary The 6-digit verification code: one field (`autocomplete="one-time-code"`, so SMS and
 * email codes autofill), whole-code paste, where the code went, when it expires, and a resend
 * button that counts down to `resendAvailableAt`.
 *
 * Its events stay inside the shadow root it is rendered in and carry no code: the editor
 * around it reads `value`.
 *
 * @fires usp-code-complete - Six digits are present (typed, pasted or autofilled), or Enter was pressed on them.
 * @fires usp-code-resend - The user asked for a new code.
 * @csspart input - The code field.
 * @csspart error - The code's error message.
 * @csspart resend - The resend button and its countdown.
 */
export class UspCodeInput extends LitElement {
  static override styles = [sharedStyles, css`
    input { font-size: 1.25em; letter-spacing: 0.3em; font-variant-numeric: tabular-nums; max-width: 12em; }
  `];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #resend = new CountdownController(this);

  @query('input') private input!: HTMLInputElement;

  /** The field's visible label; default "Verification code". */
  @property() label?: string;
  /** The code that was sent: its masked destination, expiry and when it may be resent. */
  @property({ attribute: false }) verification?: Verification;
  /** An error to show under the field (linked to it and announced); '' for none. */
  @property() error = '';
  /** Makes the field read-only and the resend button inert (e.g. while the code is being checked); focus stays. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  /** The code fired last, so the same six digits are not submitted twice in a row by typing. */
  #fired = '';

  /** The digits currently in the field. */
  get value(): string {
    return this.input?.value ?? '';
  }

  /** Empties the field (call after the code was used or rejected). */
  clear(): void {
    if (this.input) this.input.value = '';
    this.#fired = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('verification') && this.verification) this.#resend.until(this.verification.resendAvailableAt);
  }

  #onInput() {
    const digits = this.input.value.replace(/\D/g, '').slice(0, CODE_LENGTH);
    if (digits !== this.input.value) this.input.value = digits;
    if (digits.length < CODE_LENGTH) this.#fired = '';
    else if (digits !== this.#fired) this.#complete();
  }

  #onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (this.value.length === CODE_LENGTH) this.#complete();
  }

  #complete(): void {
    this.#fired = this.value;
    this.dispatchEvent(new CodeCompleteEvent());
  }

  #onResend() {
    if (this.disabled || this.#resend.remaining > 0) return;
    this.dispatchEvent(new CodeResendEvent());
  }

  protected override render() {
    const t = this.context?.messages;
    if (!t) return nothing;
    const v = this.verification;
    const waiting = this.#resend.remaining;
    const expires = v ? formatDate(v.expiresAt, this.context!.locale, { timeStyle: 'short' }) : '';
    return html`
      <div class="stack">
        ${v ? html`<p id="sent" role="status">${formatParts(t['code.sentTo'], { destination: ltr(v.destination) })}
          ${expires ? formatParts(t['code.expires'], { time: expires }) : nothing}</p>` : nothing}
        <div class="field">
          <label for="code">${this.label ?? t['code.label']}</label>
          <span id="hint" class="hint">${t['code.hint']}</span>
          <input id="code" part="input" type="text" inputmode="numeric" autocomplete="one-time-code"
            spellcheck="false" dir="ltr" ?readonly=${this.disabled}
            aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="${v ? 'sent ' : ''}hint${this.error ? ' error' : ''}"
            @input=${this.#onInput} @keydown=${this.#onKeydown}>
          ${this.error ? html`<p id="error" class="error" part="error" role="alert">${this.error}</p>` : nothing}
        </div>
        ${v ? html`<div><button type="button" class="link" part="resend"
          aria-disabled=${waiting > 0 || this.disabled ? 'true' : 'false'} @click=${this.#onResend}>
          ${waiting > 0 ? formatParts(t['code.resendIn'], { seconds: waiting }) : t['code.resend']}</button></div>` : nothing}
      </div>
    `;
  }
}

defineElement('usp-code-input', UspCodeInput);

declare global {
  interface HTMLElementTagNameMap {
    'usp-code-input': UspCodeInput;
  }
}
