/** The query parameter the TikTok callback adds to `returnUrl` in redirect mode (SPEC §4.4). */
export const LINK_STATE_PARAM = 'usp_link_state';
/** Ours, in `returnUrl`: which host layout started the flow, so only that panel finishes it. */
export const LINK_HOST_PARAM = 'usp_link_host';

/** The link state to finish on this page, when the flow was started by a panel of `hostKind`. */
export function returnedLinkState(hostKind: string): string | null {
  const params = new URLSearchParams(location.search);
  const startedBy = params.get(LINK_HOST_PARAM);
  return startedBy && startedBy !== hostKind ? null : params.get(LINK_STATE_PARAM);
}
