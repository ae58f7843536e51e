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
 * then the scenarios (see scenarios.ts), then the body is validated with the contract's schema
 * (`400 bad_request` when it does not parse), then the route's own rules. Validation of the input
 * comes before the re-verification check, so a user never re-verifies only to learn that the input
 * was wrong.
 *
 * ## Deterministic triggers (also exported as {@link MOCK_TRIGGERS} and {@link MOCK_ERROR_TABLE})
 *
 * | code | status | field | trigger |
 * | --- | --- | --- | --- |
 * | `unauthenticated` | 401 | | scenario `signedOut` |
 * | `reauth_required` | 403 | | scenario `reauthRequired` and no valid `X-Reauth-Token`; or setting a first password (`password.isSet` false) without one. `methods`: `password` if set, `email_code` if an email, `phone_code` if a phone |
 * | `reauth_invalid` | 422 | `password` / `code` | `POST /reauth` with a password other than the current one (or no password set), or a wrong code |
 * | `invalid_current_password` | 422 | `currentPassword` | `POST /password` with `currentPassword` missing or not {@link MOCK_PASSWORD} (when a password is set) |
 * | `password_policy` | 422 | `newPassword` | new password shorter than `passwordPolicy.minLength` (8) → `reasons: ['too_short']`, longer than `maxLength` (128) → `['too_long']` (counted in code points) |
 * | `password_breached` | 422 | `newPassword` | `password123`, `qwertyuiop`, `123456789012` (any case) |
 * | `email_invalid` | 422 | `email` | not `local@domain.tld` |
 * | `email_taken` | 409 | `email` | `taken@example.com` |
 * | `phone_invalid` | 422 | `phone` | not E.164 (`+` then 8 to 15 digits, first digit not 0) |
 * | `phone_taken` | 409 | `phone` | `+14155550000` |
 * | `code_invalid` | 422 | `code` | a wrong code for `POST /email` or `POST /phone` (1st to 4th wrong code) |
 * | `code_expired` | 422 | `code` | code `000000`, or a verification older than 10 minutes (`state.advanceTime`, `state.expireVerification`) |
 * | `too_many_attempts` | 403 | `code` | the 5th wrong code for one verification, and any later try |
 * | `rate_limited` | 429 | | a 6th code within 60 s (any send: email, phone, resend, reauth challenge); resend before `resendAvailableAt` (30 s); scenario `rateLimited`. `Retry-After` header + `retryAfterSeconds` |
 * | `last_login_method` | 409 | | `DELETE /phone` or `DELETE /tiktok/link` when that is the only sign-in method (no password, no verified email, nothing else; presets `phoneOnly`, `tiktokOnly`) |
 * | `tiktok_linking_unavailable` | 403 | | `POST /tiktok/link-sessions` while `tiktok.linkingAvailable` is false (preset or scenario `linkingUnavailable`) |
 * | `tiktok_account_in_use` | — | | link session decided `account_in_use`: `GET /tiktok/link-sessions/{state}` → `status: failed, error: tiktok_account_in_use` |
 * | `tiktok_not_linked` | 409 | | `DELETE /tiktok/link` with no linked account |
 * | `business_upgrade_ineligible` | 409 | | `POST /tiktok/business-upgrade` when not linked, already Business, or `businessUpgradeAvailable` false |
 *
 * Other answers: `400 bad_request` (body fails its schema, bad `returnUrl`, reauth method the profile
 * lacks), `404 not_found` (unknown verification or link session, no phone to remove),
 * `409 tiktok_already_linked`, `500 internal_error` (scenario `serverErrors`).
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
import type * as R from '../api/requests.js';
import type * as S from '../api/schemas.js';
import { IdempotencyStore } from './idempotency.js';
import { scenarioApplies } from './scenarios.js';
import {
  MAX_CODE_ATTEMPTS,
  MOCK_PASSWORD,
  MOCK_TIKTOK_AVATAR_URL,
  type MockBackendState,
  type MockRequestRecord,
  type MockVerification,
} from './state.js';

/** The inputs that produce each error (see the table above). */
export const MOCK_TRIGGERS = {
  /** The current password of every preset that has one. */
  currentPassword: MOCK_PASSWORD,
  breachedPasswords: ['password123', 'qwertyuiop', '123456789012'],
  takenEmail: 'taken@example.com',
  invalidEmail: 'not-an-email',
  takenPhone: '+14155550000',
  invalidPhone: '4155550123',
  /** Always answers `code_expired`. */
  expiredCode: '000000',
  /** A well-formed code that is never the right one (real codes are random but never this). */
  wrongCode: '000001',
  /** Wrong codes for one verification; the last answers `too_many_attempts`. */
  maxCodeAttempts: MAX_CODE_ATTEMPTS,
  /** Codes per 60 s; one more answers `rate_limited`. */
  maxSendsPerMinute: 5,
} as const;

