import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { settingsContext, type SettingsContext } from '../../context/settings-context.js';
import { ActionController } from '../../controllers/action-controller.js';
import { UserSettingsChangedEvent } from '../../events/events.js';
import { format, type MessageKey, type Messages } from '../../i18n/messages.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { defineElement } from '../../utils/define-element.js';
import { fieldStyles, renderField } from '../shared/fields.js';
import { EditorCloseEvent } from '../section/section.js';

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

/**
 * @summary Changes the password (current + new + confirmation), or sets a first one for accounts
 * created with TikTok or a phone; the policy shows live, with strength feedback.
 * @fires usp-changed - The password changed: `detail.capability` is `password`.
 * @fires usp-failed - The change failed: `detail.code`, `detail.message`.
 * @fires usp-editor-close - The user is done or cancelled.
 * @csspart form - The form.
 * @csspart form - The password form.
 */
export class UspPasswordEditor extends LitElement {
  static override styles = [sharedStyles, fieldStyles, css`
    ul { margin: 0; padding: 0; list-style: none; }
    li::before { content: '○\\a0' / ''; }
    li.ok { color: var(--_ok); }
    li.ok::before { content: '✓\\a0' / ''; }
    .meter { display: flex; gap: 4px; max-width: 16em; margin-top: 4px; }
    .meter i { flex: 1; height: 4px; border-radius: 2px; background: var(--_line); }
    [data-score='1'] i:first-child, [data-score='2'] i:nth-child(-n+2),
    [data-score='3'] i:nth-child(-n+3), [data-score='4'] i { background: currentColor; }
    [data-score='0'], [data-score='1'] { color: var(--_danger); }
    [data-score='3'], [data-score='4'] { color: var(--_ok); }
  `];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  readonly #action = new ActionController(this, 'password', () => this.context);

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private context?: SettingsContext;

  @state() private values: Record<Field, string> = { current: '', next: '', confirm: '' };
  @state() private shown?: Field;
  @state() private signOut = true;
  /** Fields whose errors show (typed in and left); all after a submit. */
  @state() private touched = new Set<Field>();
  @state() private done = '';

