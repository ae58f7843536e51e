import { css } from 'lit';

export const panelStyles = css`
  :host {
    background: var(--_bg);
    border-radius: var(--_radius);
    container-type: inline-size;
  }
  /* Defaults for the phone host; sub-elements inherit them, and a host's own values win. */
  :host([host='mobile-lite']) {
    --usp-target-size: 44px;
    --usp-font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  .panel { display: grid; gap: var(--_gap); padding: var(--usp-panel-padding, var(--_gap)); }
  header { display: flex; align-items: start; justify-content: space-between; gap: var(--_gap); }
  header h2 { font-size: 1.3em; }
  :host([host='ads-manager']) header h2 { font-size: 1.1em; }
  :host([host='ads-manager']) .intro { display: none; }
  .sections > * + * { border-top: 1px solid var(--_line); }
  :host([host='business-center']) .sections > *,
  :host([host='standalone']) .sections > * {
    border: 1px solid var(--_line); border-radius: var(--_radius); padding: 0 var(--_gap);
  }
  :host([host='business-center']) .sections,
  :host([host='standalone']) .sections { display: grid; gap: var(--_gap); }
  .skeleton { display: grid; gap: 12px; }
  .skeleton span {
    height: 44px; border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_badge), var(--_bg), var(--_badge)) 0 0 / 200% 100%;
    animation: shimmer 1.2s linear infinite;
  }
  @keyframes shimmer { to { background-position: -200% 0; } }
  @media (prefers-reduced-motion: reduce) { .skeleton span { animation: none; } }
  .banner {
    display: grid; gap: 8px; padding: 12px; border-radius: var(--_radius);
    border: 1px solid var(--_danger); background: var(--_danger-surface);
  }
  /* A failed refresh: quiet, above the sections, never in place of them. Empty, the live region
     stays rendered (so what is inserted is announced) but out of the grid's flow (no gap). */
  .notice:empty { position: absolute; }
  .notice { display: flex; flex-wrap: wrap; gap: 4px var(--_gap); font-size: 0.9em; }
  footer { font-size: 0.9em; display: grid; gap: 4px; }
  /* "Back" points the way the page reads. */
  .back { display: inline-block; }
  :host([dir='rtl']) .back { transform: scaleX(-1); }
  footer a { color: var(--_accent); }
`;
