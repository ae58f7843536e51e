import { css } from 'lit';

/**
 * Theme tokens (`--usp-*`, each with its default here) and the few building blocks every
 * element shares: buttons, fields, messages. Hosts restyle through the tokens and `::part`.
 *
 * Light and dark: each default is a `light-dark()` pair, resolved by the element's
 * `color-scheme`: `--usp-color-scheme` when a host sets it (`light` or `dark` pins one),
 * else the user's `prefers-color-scheme`. `theme="light|dark"` on an element pins it too.
 * Lines that carry meaning (field and button borders, focus ring) reach 3:1 against the
 * surface in both schemes; forced colours (Windows High Contrast) get system colours.
 */
export const sharedStyles = css`
  :host {
    color-scheme: var(--usp-color-scheme, light dark);
    --_fg: var(--usp-color-text, light-dark(#161823, #e9eaee));
    --_muted: var(--usp-color-text-muted, light-dark(#5c5f66, #a7acb6));
    --_bg: var(--usp-color-surface, light-dark(#ffffff, #17191f));
    /* Separators only: decorative, so below 3:1 on purpose. */
    --_line: var(--usp-color-border, light-dark(#d0d3d9, #3b3f49));
    /* Borders that identify a control (inputs, buttons, checkboxes): at least 3:1. */
    --_control: var(--usp-color-control-border, light-dark(#767b85, #858b96));
    --_accent: var(--usp-color-accent, light-dark(#0a65cc, #7ab3ff));
    --_on-accent: var(--usp-color-on-accent, light-dark(#ffffff, #0b1530));
    --_danger: var(--usp-color-danger, light-dark(#c4122f, #ff8a98));
    --_danger-surface: var(--usp-color-danger-surface, light-dark(#fdeef0, #3a1820));
    --_ok: var(--usp-color-success, light-dark(#0b7a3e, #5fd39a));
    --_badge: var(--usp-color-badge, light-dark(#eef1f5, #2a2e37));
    --_badge-ok: var(--usp-color-badge-success, light-dark(#e3f4ea, #163726));
    --_highlight: var(--usp-color-highlight, light-dark(#e8f0fb, #1f3354));
    --_radius: var(--usp-radius, 8px);
    --_gap: var(--usp-space, 16px);
    --_target: var(--usp-target-size, 36px);
    display: block;
    color: var(--_fg);
    accent-color: var(--_accent);
    font: var(--usp-font, 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }
  :host([theme='light']) { --usp-color-scheme: light; }
  :host([theme='dark']) { --usp-color-scheme: dark; }
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
    border: 1px solid var(--_control); background: var(--_bg); color: var(--_fg);
    font: inherit; font-weight: 600; cursor: pointer; text-decoration: none;
    display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  }
  button.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
  button.danger { border-color: var(--_danger); color: var(--_danger); }
  button.link { border: none; background: none; color: var(--_accent); padding: 0 4px; }
  button[aria-disabled='true'], button:disabled { opacity: 0.6; cursor: not-allowed; }
  /* A link is a target too (44 px on mobile lite). */
  a { color: var(--_accent); display: inline-flex; align-items: center; min-height: var(--_target); }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  label { font-weight: 600; }
  input, select {
    width: 100%; min-height: var(--_target); padding: 6px 10px;
    border: 1px solid var(--_control); border-radius: var(--_radius);
    font: inherit; color: inherit; background: var(--_bg);
  }
  input[aria-invalid='true'] { border-color: var(--_danger); }
  /* A checkbox or radio row is one target: its label, as tall as a button. */
  label.check { min-height: var(--_target); }
  .badge { background: var(--_badge); color: var(--_fg); }
  .badge.ok { background: var(--_badge-ok); color: var(--_ok); }
  .field { display: grid; gap: 4px; }
  .hint { color: var(--_muted); font-size: 0.9em; }
  .error { color: var(--_danger); font-size: 0.9em; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
  }
  @media (forced-colors: active) {
    /* Colours are the user's; keep every cue that colour alone gave as a line or a system colour. */
    button, .button { border-color: ButtonText; }
    button.link { text-decoration: underline; }
    input, select { border-color: FieldText; }
    input[aria-invalid='true'] { border-width: 2px; }
    :focus-visible { outline-color: Highlight; }
    .badge { border: 1px solid CanvasText; }
  }
`;
