// @ts-check
/**
 * The kit's HTTP client: every request carries the given headers (unless told otherwise), an
 * `Idempotency-Key` on POST and DELETE (SPEC §4.2), a per-request timeout; the whole run is bounded
 * by a request count and a time budget.
 */
import { randomUUID } from 'node:crypto';

/**
 * One request and its answer. `status` is 0 when no answer came (`failure` says why).
 * @typedef {object} Exchange
 * @property {string} method
 * @property {string} template the contract's path, e.g. `/verifications/{id}/resend`
 * @property {string} path the path sent
 * @property {number} status
 * @property {Headers} headers
 * @property {string} text the body as text
 * @property {any} json the parsed body, undefined when it is not JSON
 * @property {string} [failure] `timeout` or a network error, when status is 0
 */

/**
 * @typedef {object} RequestSpec
 * @property {string} method
 * @property {string} template
 * @property {Record<string, string>} [params] values for the template's `{name}`s
 * @property {unknown} [body] sent as JSON
 * @property {string} [rawBody] sent as is, with `Content-Type: application/json`
 * @property {boolean} [withoutCredentials] leave out the `--header` headers
 * @property {string} [reauthToken] sent as `X-Reauth-Token`
 * @property {Record<string, string>} [extraHeaders] more headers (a CORS preflight's)
 * @property {boolean} [essential] ignores the request and time budgets (restoring the password)
 */

export class BudgetSpent extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'BudgetSpent';
  }
}

export class KitClient {
  #apiBase;
  #headers;
  #origin;
  #timeoutMs;
  #maxRequests;
  #deadline;
  /** Requests sent so far. */
  sent = 0;

  /**
   * @param {object} options
   * @param {string} options.apiBase
   * @param {readonly (readonly [string, string])[]} options.headers
   * @param {number} options.timeoutMs
   * @param {number} options.maxRequests
   * @param {number} options.budgetMs
   * @param {string} [options.origin] sent as `Origin`, as a browser on that page would
   */
  constructor({ apiBase, headers, timeoutMs, maxRequests, budgetMs, origin }) {
    this.#apiBase = apiBase.replace(/\/+$/, '');
    this.#headers = headers;
    this.#origin = origin;
    this.#timeoutMs = timeoutMs;
    this.#maxRequests = maxRequests;
    this.#deadline = Date.now() + budgetMs;
  }

  /** Whether at least `requests` more requests fit in the budgets, leaving time for each. */
  canAfford(/** @type {number} */ requests) {
    return this.sent + requests <= this.#maxRequests && Date.now() + requests * this.#timeoutMs <= this.#deadline;
  }

  /**
   * Sends one request; never throws for HTTP or network failures (see `Exchange.failure`), only
   * `BudgetSpent` when the budgets are used up.
   * @param {RequestSpec} spec
   * @returns {Promise<Exchange>}
   */
  async send(spec) {
    if (!spec.essential) {
      if (this.sent >= this.#maxRequests) throw new BudgetSpent(`request budget spent (${this.#maxRequests} requests)`);
      if (Date.now() >= this.#deadline) throw new BudgetSpent('time budget spent');
    }
    this.sent += 1;
    const path = fillTemplate(spec.template, spec.params ?? {});
    const headers = new Headers({ Accept: 'application/json' });
    if (!spec.withoutCredentials) for (const [name, value] of this.#headers) headers.append(name, value);
    if (spec.method === 'POST' || spec.method === 'DELETE') headers.set('Idempotency-Key', randomUUID());
    if (spec.reauthToken) headers.set('X-Reauth-Token', spec.reauthToken);
    if (this.#origin) headers.set('Origin', this.#origin);
    for (const [name, value] of Object.entries(spec.extraHeaders ?? {})) headers.set(name, value);
    let body;
    if (spec.rawBody !== undefined) body = spec.rawBody;
    else if (spec.body !== undefined) body = JSON.stringify(spec.body);
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const timeoutMs = spec.essential ? this.#timeoutMs : Math.min(this.#timeoutMs, Math.max(1, this.#deadline - Date.now()));
    const base = { method: spec.method, template: spec.template, path };
    try {
      // Redirects are answers too: the contract declares none, so the kit sees them as they are.
      const response = await fetch(this.#apiBase + path, {
        method: spec.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      return { ...base, status: response.status, headers: response.headers, text, json: parseJson(text) };
    } catch (error) {
      const failure = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        ? `timeout after ${timeoutMs} ms`
        : `network error: ${describeNetworkError(error)}`;
      return { ...base, status: 0, headers: new Headers(), text: '', json: undefined, failure };
    }
  }
}

/**
 * @param {string} template
 * @param {Record<string, string>} params
 */
function fillTemplate(template, params) {
  return template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params[name] ?? ''));
}

/** @param {string} text */
function parseJson(text) {
  try {
    return text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** @param {unknown} error */
function describeNetworkError(error) {
  const cause = error instanceof Error ? /** @type {{ code?: string, message?: string } | undefined} */ (error.cause) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
