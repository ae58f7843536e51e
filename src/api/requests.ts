/**
 * The request bodies of the contract (v1). Apart from the response schemas so the panel's
 * shipped validation chunk does not carry them: the mock backend and the OpenAPI document use them.
 */
import * as z from 'zod/mini';
import { LinkMode } from './schemas.js';

export const ChangePasswordBody = z.object({
  currentPassword: z.optional(z.string()),
  newPassword: z.string(),
  signOutOtherSessions: z.boolean(),
});
export const EmailVerificationBody = z.object({ email: z.string() });
export const PhoneVerificationBody = z.object({ phone: z.string() });
export const ConfirmCodeBody = z.object({ verificationId: z.string(), code: z.string() });
export const LinkSessionBody = z.object({ mode: LinkMode, returnUrl: z.optional(z.string()) });
export const ReauthChallengeBody = z.object({ method: z.enum(['email_code', 'phone_code']) });
export const ReauthBody = z.union([
  z.object({ method: z.literal('password'), password: z.string() }),
  z.object({
    method: z.enum(['email_code', 'phone_code']),
    verificationId: z.string(),
    code: z.string(),
  }),
]);


export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
export type ConfirmCodeBody = z.infer<typeof ConfirmCodeBody>;
export type LinkSessionBody = z.infer<typeof LinkSessionBody>;
export type ReauthChallengeBody = z.infer<typeof ReauthChallengeBody>;
export type ReauthBody = z.infer<typeof ReauthBody>;
