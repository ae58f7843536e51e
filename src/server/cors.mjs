// @ts-check
/**
 * CORS for the Node mock server: a page on a local host (localhost, 127.0.0.1, [::1],
 * *.localhost) or on an origin given with `--cors-origin` may call it with credentials.
 * Other origins get no CORS headers, so browsers keep them out.
 */

/** Request headers the panel sends (SPEC §4.2, §4.3) plus the usual auth headers. */
const ALLOWED_HEADERS = 'Content-Type, Authorization, X-Reauth-Token, Idempotency-Key, X-CSRF-Token';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `origin` may call the server.
 * @param {string | undefined} origin the request's `Origin` header
 * @param {readonly string[]} extraOrigins origins allowed besides local hosts
 */
export function isAllowedOrigin(origin, extraOrigins) {
  if (!origin) return false;
  if (extraOrigins.includes(origin)) return true;
  try {
    const { protocol, hostname } = new URL(origin);
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost');
  } catch {
    return false;
  }
}

/**
 * The CORS response headers for a request from `origin` (none when it is not allowed).
 * @param {string | undefined} origin
 * @param {readonly string[]} extraOrigins
 * @returns {Record<string, string>}
 */
export function corsHeaders(origin, extraOrigins) {
  if (!origin || !isAllowedOrigin(origin, extraOrigins)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  };
}

/**
 * The extra headers of a preflight answer.
 * @param {string | undefined} requestedHeaders the `Access-Control-Request-Headers` header
 * @returns {Record<string, string>}
 */
export function preflightHeaders(requestedHeaders) {
  return {
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': requestedHeaders || ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}
