/**
 * The default backend contract (v1), defined once: the responses and errors here, the request
 * bodies in `requests.ts`. Types are inferred from these schemas, every response is validated
 * with them, and `scripts/openapi.mjs` turns them into the published OpenAPI document.
 */
import * as z from 'zod/mini';

/**
 * An ISO 8601 date-time. A refine, not `z.iso.datetime()`: the shipped chunk stays small. The
 * `format` is for the OpenAPI document.
 */
const timestamp = () => z.string().check(
  z.refine((value) => !Number.isNaN(Date.parse(value)), 'Expected an ISO 8601 date-time'),
  z.meta({ format: 'date-time' }),
);

/** The pattern of an E.164 number, e.g. "+14155550123" (documented; the backend answers `phone_invalid`). */
export const E164_PATTERN = '^\\+[1-9]\\d{7,14}$';
/** An E.164 phone number: the pattern is documented in the OpenAPI document, not enforced on responses. */
export const e164 = () => z.string().check(z.meta({ pattern: E164_PATTERN, examples: ['+14155550123'] }));

export const EmailInfo = z.object({
  address: z.string(),
  verified: z.boolean(),
});

export const PhoneInfo = z.object({
  /** E.164, e.g. "+14155550123". */
  number: e164(),
  verified: z.boolean(),
});

export const TiktokAccount = z.object({
  openId: z.string(),
  username: z.string(),
  displayName: z.string(),
  avatarUrl: z.nullable(z.string()),
  isBusinessAccount: z.boolean(),
  linkedAt: timestamp(),
});

export const Profile = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.nullable(EmailInfo),
  phone: z.nullable(PhoneInfo),
  password: z.object({ isSet: z.boolean(), updatedAt: z.nullable(timestamp()) }),
  passwordPolicy: z.object({
    minLength: z.number(),
    maxLength: z.number(),
  }),
  tiktok: z.object({
    linkingAvailable: z.boolean(),
    account: z.nullable(TiktokAccount),
    businessUpgradeAvailable: z.boolean(),
  }),
  adAccountSettingsUrl: z.nullable(z.string()),
});

export const Verification = z.object({
  verificationId: z.string(),
  /** Masked, e.g. "+1 ••• ••• 4567". */
  destination: z.string(),
  expiresAt: timestamp(),
  resendAvailableAt: timestamp(),
});

export const LinkMode = z.enum(['popup', 'redirect']);
export const LinkStatus = z.enum(['pending', 'linked', 'cancelled', 'failed']);

export const LinkSession = z.object({
  state: z.string(),
  authorizeUrl: z.string(),
  expiresAt: timestamp(),
});

/** Why a link session failed: `{ code, message? }` as in §4.2; a bare string is read as the code. */
export const LinkSessionError = z.union([z.object({ code: z.string(), message: z.optional(z.string()) }), z.string()]);

export const LinkSessionStatus = z.object({
  state: z.string(),
  status: LinkStatus,
  error: z.optional(LinkSessionError),
});

export const ReauthMethod = z.enum(['password', 'email_code', 'phone_code']);

export const ReauthResult = z.object({
  reauthToken: z.string(),
  expiresAt: timestamp(),
});

/** The codes of SPEC §4.2; their statuses are in `error-status.ts`. */
export const ErrorCode = z.enum([
  'invalid_request',
  'not_found',
  'unauthenticated',
  'reauth_required',
  'reauth_invalid',
  'invalid_current_password',
  'password_policy',
  'password_breached',
  'email_invalid',
  'email_taken',
  'phone_invalid',
  'phone_taken',
  'code_invalid',
  'code_expired',
  'too_many_attempts',
  'rate_limited',
  'last_login_method',
  'tiktok_linking_unavailable',
  'tiktok_account_in_use',
  'tiktok_not_linked',
  'business_upgrade_ineligible',
]);

/** Every non-2xx body. `code` stays a plain string: unknown codes are a generic failure (`ErrorCode` lists the known ones). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.optional(z.string()),
    field: z.optional(z.string()),
    retryAfterSeconds: z.optional(z.number()),
    methods: z.optional(z.array(ReauthMethod)),
    /** Extension: for `password_policy`, which rules failed (e.g. "too_short"). */
    reasons: z.optional(z.array(z.string())),
  }),
});

export type Profile = z.infer<typeof Profile>;
export type TiktokAccount = z.infer<typeof TiktokAccount>;
export type Verification = z.infer<typeof Verification>;
export type LinkMode = z.infer<typeof LinkMode>;
export type LinkStatus = z.infer<typeof LinkStatus>;
export type LinkSession = z.infer<typeof LinkSession>;
export type LinkSessionStatus = z.infer<typeof LinkSessionStatus>;
export type ReauthMethod = z.infer<typeof ReauthMethod>;
export type ReauthResult = z.infer<typeof ReauthResult>;
export type ErrorCode = z.infer<typeof ErrorCode>;
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Any schema of this file (used by the route table). */
export type AnySchema = z.ZodMiniType;
