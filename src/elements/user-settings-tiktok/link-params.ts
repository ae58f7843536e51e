/**
 * Link states across a redirect (SPEC §4.4 items 4 and 5): the tab remembers, in sessionStorage,
 * each state it sends to TikTok and which host layout sent it; a state coming back in the address
 * bar is finished only by a panel of that layout in that tab, and only once.
 */

/** The query parameter the TikTok callback adds to `returnUrl` in redirect mode (SPEC §4.4). */
export const LINK_STATE_PARAM = 'usp_link_state';
/** Where a tab keeps the states it sent to TikTok and has not finished. */
const STARTED_KEY = 'usp-tiktok-link-states';
/** States kept per tab (a user may leave for TikTok, come back with Back, and start again). */
const KEPT = 5;

/** Whether `value` has the form of a link state: an opaque token of `[A-Za-z0-9_-]{1,128}`. */
export const isLinkState = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(value);

/** A state this tab sent to TikTok, and the host layout (`HostKind`) whose panel sent it. */
interface StartedLink {
  state: string;
  host: string;
}

function readStarted(): StartedLink[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STARTED_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((link) => isLinkState(link?.state) && typeof link.host === 'string') : [];
  } catch {
    // No storage here (e.g. an opaque-origin frame): this tab remembers nothing.
    return [];
  }
}

function writeStarted(links: StartedLink[]): void {
  try {
    if (links.length) sessionStorage.setItem(STARTED_KEY, JSON.stringify(links.slice(-KEPT)));
    else sessionStorage.removeItem(STARTED_KEY);
  } catch {
    // Without storage the return is ignored; the refreshed profile still shows a linked account.
  }
}

/** Remembers, in this tab, a state that a panel of `host` is about to send to TikTok. */
export function rememberLinkState(state: string, host: string): void {
  writeStarted([...readStarted().filter((link) => link.state !== state), { state, host }]);
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
  return readStarted().some((link) => link.state === state && link.host === host) ? state : undefined;
}

/**
 * Takes the returned state for a panel of `host`, once: forgets it in this tab and removes it from
 * the address bar. Undefined when there is none for this layout.
 */
export function claimReturnedLinkState(host: string): string | undefined {
  const state = returnedLinkState(host);
  if (!state) return undefined;
  writeStarted(readStarted().filter((link) => link.state !== state));
  removeStateFromAddressBar();
  return state;
}

/**
 * Removes from the address bar a returned state that no panel of this tab may finish: malformed,
 * not started here, or already finished. A state another layout's panel started stays for it.
 */
export function dropStrayLinkState(): void {
  const state = stateInAddressBar();
  if (state !== undefined && !readStarted().some((link) => link.state === state)) removeStateFromAddressBar();
}
