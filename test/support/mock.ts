/** The mock backend of a test page, for tests with or without the UI (imports no element). */
import type { Profile } from '../../src/api/schemas.js';
import { startMockBackend, type MockBackend } from '../../src/mock/browser.js';
import type { MockPresetName } from '../../src/mock/state.js';

/** The mock backend of this test page (started once), reset to `preset` with `profile` overrides. */
export async function mockBackend(preset: MockPresetName = 'default', profile?: Partial<Profile>): Promise<MockBackend> {
  const mock = await startMockBackend({ apiBase: '/api' });
  mock.state.reset(preset, profile);
  return mock;
}

/** Requests the mock received for a route. */
export const requestsTo = (mock: MockBackend, route: string) => mock.state.requests.filter((r) => r.route === route);
