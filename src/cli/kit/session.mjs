// @ts-check
/**
 * One run of the kit: the client, the contract, the report and what the run learnt (the profile,
 * the account's current password, tokens). `exchange` sends a request, checks the answers that
 * may come to any request (429, `reauth_required`) and, when asked and able, re-verifies by
 * password and repeats the request once with `X-Reauth-Token` (SPEC §4.3).
 */
import { errorOf, isReauthRequired, reauthMethodsProblems, retryAfterProblems, timestampProblems } from './expect.mjs';

/** @typedef {import('./client.mjs').Exchange} Exchange */
/** @typedef {import('./client.mjs').RequestSpec} RequestSpec */

/**
 * @typedef {object} KitOptions
 * @property {string} apiBase
 * @property {[string, string][]} headers
 * @property {string} [password]
 * @property {boolean} write
 * @property {string} email
 * @property {number} maxRequests
 * @property {number} timeoutMs
 * @property {number} budgetMs
 * @property {string} openapiFile
 * @property {string} [origin] the origin of the page that embeds the panel, for the CORS checks
 */

export class KitSession {
  /** The account's password as the backend knows it now (it changes during the password check). */
  password;
  /** @type {any} the profile `GET /me` answered, when it conformed */
  profile;
  /** Whether the backend asked for re-verification at least once. */
  askedForReauth = false;
  /** While set, requests ignore the budgets (the password checks, which must be able to change it back). */
  essential = false;

  /**
   * @param {KitOptions} options
   * @param {import('./client.mjs').KitClient} client
   * @param {import('./contract.mjs').Contract} contract
   * @param {import('./report.mjs').Report} report
   * @param {import('./redact.mjs').Redactor} redactor
   */
  constructor(options, client, contract, report, redactor) {
    this.options = options;
    this.client = client;
    this.contract = contract;
    this.report = report;
    this.redactor = redactor;
    this.password = options.password;
  }

  /**
   * Sends a request and makes the checks any answer may call for.
   * @param {RequestSpec} spec
   * @param {{ reauth?: boolean }} [how] `reauth`: on `reauth_required`, re-verify by password and repeat once
   * @returns {Promise<Exchange>}
   */
  async exchange(spec, how = {}) {
    const first = await this.#sendObserved(spec);
    if (!how.reauth || !isReauthRequired(first)) return first;
    const methods = errorOf(first)?.methods;
    if (this.password === undefined || !Array.isArray(methods) || !methods.includes('password')) return first;
    const token = await this.reauthByPassword();
    if (token === undefined) return first;
    // Like the panel, the repeat is a new request with a fresh Idempotency-Key (the client's default).
    const repeated = await this.#sendObserved({ ...spec, reauthToken: token });
    this.report.verdictOnce(
      route(spec),
      'repeated with X-Reauth-Token: accepted',
      isReauthRequired(repeated) ? ['the repeated request asked for re-verification again'] : [],
      `then ${repeated.status}`,
    );
    return repeated;
  }

  /**
   * `POST /reauth` with the current password; records the check and returns the token.
   * @returns {Promise<string | undefined>}
   */
  async reauthByPassword() {
    const answer = await this.#sendObserved({ method: 'POST', template: '/reauth', body: { method: 'password', password: this.password } });
    const token = answer.json?.reauthToken;
    if (typeof token === 'string') this.redactor.add(token);
    const problems = answer.status === 200
      ? [...this.contract.problems(answer), ...timestampProblems(answer.json, ['expiresAt'])]
      : [`expected 200 ReauthResult, got ${answer.status}`];
    this.report.verdictOnce('POST /reauth', 'password gives a reauth token', problems);
    return problems.length === 0 ? token : undefined;
  }

  /**
   * @param {RequestSpec} spec
   * @returns {Promise<Exchange>}
   */
  async #sendObserved(spec) {
    const answer = await this.client.send(this.essential ? { ...spec, essential: true } : spec);
    if (answer.status === 429) {
      this.report.verdictOnce(route(spec), '429 carries Retry-After', retryAfterProblems(answer));
    }
    if (isReauthRequired(answer)) {
      this.askedForReauth = true;
      this.report.verdictOnce(route(spec), 'reauth_required carries methods', reauthMethodsProblems(answer));
    }
    return answer;
  }
}

/**
 * `POST /verifications/{id}/resend`, the route as the report names it.
 * @param {{ method: string, template: string }} spec
 */
export function route(spec) {
  return `${spec.method} ${spec.template}`;
}