  /** What the user did wrong, by field (before any request). */
  #clientErrors(t: Messages): Partial<Record<Field, string>> {
    const { current, next, confirm } = this.values;
    const { minLength: min, maxLength: max } = this.context!.profile!.passwordPolicy;
    const isSet = this.context!.profile!.password.isSet;
    return {
      current: isSet && !current ? t['password.requiredCurrent'] : undefined,
      next: !next ? t['password.requiredNew']
        : length(next) < min ? format(t['password.tooShort'], { min })
          : length(next) > max ? format(t['password.tooLong'], { max })
            : isSet && next === current ? t['password.same'] : undefined,
      confirm: confirm !== next && (confirm || next) ? t['password.mismatch'] : undefined,
    };
  }

  /** The field a server error belongs to, if any. */
  #serverField(): Field | undefined {
    const error = this.#action.error;
    if (!error) return undefined;
    if (error.field === 'currentPassword' || error.code === 'invalid_current_password') return 'current';
    if (error.field === 'newPassword' || error.code === 'password_policy' || error.code === 'password_breached') return 'next';
    return undefined;
  }

  #focus(field: Field): void {
    this.renderRoot.querySelector<HTMLInputElement>(`#${field}`)?.focus();
  }

  #submit = async (event: Event) => {
    event.preventDefault();
    const context = this.context;
    if (!context?.profile || this.#action.blocked) return;
    this.touched = new Set(Object.keys(this.values) as Field[]);
    this.done = '';
    const invalid = (Object.entries(this.#clientErrors(context.messages)) as [Field, string?][]).find(([, error]) => error);
    if (invalid) return this.#focus(invalid[0]);
    const isSet = context.profile.password.isSet;
    const { current, next } = this.values;
    const body = { ...(isSet ? { currentPassword: current } : {}), newPassword: next, signOutOtherSessions: this.signOut };
    const result = await this.#action.run((options) => context.backend.changePassword(body, options));
    if (!result) {
      const field = this.#serverField();
      if (field) this.#focus(field);
      return;
    }
    this.values = { current: '', next: '', confirm: '' };
    this.touched = new Set();
    this.shown = undefined;
    this.done = context.messages[isSet ? 'password.changed' : 'password.set'];
    await context.refreshProfile();
    const profile = this.context?.profile;
    if (profile) this.dispatchEvent(new UserSettingsChangedEvent('password', profile));
  };

  #close = () => this.dispatchEvent(new EditorCloseEvent());

  protected override render() {
    const profile = this.context?.profile;
    if (!profile) return nothing;
    const t = this.context!.messages;
    const { isSet } = profile.password;
    const { minLength: min, maxLength: max } = profile.passwordPolicy;
    const { current, next } = this.values;
    const client = this.#clientErrors(t);
    const serverField = this.#serverField();
    // A policy rejection says which rule, in this editor's words (with the limits).
    const error = this.#action.error;
    const reason = error?.code === 'password_policy' ? error.reasons?.[0] : undefined;
    const serverMessage = reason === 'too_short' ? format(t['password.tooShort'], { min })
      : reason === 'too_long' ? format(t['password.tooLong'], { max }) : this.#action.message();
    const errorOf = (field: Field) =>
      (this.touched.has(field) ? client[field] : undefined) || (serverField === field ? serverMessage : '');
    const username = profile.email?.address ?? profile.phone?.number ?? '';
    const personal = [username.split('@')[0], ...profile.displayName.split(/\s+/)];
    const strength = passwordStrength(next, personal);
    const rule = (ok: boolean, key: MessageKey, values?: Record<string, number>) =>
      html`<li class=${ok ? 'ok' : ''}>${format(t[key], values)}${ok ? html`<span class="visually-hidden"> ${t['password.met']}</span>` : nothing}</li>`;
    const field = (id: Field, label: MessageKey, autocomplete: string, hint?: TemplateResult) => renderField({
      id, label: t[label], value: this.values[id], type: 'password', autocomplete, messages: t,
      error: errorOf(id), hint, shown: this.shown === id,
      onToggle: () => (this.shown = this.shown === id ? undefined : id),
      onInput: (value) => {
        this.values = { ...this.values, [id]: value };
        this.done = '';
        // Typing hides the server's error about this field, or a general one (a rate limit keeps counting down).
        const error = this.#action.error;
        if (error && error.code !== 'rate_limited' && (this.#serverField() ?? id) === id) this.#action.clear();
      },
      onBlur: () => { if (this.values[id]) this.touched = new Set(this.touched).add(id); },
    });
    return html`
      <form part="form" novalidate @submit=${this.#submit} aria-busy=${this.#action.saving ? 'true' : 'false'}>
        ${isSet ? nothing : html`<p class="muted">${t['password.setIntro']}</p>`}
        <input class="visually-hidden" type="text" name="username" autocomplete="username" .value=${username}
          readonly tabindex="-1" aria-hidden="true">
        ${isSet ? field('current', 'password.current', 'current-password') : nothing}
        ${field('next', 'password.new', 'new-password', html`
          <span>${t['password.rules']}</span>
          <ul>
            ${rule(length(next) >= min, 'password.ruleMin', { min })}
            ${rule(!!next && length(next) <= max, 'password.ruleMax', { max })}
            ${isSet ? rule(!!next && next !== current, 'password.ruleDifferent') : nothing}
          </ul>
          ${next ? html`<div data-score=${strength.score}>
            ${format(t['password.strength'], { level: t[`password.strength${strength.score}` as MessageKey] })}
            ${strength.common ? t['password.common'] : nothing}
            <span class="meter"><i></i><i></i><i></i><i></i></span>
          </div>` : html`<span>${t['password.ruleAny']}</span>`}`)}
        ${field('confirm', 'password.confirm', 'new-password')}
        <label class="check"><input type="checkbox" .checked=${this.signOut}
          @change=${(e: Event) => (this.signOut = (e.target as HTMLInputElement).checked)}>${t['password.signOut']}</label>
        ${serverMessage && !serverField ? html`<p class="error" role="alert">${serverMessage}</p>` : nothing}
        <p role="status" class=${this.done ? '' : 'visually-hidden'}>${this.#action.saving ? t['status.saving'] : this.done}</p>
        <div class="actions">
          <button class="primary" aria-disabled=${this.#action.blocked ? 'true' : 'false'}>${t[isSet ? 'password.submit' : 'password.submitSet']}</button>
          <button type="button" @click=${this.#close}>${t[this.done ? 'action.done' : 'action.cancel']}</button>
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
