/**
 * The demo (`npm run dev`): `<user-settings-panel>` in the three hosts of SPEC §2, backed by the
 * stateful mock backend (MSW) running in this page, with a dev toolbar, a dev inbox and an event log.
 */
import '../src/locales/fr.js';
import '../src/locales/ar.js';
import { registerPseudoLocales } from '../src/i18n/pseudo.js';
import { startMockBackend } from '../src/mock/browser.js';
import { MOCK_PASSWORD } from '../src/mock/index.js';
import { setupAdsManager } from './ads-manager.js';
import { setupEventLog } from './event-log.js';
import { setupInbox } from './inbox.js';
import { API_BASE, configurePanel, remountStaticPanels } from './panels.js';
import { settings } from './settings.js';
import { setupToolbar } from './toolbar.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Marks the Business Center deep link that matches the address bar. */
function syncDeepLinks(): void {
  for (const link of $('bc-deep-links').querySelectorAll('a')) {
    if (link.hash === location.hash) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

// Dev only: the pseudo-locales are generated from English here, not shipped.
registerPseudoLocales();

async function main(): Promise<void> {
  const status = $('boot-status');
  $('mock-password').textContent = MOCK_PASSWORD;
  setupEventLog($('event-log'), $<HTMLButtonElement>('clear-log'));
  syncDeepLinks();
  addEventListener('hashchange', syncDeepLinks);

  // The worker must answer before the first panel asks for /me, so the elements are defined
  // only once it runs. `persist` keeps the mock's state across the mobile-lite TikTok redirect.
  const mock = await startMockBackend({ apiBase: API_BASE, preset: settings.preset, persist: true });
  for (const panel of document.querySelectorAll('user-settings-panel')) configurePanel(panel);
  await import('../src/define.js');

  const dropdown = setupAdsManager($<HTMLButtonElement>('am-profile'), $('am-popover'));
  setupToolbar(mock, () => {
    remountStaticPanels();
    if (dropdown.isOpen) {
      dropdown.close({ restoreFocus: false });
      dropdown.open();
    }
  });
  setupInbox(mock.inbox, $('inbox'), $('toast'));
  status.textContent = 'Mock backend running in this page (MSW).';
}

main().catch((error: unknown) => {
  const status = $('boot-status');
  status.dataset.state = 'error';
  status.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
