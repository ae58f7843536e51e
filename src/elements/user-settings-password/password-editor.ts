import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import type { UserSettingsError } from '../../api/errors.js';
import type { Profile } from '../../api/schemas.js';
import { ActionController, requestIdentity } from '../../controllers/action-controller.js';
import { FormStateController } from '../../controllers/form-state-controller.js';
import { EditorCloseEvent } from '../../events/internal-events.js';
import { errorMessage } from '../../i18n/error-message.js';
import { format, type MessageKey } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { announceAfterRefresh } from '../shared/announce-change.js';
import { fieldStyles, renderAlert, renderField, renderStatus } from '../shared/fields.js';

type Field = 'current' | 'next' | 'confirm';

/** Frequent passwords and their stems (lower case, letters only), checked whole. */
const COMMON = new Set(('password passw0rd qwerty qwertyuiop azerty asdf letmein welcome admin iloveyou monkey dragon ' +
  'football baseball sunshine princess starwars superman trustno abc abcdef abcdefgh changeme secret master ' +
  'hello shadow michael tiktok login').split(' '));

/**
 * A small strength estimate, 0 (too weak) to 4 (strong): length times character variety, with
 * repeats discounted, and at most "weak" for common passwords or ones built on the user's
 * own name or address. Feedback only: the server's policy decides.
 */
