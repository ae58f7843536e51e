/** `POST /phone/verifications`, `POST /phone` and `DELETE /phone`. */
import { requestBodies } from '../../api/requests.js';
import { E164_PATTERN } from '../../api/schemas.js';
import { contractError } from '../errors.js';
import { MOCK_TRIGGERS } from '../triggers.js';
import { type RouteLogic, withBody } from './context.js';
import { confirmVerification, isLastLoginMethod, notFound, profileResponse, scenarioReauth, sendVerification } from './rules.js';

const E164 = new RegExp(E164_PATTERN);

export const startPhoneVerification: RouteLogic = withBody(requestBodies.startPhoneVerification, (body, ctx) => {
  const phone = body.phone.trim();
  if (!E164.test(phone)) return contractError('phone_invalid', { field: 'phone' });
  if (phone === MOCK_TRIGGERS.takenPhone) return contractError('phone_taken', { field: 'phone' });
  return sendVerification(ctx, 'startPhoneVerification', 'phone', phone);
});

export const confirmPhone: RouteLogic = withBody(requestBodies.confirmPhone, (body, ctx) =>
  confirmVerification(ctx, 'confirmPhone', 'phone', body, (number) => {
    ctx.state.profile.phone = { number, verified: true };
  }));

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
