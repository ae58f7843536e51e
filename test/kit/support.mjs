// @ts-check
/**
 * Helpers for the kit's tests: the real CLI in child processes (as an integrator runs it), and
 * thin HTTP proxies that break one thing about a backend's answers.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/user-settings-panel.js', import.meta.url));
/** The mock's test account password (src/mock MOCK_PASSWORD). */
export const MOCK_PASSWORD = 'Correct-Horse-9';
/** The mock server's bearer token in these tests. */
export const MOCK_TOKEN = 'kit-test-token-7f3a9c';

/**
 * Starts `user-settings-panel mock-server --port 0` and waits for the address it prints.
 * @param {string[]} [extra] more arguments
 * @returns {Promise<{ apiBase: string, origin: string, listening: string, stop: () => Promise<void> }>}
 */
export async function startMockServerProcess(extra = []) {
  const child = spawn(process.execPath, [CLI, 'mock-server', '--port', '0', '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  /** @type {[string, string]} */
  const [apiBase, listening] = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const api = /mock backend: (\S+)/.exec(output);
      const dev = /dev routes: +(\S+)/.exec(output);
      if (!api || !dev) return;
      // Behind a public origin it also says where it really listens.
      const real = /listening on: (\S+)/.exec(output);
      if (real) resolve([api[1], real[1]]);
      else if (!extra.includes('--public-origin')) resolve([api[1], new URL(api[1]).origin]);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`mock-server exited (${code}): ${output}`)));
  });
  return {
    apiBase,
    origin: new URL(apiBase).origin,
    listening,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * @typedef {object} KitRun
 * @property {number | null} code exit status
 * @property {string} stdout
 * @property {string} stderr
 * @property {import('../../src/cli/kit/report.mjs').KitReport} [report] with --json
 */

/**
 * Runs `user-settings-panel check-backend` with `args`.
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @param {{ cwd?: string }} [options] the directory it runs in (where it writes files)
 * @returns {Promise<KitRun>}
 */
export async function runKit(args, env = {}, { cwd = process.cwd() } = {}) {
  const child = spawn(process.execPath, [CLI, 'check-backend', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  const report = args.includes('--json') && stdout ? JSON.parse(stdout) : undefined;
  return { code, stdout, stderr, report };
}

/**
 * The check named by route and check text (undefined when the kit did not make it).
 * @param {KitRun} run
 * @param {string} route
 * @param {string} check
 */
export function findCheck(run, route, check) {
  return run.report?.checks.find((result) => result.route === route && result.check === check);
}

/** The checks that did not pass, as lines, for assertion messages. */
export function failures(/** @type {KitRun} */ run) {
  return (run.report?.checks ?? []).filter((check) => check.verdict === 'fail').map((check) => `${check.route} | ${check.check} | ${check.why}`).join('\n');
}

/**
 * Resets the mock server's state and sets scenario flags.
 * @param {string} origin
 * @param {Record<string, unknown>} [scenarios]
 */
export async function resetMock(origin, scenarios) {
  const reset = await fetch(`${origin}/__dev/reset`, { method: 'POST', body: '{}' });
  if (!reset.ok) throw new Error(`reset failed: ${reset.status}`);
  if (scenarios) {
    const set = await fetch(`${origin}/__dev/scenarios`, { method: 'POST', body: JSON.stringify(scenarios) });
    if (!set.ok) throw new Error(`scenarios failed: ${set.status} ${await set.text()}`);
  }
}

/**
 * @typedef {object} Answer what the upstream answered, for a rewrite to change
 * @property {string} method
 * @property {string} path the path below the proxy's API base, e.g. `/me`
 * @property {number} status
 * @property {Headers} headers
 * @property {string} body
 * @property {string} requestBody what the kit sent
 */

/**
 * A proxy in front of `upstreamApiBase` that passes requests through and lets `rewrite` change
 * each answer; `'no-answer'` leaves the request unanswered after the upstream handled it (a timeout
 * on a change the server applied).
 * @param {string} upstreamApiBase
 * @param {(answer: Answer) => Answer | 'no-answer' | void} rewrite
 * @returns {Promise<{ apiBase: string, close: () => Promise<void> }>}
 */
export async function startBreakingProxy(upstreamApiBase, rewrite) {
  const upstream = new URL(upstreamApiBase);
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, value);
    }
    const path = (request.url ?? '/').replace(/^\/api/, '');
    const answer = await fetch(`${upstream.href.replace(/\/+$/, '')}${path}`, {
      method: request.method,
      headers,
      body: body.length ? body : undefined,
    });
    /** @type {Answer} */
    const original = { method: request.method ?? 'GET', path, status: answer.status, headers: new Headers(answer.headers), body: await answer.text(), requestBody: body.toString() };
    original.headers.delete('content-length');
    const changed = rewrite(original) ?? original;
    if (changed === 'no-answer') return;
    response.writeHead(changed.status, Object.fromEntries(changed.headers));
    response.end(changed.body);
  });
  return listenOnLoopback(server);
}

/**
 * Starts `server` on a free loopback port: its API base, and a close that also ends open connections.
 * @param {import('node:http').Server} server
 * @returns {Promise<{ apiBase: string, close: () => Promise<void> }>}
 */
async function listenOnLoopback(server) {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    apiBase: `http://127.0.0.1:${address.port}/api`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A server that accepts connections and never answers (for the time bounds).
 * @returns {Promise<{ apiBase: string, close: () => Promise<void> }>}
 */
export async function startSilentServer() {
  const server = createServer(() => {});
  return listenOnLoopback(server);
}
