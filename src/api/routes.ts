/**
 * The resources of the contract: method, path, body and success schema of each call.
 * The mock backend, the OpenAPI generator and the client's response validation (loaded
 * lazily) all read this one table.
 */
import { endpoints, type Endpoint } from './endpoints.js';
import * as R from './requests.js';
import * as S from './schemas.js';

export { fillPath, type RouteName } from './endpoints.js';

export interface Route extends Endpoint {
  body?: S.AnySchema;
  response?: S.AnySchema;
}

export const routes = {
  getProfile: { ...endpoints.getProfile, response: S.Profile },
  changePassword: { ...endpoints.changePassword, body: R.ChangePasswordBody },
  startEmailVerification: { ...endpoints.startEmailVerification, body: R.EmailVerificationBody, response: S.Verification },
  confirmEmail: { ...endpoints.confirmEmail, body: R.ConfirmCodeBody, response: S.Profile },
  startPhoneVerification: { ...endpoints.startPhoneVerification, body: R.PhoneVerificationBody, response: S.Verification },
  confirmPhone: { ...endpoints.confirmPhone, body: R.ConfirmCodeBody, response: S.Profile },
  removePhone: { ...endpoints.removePhone, response: S.Profile },
  resendVerification: { ...endpoints.resendVerification, response: S.Verification },
  createTiktokLinkSession: { ...endpoints.createTiktokLinkSession, body: R.LinkSessionBody, response: S.LinkSession },
  getTiktokLinkSession: { ...endpoints.getTiktokLinkSession, response: S.LinkSessionStatus },
  unlinkTiktok: { ...endpoints.unlinkTiktok, response: S.Profile },
  upgradeTiktokToBusiness: { ...endpoints.upgradeTiktokToBusiness, response: S.Profile },
  startReauthChallenge: { ...endpoints.startReauthChallenge, body: R.ReauthChallengeBody, response: S.Verification },
  reauth: { ...endpoints.reauth, body: R.ReauthBody, response: S.ReauthResult },
} as const satisfies Record<string, Route>;

