import { html, LitElement } from 'lit';
import { defineElement } from '../../utils/define-element.js';

/** Placeholder: the phone editor lands with its own issue. */
export class UspPhoneEditor extends LitElement {
  protected override render() {
    return html`<p>…</p>`;
  }
}

defineElement('usp-phone-editor', UspPhoneEditor);
