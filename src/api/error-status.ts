/**
 * The status table of SPEC §4.2: the HTTP status a backend answers with each error code. The
 * panel decides by code, never by status (401 aside); the mock answers with these statuses and the
 * OpenAPI document declares each status with its codes. Not part of the shipped client.
 */
import type { RouteName } from './endpoints.js';
import type { ErrorCode } from './schemas.js';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429;

export const errorStatus = {
  // 400: malformed request and field validation.
  invalid_request: 400,
  invalid_current_password: 400,
  password_policy: 400,
  password_breached: 400,
  email_invalid: 400,
  phone_invalid: 400,
  code_invalid: 400,
  code_expired: 400,
  reauth_invalid: 400,
  unauthenticated: 401,
  reauth_required: 403,
  tiktok_linking_unavailable: 403,
  not_found: 404,
  email_taken: 409,
  phone_taken: 409,
  tiktok_account_in_use: 409,
  tiktok_not_linked: 409,
  last_login_method: 409,
  business_upgrade_ineligible: 409,
  // Both with a Retry-After header and retryAfterSeconds.
  rate_limited: 429,
  too_many_attempts: 429,
} as const satisfies Record<ErrorCode, ErrorStatus>;

/** What each error status means, and its codes (for the OpenAPI document). */
export const errorStatuses: Record<ErrorStatus, string> = {
  400: 'The request does not match the contract (`invalid_request`, with `field` when known), or a field failed validation.',
  401: 'Not signed in: the panel fires `usp-session-expired`.',
  403: 'Re-verification required (`methods` lists the ways), or the feature is not available to the user.',
  404: 'Unknown verification, link session or resource.',
  409: 'The change conflicts with the account\'s state.',
  429: 'Too many requests or attempts: wait `Retry-After` seconds (also in `retryAfterSeconds`).',
};

/** The codes answered with `status`, in the order of `ErrorCode`. */
export function codesOf(status: ErrorStatus): ErrorCode[] {
  return (Object.keys(errorStatus) as ErrorCode[]).filter((code) => errorStatus[code] === status);
}

/**
 * The error statuses each call may answer (besides 5xx, which any call may): what the OpenAPI
 * document declares per operation, and what the mock's answers are checked against.
 */
export const routeErrorStatuses: Record<RouteName, readonly ErrorStatus[]> = {
  getProfile: [401, 429],
  changePassword: [400, 401, 403, 429],
  startEmailVerification: [400, 401, 403, 409, 429],
  confirmEmail: [400, 401, 403, 404, 429],
  startPhoneVerification: [400, 401, 403, 409, 429],
  confirmPhone: [400, 401, 403, 404, 429],
  removePhone: [401, 403, 404, 409, 429],
  resendVerification: [401, 403, 404, 429],
  createTiktokLinkSession: [400, 401, 403, 409, 429],
  getTiktokLinkSession: [401, 404, 429],
  unlinkTiktok: [401, 403, 409, 429],
  upgradeTiktokToBusiness: [401, 403, 409, 429],
  startReauthChallenge: [400, 401, 429],
  reauth: [400, 401, 404, 429],
};
