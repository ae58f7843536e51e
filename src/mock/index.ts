/**
 * The stateful mock of the default backend contract (SPEC §4), for the demo, Storybook, the
 * project's tests and integrators' own tests. This entry imports no service worker, so it works
 * with `msw/node` too:
 *
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createHandlers, MockBackendState } from 'user-settings-panel/mock';
 * const state = new MockBackendState({ preset: 'phoneOnly' });
 * const server = setupServer(...createHandlers(state, { apiBase: 'https://api.test/v1' }));
 * ```
 *
 * In the browser, `startMockBackend` (from `./browser.js`) starts the worker for you.
 */
export { createHandlers, type MockHandlersOptions } from './handlers.js';
export { contractError, errorResponse, MOCK_ERROR_MESSAGES, SERVER_ERROR_CODE, serverError, type ErrorDetail } from './errors.js';
export { MOCK_ERROR_TABLE, MOCK_TRIGGERS, type MockErrorTrigger } from './triggers.js';
export {
  CODE_TTL_MS,
  LINK_SESSION_TTL_MS,
  MAX_CODE_ATTEMPTS,
  MAX_SENDS_PER_WINDOW,
  maskEmail,
  maskPhone,
  MOCK_PASSWORD,
  MOCK_STATE_STORAGE_KEY,
  MOCK_TIKTOK_AVATAR_URL,
  MockBackendState,
  presetNames,
  presets,
  REAUTH_TOKEN_TTL_MS,
  RESEND_AFTER_MS,
  SEND_WINDOW_MS,
  TIKTOK_DECISION_KEY_PREFIX,
  type MockBackendStateOptions,
  type MockLinkSession,
  type MockPersistOptions,
  type MockPresetName,
  type MockRequestRecord,
  type MockStateListener,
  type MockVerification,
  type MockVerificationKind,
  type TiktokDecision,
} from './state.js';
export {
  MockInbox,
  type MockCodePurpose,
  type MockInboxEntry,
  type MockInboxFilter,
  type MockInboxListener,
} from './inbox.js';
export {
  DEFAULT_SCENARIOS,
  MockScenarios,
  scenarioApplies,
  type MockScenarioFlags,
  type MockScenariosListener,
  type ScenarioScope,
} from './scenarios.js';
