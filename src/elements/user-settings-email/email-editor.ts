import { html, LitElement } from 'lit';
import { defineElement } from '../../utils/define-element.js';

/** Placeholder: the email editor lands with its own issue. */
export class UspEmailEditor extends LitElement {
  protected override render() {
    return html`<p>…</p>`;
  }
}

defineElement('usp-email-editor', UspEmailEditor);
