// @ts-check
/**
 * `user-settings-panel mock-server`: the stateful mock over HTTP, its dev routes, CORS, the
 * bearer token and the TikTok authorize page.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { MOCK_TOKEN, resetMock, startMockServerProcess } from './support.mjs';

/** @type {Awaited<ReturnType<typeof startMockServerProcess>>} */
let mock;
const auth = { authorization: `Bearer ${MOCK_TOKEN}` };
const json = { ...auth, 'content-type': 'application/json' };

before(async () => {
  mock = await startMockServerProcess(['--token', MOCK_TOKEN, '--public-origin', 'http://localhost:5173', '--cors-origin', 'https://app.example.com']);
});
after(() => mock.stop());
beforeEach(() => resetMock(mock.listening));

test('the contract needs the bearer token; the answer is the error envelope', async () => {
  const signedOut = await fetch(`${mock.listening}/api/me`);
  assert.equal(signedOut.status, 401);
  assert.equal((await signedOut.json()).error.code, 'unauthenticated');
  const me = await fetch(`${mock.listening}/api/me`, { headers: auth });
  assert.equal(me.status, 200);
  assert.equal(typeof (await me.json()).userId, 'string');
});

test('a code lands in the dev inbox and confirms the new email over HTTP', async () => {
  const email = 'new.address@example.net';
  const started = await fetch(`${mock.listening}/api/email/verifications`, { method: 'POST', headers: json, body: JSON.stringify({ email }) });
  assert.equal(started.status, 201);
  const { verificationId } = await started.json();
  const inbox = await (await fetch(`${mock.listening}/__dev/inbox?to=${encodeURIComponent(email)}`)).json();
  assert.equal(inbox.entries.length, 1);
  assert.equal(inbox.entries[0].verificationId, verificationId);
  const confirmed = await fetch(`${mock.listening}/api/email`, { method: 'POST', headers: json, body: JSON.stringify({ verificationId, code: inbox.entries[0].code }) });
  assert.equal(confirmed.status, 200);
  assert.equal((await confirmed.json()).email.address, email);
});

test('CORS: local pages may call it, other origins get no CORS headers', async () => {
  const preflight = (/** @type {string} */ origin) =>
    fetch(`${mock.listening}/api/password`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key, x-reauth-token' },
    });
  const local = await preflight('http://localhost:5173');
  assert.equal(local.status, 204);
  assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.match(local.headers.get('access-control-allow-headers') ?? '', /x-reauth-token/);
  const remote = await preflight('https://evil.example');
  assert.equal(remote.headers.get('access-control-allow-origin'), null);
});

test('scenarios are switched over HTTP, and unknown flags are refused', async () => {
  const set = await fetch(`${mock.listening}/__dev/scenarios`, { method: 'POST', body: JSON.stringify({ signedOut: true }) });
  assert.equal(set.status, 200);
  assert.equal((await fetch(`${mock.listening}/api/me`, { headers: auth })).status, 401);
  const unknown = await fetch(`${mock.listening}/__dev/scenarios`, { method: 'POST', body: JSON.stringify({ sunny: true }) });
  assert.equal(unknown.status, 400);
});

test('TikTok: the authorize page decides a popup session, and the opener gets the message', async () => {
  const created = await fetch(`${mock.listening}/api/tiktok/link-sessions`, { method: 'POST', headers: json, body: JSON.stringify({ mode: 'popup' }) });
  assert.equal(created.status, 201);
  const { state, authorizeUrl } = await created.json();
  assert.ok(authorizeUrl.startsWith('http://localhost:5173/__dev/tiktok/authorize?'), 'points at the public origin');
  const page = await fetch(`${mock.listening}${new URL(authorizeUrl).pathname}${new URL(authorizeUrl).search}`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.match(await page.text(), /name="decision" value="approve"/);
  const decided = await fetch(`${mock.listening}/__dev/tiktok/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, mode: 'popup', returnUrl: '', decision: 'approve' }),
  });
  assert.equal(decided.status, 200);
  assert.match(await decided.text(), /&#34;status&#34;:&#34;linked&#34;/);
  const status = await (await fetch(`${mock.listening}/api/tiktok/link-sessions/${state}`, { headers: auth })).json();
  assert.deepEqual(status, { state, status: 'linked' });
});

/**
 * The user cancels a redirect-mode link session on the mock's authorize page (the redirect is not followed).
 * @param {string} state
 * @param {string} returnUrl
 */
const cancelOnAuthorizePage = (state, returnUrl) =>
  fetch(`${mock.listening}/__dev/tiktok/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ state, mode: 'redirect', returnUrl, decision: 'cancel' }),
  });

test('TikTok redirect mode returns to a returnUrl on the public origin with usp_link_state', async () => {
  const returnUrl = 'http://localhost:5173/settings#tiktok';
  const created = await fetch(`${mock.listening}/api/tiktok/link-sessions`, { method: 'POST', headers: json, body: JSON.stringify({ mode: 'redirect', returnUrl }) });
  assert.equal(created.status, 201);
  const { state } = await created.json();
  const decided = await cancelOnAuthorizePage(state, returnUrl);
  assert.equal(decided.status, 303);
  const location = new URL(decided.headers.get('location') ?? '');
  assert.equal(location.origin + location.pathname, 'http://localhost:5173/settings');
  assert.equal(location.searchParams.get('usp_link_state'), state);
});

test('TikTok: a link session may return to any origin allowed to call the server, and the authorize page agrees', async () => {
  for (const pageOrigin of ['https://app.example.com', 'http://127.0.0.1:3000']) {
    const returnUrl = `${pageOrigin}/settings#tiktok`;
    const created = await fetch(`${mock.listening}/api/tiktok/link-sessions`, {
      method: 'POST',
      headers: { ...json, origin: pageOrigin },
      body: JSON.stringify({ mode: 'redirect', returnUrl }),
    });
    assert.equal(created.status, 201, `${pageOrigin}: ${await created.clone().text()}`);
    const { state } = await created.json();
    const decided = await cancelOnAuthorizePage(state, returnUrl);
    assert.equal(decided.status, 303);
    assert.equal(new URL(decided.headers.get('location') ?? '').origin, pageOrigin);
  }
  const foreign = await fetch(`${mock.listening}/api/tiktok/link-sessions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ mode: 'redirect', returnUrl: 'https://evil.example/steal' }),
  });
  assert.equal(foreign.status, 400);
  assert.equal((await foreign.json()).error.field, 'returnUrl');
});
