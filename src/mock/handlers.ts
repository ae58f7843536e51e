/**
 * MSW 2 handlers for the whole default contract (SPEC §4), backed by a {@link MockBackendState}.
 * They work with `msw/browser` (demo, Storybook, browser tests) and `msw/node` (give an absolute
 * `apiBase` there).
 *
 * ```ts
 * const state = new MockBackendState();
 * const worker = setupWorker(...createHandlers(state, { apiBase: '/api' }));
 * ```
 *
 * Every request: pending TikTok decisions are applied, the request is logged in `state.requests`,
 * then the scenarios (see scenarios.ts), then a repeated `Idempotency-Key` gets its first answer
 * (idempotency.ts), then the route's own rules (`routes/`, `tiktok.ts`) — which check the body
 * against the contract's schema first (`400 invalid_request` naming the field), so a user never
 * re-verifies only to learn that the input was wrong. Statuses follow SPEC §4.2's table
 * (`src/api/error-status.ts`); the deterministic triggers of every error are in `triggers.ts`,
 * documented in `docs/mock-triggers.md` (generated).
 *
 * ## Re-verification
 * A token from `POST /reauth` is valid for 5 minutes and any number of calls. Under
 * `reauthRequired`, every changing request needs one except `POST /reauth/challenges` and
 * `POST /reauth`, and except confirming or resending a verification that was itself started with a
 * valid token (the step-up is bound to that verification). Setting a first password always needs
 * one, unless the profile offers no re-verification method at all (preset `tiktokOnly`).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { routes, type RouteName } from '../api/routes.js';
import { errorResponse, serverError } from './errors.js';
import { IdempotencyStore } from './idempotency.js';
import { logRequest } from './request-log.js';
import type { MockContext, RouteLogic } from './routes/context.js';
import { confirmEmail, startEmailVerification } from './routes/email.js';
import { changePassword, getProfile } from './routes/password.js';
import { confirmPhone, removePhone, startPhoneVerification } from './routes/phone.js';
import { reauth, resendVerification, startReauthChallenge } from './routes/reauth.js';
import { scenarioApplies } from './scenarios.js';
import type { MockBackendState } from './state.js';
import { avatarHandler, createTiktokLinkSession, getTiktokLinkSession, unlinkTiktok, upgradeTiktokToBusiness } from './tiktok.js';
import type { MockRequestRecord } from './types.js';

export { contractError, errorResponse, MOCK_ERROR_MESSAGES, SERVER_ERROR_CODE } from './errors.js';
export { MOCK_ERROR_TABLE, MOCK_TRIGGERS, type MockErrorTrigger } from './triggers.js';

export interface MockHandlersOptions {
  /** Base of the contract's paths, as given to the panel's `api-base`. Default `/api`. */
  apiBase?: string;
  /**
   * The simulated authorize page. Default `${location.origin}/mock-tiktok-authorize.html`
   * (it must be a real static file: MSW never answers navigations).
   */
  authorizePageUrl?: string;
  /**
   * Origins besides the authorize page's own that a link session's `returnUrl` may point to
   * (the Node mock server allows the origins allowed to call it). Default: none.
   */
  isAllowedReturnOrigin?: (origin: string) => boolean;
}

/** Each route's own rules. */
const logic: Record<RouteName, RouteLogic> = {
  getProfile,
  changePassword,
  startEmailVerification,
  confirmEmail,
  startPhoneVerification,
  confirmPhone,
  removePhone,
  resendVerification,
  createTiktokLinkSession,
  getTiktokLinkSession,
  unlinkTiktok,
  upgradeTiktokToBusiness,
  startReauthChallenge,
  reauth,
};

/** MSW handlers for every route of `routes`, sharing `state`. */
export function createHandlers(state: MockBackendState, options: MockHandlersOptions = {}): HttpHandler[] {
  const apiBase = (options.apiBase ?? '/api').replace(/\/+$/, '');
  const basePath = new URL(apiBase || '/', 'http://mock.invalid').pathname.replace(/\/+$/, '');
  const contract = (Object.keys(routes) as RouteName[]).map((name) => {
    const route = routes[name];
    const path = apiBase + route.path.replace(/\{(\w+)\}/g, ':$1');
    const method = route.method === 'GET' ? http.get : route.method === 'POST' ? http.post : http.delete;
    return method(path, async ({ request, params }) => {
      state.syncLinkDecisions();
      const record = await logRequest(state, request, name, basePath);
      const ctx: MockContext = {
        state,
        request,
        params: stringParams(params),
        body: record.body,
        reauthToken: request.headers.get('x-reauth-token'),
        authorizePageUrl: options.authorizePageUrl,
        isAllowedReturnOrigin: options.isAllowedReturnOrigin,
      };
      const response = await answer(name, ctx, record);
      record.status = response.type === 'error' ? 0 : response.status;
      return response;
    });
  });
  return [...contract, avatarHandler()];
}

function stringParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') result[key] = value;
  return result;
}

/**
 * Scenarios that fail every request first (offline, latency, signed out), then a repeated
 * `Idempotency-Key`'s kept answer, else the request runs (and its answer is kept when final).
 */
async function answer(name: RouteName, ctx: MockContext, record: MockRequestRecord): Promise<Response> {
  const { state } = ctx;
  const { scenarios } = state;
  if (scenarioApplies(scenarios.offline, name)) return HttpResponse.error();
  if (scenarios.latencyMs > 0) await delay(scenarios.latencyMs);
  if (scenarios.signedOut) return errorResponse(401, 'unauthenticated');
  const replayKey = IdempotencyStore.keyOf(ctx.request, record.path);
  const requestBody = typeof record.body === 'string' ? record.body : JSON.stringify(record.body ?? null);
  const replayed = replayKey ? state.idempotency.replay(replayKey, requestBody) : undefined;
  if (replayed) {
    record.replayed = true;
    return replayed;
  }
  const response = await run(name, ctx);
  if (replayKey) await state.idempotency.keep(replayKey, requestBody, response);
  return response;
}

/** The scenarios that answer instead of the route (server errors, malformed, rate limited), else the route. */
async function run(name: RouteName, ctx: MockContext): Promise<Response> {
  const route = routes[name];
  const { scenarios } = ctx.state;
  if (scenarioApplies(scenarios.serverErrors, name)) return serverError();
  if (route.response && scenarioApplies(scenarios.malformed, name)) {
    return HttpResponse.json({ userId: 42, unexpected: 'this is not the contract' }, { status: 200 });
  }
  if (route.method !== 'GET' && scenarioApplies(scenarios.rateLimited, name)) {
    return errorResponse(429, 'rate_limited', { retryAfterSeconds: scenarios.retryAfterSeconds });
  }
  return logic[name](ctx);
}
