/**
 * The request bodies of the contract (v1), and the one map of which call takes which body. Apart
 * from the response schemas so the panel's shipped validation chunk does not carry them: the
 * backend interface, the mock backend and the OpenAPI document use them.
 */
import * as z from 'zod/mini';
import { e164, LinkMode } from './schemas.js';

export const ChangePasswordBody = z.object({
  /** Required when a password is set. */
  currentPassword: z.optional(z.string()),
  newPassword: z.string(),
  signOutOtherSessions: z.boolean(),
});
export const EmailVerificationBody = z.object({ email: z.string() });
/** `phone` is E.164; anything else answers `phone_invalid`. */
export const PhoneVerificationBody = z.object({ phone: e164() });
export const ConfirmCodeBody = z.object({ verificationId: z.string(), code: z.string() });
export const LinkSessionBody = z.object({ mode: LinkMode, returnUrl: z.optional(z.string()) });
export const ReauthChallengeBody = z.object({ method: z.enum(['email_code', 'phone_code']) });
/** By password, or by a code from a re-verification challenge; `method` tells which. */
export const ReauthBody = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), password: z.string() }),
  z.object({
    method: z.enum(['email_code', 'phone_code']),
    verificationId: z.string(),
    code: z.string(),
  }),
]);

/** The body each call takes (calls without one are absent). */
export const requestBodies = {
  changePassword: ChangePasswordBody,
  startEmailVerification: EmailVerificationBody,
  confirmEmail: ConfirmCodeBody,
  startPhoneVerification: PhoneVerificationBody,
  confirmPhone: ConfirmCodeBody,
  createTiktokLinkSession: LinkSessionBody,
  startReauthChallenge: ReauthChallengeBody,
  reauth: ReauthBody,
} as const;

export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
export type EmailVerificationBody = z.infer<typeof EmailVerificationBody>;
export type PhoneVerificationBody = z.infer<typeof PhoneVerificationBody>;
export type ConfirmCodeBody = z.infer<typeof ConfirmCodeBody>;
export type LinkSessionBody = z.infer<typeof LinkSessionBody>;
export type ReauthChallengeBody = z.infer<typeof ReauthChallengeBody>;
export type ReauthBody = z.infer<typeof ReauthBody>;
