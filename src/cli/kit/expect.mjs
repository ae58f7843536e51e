// @ts-check
/**
 * What the kit expects of answers, by SPEC §4.2 — each function returns the problems it finds
 * (empty when the answer is right). Values of fields are never quoted: they may be secrets.
 */

/** @typedef {import('./client.mjs').Exchange} Exchange */

/** A link-session state, SPEC §4.4 step 5. */
export const LINK_STATE = /^[A-Za-z0-9_-]{1,128}$/;

/** The `methods` a `reauth_required` error may carry (SPEC §4.3). */
export const REAUTH_METHODS = ['password', 'email_code', 'phone_code'];

/**
 * The error object of an answer, when it has the envelope.
 * @param {Exchange} exchange
 * @returns {{ code?: unknown, field?: unknown, methods?: unknown, retryAfterSeconds?: unknown } | undefined}
 */
export function errorOf(exchange) {
  const error = exchange.json?.error;
  return error && typeof error === 'object' ? error : undefined;
}

/** @param {Exchange} exchange */
export function isReauthRequired(exchange) {
  return exchange.status === 403 && errorOf(exchange)?.code === 'reauth_required';
}

/**
 * "got 422 invalid_request at field email", for messages.
 * @param {Exchange} exchange
 */
export function describeAnswer(exchange) {
  if (exchange.status === 0) return `no answer (${exchange.failure})`;
  const error = errorOf(exchange);
  if (!error) return `got ${exchange.status}`;
  const field = typeof error.field === 'string' ? ` at field ${error.field}` : '';
  return `got ${exchange.status} ${String(error.code)}${field}`;
}

/**
 * An error answer with one of `codes`, the given status and (when the error names a field) one
 * of `fields`.
 * @param {Exchange} exchange
 * @param {{ status: number, codes: readonly string[], fields?: readonly string[], fieldRequired?: boolean }} expected
 * @returns {string[]}
 */
export function expectError(exchange, { status, codes, fields, fieldRequired = false }) {
  const error = errorOf(exchange);
  const wanted = `${status} ${codes.join(' or ')}${fields ? ` at field ${fields.join(' or ')}` : ''}`;
  if (exchange.status !== status || !error || typeof error.code !== 'string' || !codes.includes(error.code)) {
    return [`expected ${wanted}, ${describeAnswer(exchange)}`];
  }
  if (fields && error.field === undefined && fieldRequired) return [`expected ${wanted}, the error names no field`];
  if (fields && error.field !== undefined && !fields.includes(/** @type {string} */ (error.field))) {
    return [`expected ${wanted}, ${describeAnswer(exchange)}`];
  }
  return [];
}

/**
 * A success answer with `status`.
 * @param {Exchange} exchange
 * @param {number} status
 */
export function expectStatus(exchange, status) {
  return exchange.status === status ? [] : [`expected ${status}, ${describeAnswer(exchange)}`];
}

/**
 * A `Retry-After` of delay-seconds or an HTTP date (RFC 9110 §10.2.3), and for `rate_limited` a
 * `retryAfterSeconds` (SPEC §4.2).
 * @param {Exchange} exchange
 */
export function retryAfterProblems(exchange) {
  const problems = [];
  const header = exchange.headers.get('retry-after');
  if (header === null) problems.push('the 429 has no Retry-After header');
  else if (!/^\d+$/.test(header.trim()) && Number.isNaN(Date.parse(header))) problems.push(`Retry-After "${header}" is neither seconds nor a date`);
  const error = errorOf(exchange);
  if (error?.code === 'rate_limited') {
    const seconds = error.retryAfterSeconds;
    if (typeof seconds !== 'number' || !(seconds >= 0)) problems.push('rate_limited has no retryAfterSeconds');
  }
  return problems;
}

/**
 * A non-empty `methods` of known re-verification methods.
 * @param {Exchange} exchange
 */
export function reauthMethodsProblems(exchange) {
  const methods = errorOf(exchange)?.methods;
  if (!Array.isArray(methods) || methods.length === 0) return ['reauth_required carries no methods'];
  const unknown = methods.filter((method) => !REAUTH_METHODS.includes(method));
  return unknown.length ? [`unknown methods: ${unknown.map(String).join(', ')}`] : [];
}

/**
 * A destination that does not show the full address (or its local part) it was sent to.
 * @param {unknown} destination
 * @param {string} address
 */
export function maskProblems(destination, address) {
  if (typeof destination !== 'string') return ['destination is not a string'];
  const local = address.split('@')[0];
  const shown = destination.toLowerCase();
  if (shown.includes(address.toLowerCase()) || (local.length > 2 && shown.includes(local.toLowerCase()))) {
    return ['destination is not masked: it shows the address'];
  }
  return [];
}

/**
 * An authorize URL the panel will open: https, or on the origin of the API base.
 * @param {unknown} value
 * @param {string} apiBase
 */
export function authorizeUrlProblems(value, apiBase) {
  if (typeof value !== 'string') return ['authorizeUrl is not a string'];
  let url;
  try {
    url = new URL(value, apiBase);
  } catch {
    return ['authorizeUrl is not a URL'];
  }
  if (url.protocol === 'https:' || url.origin === new URL(apiBase).origin) return [];
  return [`authorizeUrl is ${url.protocol} on another origin (${url.origin}); the panel opens only https: or same-origin URLs`];
}

const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/**
 * Timestamps the panel parses and shows (countdowns, "changed on"): ISO 8601 date-times with a
 * zone. `paths` are dot-separated; a null or absent value is left to the schema.
 * @param {unknown} value the answer's JSON
 * @param {readonly string[]} paths
 */
export function timestampProblems(value, paths) {
  const problems = [];
  for (const path of paths) {
    const found = path.split('.').reduce((/** @type {any} */ node, key) => (node == null ? undefined : node[key]), value);
    if (found == null) continue;
    if (typeof found !== 'string' || !ISO_DATE_TIME.test(found) || Number.isNaN(Date.parse(found))) {
      problems.push(`${path} is not an ISO 8601 date-time with a zone`);
    }
  }
  return problems;
}

/**
 * Whether a comma-separated CORS list allows `item` (case-insensitive; `*` allows all but
 * `authorization`, which the Fetch standard never covers with a wildcard).
 * @param {string | null} list
 * @param {string} item
 */
export function corsListAllows(list, item) {
  const items = (list ?? '').split(',').map((entry) => entry.trim().toLowerCase());
  return items.includes(item.toLowerCase()) || (items.includes('*') && item.toLowerCase() !== 'authorization');
}
