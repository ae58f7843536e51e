import type { Section } from '../context/settings-context.js';

/*
 * Internal events: how the panel's own parts talk to each other. None is `composed`, so none
 * leaves the shadow root it was fired in, and none carries a code or password (a parent reads
 * the code input's value itself). Public events are in `events.ts`.
 */

/** A sub-element opened or closed its editor (the panel shows one at a time when compact). */
export class SectionToggleEvent extends Event {
  static readonly type = 'usp-section-toggle';
  constructor(readonly section: Section, readonly open: boolean) {
    super(SectionToggleEvent.type, { bubbles: true });
  }
}

/** An editor is done (saved or cancelled); the sub-element around it closes it. */
export class EditorCloseEvent extends Event {
  static readonly type = 'usp-editor-close';
  constructor() {
    super(EditorCloseEvent.type, { bubbles: true });
  }
}

/** Six digits are in the code input (typed, pasted, autofilled), or Enter was pressed on them. */
export class CodeCompleteEvent extends Event {
  static readonly type = 'usp-code-complete';
  constructor() {
    super(CodeCompleteEvent.type);
  }
}

/** The user asked the code input for a new code. */
export class CodeResendEvent extends Event {
  static readonly type = 'usp-code-resend';
  constructor() {
    super(CodeResendEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'usp-section-toggle': SectionToggleEvent;
    'usp-editor-close': EditorCloseEvent;
    'usp-code-complete': CodeCompleteEvent;
    'usp-code-resend': CodeResendEvent;
  }
}
