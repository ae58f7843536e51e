/**
 * Method, path and success status of each call of the contract: all the client needs to
 * send a request, so first paint does not carry the schemas. `routes.ts` adds each call's
 * body and response schema to this table.
 */

export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to `api-base`; `{name}` segments are filled from path parameters. */
  path: string;
  status: 200 | 201 | 204;
}

export const endpoints = {
  getProfile: { method: 'GET', path: '/me', status: 200 },
  changePassword: { method: 'POST', path: '/password', status: 204 },
  startEmailVerification: { method: 'POST', path: '/email/verifications', status: 201 },
  confirmEmail: { method: 'POST', path: '/email', status: 200 },
  startPhoneVerification: { method: 'POST', path: '/phone/verifications', status: 201 },
  confirmPhone: { method: 'POST', path: '/phone', status: 200 },
  removePhone: { method: 'DELETE', path: '/phone', status: 200 },
  resendVerification: { method: 'POST', path: '/verifications/{id}/resend', status: 200 },
  createTiktokLinkSession: { method: 'POST', path: '/tiktok/link-sessions', status: 201 },
  getTiktokLinkSession: { method: 'GET', path: '/tiktok/link-sessions/{state}', status: 200 },
  unlinkTiktok: { method: 'DELETE', path: '/tiktok/link', status: 200 },
  upgradeTiktokToBusiness: { method: 'POST', path: '/tiktok/business-upgrade', status: 200 },
  startReauthChallenge: { method: 'POST', path: '/reauth/challenges', status: 201 },
  reauth: { method: 'POST', path: '/reauth', status: 200 },
} as const satisfies Record<string, Endpoint>;

export type RouteName = keyof typeof endpoints;

/** Fills `{name}` segments, encoding each value. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
