/** The schema of each call's success body, and of error bodies: what the client validates (loaded lazily). */
import type { RouteName } from './endpoints.js';
import * as S from './schemas.js';

export const responses: Partial<Record<RouteName, S.AnySchema>> = {
  getProfile: S.Profile,
  startEmailVerification: S.Verification,
  confirmEmail: S.Profile,
  startPhoneVerification: S.Verification,
  confirmPhone: S.Profile,
  removePhone: S.Profile,
  resendVerification: S.Verification,
  createTiktokLinkSession: S.LinkSession,
  getTiktokLinkSession: S.LinkSessionStatus,
  unlinkTiktok: S.Profile,
  upgradeTiktokToBusiness: S.Profile,
  startReauthChallenge: S.Verification,
  reauth: S.ReauthResult,
};

export { ErrorBody } from './schemas.js';
