import { css } from 'lit';

/** The TikTok manager's own rules (benefits list, account card); the rest is `sharedStyles`. */
export const tiktokEditorStyles = css`
  ul { margin: 0; padding-inline-start: 1.25em; }
  .card { display: flex; gap: 12px; align-items: center; }
  .names { display: grid; gap: 2px; }
  .avatar { width: 48px; height: 48px; border-radius: 50%; flex: none; object-fit: cover;
    display: grid; place-items: center; background: var(--_line); font-size: 1.4em; font-weight: 600; }
  .badge { padding: 0 8px; border-radius: 999px; font-size: 0.85em; background: var(--_badge); }
`;
