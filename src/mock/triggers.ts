/**
 * The mock's deterministic triggers, as data: the inputs that produce each error
 * ({@link MOCK_TRIGGERS}) and the table of every error the mock answers ({@link MOCK_ERROR_TABLE}).
 * `docs/mock-triggers.md` is generated from them (`npm run mock:docs`; a test keeps it fresh).
 */
import { errorStatus } from '../api/error-status.js';
import type { RouteName } from '../api/routes.js';
import type { ErrorCode } from '../api/schemas.js';
import { MAX_CODE_ATTEMPTS, MAX_SENDS_PER_WINDOW, MOCK_PASSWORD } from './constants.js';

/** The inputs that produce each error (see {@link MOCK_ERROR_TABLE}). */
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
  maxSendsPerMinute: MAX_SENDS_PER_WINDOW,
} as const;

export interface MockErrorTrigger {
  /** Names this row (table-driven tests look their recipe up by it). */
  id: string;
  code: ErrorCode;
  /** The status of SPEC §4.2's table; 200 for a code reported inside a link session's status. */
  status: number;
  field?: string;
  routes: readonly RouteName[];
  trigger: string;
}

const changing: RouteName[] = ['changePassword', 'startEmailVerification', 'confirmEmail', 'startPhoneVerification', 'confirmPhone',
  'removePhone', 'resendVerification', 'createTiktokLinkSession', 'unlinkTiktok', 'upgradeTiktokToBusiness'];
const withBodies: RouteName[] = ['changePassword', 'startEmailVerification', 'confirmEmail', 'startPhoneVerification', 'confirmPhone',
  'createTiktokLinkSession', 'startReauthChallenge', 'reauth'];
const codeChecks: RouteName[] = ['confirmEmail', 'confirmPhone', 'reauth'];

function row(id: string, code: ErrorCode, routes: readonly RouteName[], trigger: string, field?: string): MockErrorTrigger {
  return { id, code, status: errorStatus[code], routes, trigger, ...(field ? { field } : {}) };
}

/** Every error the mock answers, and what triggers it. */
export const MOCK_ERROR_TABLE: readonly MockErrorTrigger[] = [
  row('invalid_request', 'invalid_request', withBodies, 'a body that fails the contract\'s schema (or is not JSON); `field` names the first offending field, e.g. `email` when it is missing'),
  row('invalid_request_return_url', 'invalid_request', ['createTiktokLinkSession'], '`returnUrl` not an http(s) URL on the authorize page\'s origin', 'returnUrl'),
  row('invalid_request_reauth_method', 'invalid_request', ['startReauthChallenge'], 'a re-verification method the profile lacks (no email / no phone)', 'method'),
  row('not_found_verification', 'not_found', codeChecks, 'an unknown (or already used) `verificationId`', 'verificationId'),
  row('not_found', 'not_found', ['resendVerification', 'getTiktokLinkSession', 'removePhone'], 'an unknown verification or link session; removing a phone when there is none'),
  row('unauthenticated', 'unauthenticated', ['getProfile', ...changing, 'getTiktokLinkSession', 'startReauthChallenge', 'reauth'], 'scenario `signedOut`'),
  row('reauth_required', 'reauth_required', changing, 'scenario `reauthRequired` and no valid `X-Reauth-Token`; setting a first password (`password.isSet` false) without one. `methods`: `password` if set, `email_code` if an email, `phone_code` if a phone'),
  row('reauth_invalid_password', 'reauth_invalid', ['reauth'], `a password other than the current one ("${MOCK_PASSWORD}"), or no password set`, 'password'),
  row('reauth_invalid_code', 'reauth_invalid', ['reauth'], 'a wrong re-verification code', 'code'),
  row('invalid_current_password', 'invalid_current_password', ['changePassword'], `\`currentPassword\` missing or not "${MOCK_PASSWORD}" (when a password is set)`, 'currentPassword'),
  row('password_policy', 'password_policy', ['changePassword'], 'shorter than `passwordPolicy.minLength` (8) → `reasons: ["too_short"]`, longer than `maxLength` (128) → `["too_long"]` (counted in code points)', 'newPassword'),
  row('password_breached', 'password_breached', ['changePassword'], MOCK_TRIGGERS.breachedPasswords.map((password) => `\`${password}\``).join(', ') + ' (any case)', 'newPassword'),
  row('email_invalid', 'email_invalid', ['startEmailVerification'], 'not `local@domain.tld`', 'email'),
  row('email_taken', 'email_taken', ['startEmailVerification'], `\`${MOCK_TRIGGERS.takenEmail}\``, 'email'),
  row('phone_invalid', 'phone_invalid', ['startPhoneVerification'], 'not E.164 (`+` then 8 to 15 digits, first digit not 0)', 'phone'),
  row('phone_taken', 'phone_taken', ['startPhoneVerification'], `\`${MOCK_TRIGGERS.takenPhone}\``, 'phone'),
  row('code_invalid', 'code_invalid', ['confirmEmail', 'confirmPhone'], `a wrong code, e.g. \`${MOCK_TRIGGERS.wrongCode}\` (1st to ${MAX_CODE_ATTEMPTS - 1}th wrong code)`, 'code'),
  row('code_expired', 'code_expired', codeChecks, `code \`${MOCK_TRIGGERS.expiredCode}\`, or a verification older than 10 minutes (\`state.advanceTime\`, \`state.expireVerification\`)`, 'code'),
  row('too_many_attempts', 'too_many_attempts', codeChecks, `the ${MAX_CODE_ATTEMPTS}th wrong code for one verification, and any later try until a new code is sent; \`Retry-After\` = seconds until a resend is allowed`, 'code'),
  row('rate_limited', 'rate_limited', ['startEmailVerification', 'startPhoneVerification', 'resendVerification', 'startReauthChallenge'], `a ${MAX_SENDS_PER_WINDOW + 1}th code within 60 s (any send); a resend before \`resendAvailableAt\` (30 s). \`Retry-After\` header + \`retryAfterSeconds\``),
  row('rate_limited_scenario', 'rate_limited', [...changing, 'startReauthChallenge', 'reauth'], 'scenario `rateLimited` (every POST and DELETE; `Retry-After` = `retryAfterSeconds`)'),
  row('last_login_method', 'last_login_method', ['removePhone', 'unlinkTiktok'], 'removing the only sign-in method (presets `phoneOnly`, `tiktokOnly`)'),
  row('tiktok_linking_unavailable', 'tiktok_linking_unavailable', ['createTiktokLinkSession'], '`tiktok.linkingAvailable` false (preset or scenario `linkingUnavailable`)'),
  row('tiktok_account_in_use', 'tiktok_account_in_use', ['createTiktokLinkSession'], 'starting a link session while a TikTok account is already linked'),
  { id: 'tiktok_account_in_use_session', code: 'tiktok_account_in_use', status: 200, routes: ['getTiktokLinkSession'], trigger: 'link session decided `account_in_use`: `status: "failed", error: "tiktok_account_in_use"`' },
  row('tiktok_not_linked', 'tiktok_not_linked', ['unlinkTiktok'], 'no linked account'),
  row('business_upgrade_ineligible', 'business_upgrade_ineligible', ['upgradeTiktokToBusiness'], 'not linked, already Business, or `businessUpgradeAvailable` false'),
];
