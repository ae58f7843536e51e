/** The demo's own choices (preset, language, host veto), kept for this tab so a TikTok redirect comes back to them. */
import { presetNames, type MockPresetName } from '../src/mock/index.js';

export const demoLocales = ['en', 'fr', 'ar', 'en-XA', 'ar-XB'] as const;
export const demoThemes = ['auto', 'light', 'dark'] as const;

export interface DemoSettings {
  preset: MockPresetName;
  locale: (typeof demoLocales)[number];
  /** `auto` follows the system's `prefers-color-scheme`; otherwise the panels' `theme`. */
  theme: (typeof demoThemes)[number];
  /** The host answers `usp-unlink-requested` with `preventDefault()`. */
  vetoUnlink: boolean;
}

const KEY = 'usp-demo:settings';
const defaults: DemoSettings = { preset: 'default', locale: 'en', theme: 'auto', vetoUnlink: false };

function load(): DemoSettings {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<DemoSettings>;
    return {
      preset: presetNames.includes(stored.preset as MockPresetName) ? stored.preset! : defaults.preset,
      locale: demoLocales.includes(stored.locale!) ? stored.locale! : 'en',
      theme: demoThemes.includes(stored.theme!) ? stored.theme! : 'auto',
      vetoUnlink: stored.vetoUnlink === true,
    };
  } catch {
    return { ...defaults };
  }
}

export const settings: DemoSettings = load();

/** Changes some settings and keeps them for the tab. */
export function saveSettings(changes: Partial<DemoSettings>): void {
  Object.assign(settings, changes);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    /* storage blocked: the demo still works, it just forgets */
  }
}