export interface MockErrorTrigger {
  code: S.ErrorCode;
  status: number;
  field?: string;
  routes: RouteName[];
  trigger: string;
}

/** The trigger table as data (for docs, the demo and table-driven tests). */
export const MOCK_ERROR_TABLE: readonly MockErrorTrigger[] = [
  { code: 'unauthenticated', status: 401, routes: Object.keys(routes) as RouteName[], trigger: 'scenario signedOut' },
  { code: 'reauth_required', status: 403, routes: ['changePassword', 'startEmailVerification', 'confirmEmail', 'startPhoneVerification', 'confirmPhone', 'removePhone', 'resendVerification', 'createTiktokLinkSession', 'unlinkTiktok', 'upgradeTiktokToBusiness'], trigger: 'scenario reauthRequired without a valid X-Reauth-Token; setting a first password' },
  { code: 'reauth_invalid', status: 422, field: 'password', routes: ['reauth'], trigger: 'a password other than the current one' },
  { code: 'reauth_invalid', status: 422, field: 'code', routes: ['reauth'], trigger: 'a wrong re-verification code' },
  { code: 'invalid_current_password', status: 422, field: 'currentPassword', routes: ['changePassword'], trigger: `currentPassword missing or not "${MOCK_PASSWORD}"` },
  { code: 'password_policy', status: 422, field: 'newPassword', routes: ['changePassword'], trigger: 'shorter than minLength (reasons too_short) or longer than maxLength (too_long)' },
  { code: 'password_breached', status: 422, field: 'newPassword', routes: ['changePassword'], trigger: MOCK_TRIGGERS.breachedPasswords.join(', ') },
  { code: 'email_invalid', status: 422, field: 'email', routes: ['startEmailVerification'], trigger: 'not local@domain.tld' },
  { code: 'email_taken', status: 409, field: 'email', routes: ['startEmailVerification'], trigger: MOCK_TRIGGERS.takenEmail },
  { code: 'phone_invalid', status: 422, field: 'phone', routes: ['startPhoneVerification'], trigger: 'not E.164' },
  { code: 'phone_taken', status: 409, field: 'phone', routes: ['startPhoneVerification'], trigger: MOCK_TRIGGERS.takenPhone },
  { code: 'code_invalid', status: 422, field: 'code', routes: ['confirmEmail', 'confirmPhone'], trigger: 'a wrong code' },
  { code: 'code_expired', status: 422, field: 'code', routes: ['confirmEmail', 'confirmPhone', 'reauth'], trigger: 'code 000000 or a verification older than 10 minutes' },
  { code: 'too_many_attempts', status: 403, field: 'code', routes: ['confirmEmail', 'confirmPhone', 'reauth'], trigger: 'the 5th wrong code for one verification' },
  { code: 'rate_limited', status: 429, routes: ['startEmailVerification', 'startPhoneVerification', 'resendVerification', 'startReauthChallenge'], trigger: 'a 6th code within 60 s; resend before resendAvailableAt; scenario rateLimited (every POST/DELETE)' },
  { code: 'last_login_method', status: 409, routes: ['removePhone', 'unlinkTiktok'], trigger: 'removing the only sign-in method (presets phoneOnly, tiktokOnly)' },
  { code: 'tiktok_linking_unavailable', status: 403, routes: ['createTiktokLinkSession'], trigger: 'linkingAvailable false (preset or scenario linkingUnavailable)' },
  { code: 'tiktok_account_in_use', status: 200, routes: ['getTiktokLinkSession'], trigger: 'link session decided account_in_use (status failed, error tiktok_account_in_use)' },
  { code: 'tiktok_not_linked', status: 409, routes: ['unlinkTiktok'], trigger: 'no linked account' },
  { code: 'business_upgrade_ineligible', status: 409, routes: ['upgradeTiktokToBusiness'], trigger: 'not linked, already Business, or businessUpgradeAvailable false' },
];

