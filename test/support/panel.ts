/** Mounting helpers shared by the browser tests. */
import { fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { UserSettingsPanel } from '../../src/elements/user-settings-panel/user-settings-panel.js';
import { startMockBackend, type MockBackend } from '../../src/mock/browser.js';
import type { MockPresetName } from '../../src/mock/state.js';
import { deepText, waitFor } from './dom.js';

/** The mock backend of this test page (started once), reset to `preset`. */
export async function mockBackend(preset: MockPresetName = 'default'): Promise<MockBackend> {
  const mock = await startMockBackend({ apiBase: '/api' });
  mock.state.reset(preset);
  return mock;
}

export interface MountOptions {
  host?: string;
  sections?: string;
  locale?: string;
  /** Wait until `/me` has been answered and the summary shows (default true). */
  loaded?: boolean;
}

/** Mounts `<user-settings-panel>` against the mock at `/api`. */
export async function mountPanel({ host = 'business-center', sections = '', locale = 'en', loaded = true }: MountOptions = {}) {
  const panel = await fixture<UserSettingsPanel>(html`
    <user-settings-panel api-base="/api" host=${host} sections=${sections} locale=${locale}></user-settings-panel>`);
  if (loaded) await waitFor(() => panel.shadowRoot!.querySelector('.sections'), { message: 'the panel to load' });
  return panel;
}

/** Requests the mock received for a route. */
export const requestsTo = (mock: MockBackend, route: string) => mock.state.requests.filter((r) => r.route === route);

export { deepText, waitFor };