export function passwordStrength(password: string, personal: string[] = []): { score: number; common: boolean } {
  const chars = [...password];
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^\p{L}]/gu, '');
  const common = chars.length > 0 && (COMMON.has(stem) || /^\d+$/.test(password) ||
    personal.some((word) => word.length > 2 && lower.includes(word.toLowerCase())));
  const pool = (/[a-z]/.test(password) ? 26 : 0) + (/[A-Z]/.test(password) ? 26 : 0) + (/\d/.test(password) ? 10 : 0) +
    (/[ -/:-@[-`{-~]/.test(password) ? 33 : 0) + (/[^\x00-\x7f]/.test(password) ? 100 : 0);
  const bits = Math.min(chars.length, new Set(chars).size * 2) * Math.log2(pool || 1);
  const score = bits < 30 ? 0 : bits < 45 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  return { score: common ? Math.min(score, 1) : score, common };
}

const length = (value: string) => [...value].length;

/** The field a server error is about. */
function fieldOf(error: UserSettingsError): Field | undefined {
  if (error.field === 'currentPassword' || error.code === 'invalid_current_password') return 'current';
  if (error.field === 'newPassword' || error.code === 'password_policy' || error.code === 'password_breached') return 'next';
  return undefined;
}

/**
 * @summary Changes the password (current + new + confirmation), or sets a first one for accounts
 * created with TikTok or a phone; the policy shows live, with strength feedback.
 * @fires usp-changed - The password changed: `detail.capability` is `password`.
 * @fires usp-failed - The change failed: `detail.code`, `detail.message`.
 * @csspart form - The form.
 * @csspart status - The live region that says "Saving…" and the outcome.
 * @csspart error - A failure that is not about one field.
 */
export class UspPasswordEditor extends LitElement {
  static override styles = [sharedStyles, fieldStyles, css`
    ul { margin: 0; padding: 0; list-style: none; }
    li::before { content: '○\\a0' / ''; }
    li.ok { color: var(--_ok); }
    li.ok::before { content: '✓\\a0' / ''; }
    .meter { display: flex; gap: 4px; max-width: 16em; margin-top: 4px; }
    .meter i { flex: 1; height: 4px; border-radius: 2px; background: var(--_line); }
    .meter[data-score='1'] i:first-child, .meter[data-score='2'] i:nth-child(-n+2),
    .meter[data-score='3'] i:nth-child(-n+3), .meter[data-score='4'] i { background: currentColor; }
    [data-score='0'], [data-score='1'] { color: var(--_danger); }
    [data-score='3'], [data-score='4'] { color: var(--_ok); }
  `];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #action = new ActionController(this, 'password', () => this.context);
  readonly #form = new FormStateController<Field>(this, { current: '', next: '', confirm: '' }, {
    fields: ['current', 'next', 'confirm'],
    validate: (values) => this.#validate(values),
    fieldOf,
  });

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  /** The field whose text is shown (at most one). */
  @state() private shown?: Field;
  @state() private signOut = true;
  /** The outcome, once the change went through. */
  @state() private done = '';

  get #profile(): Profile {
    return this.context!.profile!;
  }

  /** What the user did wrong, by field (before any request). */
  #validate({ current, next, confirm }: Readonly<Record<Field, string>>): Partial<Record<Field, string>> {
    const t = this.context!.messages;
    const { minLength: min, maxLength: max } = this.#profile.passwordPolicy;
    const isSet = this.#profile.password.isSet;
    return {
      current: isSet && !current ? t['password.requiredCurrent'] : undefined,
      next: !next ? t['password.requiredNew']
        : length(next) < min ? format(t['password.tooShort'], { min })
          : length(next) > max ? format(t['password.tooLong'], { max })
            : isSet && next === current ? t['password.same'] : undefined,
      confirm: confirm !== next && (confirm || next) ? t['password.mismatch'] : undefined,
    };
  }

  /** A server error in this editor's words: a policy rejection says which rule, with the limits. */
  #describe(error: UserSettingsError): string {
    const t = this.context!.messages;
    const { minLength: min, maxLength: max } = this.#profile.passwordPolicy;
    const reason = error.code === 'password_policy' ? error.reasons?.[0] : undefined;
    if (reason === 'too_short') return format(t['password.tooShort'], { min });
    if (reason === 'too_long') return format(t['password.tooLong'], { max });
    return errorMessage(t, error);
  }

  async #onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const context = this.context;
    if (!context?.profile || this.#action.blocked) return;
    // A second click (or Enter) on the form just saved has nothing new to send: the success stays.
    if (this.done && this.#form.pristine) return;
    this.done = '';
    if (!this.#form.submit()) return;
    const isSet = context.profile.password.isSet;
    const { current, next } = this.#form.values;
    const body = { ...(isSet ? { currentPassword: current } : {}), newPassword: next, signOutOtherSessions: this.signOut };
    // Only the very same passwords and choice are the same action (and reuse its Idempotency-Key).
    const result = await this.#action.run((options) => context.backend.changePassword(body, options), requestIdentity('password', body));
    if (!result) {
      if (this.#action.error) this.#form.reject(this.#action.error);
      return;
    }
    this.#form.reset();
    this.shown = undefined;
    this.done = context.messages[isSet ? 'password.changed' : 'password.set'];
    // "Done" shows now: the event must not depend on the editor staying open during the refresh.
    await announceAfterRefresh(this, context, 'password');
  }

  #onFieldInput(field: Field, value: string): void {
    this.#form.set(field, value);
    this.done = '';
    // Typing hides a general failure too (a rate limit keeps counting down).
    const error = this.#action.error;
    if (error && error.code !== 'rate_limited' && !this.#form.fieldOf(error)) this.#action.clear();
  }

  #onFieldBlur(field: Field): void {
    this.#form.touch(field);
  }

  #onToggleShown(field: Field): void {
    this.shown = this.shown === field ? undefined : field;
  }

  #onSignOutChange(event: Event): void {
    this.signOut = (event.target as HTMLInputElement).checked;
  }

  #onClose(): void {
    this.dispatchEvent(new EditorCloseEvent());
  }

  #renderPasswordField(id: Field, label: MessageKey, autocomplete: string, hint?: TemplateResult) {
    const t = this.context!.messages;
    return renderField({
      id, label: t[label], value: this.#form.values[id], type: 'password', autocomplete, messages: t, hint,
      error: this.#form.errorText(id, (error) => this.#describe(error)),
      shown: this.shown === id,
      onToggle: () => this.#onToggleShown(id),
      onInput: (value) => this.#onFieldInput(id, value),
      onBlur: () => this.#onFieldBlur(id),
    });
  }

  #renderRule(ok: boolean, key: MessageKey, values?: Record<string, number>) {
    const t = this.context!.messages;
    return html`<li class=${ok ? 'ok' : ''}>${format(t[key], values)}${ok ? html`<span class="visually-hidden"> ${t['password.met']}</span>` : nothing}</li>`;
  }

  /** The policy, checked live, and the strength of the new password. */
  #renderPolicy() {
    const t = this.context!.messages;
    const profile = this.#profile;
    const { isSet } = profile.password;
    const { minLength: min, maxLength: max } = profile.passwordPolicy;
    const { current, next } = this.#form.values;
    const username = profile.email?.address ?? profile.phone?.number ?? '';
    const strength = passwordStrength(next, [username.split('@')[0], ...profile.displayName.split(/\s+/)]);
    return html`
      <span>${t['password.rules']}</span>
      <ul>
        ${this.#renderRule(length(next) >= min, 'password.ruleMin', { min })}
        ${this.#renderRule(!!next && length(next) <= max, 'password.ruleMax', { max })}
        ${isSet ? this.#renderRule(!!next && next !== current, 'password.ruleDifferent') : nothing}
      </ul>
      ${next ? html`<div data-score=${strength.score}>
        ${format(t['password.strength'], { level: t[`password.strength${strength.score}` as MessageKey] })}
        ${strength.common ? t['password.common'] : nothing}
        <span class="meter" data-score=${strength.score}><i></i><i></i><i></i><i></i></span>
      </div>` : html`<span>${t['password.ruleAny']}</span>`}`;
  }

  protected override render() {
    const profile = this.context?.profile;
    if (!profile) return nothing;
    const t = this.context!.messages;
    const { isSet } = profile.password;
    const username = profile.email?.address ?? profile.phone?.number ?? '';
    const error = this.#action.error;
    const generalError = error && !this.#form.fieldOf(error) ? this.#action.message() : '';
    return html`
      <form part="form" novalidate @submit=${this.#onSubmit} aria-busy=${this.#action.saving ? 'true' : 'false'}>
        ${isSet ? nothing : html`<p class="muted">${t['password.setIntro']}</p>`}
        <input class="visually-hidden" type="text" name="username" autocomplete="username" .value=${username}
          readonly tabindex="-1" aria-hidden="true">
        ${isSet ? this.#renderPasswordField('current', 'password.current', 'current-password') : nothing}
        ${this.#renderPasswordField('next', 'password.new', 'new-password', this.#renderPolicy())}
        ${this.#renderPasswordField('confirm', 'password.confirm', 'new-password')}
        <label class="check"><input type="checkbox" .checked=${this.signOut} @change=${this.#onSignOutChange}>${t['password.signOut']}</label>
        ${renderAlert(generalError)}
        ${renderStatus(this.#action.saving ? t['status.saving'] : this.done, !!this.done)}
        <div class="actions">
          <button class="primary" aria-disabled=${this.#action.blocked ? 'true' : 'false'}>${t[isSet ? 'password.submit' : 'password.submitSet']}</button>
          <button type="button" @click=${this.#onClose}>${t[this.done ? 'action.done' : 'action.cancel']}</button>
        </div>
      </form>
    `;
  }
}

defineElement('usp-password-editor', UspPasswordEditor);

declare global {
  interface HTMLElementTagNameMap {
    'usp-password-editor': UspPasswordEditor;
  }
}
