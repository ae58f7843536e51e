/** `POST /email/verifications` and `POST /email`. */
import { requestBodies } from '../../api/requests.js';
import { contractError } from '../errors.js';
import { MOCK_TRIGGERS } from '../triggers.js';
import { type RouteLogic, withBody } from './context.js';
import { confirmVerification, sendVerification } from './rules.js';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const startEmailVerification: RouteLogic = withBody(requestBodies.startEmailVerification, (body, ctx) => {
  const email = body.email.trim();
  if (!EMAIL.test(email)) return contractError('email_invalid', { field: 'email' });
  if (email.toLowerCase() === MOCK_TRIGGERS.takenEmail) return contractError('email_taken', { field: 'email' });
  return sendVerification(ctx, 'startEmailVerification', 'email', email);
});

export const confirmEmail: RouteLogic = withBody(requestBodies.confirmEmail, (body, ctx) =>
  confirmVerification(ctx, 'confirmEmail', 'email', body, (address) => {
    ctx.state.profile.email = { address, verified: true };
  }));
