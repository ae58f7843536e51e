// @ts-check
/**
 * `check-backend`: the backend conformance kit. Drives a live backend through the contract
 * (SPEC §4) and checks every answer against openapi.json; read-only unless `--write`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { BudgetSpent, KitClient } from './kit/client.mjs';
import { Contract } from './kit/contract.mjs';
import { readChecks, Unreachable } from './kit/read-checks.mjs';
import { Redactor } from './kit/redact.mjs';
import { Report } from './kit/report.mjs';
import { KitSession } from './kit/session.mjs';
import { writeChecks } from './kit/write-checks.mjs';

/** @typedef {import('./kit/session.mjs').KitOptions} KitOptions */
/** @typedef {import('./kit/report.mjs').KitReport} KitReport */

/**
 * @typedef {object} KitArgs what `parseArgs` gives
 * @property {string} [api-base]
 * @property {string[]} [header]
 * @property {string} [password]
 * @property {boolean} [write]
 * @property {string} [email]
 * @property {string} [max-requests]
 * @property {string} [timeout]
 * @property {string} [budget]
 * @property {string} [openapi]
 * @property {boolean} [allow-http]
 * @property {string} [origin]
 */

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Validates the command line into options, or says what is wrong (never quoting a secret).
 * @param {KitArgs} args
 * @param {Record<string, string | undefined>} env `USP_KIT_PASSWORD` keeps the password out of shell history
 * @returns {{ options: KitOptions } | { error: string }}
 */
export function parseKitOptions(args, env) {
  const apiBase = args['api-base'];
  if (!apiBase) return { error: '--api-base is required' };
  let base;
  try {
    base = new URL(apiBase);
  } catch {
    return { error: '--api-base must be an absolute URL' };
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return { error: '--api-base must be http: or https:' };
  /** @type {[string, string][]} */
  const headers = [];
  for (const header of args.header ?? []) {
    const colon = header.indexOf(':');
    const name = header.slice(0, colon).trim();
    if (colon < 1 || !HEADER_NAME.test(name)) return { error: '--header must look like "Name: value"' };
    headers.push([name, header.slice(colon + 1).trim()]);
  }
  const password = args.password ?? env.USP_KIT_PASSWORD;
  if (password !== undefined && base.protocol === 'http:' && !isLocalHost(base.hostname) && !args['allow-http']) {
    return { error: 'refusing to send a password over plain http to a non-local host (use https, or --allow-http)' };
  }
  let origin;
  if (args.origin !== undefined) {
    origin = URL.canParse(args.origin) ? new URL(args.origin).origin : 'null';
    if (origin === 'null') return { error: '--origin must be a page origin such as https://ads.example.com' };
  }
  const write = Boolean(args.write);
  const numbers = {
    maxRequests: positiveInteger(args['max-requests'], 100),
    timeoutMs: positiveInteger(args.timeout, 10_000),
    budgetSeconds: positiveInteger(args.budget, 120),
  };
  if (Object.values(numbers).some(Number.isNaN)) return { error: '--max-requests, --timeout and --budget take positive whole numbers' };
  return {
    options: {
      apiBase: base.href.replace(/\/+$/, ''),
      headers,
      password,
      write,
      email: args.email ?? `usp-kit-${randomBytes(6).toString('hex')}@example.com`,
      maxRequests: numbers.maxRequests,
      timeoutMs: numbers.timeoutMs,
      budgetMs: numbers.budgetSeconds * 1000,
      openapiFile: args.openapi ?? packagedOpenApi(),
      origin,
    },
  };
}

/**
 * Runs the kit. `print` gets each check's line as it is made.
 * @param {KitOptions} options
 * @param {((line: string) => void) | undefined} print
 * @returns {Promise<KitReport>}
 */
export async function checkBackend(options, print) {
  const started = Date.now();
  const redactor = new Redactor();
  for (const [, value] of options.headers) {
    redactor.add(value);
    redactor.add(value.split(/\s+/).pop()); // the token of "Bearer <token>"
  }
  redactor.add(options.password);
  redactor.add(decodeURIComponent(new URL(options.apiBase).password));
  const report = new Report(redactor, print);
  const client = new KitClient({ ...options, maxRequests: options.maxRequests });
  let contract;
  try {
    contract = await Contract.load(options.openapiFile);
  } catch (error) {
    report.verdict('openapi.json', 'contract loads', [`cannot read ${options.openapiFile}: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (contract) {
    const kit = new KitSession(options, client, contract, report, redactor);
    try {
      await readChecks(kit);
      if (options.write) await writeChecks(kit);
    } catch (error) {
      if (error instanceof BudgetSpent) report.verdict('(kit)', 'finished within its budgets', [`stopped early: ${error.message}`]);
      else if (error instanceof Unreachable) report.skip('(kit)', 'the other checks', error.message);
      else throw error;
    }
  }
  return report.finish({ apiBase: options.apiBase, write: options.write, requests: client.sent, durationMs: Date.now() - started });
}

/** @param {string} hostname */
function isLocalHost(hostname) {
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname) || hostname.endsWith('.localhost');
}

/**
 * @param {string | undefined} value
 * @param {number} fallback
 */
function positiveInteger(value, fallback) {
  if (value === undefined) return fallback;
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : Number.NaN;
}

/** The openapi.json at the package root: the first folder up from this file that has one. */
function packagedOpenApi() {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(folder, 'openapi.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return 'openapi.json';
    folder = parent;
  }
}
