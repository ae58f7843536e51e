import { html, LitElement } from 'lit';
import { defineElement } from '../../utils/define-element.js';

/** Placeholder: the tiktok editor lands with its own issue. */
export class UspTiktokEditor extends LitElement {
  protected override render() {
    return html`<p>…</p>`;
  }
}

defineElement('usp-tiktok-editor', UspTiktokEditor);
