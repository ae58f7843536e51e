/** The panels on the page: configure, relocalize and remount them. */
import type { UserSettingsPanel } from '../src/index.js';
import { settings } from './settings.js';

export const API_BASE = '/api';

/** Applies the demo's settings (API base, language, theme) to a panel before or after it is connected. */
export function configurePanel(panel: Element): void {
  panel.setAttribute('api-base', API_BASE);
  panel.setAttribute('locale', settings.locale);
  if (settings.theme === 'auto') panel.removeAttribute('theme');
  else panel.setAttribute('theme', settings.theme);
}

/** Every panel on the page, including the Ads Manager drop-down's while it is open. */
export function allPanels(): UserSettingsPanel[] {
  return [...document.querySelectorAll('user-settings-panel')];
}

/** Switches every panel to the current language and theme. */
export function applyLocale(): void {
  for (const panel of allPanels()) configurePanel(panel);
}

/**
 * Replaces every static panel with a fresh one (a new mount: one new `GET /me`), so a preset or a
 * scenario that matters at load shows. Returns the new panels.
 */
export function remountStaticPanels(): UserSettingsPanel[] {
  return allPanels()
    .filter((panel) => panel.getAttribute('host') !== 'ads-manager')
    .map((panel) => {
      const fresh = document.createElement('user-settings-panel');
      for (const { name, value } of [...panel.attributes]) if (name !== 'dir') fresh.setAttribute(name, value);
      configurePanel(fresh);
      panel.replaceWith(fresh);
      return fresh;
    });
}

/** Whether `root` (through open shadow roots) holds an open `<dialog>`. */
export function hasOpenDialog(root: ParentNode): boolean {
  if (root.querySelector('dialog[open]')) return true;
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot && hasOpenDialog(el.shadowRoot)) return true;
  return false;
}
