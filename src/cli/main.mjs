// @ts-check
/**
 * `user-settings-panel` command line: `check-backend` (the conformance kit) and `mock-server`
 * (the stateful mock over HTTP). Each command is loaded only when used, so `check-backend` does not
 * need msw installed.
 */
import { parseArgs } from 'node:util';

const USAGE = `Usage: user-settings-panel <command> [options]

Commands:
  check-backend   Drive a live backend through the contract (SPEC §4) and check every answer
                  against openapi.json.
      --api-base URL        the backend's base URL (required)
      --header "Name: value" an extra request header, e.g. a bearer token (repeatable)
      --password P          the test account's password (also USP_KIT_PASSWORD)
      --write               also run the checks that change the test account (needs --password)
      --email ADDRESS       address for the email verification check (default: a random @example.com one)
      --origin ORIGIN       the page origin that embeds the panel, when not the API's: checks CORS
      --json                print a machine-readable report instead of lines
      --max-requests N      stop after N requests (default 100)
      --timeout MS          per-request timeout (default 10000)
      --budget S            stop after S seconds in all (default 120)
      --openapi FILE        the contract to check against (default: the package's openapi.json)
      --allow-http          send a password over plain http to a non-local host

  mock-server     Serve the project's stateful mock backend over HTTP.
      --port N              TCP port, 0 for any free one (default 8787)
      --host H              interface (default 127.0.0.1)
      --api-base PATH       path of the contract (default /api)
      --preset NAME         starting state (default "default")
      --token T             require "Authorization: Bearer T" on contract requests
      --cors-origin ORIGIN  allow an origin besides local hosts (repeatable)
      --public-origin URL   the origin pages reach it at through a dev-server proxy
      --quiet               no request log

Exit status: check-backend exits 0 only when every check passed.`;

/**
 * Runs the CLI with `argv` (without node and the script); resolves to the exit code, or never
 * resolves for `mock-server` (it runs until stopped).
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
export async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check-backend':
      return runCheckBackend(rest);
    case 'mock-server':
      return runMockServer(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

/** @param {string[]} args */
async function runCheckBackend(args) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      'api-base': { type: 'string' },
      header: { type: 'string', multiple: true },
      password: { type: 'string' },
      write: { type: 'boolean', default: false },
      email: { type: 'string' },
      json: { type: 'boolean', default: false },
      'max-requests': { type: 'string' },
      timeout: { type: 'string' },
      budget: { type: 'string' },
      openapi: { type: 'string' },
      'allow-http': { type: 'boolean', default: false },
      origin: { type: 'string' },
    },
  });
  const { checkBackend, parseKitOptions } = await import('./check-backend.mjs');
  const parsed = parseKitOptions(values, process.env);
  if ('error' in parsed) {
    console.error(`check-backend: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const report = await checkBackend(parsed.options, values.json ? undefined : (line) => console.log(line));
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(report.summary);
  return report.failed === 0 ? 0 : 1;
}

/** @param {string[]} args */
async function runMockServer(args) {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-base': { type: 'string', default: '/api' },
      preset: { type: 'string' },
      token: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'public-origin': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (values['public-origin'] !== undefined && !URL.canParse(values['public-origin'])) {
    console.error(`mock-server: --public-origin must be a URL such as http://localhost:5173.\n\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`mock-server: --port must be 0 to 65535.\n\n${USAGE}`);
    return 2;
  }
  let startMockServer;
  let presetNames;
  try {
    ({ startMockServer } = await import('../server/mock-server.mjs'));
    ({ presetNames } = await import('../mock/index.js'));
  } catch (error) {
    if (isMissingPackage(error, 'msw')) {
      console.error('mock-server needs msw 2: npm install -D msw@^2');
      return 2;
    }
    throw error;
  }
  const preset = values.preset ?? 'default';
  if (!(/** @type {readonly string[]} */ (presetNames)).includes(preset)) {
    console.error(`mock-server: unknown --preset "${preset}"; known: ${presetNames.join(', ')}.`);
    return 2;
  }
  const server = await startMockServer({
    port,
    host: values.host,
    apiBase: values['api-base'],
    preset: /** @type {import('../mock/index.js').MockPresetName} */ (preset),
    token: values.token,
    corsOrigins: values['cors-origin'] ?? [],
    publicOrigin: values['public-origin'],
    log: values.quiet ? undefined : (line) => console.error(line),
  });
  console.log(`mock backend: ${server.apiBase}`);
  console.log(`dev inbox:    ${server.inboxUrl}`);
  console.log(`dev routes:   ${server.origin}/__dev`);
  if (server.listening !== server.origin) console.log(`listening on: ${server.listening} (proxy /api and /__dev to it)`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise(() => {});
}

/**
 * @param {unknown} error
 * @param {string} name
 */
function isMissingPackage(error, name) {
  const { code, message } = /** @type {{ code?: string, message?: string }} */ (error ?? {});
  return code === 'ERR_MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${name}'`);
}
