// @ts-check
/**
 * The kit's findings: one line per check (route, check, verdict, why), printed as they come,
 * and a summary. Every text goes through the redactor first.
 */

/** @typedef {'pass' | 'fail' | 'skip'} Verdict */

/**
 * @typedef {object} CheckResult
 * @property {string} route e.g. `POST /email/verifications`
 * @property {string} check what was checked
 * @property {Verdict} verdict
 * @property {string} why the evidence (empty for a plain pass)
 */

/**
 * @typedef {object} KitReport
 * @property {string} apiBase
 * @property {boolean} write
 * @property {CheckResult[]} checks
 * @property {number} passed
 * @property {number} failed
 * @property {number} skipped
 * @property {number} requests requests sent
 * @property {number} durationMs
 * @property {string} summary `conformance: P/N checks passed`
 */

export class Report {
  /** @type {CheckResult[]} */
  checks = [];
  #redactor;
  #print;
  /** @type {Set<string>} */
  #once = new Set();

  /**
   * @param {import('./redact.mjs').Redactor} redactor
   * @param {((line: string) => void) | undefined} print
   */
  constructor(redactor, print) {
    this.#redactor = redactor;
    this.#print = print;
  }

  /**
   * Records a check. `problems` empty means pass.
   * @param {string} route
   * @param {string} check
   * @param {readonly string[]} problems
   * @param {string} [evidence] said on a pass
   */
  verdict(route, check, problems, evidence = '') {
    this.#add(route, check, problems.length === 0 ? 'pass' : 'fail', problems.length === 0 ? evidence : problems.join('; '));
  }

  /**
   * Records a check that could not be made, and why.
   * @param {string} route
   * @param {string} check
   * @param {string} why
   */
  skip(route, check, why) {
    this.#add(route, check, 'skip', why);
  }

  /**
   * Like `verdict`, but only the first time for this route and check (for checks made whenever a
   * kind of answer shows up, such as a 429).
   * @param {string} route
   * @param {string} check
   * @param {readonly string[]} problems
   * @param {string} [evidence]
   */
  verdictOnce(route, check, problems, evidence) {
    const key = `${route}\u0000${check}`;
    if (this.#once.has(key)) return;
    this.#once.add(key);
    this.verdict(route, check, problems, evidence);
  }

  /**
   * @param {string} route
   * @param {string} check
   * @param {Verdict} verdict
   * @param {string} why
   */
  #add(route, check, verdict, why) {
    const result = {
      route: this.#redactor.redact(route),
      check: this.#redactor.redact(check),
      verdict,
      why: this.#redactor.redact(why),
    };
    this.checks.push(result);
    this.#print?.(formatLine(result));
  }

  /**
   * @param {{ apiBase: string, write: boolean, requests: number, durationMs: number }} run
   * @returns {KitReport}
   */
  finish(run) {
    const count = (/** @type {Verdict} */ verdict) => this.checks.filter((check) => check.verdict === verdict).length;
    const passed = count('pass');
    const failed = count('fail');
    const skipped = count('skip');
    const summary = `conformance: ${passed}/${passed + failed} checks passed${skipped ? ` (${skipped} skipped)` : ''}`;
    return { ...run, apiBase: this.#redactor.redact(run.apiBase), checks: this.checks, passed, failed, skipped, summary };
  }
}

/** @param {CheckResult} result */
export function formatLine({ route, check, verdict, why }) {
  return `${route.padEnd(36)} ${check.padEnd(52)} ${verdict.toUpperCase().padEnd(4)}${why ? `  ${why}` : ''}`;
}
