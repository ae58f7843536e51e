import type { UserSettingsError } from '../api/errors.js';
import { format, type MessageKey, type Messages } from './messages.js';

/**
 * Plain words for a failure: the code's own message, else its kind's, else a generic one (which
 * says how long to wait when the server sent a `Retry-After`, SPEC §4.2). `secondsLeft` replaces
 * the server's retry delay with a live countdown.
 */
export function errorMessage(messages: Messages, error: UserSettingsError, secondsLeft?: number): string {
  // `unknown` (a failure without a usable contract code) has a catalog entry of its own, but the
  // generic words must win so that a server's Retry-After still shows.
  const byCode = error.code === 'unknown' ? undefined : messages[`error.${error.code}` as MessageKey];
  const byKind = `error.${error.kind}` as MessageKey;
  const generic = error.retryAfterSeconds ? messages['error.unknownRetry'] : messages['error.unknown'];
  const template = byCode ?? (error.kind !== 'http' ? messages[byKind] : undefined) ?? generic;
  return format(template, { seconds: secondsLeft ?? error.retryAfterSeconds ?? 0 });
}
