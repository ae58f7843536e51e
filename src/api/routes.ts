/**
 * The resources of the contract: method, path, body and success schema of each call.
 * The HTTP client, the mock backend and the OpenAPI generator all read this one table.
 */
import * as S from './schemas.js';

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to `api-base`; `{name}` segments are filled from path parameters. */
  path: string;
  status: 200 | 201 | 204;
  body?: S.AnySchema;
  response?: S.AnySchema;
  summary: string;
}

export const routes = {
  getProfile: { method: 'GET', path: '/me', status: 200, response: S.Profile, summary: 'The signed-in user\'s sign-in settings' },
  changePassword: { method: 'POST', path: '/password', status: 204, body: S.ChangePasswordBody, summary: 'Change or set the password' },
  startEmailVerification: { method: 'POST', path: '/email/verifications', status: 201, body: S.EmailVerificationBody, response: S.Verification, summary: 'Send a code to a new email address' },
  confirmEmail: { method: 'POST', path: '/email', status: 200, body: S.ConfirmCodeBody, response: S.Profile, summary: 'Make the verified address the sign-in email' },
  startPhoneVerification: { method: 'POST', path: '/phone/verifications', status: 201, body: S.PhoneVerificationBody, response: S.Verification, summary: 'Send an SMS code to a phone number (E.164)' },
  confirmPhone: { method: 'POST', path: '/phone', status: 200, body: S.ConfirmCodeBody, response: S.Profile, summary: 'Make the verified number the sign-in phone' },
  removePhone: { method: 'DELETE', path: '/phone', status: 200, response: S.Profile, summary: 'Remove the phone number' },
  resendVerification: { method: 'POST', path: '/verifications/{id}/resend', status: 200, response: S.Verification, summary: 'Send the code again' },
  createTiktokLinkSession: { method: 'POST', path: '/tiktok/link-sessions', status: 201, body: S.LinkSessionBody, response: S.LinkSession, summary: 'Start linking a TikTok account' },
  getTiktokLinkSession: { method: 'GET', path: '/tiktok/link-sessions/{state}', status: 200, response: S.LinkSessionStatus, summary: 'State of a link session' },
  unlinkTiktok: { method: 'DELETE', path: '/tiktok/link', status: 200, response: S.Profile, summary: 'Unlink the TikTok account' },
  upgradeTiktokToBusiness: { method: 'POST', path: '/tiktok/business-upgrade', status: 200, response: S.Profile, summary: 'Upgrade the linked TikTok account to a Business Account' },
  startReauthChallenge: { method: 'POST', path: '/reauth/challenges', status: 201, body: S.ReauthChallengeBody, response: S.Verification, summary: 'Send a re-verification code' },
  reauth: { method: 'POST', path: '/reauth', status: 200, body: S.ReauthBody, response: S.ReauthResult, summary: 'Prove identity; returns a short-lived re-verification token' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;

/** Fills `{name}` segments, encoding each value. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
