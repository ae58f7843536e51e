/** `GET /me` and `POST /password`. */
import { HttpResponse } from 'msw';
import { requestBodies } from '../../api/requests.js';
import { contractError } from '../errors.js';
import { MOCK_TRIGGERS } from '../triggers.js';
import { type RouteLogic, withBody } from './context.js';
import { profileResponse, reauthRequired, scenarioReauth } from './rules.js';

export const getProfile: RouteLogic = ({ state }) => profileResponse(state);

export const changePassword: RouteLogic = withBody(requestBodies.changePassword, (body, ctx) => {
  const { state } = ctx;
  const { profile } = state;
  if (profile.password.isSet && body.currentPassword !== state.password) {
    return contractError('invalid_current_password', { field: 'currentPassword' });
  }
  const length = [...body.newPassword].length;
  if (length < profile.passwordPolicy.minLength) return contractError('password_policy', { field: 'newPassword', reasons: ['too_short'] });
  if (length > profile.passwordPolicy.maxLength) return contractError('password_policy', { field: 'newPassword', reasons: ['too_long'] });
  if ((MOCK_TRIGGERS.breachedPasswords as readonly string[]).includes(body.newPassword.toLowerCase())) {
    return contractError('password_breached', { field: 'newPassword' });
  }
  // A first password always needs re-verification, unless the profile offers no way to re-verify.
  const firstPassword = !profile.password.isSet && state.reauthMethods().length > 0;
  if (firstPassword && !state.isReauthTokenValid(ctx.reauthToken)) return reauthRequired(state);
  const denied = scenarioReauth(ctx, 'changePassword');
  if (denied) return denied;
  state.password = body.newPassword;
  profile.password = { isSet: true, updatedAt: state.nowIso() };
  state.changed();
  return new HttpResponse(null, { status: 204 });
});
