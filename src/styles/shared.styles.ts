import { css } from 'lit';

/**
 * Theme tokens (`--usp-*`, each with its default here) and the few building blocks every
 * element shares: buttons, fields, messages. Hosts restyle through the tokens and `::part`.
 */
export const sharedStyles = css`
  :host {
    --_fg: var(--usp-color-text, #161823);
    --_muted: var(--usp-color-text-muted, #5c5f66);
    --_bg: var(--usp-color-surface, #ffffff);
    --_line: var(--usp-color-border, #d0d3d9);
    --_accent: var(--usp-color-accent, #0a65cc);
    --_on-accent: var(--usp-color-on-accent, #ffffff);
    --_danger: var(--usp-color-danger, #c4122f);
    --_ok: var(--usp-color-success, #0b7a3e);
    --_radius: var(--usp-radius, 8px);
    --_gap: var(--usp-space, 16px);
    --_target: var(--usp-target-size, 36px);
    display: block;
    color: var(--_fg);
    font: var(--usp-font, 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }
  :host([hidden]) { display: none; }
  * { box-sizing: border-box; }
  h2, h3 { font-size: 1.1em; margin: 0; }
  p { margin: 0; }
  .muted { color: var(--_muted); }
  .stack { display: grid; gap: calc(var(--_gap) * 0.75); }
  /* The row of buttons that ends a form, a step or a dialog. */
  .actions { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_gap) / 2); }
  .row { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_gap) / 2); }
  button, .button {
    min-height: var(--_target); min-width: var(--_target);
    padding: 0 14px; border-radius: var(--_radius);
    border: 1px solid var(--_line); background: var(--_bg); color: var(--_fg);
    font: inherit; font-weight: 600; cursor: pointer; text-decoration: none;
    display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  }
  button.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
  button.danger { border-color: var(--_danger); color: var(--_danger); }
  button.link { border: none; background: none; color: var(--_accent); padding: 0 4px; }
  button[aria-disabled='true'], button:disabled { opacity: 0.6; cursor: not-allowed; }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  label { font-weight: 600; }
  input, select {
    width: 100%; min-height: var(--_target); padding: 6px 10px;
    border: 1px solid var(--_line); border-radius: var(--_radius);
    font: inherit; color: inherit; background: var(--_bg);
  }
  input[aria-invalid='true'] { border-color: var(--_danger); }
  .field { display: grid; gap: 4px; }
  .hint { color: var(--_muted); font-size: 0.9em; }
  .error { color: var(--_danger); font-size: 0.9em; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
  }
`;
