/** `POST /email/verifications` and `POST /email`. */
import { HttpResponse } from 'msw';
import { requestBodies } from '../../api/requests.js';
import { contractError } from '../errors.js';
import { MOCK_TRIGGERS } from '../triggers.js';
import { type RouteLogic, withBody } from './context.js';
import { checkCode, findVerification, notFound, profileResponse, scenarioReauth, sendLimit } from './rules.js';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const startEmailVerification: RouteLogic = withBody(requestBodies.startEmailVerification, (body, ctx) => {
  const { state } = ctx;
  const email = body.email.trim();
  if (!EMAIL.test(email)) return contractError('email_invalid', { field: 'email' });
  if (email.toLowerCase() === MOCK_TRIGGERS.takenEmail) return contractError('email_taken', { field: 'email' });
  const denied = scenarioReauth(ctx, 'startEmailVerification') ?? sendLimit(state);
  if (denied) return denied;
  const verification = state.createVerification({ kind: 'email', destination: email, reauthorized: state.isReauthTokenValid(ctx.reauthToken) });
  return HttpResponse.json(state.toVerification(verification), { status: 201 });
});

export const confirmEmail: RouteLogic = withBody(requestBodies.confirmEmail, (body, ctx) => {
  const { state } = ctx;
  const verification = findVerification(state, body.verificationId, 'email');
  if (!verification) return notFound('verificationId');
  const denied = scenarioReauth(ctx, 'confirmEmail', verification) ?? checkCode(state, verification, body.code, 'code_invalid');
  if (denied) return denied;
  state.verifications.delete(verification.id);
  state.profile.email = { address: verification.destination, verified: true };
  state.changed();
  return profileResponse(state);
});
