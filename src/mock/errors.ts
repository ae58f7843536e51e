/** The mock's error answers: the body of SPEC §4.2, the status of its status table. */
import { HttpResponse } from 'msw';
import { errorStatus } from '../api/error-status.js';
import type { ErrorBody, ErrorCode } from '../api/schemas.js';

/** The mock's words for each code (the panel shows its own; these are for logs and other clients). */
export const MOCK_ERROR_MESSAGES: Record<ErrorCode, string> = {
  invalid_request: 'The request does not match the contract.',
  not_found: 'There is no such resource.',
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
  tiktok_account_in_use: 'This TikTok account is already linked.',
  tiktok_not_linked: 'No TikTok account is linked.',
  business_upgrade_ineligible: 'This account cannot be upgraded to a Business Account.',
};

/**
 * The code of the `serverErrors` scenario's 500: not a contract code on purpose — a backend may
 * send any code, and the panel treats one it does not know as a generic, retryable failure.
 */
export const SERVER_ERROR_CODE = 'internal_error';

export type ErrorDetail = Omit<ErrorBody['error'], 'code'>;

/** An error answer with any status (the contract's status is {@link contractError}'s). */
export function errorResponse(status: number, code: ErrorCode | typeof SERVER_ERROR_CODE, detail: ErrorDetail = {}): Response {
  const { message, ...rest } = detail;
  const headers: Record<string, string> = {};
  if (rest.retryAfterSeconds !== undefined) headers['Retry-After'] = String(rest.retryAfterSeconds);
  const words = code === SERVER_ERROR_CODE ? 'Something went wrong on our side.' : MOCK_ERROR_MESSAGES[code];
  return HttpResponse.json({ error: { code, message: message ?? words, ...rest } }, { status, headers });
}

/** A contract error, with the status SPEC §4.2 gives its code. */
export function contractError(code: ErrorCode, detail: ErrorDetail = {}): Response {
  return errorResponse(errorStatus[code], code, detail);
}

/** The `serverErrors` scenario's answer. */
export function serverError(status = 500, detail: ErrorDetail = {}): Response {
  return errorResponse(status, SERVER_ERROR_CODE, detail);
}