export interface MockHandlersOptions {
  /** Base of the contract's paths, as given to the panel's `api-base`. Default `/api`. */
  apiBase?: string;
  /**
   * The simulated authorize page. Default `${location.origin}/mock-tiktok-authorize.html`
   * (it must be a real static file: MSW never answers navigations).
   */
  authorizePageUrl?: string;
}

const MESSAGES: Record<string, string> = {
  unauthenticated: 'You are signed out.',
  reauth_required: 'Confirm it is you to continue.',
  reauth_invalid: 'That did not match.',
  invalid_current_password: 'The current password is not correct.',
  password_policy: 'The new password does not meet the requirements.',
  password_breached: 'This password has appeared in a data breach.',
  email_invalid: 'Enter a valid email address.',
  email_taken: 'This email address is already in use.',
  phone_invalid: 'Enter a valid phone number.',
  phone_taken: 'This phone number is already in use.',
  code_invalid: 'The code is not correct.',
  code_expired: 'The code has expired.',
  too_many_attempts: 'Too many wrong codes. Request a new one.',
  rate_limited: 'Too many requests. Try again later.',
  last_login_method: 'This is your only way to sign in.',
  tiktok_linking_unavailable: 'Linking a TikTok account is not available for you yet.',
  tiktok_not_linked: 'No TikTok account is linked.',
  business_upgrade_ineligible: 'This account cannot be upgraded to a Business Account.',
  bad_request: 'The request does not match the contract.',
  not_found: 'Not found.',
  internal_error: 'Something went wrong on our side.',
  tiktok_already_linked: 'A TikTok account is already linked.',
};

type ErrorDetail = Omit<S.ErrorBody['error'], 'code'>;

/** A contract error answer. */
export function errorResponse(status: number, code: string, detail: ErrorDetail = {}): Response {
  const headers: Record<string, string> = {};
  if (detail.retryAfterSeconds !== undefined) headers['Retry-After'] = String(detail.retryAfterSeconds);
  return HttpResponse.json(
    { error: { code, message: detail.message ?? MESSAGES[code] ?? code, ...withoutMessage(detail) } },
    { status, headers },
  );
}

