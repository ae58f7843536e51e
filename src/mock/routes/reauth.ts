/** `POST /verifications/{id}/resend`, `POST /reauth/challenges` and `POST /reauth`. */
import { HttpResponse } from 'msw';
import { requestBodies } from '../../api/requests.js';
import { contractError } from '../errors.js';
import { type RouteLogic, withBody } from './context.js';
import { checkCode, findVerification, notFound, scenarioReauth, sendLimit } from './rules.js';

export const resendVerification: RouteLogic = (ctx) => {
  const { state } = ctx;
  const verification = state.verifications.get(ctx.params.id ?? '');
  if (!verification) return notFound();
  if (verification.kind !== 'reauth') {
    const denied = scenarioReauth(ctx, 'resendVerification', verification);
    if (denied) return denied;
  }
  const wait = verification.resendAvailableAt - state.now();
  if (wait > 0) return contractError('rate_limited', { retryAfterSeconds: Math.ceil(wait / 1000) });
  const limited = sendLimit(state);
  if (limited) return limited;
  state.sendCode(verification);
  return HttpResponse.json(state.toVerification(verification), { status: 200 });
};

export const startReauthChallenge: RouteLogic = withBody(requestBodies.startReauthChallenge, ({ method }, { state }) => {
  const destination = method === 'email_code' ? state.profile.email?.address : state.profile.phone?.number;
  if (!destination) return contractError('invalid_request', { field: 'method', message: 'This re-verification method is not available.' });
  const limited = sendLimit(state);
  if (limited) return limited;
  const verification = state.createVerification({ kind: 'reauth', method, destination });
  return HttpResponse.json(state.toVerification(verification), { status: 201 });
});

export const reauth: RouteLogic = withBody(requestBodies.reauth, (body, { state }) => {
  if (body.method === 'password') {
    if (!state.profile.password.isSet || body.password !== state.password) return contractError('reauth_invalid', { field: 'password' });
  } else {
    const verification = findVerification(state, body.verificationId, 'reauth');
    if (!verification || verification.method !== body.method) return notFound('verificationId');
    const denied = checkCode(state, verification, body.code, 'reauth_invalid');
    if (denied) return denied;
    state.verifications.delete(verification.id);
  }
  const result = state.issueReauthToken();
  state.changed();
  return HttpResponse.json(result, { status: 200 });
});
