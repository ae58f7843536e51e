import type { UserSettingsError } from '../../api/errors.js';

/** Digits in a verification code. */
export const CODE_LENGTH = 6;

/**
 * Whether the server refused the code itself (wrong, expired, too many tries): only then is a
 * typed code cleared; after a network or server failure it stays for the retry.
 */
export function isCodeRejection(error: UserSettingsError): boolean {
  return error.field === 'code' || error.code.startsWith('code_') || error.code === 'too_many_attempts';
}
