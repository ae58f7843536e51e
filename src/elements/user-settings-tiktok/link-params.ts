/**
 * Link states across a redirect (SPEC §4.4 items 4 and 5): the tab remembers, in sessionStorage,
 * each state it sends to TikTok and which host layout sent it; a state coming back in the address
 * bar is finished only by a panel of that layout in that tab, and only once.
 */

/** The query parameter the TikTok callback adds to `returnUrl` in redirect mode (SPEC §4.4). */
export const LINK_STATE_PARAM = 'usp_link_state';
/** Where a tab keeps each state it sent to TikTok (the key ends with the state; the value is the host layout). */
const STARTED_KEY_PREFIX = 'usp-tiktok-link:';

/** Whether `value` has the form of a link state: an opaque token of `[A-Za-z0-9_-]{1,128}`. */
export const isLinkState = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(value);

/** Remembers, in this tab, a state that a panel of `host` (a `HostKind`) is about to send to TikTok. */
export function rememberLinkState(state: string, host: string): void {
  try {
    sessionStorage.setItem(STARTED_KEY_PREFIX + state, host);
  } catch {
    // No storage here (e.g. an opaque-origin frame): the return is ignored, and the profile read
    // on return still shows a linked account.
  }
}

/** The host layout whose panel started `state` in this tab and has not finished it; null when none. */
function startedBy(state: string | undefined): string | null {
  try {
    return isLinkState(state) ? sessionStorage.getItem(STARTED_KEY_PREFIX + state) : null;
  } catch {
    return null;
  }
}

/** The state in the address bar, as given (undefined when there is none). */
const stateInAddressBar = () => new URLSearchParams(location.search).get(LINK_STATE_PARAM) ?? undefined;

function removeStateFromAddressBar(): void {
  const url = new URL(location.href);
  url.searchParams.delete(LINK_STATE_PARAM);
  history.replaceState(history.state, '', url);
}

/** The returned state that a panel of `host` should finish: one this tab started for that layout. */
export function returnedLinkState(host: string): string | undefined {
  const state = stateInAddressBar();
  return startedBy(state) === host ? state : undefined;
}

/**
 * Takes the returned state for a panel of `host`, once: forgets it in this tab and removes it from
 * the address bar. Undefined when there is none for this layout.
 */
export function claimReturnedLinkState(host: string): string | undefined {
  const state = returnedLinkState(host);
  if (!state) return undefined;
  sessionStorage.removeItem(STARTED_KEY_PREFIX + state);
  removeStateFromAddressBar();
  return state;
}

/**
 * Removes from the address bar a returned state that no panel of this tab may finish: malformed,
 * not started here, or already finished. A state another layout's panel started stays for it.
 */
export function dropStrayLinkState(): void {
  const state = stateInAddressBar();
  if (state !== undefined && startedBy(state) === null) removeStateFromAddressBar();
}
