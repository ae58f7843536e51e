/**
 * Everything TikTok in the mock: link sessions (created, decided by the simulated authorize page,
 * expired) and the four TikTok routes (SPEC §4.1, §4.4), plus the linked account's avatar image.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { requestBodies } from '../api/requests.js';
import type { LinkMode, LinkSessionStatus } from '../api/schemas.js';
import { LINK_SESSION_TTL_MS, MOCK_TIKTOK_AVATAR_URL, TIKTOK_DECISION_KEY_PREFIX } from './constants.js';
import { contractError } from './errors.js';
import { randomToken } from './random.js';
import { type RouteLogic, withBody } from './routes/context.js';
import { isLastLoginMethod, notFound, profileResponse, scenarioReauth } from './routes/rules.js';
import type { MockBackendState } from './state.js';
import type { MockLinkSession, TiktokDecision } from './types.js';

// ——— link sessions ———

export function createLinkSession(
  state: MockBackendState,
  init: { mode: LinkMode; returnUrl: string; authorizePageUrl: string },
): MockLinkSession {
  const id = `lnk_${randomToken(16)}`;
  const url = new URL(init.authorizePageUrl);
  url.searchParams.set('state', id);
  url.searchParams.set('mode', init.mode);
  url.searchParams.set('returnUrl', init.returnUrl);
  const session: MockLinkSession = {
    state: id,
    status: 'pending',
    mode: init.mode,
    returnUrl: init.returnUrl,
    authorizeUrl: url.href,
    expiresAt: state.now() + LINK_SESSION_TTL_MS,
  };
  state.linkSessions.set(id, session);
  state.changed();
  return session;
}

/**
 * Applies a decision to a pending link session, as the authorize page would:
 * `approve` → `linked` and the profile gets a personal TikTok account; `cancel` → `cancelled`;
 * `fail` → `failed` / `access_denied`; `account_in_use` → `failed` / `tiktok_account_in_use`.
 * A session that is already final is left alone. Returns the session (undefined when unknown).
 */
export function decideLinkSession(state: MockBackendState, id: string, decision: TiktokDecision): MockLinkSession | undefined {
  const session = state.linkSessions.get(id);
  if (!session || session.status !== 'pending') return session;
  switch (decision) {
    case 'approve':
      session.status = 'linked';
      state.profile.tiktok = {
        ...state.profile.tiktok,
        account: {
          openId: `tt_open_${id.slice(-8)}`,
          username: 'mock.creator',
          displayName: 'Mock Creator',
          avatarUrl: MOCK_TIKTOK_AVATAR_URL,
          isBusinessAccount: false,
          linkedAt: state.nowIso(),
        },
        businessUpgradeAvailable: true,
      };
      break;
    case 'cancel':
      session.status = 'cancelled';
      break;
    case 'fail':
      session.status = 'failed';
      session.error = 'access_denied';
      break;
    case 'account_in_use':
      session.status = 'failed';
      session.error = 'tiktok_account_in_use';
      break;
  }
  state.changed();
  return session;
}

const DECISIONS: readonly string[] = ['approve', 'cancel', 'fail', 'account_in_use'] satisfies TiktokDecision[];
const isDecision = (value: string | null): value is TiktokDecision => value !== null && DECISIONS.includes(value);

/**
 * Applies decisions the authorize page left in localStorage for pending sessions, and expires
 * pending sessions past their time. The handlers call this before every request, so a `GET /me`
 * right after the page's message already shows the linked account.
 */
export function syncLinkDecisions(
  state: MockBackendState,
  storage: Storage | undefined = typeof localStorage === 'undefined' ? undefined : localStorage,
): void {
  for (const session of state.linkSessions.values()) {
    if (session.status !== 'pending') continue;
    const key = TIKTOK_DECISION_KEY_PREFIX + session.state;
    let decision: string | null = null;
    try {
      decision = storage?.getItem(key) ?? null;
      if (decision !== null) storage?.removeItem(key);
    } catch {
      decision = null;
    }
    if (isDecision(decision)) {
      decideLinkSession(state, session.state, decision);
    } else if (session.expiresAt <= state.now()) {
      session.status = 'failed';
      session.error = 'expired';
      state.changed();
    }
  }
}

