// @ts-check
/**
 * A small backend for the panel written as a new integrator would: from openapi.json and SPEC §4
 * alone, not from the project's mock. In memory, one user, Node's http module and nothing else.
 * It exists to try the conformance kit on an implementation that did not grow up beside it.
 *
 *   node test/kit/independent-backend.mjs [--port 8790] [--token T] [--password P] [--allow-origin O]…
 *
 * Changing the email asks for re-verification (403 reauth_required) unless a fresh reauth token
 * comes with the request. Codes are never shown: this backend has no outbox.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const BASE = '/v1';
const CODE_TTL_MS = 10 * 60_000;
const RESEND_AFTER_MS = 30_000;
const TOKEN_TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const SENDS_PER_MINUTE = 3;

class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {{ field?: string, retryAfterSeconds?: number, methods?: string[], reasons?: string[], message?: string }} [detail]
   */
  constructor(status, code, detail = {}) {
    super(code);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

const invalid = (/** @type {string} */ field) => new HttpError(400, 'invalid_request', { field });

/** @param {unknown} value */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * @param {Record<string, unknown>} body
 * @param {string} field
 * @returns {string}
 */
function stringField(body, field) {
  const value = body[field];
  if (typeof value !== 'string') throw invalid(field);
  return value;
}

/**
 * @param {Record<string, unknown>} body
 * @param {string} field
 * @returns {string | undefined}
 */
function optionalStringField(body, field) {
  return body[field] === undefined ? undefined : stringField(body, field);
}

/** @param {string} a @param {string} b */
function same(a, b) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** @param {string} address */
function maskEmail(address) {
  const [local, domain] = address.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

/** @param {string} number */
function maskPhone(number) {
  return `${number.slice(0, 2)} ••• ${number.slice(-4)}`;
}

/**
 * @param {{ port?: number, token?: string, password?: string, allowOrigins?: readonly string[] }} [options]
 *   `allowOrigins`: pages on these origins may call the API (CORS)
 */
export async function startIndependentBackend({ port = 8790, token, password = 'Integrator-Pass-1', allowOrigins = [] } = {}) {
  const user = {
    userId: 'usr_42',
    displayName: 'Sam Integrator',
    email: /** @type {{ address: string, verified: boolean } | null} */ ({ address: 'sam@example.org', verified: true }),
    phone: /** @type {{ number: string, verified: boolean } | null} */ (null),
    password: /** @type {string | null} */ (password),
    passwordUpdatedAt: /** @type {string | null} */ ('2026-01-01T00:00:00.000Z'),
    tiktok: /** @type {null | { openId: string, username: string, displayName: string, avatarUrl: string | null, isBusinessAccount: boolean, linkedAt: string }} */ (null),
  };
  /** @type {Map<string, { id: string, kind: 'email' | 'phone' | 'reauth', target: string, code: string, expiresAt: number, resendAt: number, attempts: number }>} */
  const verifications = new Map();
  /** @type {Map<string, number>} */
  const reauthTokens = new Map();
  /** @type {Map<string, { state: string, status: 'pending' | 'linked' | 'cancelled' | 'failed', expiresAt: number }>} */
  const linkSessions = new Map();
  /** @type {number[]} */
  let sends = [];
  let origin = '';

  const profile = () => ({
    userId: user.userId,
    displayName: user.displayName,
    email: user.email,
    phone: user.phone,
    password: { isSet: user.password !== null, updatedAt: user.passwordUpdatedAt },
    passwordPolicy: { minLength: 8, maxLength: 128 },
    tiktok: {
      linkingAvailable: true,
      account: user.tiktok,
      businessUpgradeAvailable: Boolean(user.tiktok && !user.tiktok.isBusinessAccount),
    },
    adAccountSettingsUrl: 'https://ads.example.org/settings',
  });

  const signInMethods = () => [user.password !== null, user.email?.verified, user.phone?.verified, user.tiktok !== null].filter(Boolean).length;

  const reauthMethods = () => [
    ...(user.password !== null ? ['password'] : []),
    ...(user.email?.verified ? ['email_code'] : []),
    ...(user.phone?.verified ? ['phone_code'] : []),
  ];

  /** @param {string | undefined} header */
  function requireReauth(header) {
    const expires = header ? reauthTokens.get(header) : undefined;
    if (expires === undefined || expires < Date.now()) throw new HttpError(403, 'reauth_required', { methods: reauthMethods() });
  }

  function rateLimitSends() {
    const now = Date.now();
    sends = sends.filter((time) => time > now - 60_000);
    if (sends.length >= SENDS_PER_MINUTE) {
      const retryAfterSeconds = Math.ceil((sends[0] + 60_000 - now) / 1000);
      throw new HttpError(429, 'rate_limited', { retryAfterSeconds });
    }
    sends.push(now);
  }

  /**
   * @param {'email' | 'phone' | 'reauth'} kind
   * @param {string} target
   */
  function sendCode(kind, target) {
    rateLimitSends();
    const now = Date.now();
    const verification = {
      id: `vrf_${randomBytes(9).toString('base64url')}`,
      kind,
      target,
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      expiresAt: now + CODE_TTL_MS,
      resendAt: now + RESEND_AFTER_MS,
      attempts: 0,
    };
    verifications.set(verification.id, verification);
    return verification;
  }

  /** @param {{ id: string, target: string, expiresAt: number, resendAt: number }} verification */
  const verificationBody = (verification) => ({
    verificationId: verification.id,
    destination: verification.target.includes('@') ? maskEmail(verification.target) : maskPhone(verification.target),
    expiresAt: new Date(verification.expiresAt).toISOString(),
    resendAvailableAt: new Date(verification.resendAt).toISOString(),
  });

  /**
   * Checks a code against a verification of `kind`; wrong codes count.
   * @param {Record<string, unknown>} body
   * @param {'email' | 'phone' | 'reauth'} kind
   * @param {string} wrongCode the code for a wrong code
   */
  function checkCode(body, kind, wrongCode) {
    const id = stringField(body, 'verificationId');
    const code = stringField(body, 'code');
    const verification = verifications.get(id);
    if (!verification || verification.kind !== kind) throw new HttpError(404, 'not_found', { field: 'verificationId' });
    if (verification.expiresAt < Date.now()) throw new HttpError(400, 'code_expired', { field: 'code' });
    if (verification.attempts >= MAX_ATTEMPTS) throw new HttpError(429, 'too_many_attempts', { field: 'code', retryAfterSeconds: 60 });
    if (!same(code, verification.code)) {
      verification.attempts += 1;
      throw new HttpError(400, wrongCode, { field: 'code' });
    }
    verifications.delete(id);
    return verification;
  }

  /** @type {Record<string, (body: Record<string, unknown>, request: import('node:http').IncomingMessage, params: string[]) => { status: number, body?: unknown }>} */
  const routes = {
    'GET /me': () => ({ status: 200, body: profile() }),

    'POST /password': (body) => {
      const currentPassword = optionalStringField(body, 'currentPassword');
      const newPassword = stringField(body, 'newPassword');
      if (typeof body.signOutOtherSessions !== 'boolean') throw invalid('signOutOtherSessions');
      if (user.password !== null && (currentPassword === undefined || !same(currentPassword, user.password))) {
        throw new HttpError(400, 'invalid_current_password', { field: 'currentPassword' });
      }
      const length = [...newPassword].length;
      if (length < 8) throw new HttpError(400, 'password_policy', { field: 'newPassword', reasons: ['too_short'] });
      if (length > 128) throw new HttpError(400, 'password_policy', { field: 'newPassword', reasons: ['too_long'] });
      user.password = newPassword;
      user.passwordUpdatedAt = new Date().toISOString();
      return { status: 204 };
    },

    'POST /email/verifications': (body, request) => {
      const email = stringField(body, 'email');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new HttpError(400, 'email_invalid', { field: 'email' });
      requireReauth(request.headers['x-reauth-token']?.toString());
      return { status: 201, body: verificationBody(sendCode('email', email)) };
    },

    'POST /email': (body) => {
      const verification = checkCode(body, 'email', 'code_invalid');
      user.email = { address: verification.target, verified: true };
      return { status: 200, body: profile() };
    },

    'POST /phone/verifications': (body) => {
      const phone = stringField(body, 'phone');
      if (!/^\+[1-9]\d{6,14}$/.test(phone)) throw new HttpError(400, 'phone_invalid', { field: 'phone' });
      return { status: 201, body: verificationBody(sendCode('phone', phone)) };
    },

    'POST /phone': (body) => {
      const verification = checkCode(body, 'phone', 'code_invalid');
      user.phone = { number: verification.target, verified: true };
      return { status: 200, body: profile() };
    },

    'DELETE /phone': () => {
      if (!user.phone) throw new HttpError(404, 'not_found');
      if (user.phone.verified && signInMethods() <= 1) throw new HttpError(409, 'last_login_method');
      user.phone = null;
      return { status: 200, body: profile() };
    },

    'POST /verifications/:id/resend': (_body, _request, [id]) => {
      const verification = verifications.get(id);
      if (!verification) throw new HttpError(404, 'not_found');
      const wait = verification.resendAt - Date.now();
      if (wait > 0) throw new HttpError(429, 'rate_limited', { retryAfterSeconds: Math.ceil(wait / 1000) });
      rateLimitSends();
      verification.code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      verification.expiresAt = Date.now() + CODE_TTL_MS;
      verification.resendAt = Date.now() + RESEND_AFTER_MS;
      verification.attempts = 0;
      return { status: 200, body: verificationBody(verification) };
    },

    'POST /tiktok/link-sessions': (body) => {
      const mode = body.mode;
      if (mode !== 'popup' && mode !== 'redirect') throw invalid('mode');
      const returnUrl = optionalStringField(body, 'returnUrl');
      if (returnUrl !== undefined && !URL.canParse(returnUrl)) throw invalid('returnUrl');
      const state = randomBytes(24).toString('base64url');
      const session = { state, status: /** @type {const} */ ('pending'), expiresAt: Date.now() + CODE_TTL_MS };
      linkSessions.set(state, session);
      return {
        status: 201,
        body: { state, authorizeUrl: `${origin}/oauth/tiktok/authorize?state=${state}`, expiresAt: new Date(session.expiresAt).toISOString() },
      };
    },

    'GET /tiktok/link-sessions/:state': (_body, _request, [state]) => {
      const session = linkSessions.get(state);
      if (!session) throw new HttpError(404, 'not_found');
      return { status: 200, body: { state: session.state, status: session.status } };
    },

    'DELETE /tiktok/link': () => {
      if (!user.tiktok) throw new HttpError(409, 'tiktok_not_linked');
      if (signInMethods() <= 1) throw new HttpError(409, 'last_login_method');
      user.tiktok = null;
      return { status: 200, body: profile() };
    },

    'POST /tiktok/business-upgrade': () => {
      if (!user.tiktok || user.tiktok.isBusinessAccount) throw new HttpError(409, 'business_upgrade_ineligible');
      user.tiktok.isBusinessAccount = true;
      return { status: 200, body: profile() };
    },

    'POST /reauth/challenges': (body) => {
      const method = body.method;
      if (method === 'email_code' && user.email?.verified) return { status: 201, body: verificationBody(sendCode('reauth', user.email.address)) };
      if (method === 'phone_code' && user.phone?.verified) return { status: 201, body: verificationBody(sendCode('reauth', user.phone.number)) };
      throw invalid('method');
    },

    'POST /reauth': (body) => {
      if (body.method === 'password') {
        const given = stringField(body, 'password');
        if (user.password === null || !same(given, user.password)) throw new HttpError(400, 'reauth_invalid', { field: 'password' });
      } else if (body.method === 'email_code' || body.method === 'phone_code') {
        checkCode(body, 'reauth', 'reauth_invalid');
      } else {
        throw invalid('method');
      }
      const reauthToken = randomBytes(24).toString('base64url');
      const expiresAt = Date.now() + TOKEN_TTL_MS;
      reauthTokens.set(reauthToken, expiresAt);
      return { status: 200, body: { reauthToken, expiresAt: new Date(expiresAt).toISOString() } };
    },
  };

  /**
   * The route for a method and path, with the path's parameters.
   * @param {string} method
   * @param {string} path
   * @returns {[typeof routes[string], string[]] | undefined}
   */
  function match(method, path) {
    for (const [key, handler] of Object.entries(routes)) {
      const [routeMethod, pattern] = key.split(' ');
      if (routeMethod !== method) continue;
      const regex = new RegExp(`^${pattern.replace(/:\w+/g, '([^/]+)')}$`);
      const found = regex.exec(path);
      if (found) return [handler, found.slice(1).map(decodeURIComponent)];
    }
    return undefined;
  }

  const server = createServer(async (request, response) => {
    /** @param {number} status @param {unknown} [body] @param {Record<string, string>} [headers] */
    const send = (status, body, headers = {}) => {
      response.writeHead(status, body === undefined ? headers : { 'Content-Type': 'application/json', ...headers });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    // CORS for the pages that embed the panel; a preflight carries no credentials, so it is
    // answered before the token is checked.
    const pageOrigin = request.headers.origin;
    if (pageOrigin && allowOrigins.includes(pageOrigin)) {
      response.setHeader('Access-Control-Allow-Origin', pageOrigin);
      response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
      response.setHeader('Vary', 'Origin');
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, POST, DELETE',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, X-Reauth-Token',
          'Access-Control-Max-Age': '600',
        });
        response.end();
        return;
      }
    }
    try {
      const url = new URL(request.url ?? '/', origin);
      if (url.pathname === '/oauth/tiktok/authorize') {
        // The simulated provider approves at once.
        const session = linkSessions.get(url.searchParams.get('state') ?? '');
        if (session?.status === 'pending') {
          session.status = 'linked';
          user.tiktok = { openId: `oid_${randomBytes(6).toString('hex')}`, username: 'sam.tt', displayName: 'Sam', avatarUrl: null, isBusinessAccount: false, linkedAt: new Date().toISOString() };
        }
        response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Linked</title><p>Linked. You can close this window.</p>');
        return;
      }
      if (!url.pathname.startsWith(`${BASE}/`)) throw new HttpError(404, 'not_found');
      if (token !== undefined && request.headers.authorization !== `Bearer ${token}`) throw new HttpError(401, 'unauthenticated');
      const found = match(request.method ?? 'GET', url.pathname.slice(BASE.length));
      if (!found) throw new HttpError(404, 'not_found');
      /** @type {Record<string, unknown>} */
      let body = {};
      if (request.method === 'POST' && found[0].length > 0) {
        const chunks = [];
        for await (const chunk of request) chunks.push(chunk);
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          throw new HttpError(400, 'invalid_request', { message: 'The body is not JSON.' });
        }
        if (parsed !== undefined) {
          if (!isObject(parsed)) throw new HttpError(400, 'invalid_request');
          body = parsed;
        }
      }
      const result = found[0](body, request, found[1]);
      send(result.status, result.body);
    } catch (error) {
      if (error instanceof HttpError) {
        /** @type {Record<string, string>} */
        const headers = {};
        if (error.detail.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.detail.retryAfterSeconds);
        send(error.status, { error: { code: error.code, ...error.detail } }, headers);
        return;
      }
      console.error(error);
      send(500, { error: { code: 'internal_error' } });
    }
  });

  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  origin = `http://127.0.0.1:${address.port}`;
  return {
    apiBase: `${origin}${BASE}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8790' },
      token: { type: 'string' },
      password: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
    },
  });
  const backend = await startIndependentBackend({
    port: Number(values.port),
    token: values.token,
    password: values.password,
    allowOrigins: values['allow-origin'] ?? [],
  });
  console.log(`independent backend: ${backend.apiBase}`);
}
