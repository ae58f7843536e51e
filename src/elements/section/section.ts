import { css, html, nothing, type TemplateResult } from 'lit';
import type { Section } from '../../context/settings-context.js';

/** Internal: a sub-element opened or closed its editor (the panel shows one at a time when compact). */
export class SectionToggleEvent extends Event {
  static readonly type = 'usp-section-toggle';
  constructor(readonly section: Section, readonly open: boolean) {
    super(SectionToggleEvent.type, { bubbles: true, composed: true });
  }
}

/** Internal: an editor is done (saved or cancelled); the sub-element around it closes it. */
export class EditorCloseEvent extends Event {
  static readonly type = 'usp-editor-close';
  constructor() {
    super(EditorCloseEvent.type);
  }
}

/** A sub-element that can open and close its editor. */
export interface SectionHost extends HTMLElement {
  open: boolean;
}

/** Opens or closes a section's editor and tells the panel. */
export function toggleSection(host: SectionHost, section: Section, open = !host.open): void {
  host.open = open;
  host.dispatchEvent(new SectionToggleEvent(section, open));
}

export interface SectionView {
  id: Section;
  title: string;
  /** The summary: current value and its state. */
  value: TemplateResult | string;
  /** Label of the button that opens the editor; no button when absent. */
  action?: string;
  open: boolean;
  onToggle: () => void;
  /** The editor, rendered only while open. */
  editor: () => unknown;
}

/** The anatomy every capability shares: a summary row whose button opens its editor below. */
export function renderSection(view: SectionView): TemplateResult {
  const titleId = `usp-${view.id}-title`;
  const editorId = `usp-${view.id}-editor`;
  return html`
    <section part="section">
      <div class="summary" part="summary">
        <div class="summary-text">
          <h3 id=${titleId} part="section-title">${view.title}</h3>
          <div class="summary-value" part="summary-value">${view.value}</div>
        </div>
        ${view.action && !view.open
          ? html`<button part="action" aria-expanded="false" aria-controls=${editorId}
              @click=${view.onToggle}>${view.action}<span class="visually-hidden"> ${view.title}</span></button>`
          : nothing}
      </div>
      ${view.open ? html`<div id=${editorId} class="editor" part="editor">${view.editor()}</div>` : nothing}
    </section>
  `;
}

export const sectionStyles = css`
  section { display: grid; gap: var(--_gap); padding: var(--_gap) 0; }
  .summary { display: flex; align-items: center; justify-content: space-between; gap: var(--_gap); }
  .summary-text { display: grid; gap: 2px; min-width: 0; }
  .summary-value { color: var(--_muted); overflow-wrap: anywhere; }
  .badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 0.85em; background: var(--_badge); color: var(--_fg); }
  .badge.ok { background: var(--_badge-ok); color: var(--_ok); }
  .editor:empty, .editor > :not(:defined) { display: block; min-height: 120px; }
`;
