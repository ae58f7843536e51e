/** `POST /phone/verifications`, `POST /phone` and `DELETE /phone`. */
import { HttpResponse } from 'msw';
import { requestBodies } from '../../api/requests.js';
import { E164_PATTERN } from '../../api/schemas.js';
import { contractError } from '../errors.js';
import { MOCK_TRIGGERS } from '../triggers.js';
import { type RouteLogic, withBody } from './context.js';
import { checkCode, findVerification, isLastLoginMethod, notFound, profileResponse, scenarioReauth, sendLimit } from './rules.js';

const E164 = new RegExp(E164_PATTERN);

export const startPhoneVerification: RouteLogic = withBody(requestBodies.startPhoneVerification, (body, ctx) => {
  const { state } = ctx;
  const phone = body.phone.trim();
  if (!E164.test(phone)) return contractError('phone_invalid', { field: 'phone' });
  if (phone === MOCK_TRIGGERS.takenPhone) return contractError('phone_taken', { field: 'phone' });
  const denied = scenarioReauth(ctx, 'startPhoneVerification') ?? sendLimit(state);
  if (denied) return denied;
  const verification = state.createVerification({ kind: 'phone', destination: phone, reauthorized: state.isReauthTokenValid(ctx.reauthToken) });
  return HttpResponse.json(state.toVerification(verification), { status: 201 });
});

export const confirmPhone: RouteLogic = withBody(requestBodies.confirmPhone, (body, ctx) => {
  const { state } = ctx;
  const verification = findVerification(state, body.verificationId, 'phone');
  if (!verification) return notFound('verificationId');
  const denied = scenarioReauth(ctx, 'confirmPhone', verification) ?? checkCode(state, verification, body.code, 'code_invalid');
  if (denied) return denied;
  state.verifications.delete(verification.id);
  state.profile.phone = { number: verification.destination, verified: true };
  state.changed();
  return profileResponse(state);
});

export const removePhone: RouteLogic = (ctx) => {
  const { state } = ctx;
  if (!state.profile.phone) return notFound();
  if (isLastLoginMethod(state, 'phone')) return contractError('last_login_method');
  const denied = scenarioReauth(ctx, 'removePhone');
  if (denied) return denied;
  state.profile.phone = null;
  state.changed();
  return profileResponse(state);
};
