// @ts-check
/**
 * The project's stateful mock backend (src/mock: the same msw handlers and state as the demo,
 * Storybook and the tests) served over real HTTP from Node, for hosts' end-to-end tests and for
 * clients that cannot run a service worker (mobile apps, servers, `check-backend`).
 *
 * Besides the contract under `apiBase` it serves dev-only routes under `/__dev/` (see DEV_ROUTES):
 * the inbox of "sent" codes, the scenarios, a reset, the mock clock and the TikTok authorize page.
 */
import { createServer } from 'node:http';
import { getResponse } from 'msw';
import {
  createHandlers,
  DEFAULT_SCENARIOS,
  errorResponse,
  MockBackendState,
  presetNames,
} from '../mock/index.js';
import {
  authorizePage,
  DECISIONS,
  invalidLinkPage,
  PAGE_CSP,
  POPUP_RESULT_SCRIPT,
  popupResultPage,
} from './authorize-page.mjs';
import { corsHeaders, isAllowedOrigin, preflightHeaders } from './cors.mjs';

/** @typedef {import('../mock/index.js').MockPresetName} MockPresetName */
/** @typedef {import('../mock/index.js').MockScenarioFlags} MockScenarioFlags */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @typedef {object} MockServerOptions
 * @property {number} [port] TCP port; 0 picks a free one. Default 8787.
 * @property {string} [host] Interface to listen on. Default `127.0.0.1`.
 * @property {string} [apiBase] Path of the contract's resources. Default `/api`.
 * @property {MockPresetName} [preset] Starting preset. Default `default`.
 * @property {string} [token] When set, contract requests need `Authorization: Bearer <token>` (else 401 `unauthenticated`).
 * @property {readonly string[]} [corsOrigins] Origins allowed besides local hosts.
 * @property {string} [publicOrigin] The origin browsers reach it at, when a dev server proxies it
 *   (`/api` and `/__dev`): link sessions then point there, and a redirect-mode `returnUrl` on it is accepted.
 * @property {(line: string) => void} [log] Gets one line per request (method, path, status); never bodies or headers.
 */

/**
 * @typedef {object} MockServer
 * @property {string} origin e.g. `http://127.0.0.1:8787` (the public origin when one was given)
 * @property {string} listening where it listens, e.g. `http://127.0.0.1:8787`
 * @property {string} apiBase the URL to give the panel's `api-base`, e.g. `http://127.0.0.1:8787/api`
 * @property {string} inboxUrl `GET` it for the codes the mock "sent"
 * @property {MockBackendState} state the live state, for tests in the same process
 * @property {() => Promise<void>} close
 */

/** Largest request body read, in bytes. */
const MAX_BODY_BYTES = 1_000_000;
const DEV = '/__dev';

/** What `GET /__dev` lists. */
export const DEV_ROUTES = {
  'GET /__dev/inbox': 'codes the mock sent, oldest first; filters: ?to=&channel=&purpose=&verificationId=',
  'DELETE /__dev/inbox': 'empties the inbox',
  'GET /__dev/scenarios': 'the scenario flags',
  'POST /__dev/scenarios': 'changes some flags, e.g. {"rateLimited": true, "latencyMs": 800}',
  'POST /__dev/reset': 'back to a preset: {"preset": "phoneOnly"} (clears scenarios, inbox, sessions)',
  'POST /__dev/time': 'moves the mock clock: {"advanceMs": 60000}',
  'GET /__dev/tiktok/authorize': 'the simulated TikTok authorize page (authorizeUrl points here)',
};

/**
 * Starts the server; resolves once it listens.
 * @param {MockServerOptions} [options]
 * @returns {Promise<MockServer>}
 */