// ——— routes ———

export const createTiktokLinkSession: RouteLogic = withBody(requestBodies.createTiktokLinkSession, (body, ctx) => {
  const { state } = ctx;
  if (!state.linkingAvailable()) return contractError('tiktok_linking_unavailable');
  // Another link while one exists is a conflict on the TikTok link (the contract has no own code for it).
  if (state.profile.tiktok.account) return contractError('tiktok_account_in_use', { message: 'A TikTok account is already linked: unlink it first.' });
  const origin = globalThis.location?.origin ?? new URL(ctx.request.url).origin;
  const authorizePageUrl = new URL(ctx.authorizePageUrl ?? '/mock-tiktok-authorize.html', origin);
  let returnUrl: URL;
  try {
    returnUrl = new URL(body.returnUrl ?? globalThis.location?.href ?? origin, origin);
  } catch {
    return contractError('invalid_request', { field: 'returnUrl' });
  }
  // The page navigates there: only http(s) URLs on its own origin or an allowed one, never an open redirect.
  const allowedOrigin = returnUrl.origin === authorizePageUrl.origin || ctx.isAllowedReturnOrigin?.(returnUrl.origin) === true;
  if (!allowedOrigin || !/^https?:$/.test(returnUrl.protocol)) {
    return contractError('invalid_request', { field: 'returnUrl', message: 'returnUrl must be on this origin or an allowed one.' });
  }
  const denied = scenarioReauth(ctx, 'createTiktokLinkSession');
  if (denied) return denied;
  const session = state.createLinkSession({ mode: body.mode, returnUrl: returnUrl.href, authorizePageUrl: authorizePageUrl.href });
  return HttpResponse.json(
    { state: session.state, authorizeUrl: session.authorizeUrl, expiresAt: new Date(session.expiresAt).toISOString() },
    { status: 201 },
  );
});

export const getTiktokLinkSession: RouteLogic = ({ state, params }) => {
  const session = state.linkSessions.get(params.state ?? '');
  if (!session) return notFound();
  const answer: LinkSessionStatus = { state: session.state, status: session.status };
  // The §4.2 shape; a bare string is still read as the code by the panel, but is not what we send.
  if (session.error) answer.error = { code: session.error };
  return HttpResponse.json(answer, { status: 200 });
};

export const unlinkTiktok: RouteLogic = (ctx) => {
  const { state } = ctx;
  if (!state.profile.tiktok.account) return contractError('tiktok_not_linked');
  if (isLastLoginMethod(state, 'tiktok')) return contractError('last_login_method');
  const denied = scenarioReauth(ctx, 'unlinkTiktok');
  if (denied) return denied;
  state.profile.tiktok = { ...state.profile.tiktok, account: null, businessUpgradeAvailable: false };
  state.changed();
  return profileResponse(state);
};

export const upgradeTiktokToBusiness: RouteLogic = (ctx) => {
  const { state } = ctx;
  const { account, businessUpgradeAvailable } = state.profile.tiktok;
  if (!account) return contractError('business_upgrade_ineligible', { message: 'No TikTok account is linked.' });
  if (account.isBusinessAccount) return contractError('business_upgrade_ineligible', { message: 'The account is already a Business Account.' });
  if (!businessUpgradeAvailable) return contractError('business_upgrade_ineligible');
  const denied = scenarioReauth(ctx, 'upgradeTiktokToBusiness');
  if (denied) return denied;
  state.profile.tiktok = { ...state.profile.tiktok, account: { ...account, isBusinessAccount: true }, businessUpgradeAvailable: false };
  state.changed();
  return profileResponse(state);
};

const AVATAR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="#25f4ee"/>'
  + '<circle cx="32" cy="25" r="11" fill="#fe2c55"/><path d="M12 56c3-12 11-18 20-18s17 6 20 18" fill="#fe2c55"/></svg>';

/** The linked account's avatar "on TikTok's CDN": an image, so pages show it instead of a failed load. */
export const avatarHandler = (): HttpHandler => http.get(MOCK_TIKTOK_AVATAR_URL, () =>
  new HttpResponse(AVATAR_SVG, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' } }));
