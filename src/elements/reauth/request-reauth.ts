import type { ReauthMethod } from '../../api/schemas.js';
import type { SettingsContext } from '../../context/settings-context.js';

/**
 * Asks the user to prove it is them with one of `methods`; resolves the `reauthToken`, or
 * `undefined` when they cancel. (Placeholder until the re-verification dialog lands.)
 */
export async function requestReauth(
  _host: HTMLElement,
  _context: SettingsContext,
  _methods: ReauthMethod[],
  _signal: AbortSignal,
): Promise<string | undefined> {
  return undefined;
}