export async function startMockServer(options = {}) {
  const basePath = normalizeBasePath(options.apiBase ?? '/api');
  const corsOrigins = options.corsOrigins ?? [];
  const state = new MockBackendState({ preset: options.preset });
  /** @type {ReturnType<typeof createHandlers>} */
  let handlers = [];
  let origin = '';

  const server = createServer((request, response) => {
    const started = Date.now();
    handle(request, response).then(
      () => options.log?.(`${request.method} ${pathOf(request)} ${response.statusCode} ${Date.now() - started} ms`),
      (error) => {
        options.log?.(`${request.method} ${pathOf(request)} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) sendJson(response, 500, { error: { code: 'internal_error', message: 'The mock server failed.' } });
        else response.destroy();
      },
    );
  });

  /**
   * @param {IncomingMessage} request
   * @param {ServerResponse} response
   */
  async function handle(request, response) {
    const requestOrigin = request.headers.origin;
    for (const [name, value] of Object.entries(corsHeaders(requestOrigin, corsOrigins))) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'OPTIONS') {
      const requested = request.headers['access-control-request-headers'];
      if (isAllowedOrigin(requestOrigin, corsOrigins)) {
        for (const [name, value] of Object.entries(preflightHeaders(requested))) response.setHeader(name, value);
      }
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === DEV || url.pathname.startsWith(`${DEV}/`)) {
      await handleDev(request, response, url);
      return;
    }
    if (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`)) {
      await handleContract(request, response, url);
      return;
    }
    sendJson(response, 404, { error: { code: 'not_found', message: `Nothing here; the contract is under ${basePath}.` } });
  }

  /**
   * @param {IncomingMessage} request
   * @param {ServerResponse} response
   * @param {URL} url
   */
  async function handleContract(request, response, url) {
    if (options.token !== undefined && request.headers.authorization !== `Bearer ${options.token}`) {
      await sendResponse(response, errorResponse(401, 'unauthenticated'));
      return;
    }
    const body = await readBody(request);
    if (body === undefined) {
      await sendResponse(response, errorResponse(413, 'invalid_request', { message: 'The body is too large.' }));
      return;
    }
    const method = request.method ?? 'GET';
    const fetchRequest = new Request(`${origin}${url.pathname}${url.search}`, {
      method,
      headers: forwardableHeaders(request),
      body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
    });
    const answer = await getResponse(handlers, fetchRequest);
    await sendResponse(
      response,
      answer ?? errorResponse(404, 'not_found', { message: `The mock backend has no route ${method} ${url.pathname}.` }),
    );
  }

  /**
   * @param {IncomingMessage} request
   * @param {ServerResponse} response
   * @param {URL} url
   */
  async function handleDev(request, response, url) {
    const route = `${request.method} ${url.pathname.replace(/\/+$/, '')}`;
    switch (route) {
      case `GET ${DEV}`:
        return sendJson(response, 200, { apiBase: origin + basePath, routes: DEV_ROUTES });
      case `GET ${DEV}/inbox`:
        return sendJson(response, 200, { entries: filterInbox(url.searchParams) });
      case `DELETE ${DEV}/inbox`:
        state.inbox.clear();
        return void response.writeHead(204).end();
      case `GET ${DEV}/scenarios`:
        return sendJson(response, 200, state.scenarios.flags);
      case `POST ${DEV}/scenarios`: {
        const flags = await readJsonObject(request);
        const unknown = flags && Object.keys(flags).find((key) => !Object.hasOwn(DEFAULT_SCENARIOS, key));
        if (!flags || unknown) return sendJson(response, 400, devError(`Unknown scenario flag ${unknown ?? ''}; known: ${Object.keys(DEFAULT_SCENARIOS).join(', ')}.`));
        state.scenarios.set(/** @type {Partial<MockScenarioFlags>} */ (flags));
        return sendJson(response, 200, state.scenarios.flags);
      }
      case `POST ${DEV}/reset`: {
        const body = (await readJsonObject(request)) ?? {};
        const preset = body.preset ?? 'default';
        if (!presetNames.includes(preset)) return sendJson(response, 400, devError(`Unknown preset; known: ${presetNames.join(', ')}.`));
        state.reset(preset, body.profile ?? {}, body.password);
        return sendJson(response, 200, state.currentProfile());
      }
      case `POST ${DEV}/time`: {
        const body = await readJsonObject(request);
        const advanceMs = body?.advanceMs;
        if (typeof advanceMs !== 'number' || !(advanceMs >= 0)) return sendJson(response, 400, devError('Send {"advanceMs": <milliseconds>}.'));
        state.advanceTime(advanceMs);
        return void response.writeHead(204).end();
      }
      case `GET ${DEV}/tiktok/authorize`:
        return showAuthorizePage(response, url.searchParams);
      case `POST ${DEV}/tiktok/authorize`:
        return decideLink(request, response);
      case `GET ${DEV}/tiktok/result.js`:
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        return void response.end(POPUP_RESULT_SCRIPT);
      default:
        return sendJson(response, 404, devError(`No dev route ${route}; see GET ${DEV}.`));
    }
  }

  /** @param {URLSearchParams} params */
  function filterInbox(params) {
    const filters = ['to', 'channel', 'purpose', 'verificationId'].flatMap((key) => {
      const value = params.get(key);
      return value === null ? [] : [[key, value]];
    });
    return state.inbox.entries.filter((entry) =>
      filters.every(([key, value]) => /** @type {Record<string, unknown>} */ ({ ...entry })[key] === value),
    );
  }

  /**
   * @param {ServerResponse} response
   * @param {URLSearchParams} params
   */
  function showAuthorizePage(response, params) {
    const state = params.get('state') ?? '';
    const html = isLinkState(state)
      ? authorizePage({
          action: `${DEV}/tiktok/authorize`,
          state,
          mode: params.get('mode') === 'redirect' ? 'redirect' : 'popup',
          returnUrl: params.get('returnUrl') ?? '',
        })
      : invalidLinkPage();
    sendHtml(response, isLinkState(state) ? 200 : 400, html);
  }

  /**
   * @param {IncomingMessage} request
   * @param {ServerResponse} response
   */
  async function decideLink(request, response) {
    const raw = await readBody(request);
    const form = new URLSearchParams(raw?.toString('utf8') ?? '');
    const linkState = form.get('state') ?? '';
    const decision = /** @type {import('./authorize-page.mjs').Decision} */ (form.get('decision'));
    const session = isLinkState(linkState) && DECISIONS.includes(decision) ? state.decideLinkSession(linkState, decision) : undefined;
    if (!session) return sendHtml(response, 400, invalidLinkPage());
    const returnUrl = allowedReturnUrl(form.get('returnUrl'));
    if (form.get('mode') === 'redirect' && returnUrl) {
      returnUrl.searchParams.set('usp_link_state', linkState);
      response.writeHead(303, { Location: returnUrl.href, 'Cache-Control': 'no-store' });
      return void response.end();
    }
    const message = { type: 'user-settings:tiktok-link', state: linkState, status: session.status, ...(session.error ? { error: session.error } : {}) };
    // The message carries no secret; without a usable returnUrl the opener's origin is unknown.
    const targetOrigin = returnUrl?.origin ?? '*';
    sendHtml(response, 200, popupResultPage({ scriptUrl: `${DEV}/tiktok/result.js`, message, targetOrigin }));
  }

  /**
   * Where a link session may return: this server or an origin allowed to call it (the session's
   * creation and the authorize page's answer apply this one rule).
   * @param {string} candidate
   */
  function isAllowedReturnOrigin(candidate) {
    return candidate === origin || isAllowedOrigin(candidate, corsOrigins);
  }

  /**
   * A return address on this server or on an origin allowed to call it.
   * @param {string | null} value
   */
  function allowedReturnUrl(value) {
    if (!value) return undefined;
    try {
      const url = new URL(value, origin);
      return isAllowedReturnOrigin(url.origin) ? url : undefined;
    } catch {
      return undefined;
    }
  }

  const port = options.port ?? 8787;
  const host = options.host ?? '127.0.0.1';
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The mock server has no TCP address.');
  const listening = `http://${urlHost(host)}:${address.port}`;
  origin = options.publicOrigin ? new URL(options.publicOrigin).origin : listening;
  handlers = createHandlers(state, { apiBase: origin + basePath, authorizePageUrl: `${origin}${DEV}/tiktok/authorize`, isAllowedReturnOrigin });

  return {
    origin,
    listening,
    apiBase: origin + basePath,
    inboxUrl: `${origin}${DEV}/inbox`,
    state,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** @param {string} state */
function isLinkState(state) {
  return /^[A-Za-z0-9_-]{1,128}$/.test(state);
}

/** @param {string} apiBase */
function normalizeBasePath(apiBase) {
  const path = new URL(apiBase, 'http://mock.invalid').pathname.replace(/\/+$/, '');
  if (path === DEV || path.startsWith(`${DEV}/`)) throw new Error(`apiBase cannot be under ${DEV}.`);
  return path;
}

/**
 * The host part of the server's URL: a wildcard address is reached through the loopback one.
 * @param {string} host
 */
function urlHost(host) {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** @param {IncomingMessage} request */
function pathOf(request) {
  return (request.url ?? '/').split('?')[0];
}

/**
 * Request headers to hand to the handlers (hop-by-hop ones left out).
 * @param {IncomingMessage} request
 */
function forwardableHeaders(request) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * The whole body, or undefined when it is larger than MAX_BODY_BYTES.
 * @param {IncomingMessage} request
 * @returns {Promise<Buffer | undefined>}
 */
async function readBody(request) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A dev route's JSON object body (undefined when absent or not an object).
 * @param {IncomingMessage} request
 * @returns {Promise<Record<string, any> | undefined>}
 */
async function readJsonObject(request) {
  const body = await readBody(request);
  if (!body || body.length === 0) return undefined;
  try {
    const value = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** @param {string} message */
function devError(message) {
  return { error: { code: 'invalid_request', message } };
}

/**
 * @param {ServerResponse} response
 * @param {Response} answer
 */
async function sendResponse(response, answer) {
  const body = Buffer.from(await answer.arrayBuffer());
  /** @type {Record<string, string>} */
  const headers = {};
  answer.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') headers[name] = value;
  });
  response.writeHead(answer.status, { ...headers, 'Cache-Control': 'no-store', 'Content-Length': String(body.length) });
  response.end(body);
}

/**
 * @param {ServerResponse} response
 * @param {number} status
 * @param {unknown} value
 */
function sendJson(response, status, value) {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * @param {ServerResponse} response
 * @param {number} status
 * @param {string} html
 */
function sendHtml(response, status, html) {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(html);
}
