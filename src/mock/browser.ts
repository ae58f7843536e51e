/**
 * Starts the stateful mock backend in the browser (demo, Storybook, browser tests) with an MSW
 * service worker. Serve `mockServiceWorker.js` at the site root and `mock-tiktok-authorize.html`
 * (+ `.js`) beside it.
 *
 * @example
 * ```ts
 * const mock = await startMockBackend({ apiBase: '/api', preset: 'tiktokSignup', persist: true });
 * mock.inbox.subscribe((entries) => showInbox(entries));
 * mock.scenarios.set({ latencyMs: 1200 });
 * ```
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { Profile } from '../api/schemas.js';
import { createHandlers, errorResponse } from './handlers.js';
import type { MockInbox } from './inbox.js';
import type { MockScenarios } from './scenarios.js';
import { MockBackendState, TIKTOK_DECISION_KEY_PREFIX, type MockPresetName } from './state.js';

export interface StartMockBackendOptions {
  /** Base of the mocked contract. Default `/api`. */
  apiBase?: string;
  /** Starting preset (default `default`); ignored when persisted state is restored. */
  preset?: MockPresetName;
  /** Shallow overrides of the preset's profile. */
  profile?: Partial<Profile>;
  /** Keep the state in sessionStorage across page loads (needed for the TikTok redirect flow). Default false. */
  persist?: boolean;
  /** Silence MSW's console messages. Default true. */
  quiet?: boolean;
  /** Where the worker script is served. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  /** The simulated TikTok authorize page. Default `${location.origin}/mock-tiktok-authorize.html`. */
  authorizePageUrl?: string;
}

export interface MockBackend {
  state: MockBackendState;
  inbox: MockInbox;
  scenarios: MockScenarios;
  worker: SetupWorker;
  /** Stops the worker and forgets this instance (a later `startMockBackend` starts afresh). */
  stop(): void;
}

const INSTANCE = Symbol.for('user-settings-panel:mock-backend');
type Holder = { [INSTANCE]?: Promise<MockBackend> };

/**
 * Starts the worker once per page: a second call returns the running instance (its options are
 * ignored; use `state.reset()` to change the preset). Requests under `apiBase` that match no
 * route fail loudly (`onUnhandledRequest` 'error': MSW logs an error and the request answers
 * `404 not_found`, never reaching a real server); everything else passes through.
 */
export function startMockBackend(options: StartMockBackendOptions = {}): Promise<MockBackend> {
  const holder = globalThis as Holder;
  const running = holder[INSTANCE];
  if (running) return running;
  const started = start(options, () => {
    if (holder[INSTANCE] === started) delete holder[INSTANCE];
  });
  holder[INSTANCE] = started;
  started.catch(() => {
    if (holder[INSTANCE] === started) delete holder[INSTANCE];
  });
  return started;
}

async function start(options: StartMockBackendOptions, forget: () => void): Promise<MockBackend> {
  const apiBase = options.apiBase ?? '/api';
  const state = new MockBackendState({ preset: options.preset, profile: options.profile, persist: options.persist ?? false });
  const worker = setupWorker(...createHandlers(state, { apiBase, authorizePageUrl: options.authorizePageUrl }));
  const base = new URL(apiBase, location.href);
  const basePath = base.pathname.replace(/\/+$/, '');
  await worker.start({
    quiet: options.quiet ?? true,
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest(request, print) {
      const url = new URL(request.url);
      if (url.origin !== base.origin || (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`))) return;
      // The 'error' strategy for the contract: log MSW's error, and never let the request reach a
      // real server. (In msw 2.15 a callback's print.error() only logs; a thrown Response is answered.)
      print.error();
      throw errorResponse(404, 'not_found', { message: `The mock backend has no route ${request.method} ${url.pathname}.` });
    },
  });
  // The authorize page (popup or other tab) writes its decision to localStorage: apply it at once.
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith(TIKTOK_DECISION_KEY_PREFIX)) state.syncLinkDecisions();
  };
  addEventListener('storage', onStorage);
  let stopped = false;
  return {
    state,
    inbox: state.inbox,
    scenarios: state.scenarios,
    worker,
    stop() {
      if (stopped) return;
      stopped = true;
      removeEventListener('storage', onStorage);
      worker.stop();
      forget();
    },
  };
}
