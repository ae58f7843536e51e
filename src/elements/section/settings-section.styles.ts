import { css } from 'lit';

/** The anatomy every capability shares: a summary row whose button opens its editor below. */
export const settingsSectionStyles = css`
  section { display: grid; gap: var(--_gap); padding: var(--_gap) 0; }
  .summary { display: flex; align-items: center; justify-content: space-between; gap: var(--_gap); }
  .summary-text { display: grid; gap: 2px; min-width: 0; }
  .summary-value { color: var(--_muted); overflow-wrap: break-word; }
  .badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 0.85em; background: var(--_badge); color: var(--_fg); }
  .badge.ok { background: var(--_badge-ok); color: var(--_ok); }
  .editor:empty, .editor > :not(:defined) { display: block; min-height: 120px; }
`;
