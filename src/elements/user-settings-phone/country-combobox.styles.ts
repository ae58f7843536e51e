import { css } from 'lit';

/**
 * The styles of `<usp-country-combobox>`, for the shadow root it renders into: the composing
 * element lists them after `sharedStyles` (whose `--_*` variables they use).
 */
export const countryComboboxStyles = css`
  .combo { position: relative; }
  [role='listbox'] {
    position: absolute; z-index: 2; inset-inline: 0; top: 100%; margin-top: 2px; max-height: 15em; overflow: auto;
    background: var(--_bg); border: 1px solid var(--_control); border-radius: var(--_radius); box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  [role='option'] { display: flex; align-items: center; justify-content: space-between; gap: 8px; min-height: var(--_target); padding: 4px 10px; cursor: pointer; }
  [role='option']:hover, [aria-selected='true'] { background: var(--_highlight); }
  [aria-selected='true'] { outline: 2px solid var(--_accent); outline-offset: -2px; }
  @media (forced-colors: active) {
    [aria-selected='true'] { forced-color-adjust: none; background: Highlight; color: HighlightText; outline-color: HighlightText; }
  }
`;
