import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UserSettingsError } from '../api/errors.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface FormOptions<F extends string> {
  /** The fields in the order they show; a failed submit focuses the first invalid one (`#<field>`). */
  fields: readonly F[];
  /** What is wrong with the values before any request, by field ('' or absent when fine). */
  validate(values: Readonly<Record<F, string>>): Partial<Record<F, string>>;
  /** The field a server error is about: by its `field`, else by its code; undefined for a general error. */
  fieldOf?(error: UserSettingsError): F | undefined;
  /** Secrets that go when the server rejects that very value (a re-verification password). */
  clearWhenRejected?: readonly F[];
}

/**
 * One form model for every editor (after Lion's form semantics): the values, which fields were
 * touched and changed, whether the form was submitted, client errors from `validate` and server
 * errors mapped onto fields. Feedback for a field shows when `(touched && dirty) || submitted`,
 * decided here once, so the user is never told off while typing a field the first time.
 */
export class FormStateController<F extends string> implements ReactiveController {
  values: Record<F, string>;
  /** A submit was attempted since the last reset: every field's feedback shows. */
  submitted = false;
  readonly #initial: Record<F, string>;
  readonly #touched = new Set<F>();
  readonly #dirty = new Set<F>();
  readonly #serverErrors = new Map<F, UserSettingsError>();

  constructor(
    private readonly host: Host,
    initial: Record<F, string>,
    private readonly options: FormOptions<F>,
  ) {
    host.addController(this);
    this.#initial = { ...initial };
    this.values = { ...initial };
  }

  hostConnected(): void {}

  /** No field changed since the last reset (e.g. right after a successful save). */
  get pristine(): boolean {
    return this.#dirty.size === 0;
  }

  /** The user changed a field: it is dirty, and the server's verdict on its old value goes. */
  set(field: F, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.#dirty.add(field);
    this.#serverErrors.delete(field);
    this.host.requestUpdate();
  }

  /** The user left a field. */
  touch(field: F): void {
    if (this.#touched.has(field)) return;
    this.#touched.add(field);
    this.host.requestUpdate();
  }

  /** Whether a field's feedback (its client error) shows now. */
  showsFeedback(field: F): boolean {
    return (this.#touched.has(field) && this.#dirty.has(field)) || this.submitted;
  }

  /** The field's client error ('' when fine), whether or not it shows yet. */
  clientError(field: F): string {
    return this.options.validate(this.values)[field] ?? '';
  }

  /**
   * What a field shows: the server's error about its current value in `describe`'s words,
   * else its client error once feedback shows, else ''.
   */
  errorText(field: F, describe: (error: UserSettingsError) => string): string {
    const server = this.serverError(field);
    if (server) return describe(server);
    return this.showsFeedback(field) ? this.clientError(field) : '';
  }

  /** The server's error about this field, until the user edits it. */
  serverError(field: F): UserSettingsError | undefined {
    return this.#serverErrors.get(field);
  }

  /** The field a server error is about, if any. */
  fieldOf(error: UserSettingsError | undefined): F | undefined {
    return error && this.options.fieldOf?.(error);
  }

  /**
   * The user submits `fields` (a step of the form; default all): every field's feedback shows.
   * Returns whether those values are valid; when not, focus goes to the first invalid field.
   */
  submit(fields: readonly F[] = this.options.fields): boolean {
    this.submitted = true;
    this.#serverErrors.clear();
    this.host.requestUpdate();
    const errors = this.options.validate(this.values);
    const invalid = fields.find((field) => errors[field]);
    if (invalid) void this.focus(invalid);
    return !invalid;
  }

  /**
   * The server refused the submitted values: its error lands on the field it is about (which
   * gets focus) and a rejected secret is cleared. Returns that field, or undefined for a
   * general error (which the editor shows on its own).
   */
  reject(error: UserSettingsError): F | undefined {
    const field = this.fieldOf(error);
    if (!field) return undefined;
    this.#serverErrors.set(field, error);
    if (this.options.clearWhenRejected?.includes(field)) this.values = { ...this.values, [field]: '' };
    this.host.requestUpdate();
    void this.focus(field);
    return field;
  }

  /** Back to the initial values with no feedback (after a success, or a step back). */
  reset(fields: readonly F[] = this.options.fields): void {
    const values = { ...this.values };
    for (const field of fields) {
      values[field] = this.#initial[field];
      this.#touched.delete(field);
      this.#dirty.delete(field);
      this.#serverErrors.delete(field);
    }
    this.values = values;
    this.submitted = false;
    this.host.requestUpdate();
  }

  /** Moves focus to a field (its element's id is the field's name), once rendered. */
  async focus(field: F): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }
}
