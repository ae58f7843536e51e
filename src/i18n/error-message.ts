import type { UserSettingsError } from '../api/errors.js';
import { format, type MessageKey, type Messages } from './messages.js';

/** Plain words for a failure: the code's own message, else its kind's, else a generic one. */
/** `secondsLeft` replaces the server's retry delay with a live countdown. */
export function errorMessage(messages: Messages, error: UserSettingsError, secondsLeft?: number): string {
  const byCode = `error.${error.code}` as MessageKey;
  const byKind = `error.${error.kind}` as MessageKey;
  const template = messages[byCode] ?? (error.kind !== 'http' ? messages[byKind] : undefined) ?? messages['error.unknown'];
  return format(template, { seconds: secondsLeft ?? error.retryAfterSeconds ?? 0 });
}
