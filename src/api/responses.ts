/**
 * The one map of each call's success body schema (calls answering 204 are absent), and the error
 * body: what the client validates, loaded lazily beside the first request.
 */
import type { RouteName } from './endpoints.js';
import * as S from './schemas.js';

export const responses = {
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
} as const;

const byName: Partial<Record<RouteName, S.AnySchema>> = responses;

/** The success body schema of a call; undefined for calls that answer 204. */
export const responseOf = (name: RouteName): S.AnySchema | undefined => byName[name];

export { ErrorBody } from './schemas.js';
