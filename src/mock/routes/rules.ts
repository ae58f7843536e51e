/** Rules several routes of the mock share: re-verification, codes, send limits, common answers. */
import { HttpResponse } from 'msw';
import type { RouteName } from '../../api/routes.js';
import { MAX_CODE_ATTEMPTS } from '../constants.js';
import { contractError } from '../errors.js';
import { scenarioApplies } from '../scenarios.js';
import type { MockBackendState } from '../state.js';
import { MOCK_TRIGGERS } from '../triggers.js';
import type { MockVerification } from '../types.js';
import type { MockContext } from './context.js';

export const reauthRequired = (state: MockBackendState): Response =>
  contractError('reauth_required', { methods: state.reauthMethods() });

/**
 * The `reauthRequired` scenario's rule for `route`: undefined when the call may go on (a valid
 * token, or a verification that was itself started with one).
 */
export function scenarioReauth(ctx: MockContext, route: RouteName, verification?: MockVerification): Response | undefined {
  const { state } = ctx;
  if (!scenarioApplies(state.scenarios.reauthRequired, route)) return undefined;
  if (verification?.reauthorized || state.isReauthTokenValid(ctx.reauthToken)) return undefined;
  return reauthRequired(state);
}

/** `too_many_attempts`, with the seconds until a new code may be sent. */
function tooManyAttempts(state: MockBackendState, verification: MockVerification): Response {
  const retryAfterSeconds = Math.max(1, Math.ceil((verification.resendAvailableAt - state.now()) / 1000));
  return contractError('too_many_attempts', { field: 'code', retryAfterSeconds });
}

/** Checks a code and counts wrong ones; undefined when it is right. */
export function checkCode(
  state: MockBackendState,
  verification: MockVerification,
  code: string,
  wrong: 'code_invalid' | 'reauth_invalid',
): Response | undefined {
  if (verification.attempts >= MAX_CODE_ATTEMPTS) return tooManyAttempts(state, verification);
  if (code === MOCK_TRIGGERS.expiredCode || verification.expiresAt <= state.now()) return contractError('code_expired', { field: 'code' });
  if (code.trim() === verification.code) return undefined;
  verification.attempts += 1;
  state.changed();
  if (verification.attempts >= MAX_CODE_ATTEMPTS) return tooManyAttempts(state, verification);
  return contractError(wrong, { field: 'code' });
}

/** `rate_limited` when too many codes were sent in the last minute. */
export function sendLimit(state: MockBackendState): Response | undefined {
  const retryAfterSeconds = state.sendRetryAfterSeconds();
  return retryAfterSeconds === undefined ? undefined : contractError('rate_limited', { retryAfterSeconds });
}

export function findVerification(state: MockBackendState, id: string, kind: MockVerification['kind']): MockVerification | undefined {
  const verification = state.verifications.get(id);
  return verification?.kind === kind ? verification : undefined;
}

export const notFound = (field?: string): Response => contractError('not_found', field ? { field } : {});

export const profileResponse = (state: MockBackendState): Response => HttpResponse.json(state.currentProfile(), { status: 200 });

/** The only way left to sign in is `method`. */
export const isLastLoginMethod = (state: MockBackendState, method: 'phone' | 'tiktok'): boolean => {
  const methods = state.signInMethods();
  return methods.length === 1 && methods[0] === method;
};

/**
 * Sends a code to `destination` (an address or number the route has checked): unless the
 * scenario asks for re-verification first or too many codes went out, 201 with the verification.
 */
export function sendVerification(ctx: MockContext, route: RouteName, kind: MockVerification['kind'], destination: string): Response {
  const { state } = ctx;
  const denied = scenarioReauth(ctx, route) ?? sendLimit(state);
  if (denied) return denied;
  const verification = state.createVerification({ kind, destination, reauthorized: state.isReauthTokenValid(ctx.reauthToken) });
  return HttpResponse.json(state.toVerification(verification), { status: 201 });
}

/**
 * Checks the code of a `kind` verification; when it is right, the verification is used up,
 * `apply` saves its destination on the profile, and the answer is the new profile.
 */
export function confirmVerification(
  ctx: MockContext,
  route: RouteName,
  kind: MockVerification['kind'],
  { verificationId, code }: { verificationId: string; code: string },
  apply: (destination: string) => void,
): Response {
  const { state } = ctx;
  const verification = findVerification(state, verificationId, kind);
  if (!verification) return notFound('verificationId');
  const denied = scenarioReauth(ctx, route, verification) ?? checkCode(state, verification, code, 'code_invalid');
  if (denied) return denied;
  state.verifications.delete(verification.id);
  apply(verification.destination);
  state.changed();
  return profileResponse(state);
}
