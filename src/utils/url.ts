/** Whether a URL may be shown or opened: only `https:` or same-origin (SPEC §6). */
export function isSafeUrl(url: string): boolean {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.origin === location.origin;
  } catch {
    return false;
  }
}
