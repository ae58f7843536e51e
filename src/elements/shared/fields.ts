import { css, html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';

/** One labelled input, with its hint and error linked by `aria-describedby`. */
export interface FieldView {
  id: string;
  label: string;
  value: string;
  autocomplete: string;
  /** `password` fields get a show/hide toggle; `tel` fields read left to right. Default `text`. */
  type?: 'text' | 'email' | 'password' | 'tel';
  error?: string;
  hint?: TemplateResult | string;
  /** A `part` name for hosts to style the input. */
  part?: string;
  /** The new value, with the input event (for fields that reformat what is typed). */
  onInput(value: string, event: InputEvent): void;
  /** Not called when the field loses focus because it is being removed. */
  onBlur?(): void;
  /** Password fields: whether the text is shown, and the catalog for the toggle's label. */
  shown?: boolean;
  onToggle?(): void;
  messages?: Messages;
  /** Where a dialog puts focus when it opens (`autofocus`). */
  autofocus?: boolean;
}

function inputValue(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

/** Renders a field the way every editor and dialog shows it. */
export function renderField(f: FieldView): TemplateResult {
  const described = [f.hint && `${f.id}-hint`, f.error && `${f.id}-error`].filter(Boolean).join(' ');
  const secret = f.type === 'password';
  const tel = f.type === 'tel';
  const onBlur = (event: FocusEvent) => {
    const input = event.target as Element;
    queueMicrotask(() => input.isConnected && f.onBlur?.());
  };
  return html`
    <div class="field">
      <label for=${f.id}>${f.label}</label>
      <div class="control">
        <input id=${f.id} name=${f.id} type=${secret && f.shown ? 'text' : f.type ?? 'text'} .value=${f.value}
          autocomplete=${f.autocomplete} spellcheck="false" autocapitalize="off" ?autofocus=${f.autofocus}
          inputmode=${tel ? 'tel' : nothing} dir=${tel ? 'ltr' : nothing} part=${f.part ?? nothing}
          aria-invalid=${f.error ? 'true' : 'false'} aria-describedby=${described || nothing}
          @input=${(event: InputEvent) => f.onInput(inputValue(event), event)} @blur=${onBlur}>
        ${secret && f.messages ? html`<button type="button" aria-controls=${f.id} @click=${f.onToggle}>${
          f.shown ? f.messages['field.hide'] : f.messages['field.show']}<span class="visually-hidden"> ${f.label}</span></button>` : nothing}
      </div>
      ${f.hint ? html`<div id="${f.id}-hint" class="hint">${f.hint}</div>` : nothing}
      ${f.error ? html`<p id="${f.id}-error" class="error" role="alert">${f.error}</p>` : nothing}
    </div>`;
}

/**
 * The form's one polite live region: "Saving…" while a request is on its way, then the
 * outcome. It stays in the DOM (so changes are announced) and shows only with an outcome.
 */
export function renderStatus(text: string | TemplateResult, visible = text !== ''): TemplateResult {
  return html`<p class="status ${visible ? '' : 'visually-hidden'}" role="status" part="status">${text}</p>`;
}

/** A general failure (not about one field), announced. */
export function renderAlert(text: string): TemplateResult | typeof nothing {
  return text ? html`<p class="error" role="alert" part="error">${text}</p>` : nothing;
}

export const fieldStyles = css`
  form { display: grid; gap: var(--_gap); }
  .control { display: flex; gap: calc(var(--_gap) / 2); }
  .control input { flex: 1; min-width: 0; }
  fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 6px; }
  legend { font-weight: 600; padding: 0; margin-bottom: 4px; }
  .check { display: flex; gap: 8px; align-items: center; font-weight: normal; min-height: 24px; }
  .check input { width: 1.1em; min-height: 1.1em; margin: 0; }
`;