function withoutMessage(detail: ErrorDetail): ErrorDetail {
  const { message: _ignored, ...rest } = detail;
  return rest;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const E164 = /^\+[1-9]\d{7,14}$/;

interface Context {
  request: Request;
  params: Record<string, string>;
  body: unknown;
  reauthToken: string | null;
}

type Logic = (ctx: Context) => Response | Promise<Response>;

/** MSW handlers for every route of `routes`, sharing `state`. */
export function createHandlers(state: MockBackendState, options: MockHandlersOptions = {}): HttpHandler[] {
  const apiBase = (options.apiBase ?? '/api').replace(/\/+$/, '');
  const basePath = new URL(apiBase || '/', 'http://mock.invalid').pathname.replace(/\/+$/, '');

  const reauthRequired = (): Response =>
    errorResponse(403, 'reauth_required', { methods: state.reauthMethods() });

  /** The scenario's re-verification rule for `route` (undefined when the call may go on). */
  const scenarioReauth = (route: RouteName, ctx: Context, verification?: MockVerification): Response | undefined => {
    if (!scenarioApplies(state.scenarios.reauthRequired, route)) return undefined;
    if (verification?.reauthorized || state.isReauthTokenValid(ctx.reauthToken)) return undefined;
    return reauthRequired();
  };

  /** Checks a code; counts wrong ones. Undefined when it is right. */
  const checkCode = (verification: MockVerification, code: string, wrong: 'code_invalid' | 'reauth_invalid'): Response | undefined => {
    if (verification.attempts >= MAX_CODE_ATTEMPTS) return errorResponse(403, 'too_many_attempts', { field: 'code' });
    if (code === MOCK_TRIGGERS.expiredCode || verification.expiresAt <= state.now()) {
      return errorResponse(422, 'code_expired', { field: 'code' });
    }
    if (code.trim() !== verification.code) {
      verification.attempts += 1;
      state.changed();
      if (verification.attempts >= MAX_CODE_ATTEMPTS) return errorResponse(403, 'too_many_attempts', { field: 'code' });
      return errorResponse(422, wrong, { field: 'code' });
    }
    return undefined;
  };

  const sendLimit = (): Response | undefined => {
    const retryAfterSeconds = state.sendRetryAfterSeconds();
    return retryAfterSeconds === undefined ? undefined : errorResponse(429, 'rate_limited', { retryAfterSeconds });
  };

  const findVerification = (id: unknown, kind: MockVerification['kind']): MockVerification | undefined => {
    const verification = typeof id === 'string' ? state.verifications.get(id) : undefined;
    return verification?.kind === kind ? verification : undefined;
  };

  const notFound = (field?: string) => errorResponse(404, 'not_found', field ? { field } : {});

  const profileResponse = () => HttpResponse.json(state.currentProfile(), { status: 200 });

  const logic: Record<RouteName, Logic> = {
    getProfile: () => profileResponse(),

    changePassword: (ctx) => {
      const body = ctx.body as R.ChangePasswordBody;
      const { profile } = state;
      if (profile.password.isSet && body.currentPassword !== state.password) {
        return errorResponse(422, 'invalid_current_password', { field: 'currentPassword' });
      }
      const length = [...body.newPassword].length;
      if (length < profile.passwordPolicy.minLength) {
        return errorResponse(422, 'password_policy', { field: 'newPassword', reasons: ['too_short'] });
      }
      if (length > profile.passwordPolicy.maxLength) {
        return errorResponse(422, 'password_policy', { field: 'newPassword', reasons: ['too_long'] });
      }
      if ((MOCK_TRIGGERS.breachedPasswords as readonly string[]).includes(body.newPassword.toLowerCase())) {
        return errorResponse(422, 'password_breached', { field: 'newPassword' });
      }
      const firstPassword = !profile.password.isSet && state.reauthMethods().length > 0;
      if (firstPassword && !state.isReauthTokenValid(ctx.reauthToken)) return reauthRequired();
      const denied = scenarioReauth('changePassword', ctx);
      if (denied) return denied;
      state.password = body.newPassword;
      profile.password = { isSet: true, updatedAt: state.nowIso() };
      state.changed();
      return new HttpResponse(null, { status: 204 });
    },

    startEmailVerification: (ctx) => {
      const email = (ctx.body as { email: string }).email.trim();
      if (!EMAIL.test(email)) return errorResponse(422, 'email_invalid', { field: 'email' });
      if (email.toLowerCase() === MOCK_TRIGGERS.takenEmail) return errorResponse(409, 'email_taken', { field: 'email' });
      const denied = scenarioReauth('startEmailVerification', ctx) ?? sendLimit();
      if (denied) return denied;
      const verification = state.createVerification({
        kind: 'email',
        destination: email,
        reauthorized: state.isReauthTokenValid(ctx.reauthToken),
      });
      return HttpResponse.json(state.toVerification(verification), { status: 201 });
    },

    confirmEmail: (ctx) => {
      const body = ctx.body as R.ConfirmCodeBody;
      const verification = findVerification(body.verificationId, 'email');
      if (!verification) return notFound('verificationId');
      const denied = scenarioReauth('confirmEmail', ctx, verification) ?? checkCode(verification, body.code, 'code_invalid');
      if (denied) return denied;
      state.verifications.delete(verification.id);
      state.profile.email = { address: verification.destination, verified: true };
      state.changed();
      return profileResponse();
    },

    startPhoneVerification: (ctx) => {
      const phone = (ctx.body as { phone: string }).phone.trim();
      if (!E164.test(phone)) return errorResponse(422, 'phone_invalid', { field: 'phone' });
      if (phone === MOCK_TRIGGERS.takenPhone) return errorResponse(409, 'phone_taken', { field: 'phone' });
      const denied = scenarioReauth('startPhoneVerification', ctx) ?? sendLimit();
      if (denied) return denied;
      const verification = state.createVerification({
        kind: 'phone',
        destination: phone,
        reauthorized: state.isReauthTokenValid(ctx.reauthToken),
      });
      return HttpResponse.json(state.toVerification(verification), { status: 201 });
    },

    confirmPhone: (ctx) => {
      const body = ctx.body as R.ConfirmCodeBody;
      const verification = findVerification(body.verificationId, 'phone');
      if (!verification) return notFound('verificationId');
      const denied = scenarioReauth('confirmPhone', ctx, verification) ?? checkCode(verification, body.code, 'code_invalid');
      if (denied) return denied;
      state.verifications.delete(verification.id);
      state.profile.phone = { number: verification.destination, verified: true };
      state.changed();
      return profileResponse();
    },

    removePhone: (ctx) => {
      if (!state.profile.phone) return notFound();
      const methods = state.signInMethods();
      if (methods.length === 1 && methods[0] === 'phone') return errorResponse(409, 'last_login_method');
      const denied = scenarioReauth('removePhone', ctx);
      if (denied) return denied;
      state.profile.phone = null;
      state.changed();
      return profileResponse();
    },

    resendVerification: (ctx) => {
      const verification = state.verifications.get(ctx.params.id ?? '');
      if (!verification) return notFound();
      if (verification.kind !== 'reauth') {
        const denied = scenarioReauth('resendVerification', ctx, verification);
        if (denied) return denied;
      }
      if (verification.attempts >= MAX_CODE_ATTEMPTS) return errorResponse(403, 'too_many_attempts', { field: 'code' });
      const wait = verification.resendAvailableAt - state.now();
      if (wait > 0) return errorResponse(429, 'rate_limited', { retryAfterSeconds: Math.ceil(wait / 1000) });
      const limited = sendLimit();
      if (limited) return limited;
      state.sendCode(verification);
      return HttpResponse.json(state.toVerification(verification), { status: 200 });
    },

    createTiktokLinkSession: (ctx) => {
      const body = ctx.body as R.LinkSessionBody;
      if (!state.linkingAvailable()) return errorResponse(403, 'tiktok_linking_unavailable');
      if (state.profile.tiktok.account) return errorResponse(409, 'tiktok_already_linked');
      const origin = globalThis.location?.origin ?? new URL(ctx.request.url).origin;
      const authorizePageUrl = new URL(options.authorizePageUrl ?? '/mock-tiktok-authorize.html', origin);
      let returnUrl: URL;
      try {
        returnUrl = new URL(body.returnUrl ?? globalThis.location?.href ?? origin, origin);
      } catch {
        return errorResponse(400, 'bad_request', { field: 'returnUrl' });
      }
      // The page navigates there: only same-origin http(s) URLs, never an open redirect.
      if (returnUrl.origin !== authorizePageUrl.origin || !/^https?:$/.test(returnUrl.protocol)) {
        return errorResponse(400, 'bad_request', { field: 'returnUrl', message: 'returnUrl must be on the same origin.' });
      }
      const denied = scenarioReauth('createTiktokLinkSession', ctx);
      if (denied) return denied;
      const session = state.createLinkSession({
        mode: body.mode,
        returnUrl: returnUrl.href,
        authorizePageUrl: authorizePageUrl.href,
      });
      return HttpResponse.json(
        { state: session.state, authorizeUrl: session.authorizeUrl, expiresAt: new Date(session.expiresAt).toISOString() },
        { status: 201 },
      );
    },

    getTiktokLinkSession: (ctx) => {
      const session = state.linkSessions.get(ctx.params.state ?? '');
      if (!session) return notFound();
      const answer: S.LinkSessionStatus = { state: session.state, status: session.status };
      if (session.error) answer.error = session.error;
      return HttpResponse.json(answer, { status: 200 });
    },

    unlinkTiktok: (ctx) => {
      if (!state.profile.tiktok.account) return errorResponse(409, 'tiktok_not_linked');
      const methods = state.signInMethods();
      if (methods.length === 1 && methods[0] === 'tiktok') return errorResponse(409, 'last_login_method');
      const denied = scenarioReauth('unlinkTiktok', ctx);
      if (denied) return denied;
      state.profile.tiktok = { ...state.profile.tiktok, account: null, businessUpgradeAvailable: false };
      state.changed();
      return profileResponse();
    },

    upgradeTiktokToBusiness: (ctx) => {
      const { account, businessUpgradeAvailable } = state.profile.tiktok;
      if (!account) return errorResponse(409, 'business_upgrade_ineligible', { message: 'No TikTok account is linked.' });
      if (account.isBusinessAccount) return errorResponse(409, 'business_upgrade_ineligible', { message: 'The account is already a Business Account.' });
      if (!businessUpgradeAvailable) return errorResponse(409, 'business_upgrade_ineligible');
      const denied = scenarioReauth('upgradeTiktokToBusiness', ctx);
      if (denied) return denied;
      state.profile.tiktok = { ...state.profile.tiktok, account: { ...account, isBusinessAccount: true }, businessUpgradeAvailable: false };
      state.changed();
      return profileResponse();
    },

    startReauthChallenge: (ctx) => {
      const { method } = ctx.body as R.ReauthChallengeBody;
      const destination = method === 'email_code' ? state.profile.email?.address : state.profile.phone?.number;
      if (!destination) return errorResponse(400, 'bad_request', { field: 'method', message: 'This re-verification method is not available.' });
      const limited = sendLimit();
      if (limited) return limited;
      const verification = state.createVerification({ kind: 'reauth', method, destination });
      return HttpResponse.json(state.toVerification(verification), { status: 201 });
    },

    reauth: (ctx) => {
      const body = ctx.body as R.ReauthBody;
      if (body.method === 'password') {
        if (!state.profile.password.isSet || body.password !== state.password) {
          return errorResponse(422, 'reauth_invalid', { field: 'password' });
        }
      } else {
        const verification = findVerification(body.verificationId, 'reauth');
        if (!verification || verification.method !== body.method) return notFound('verificationId');
        const denied = checkCode(verification, body.code, 'reauth_invalid');
        if (denied) return denied;
        state.verifications.delete(verification.id);
      }
      const result = state.issueReauthToken();
      state.changed();
      return HttpResponse.json(result, { status: 200 });
    },
  };

  const contract = (Object.keys(routes) as RouteName[]).map((name) => {
    const route = routes[name];
    const path = apiBase + route.path.replace(/\{(\w+)\}/g, ':$1');
    const method = route.method.toLowerCase() as 'get' | 'post' | 'delete';
    return http[method](path, async ({ request, params }) => {
      state.syncLinkDecisions();
      const record = await logRequest(state, request, name, basePath);
      const response = await answer(state, name, request, params as Record<string, string>, record, logic[name]);
      record.status = response.type === 'error' ? 0 : response.status;
      return response;
    });
  });
  // The linked account's avatar "on TikTok's CDN": an image, so pages show it instead of a failed load.
  const avatar = http.get(MOCK_TIKTOK_AVATAR_URL, () =>
    new HttpResponse(AVATAR_SVG, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' } }));
  return [...contract, avatar];
}

const AVATAR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="#25f4ee"/>'
  + '<circle cx="32" cy="25" r="11" fill="#fe2c55"/><path d="M12 56c3-12 11-18 20-18s17 6 20 18" fill="#fe2c55"/></svg>';

async function logRequest(state: MockBackendState, request: Request, route: RouteName, basePath: string): Promise<MockRequestRecord> {
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
  let body: unknown;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const url = new URL(request.url);
  const record: MockRequestRecord = {
    seq: state.requests.length + 1,
    method: request.method,
    path: url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname,
    url: request.url,
    route,
    body,
    headers,
    reauthToken: headers['x-reauth-token'],
  };
  state.requests.push(record);
  return record;
}

async function answer(
  state: MockBackendState,
  name: RouteName,
  request: Request,
  params: Record<string, string>,
  record: MockRequestRecord,
  logic: Logic,
): Promise<Response> {
  const { scenarios } = state;
  if (scenarioApplies(scenarios.offline, name)) return HttpResponse.error();
  if (scenarios.latencyMs > 0) await delay(scenarios.latencyMs);
  if (scenarios.signedOut) return errorResponse(401, 'unauthenticated');
  const replayKey = IdempotencyStore.keyOf(request, record.path);
  const requestBody = typeof record.body === 'string' ? record.body : JSON.stringify(record.body ?? null);
  const replayed = replayKey ? state.idempotency.replay(replayKey, requestBody) : undefined;
  if (replayed) {
    record.replayed = true;
    return replayed;
  }
  const response = await run(state, name, request, params, record, logic);
  if (replayKey) await state.idempotency.keep(replayKey, requestBody, response);
  return response;
}

/** Scenarios that answer instead of the route, body validation, then the route's own logic. */
async function run(
  state: MockBackendState,
  name: RouteName,
  request: Request,
  params: Record<string, string>,
  record: MockRequestRecord,
  logic: Logic,
): Promise<Response> {
  const route = routes[name];
  const { scenarios } = state;
  if (scenarioApplies(scenarios.serverErrors, name)) return errorResponse(500, 'internal_error');
  if ('response' in route && scenarioApplies(scenarios.malformed, name)) {
    return HttpResponse.json({ userId: 42, unexpected: 'this is not the contract' }, { status: 200 });
  }
  if (route.method !== 'GET' && scenarioApplies(scenarios.rateLimited, name)) {
    return errorResponse(429, 'rate_limited', { retryAfterSeconds: scenarios.retryAfterSeconds });
  }
  let body: unknown;
  if ('body' in route) {
    const parsed = route.body.safeParse(record.body);
    if (!parsed.success) return errorResponse(400, 'bad_request');
    body = parsed.data;
  }
  return logic({ request, params, body, reauthToken: request.headers.get('x-reauth-token') });
}
