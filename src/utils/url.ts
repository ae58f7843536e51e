// No imports: a test runs this module's source as it is inside an opaque-origin frame.

/**
 * The URL to show or open, as its parsed `href`, when it is `https:` or same-origin `http:`
 * (SPEC §6); undefined otherwise. A document with an opaque origin (`about:srcdoc`, sandboxed
 * frames) has no "same origin": its `location.origin` is `"null"`, like a `javascript:` or `data:`
 * URL's, so there only `https:` passes. Callers use the returned `href`, never the raw string.
 */
export function safeUrl(url: string): string | undefined {
  // An empty string would resolve to this very page.
  if (!url.trim()) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, document.baseURI);
  } catch {
    return undefined;
  }
  const ownOrigin = location.origin;
  const sameOrigin = ownOrigin !== 'null' && parsed.protocol === 'http:' && parsed.origin === ownOrigin;
  return parsed.protocol === 'https:' || sameOrigin ? parsed.href : undefined;
}

/** Whether `safeUrl(url)` accepts the URL. Prefer `safeUrl`: it gives the `href` to use. */
export const isSafeUrl = (url: string): boolean => safeUrl(url) !== undefined;
