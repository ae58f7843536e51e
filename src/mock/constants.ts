/** The fixed values of the mock backend: its password, its clock rules and its storage keys. */

/** The password of every preset that has one. */
export const MOCK_PASSWORD = 'Correct-Horse-9';
/** The avatar of a TikTok account linked through the mock (https, never a `data:` URL). */
export const MOCK_TIKTOK_AVATAR_URL = 'https://p16-sign.tiktokcdn-us.example/avatar.png';
/** localStorage key prefix the mock authorize page writes its decision under (`<prefix><state>`). */
export const TIKTOK_DECISION_KEY_PREFIX = 'usp-mock:tiktok-decision:';
/** sessionStorage key of the persisted state. */
export const MOCK_STATE_STORAGE_KEY = 'usp-mock:state';

/** How long a code is valid. */
export const CODE_TTL_MS = 10 * 60_000;
/** How long before a code may be sent again. */
export const RESEND_AFTER_MS = 30_000;
/** How long a re-verification token is valid (for any number of calls). */
export const REAUTH_TOKEN_TTL_MS = 5 * 60_000;
/** How long a TikTok link session stays open. */
export const LINK_SESSION_TTL_MS = 10 * 60_000;
/** Codes sent within {@link SEND_WINDOW_MS} before `rate_limited`. */
export const MAX_SENDS_PER_WINDOW = 5;
export const SEND_WINDOW_MS = 60_000;
/** Wrong codes for one verification; the last one answers `too_many_attempts`. */
export const MAX_CODE_ATTEMPTS = 5;
