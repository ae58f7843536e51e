import { UserSettingsError } from '../../api/errors.js';
import type { LinkSessionStatus } from '../../api/schemas.js';
import type { Messages } from '../../i18n/messages.js';

/** The code of a link session's `error`: `{ code, message? }`, or a bare code from older backends. */
export function linkErrorCode(error: LinkSessionStatus['error']): string | undefined {
  return typeof error === 'string' ? error : error?.code;
}

/**
 * A link session that ended `failed`, as the panel tells it: by its code when the panel has words
 * for it (`tiktok_account_in_use` …), else as `tiktok_link_failed`.
 */
export function linkFailure(error: LinkSessionStatus['error'], messages: Messages): UserSettingsError {
  const code = linkErrorCode(error);
  const known = code !== undefined && Object.hasOwn(messages, `error.${code}`);
  return new UserSettingsError({
    kind: 'http',
    code: known ? code : 'tiktok_link_failed',
    message: typeof error === 'object' ? error.message : undefined,
  });
}

/** A failure the panel makes itself (the session expired, the authorize URL is unsafe …). */
export const linkError = (code: string) => new UserSettingsError({ kind: 'http', code });
