import { html, LitElement } from 'lit';
import { defineElement } from '../../utils/define-element.js';

/** Placeholder: the password editor lands with its own issue. */
export class UspPasswordEditor extends LitElement {
  protected override render() {
    return html`<p>…</p>`;
  }
}

defineElement('usp-password-editor', UspPasswordEditor);
