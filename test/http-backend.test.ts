// The default HTTP client (src/api/http-backend.ts) against the mock backend in Chromium.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { createHttpBackend } from '../src/api/http-backend.js';
import { errorMessage } from '../src/i18n/error-message.js';
import { en } from '../src/i18n/messages.js';
import type { MockBackend } from '../src/mock/browser.js';
import { errorResponse, MOCK_PASSWORD } from '../src/mock/index.js';
import { failure } from './support/errors.js';
import { mockBackend } from './support/mock.js';

let mock: MockBackend;

beforeEach(async () => {
  mock = await mockBackend();
});

afterEach(() => {
  mock.worker.resetHandlers();
});

describe('http backend: results', () => {
  it('resolves validated data, and undefined for 204', async () => {
    const api = createHttpBackend({ apiBase: '/api/' });
    expect((await api.getProfile()).userId).to.equal('u_1001');
    expect(await api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'fresh password', signOutOtherSessions: true })).to.equal(undefined);
    const [, change] = mock.state.requests;
    expect(change).to.include({ method: 'POST', path: '/password', status: 204 });
    expect(change.body).to.deep.equal({ currentPassword: MOCK_PASSWORD, newPassword: 'fresh password', signOutOtherSessions: true });
    expect(change.headers['content-type']).to.match(/^application\/json/);
    expect(change.headers.accept).to.equal('application/json');
  });

  it('encodes path parameters', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    await failure(api.resendVerification('a/b?c'));
    expect(mock.state.requests).to.have.length(1);
    expect(mock.state.requests[0].url).to.match(/\/api\/verifications\/a%2Fb%3Fc\/resend$/);
  });
});

describe('http backend: failure kinds', () => {
  it('http: code, field, status and message from the error body', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    const error = await failure(api.startEmailVerification({ email: 'taken@example.com' }));
    expect(error).to.include({ kind: 'http', code: 'email_taken', field: 'email', status: 409 });
    expect(error.message).to.be.a('string').and.not.equal('');
    expect(error.retryable).to.equal(false);
  });

  it('http: reauth_required carries methods, password_policy carries reasons', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.scenarios.reauthRequired = true;
    expect((await failure(api.startEmailVerification({ email: 'a@example.com' }))).methods).to.deep.equal(['password', 'email_code']);
    mock.scenarios.reauthRequired = false;
    expect((await failure(api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'x', signOutOtherSessions: false }))).reasons)
      .to.deep.equal(['too_short']);
  });

  it('http: a body that is not the error shape falls back to the status', async () => {
    const api = createHttpBackend({ apiBase: '/api', retries: 0 });
    mock.worker.use(
      http.get('/api/me', () => new HttpResponse('<h1>Unauthorized</h1>', { status: 401, headers: { 'content-type': 'text/html' } })),
      http.delete('/api/phone', () => new HttpResponse(null, { status: 418 })),
    );
    expect(await failure(api.getProfile())).to.include({ kind: 'http', code: 'unauthenticated', status: 401 });
    const teapot = await failure(api.removePhone());
    expect(teapot).to.include({ kind: 'http', code: 'unknown', status: 418 });
    expect(teapot.retryable).to.equal(true);
  });

  it('network: the server cannot be reached', async () => {
    const api = createHttpBackend({ apiBase: '/api', retries: 0 });
    mock.scenarios.offline = true;
    const error = await failure(api.startEmailVerification({ email: 'a@example.com' }));
    expect(error.kind).to.equal('network');
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(undefined);
  });

  it('timeout: told apart from network and server errors', async () => {
    const api = createHttpBackend({ apiBase: '/api', timeout: 100 });
    mock.scenarios.latencyMs = 600;
    const started = performance.now();
    const error = await failure(api.getProfile());
    expect(error.kind).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(performance.now() - started).to.be.below(500);
  });

  it('invalid_response: a body that fails the schema', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.scenarios.malformed = true;
    const error = await failure(api.getProfile());
    expect(error).to.include({ kind: 'invalid_response', code: 'invalid_response', status: 200 });
  });

  it('invalid_response: a body that is not JSON', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.worker.use(http.post('/api/reauth', () => new HttpResponse('<html>proxy login</html>', { status: 200, headers: { 'content-type': 'text/html' } })));
    expect((await failure(api.reauth({ method: 'password', password: MOCK_PASSWORD }))).kind).to.equal('invalid_response');
  });

  it('aborted: an AbortController cancels the call in flight', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.scenarios.latencyMs = 1000;
    const controller = new AbortController();
    const pending = api.getProfile({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await failure(pending);
    expect(error.kind).to.equal('aborted');
    expect(error.retryable).to.equal(false);
    expect(performance.now() - started).to.be.below(800);
  });

  it('aborted: an already aborted signal sends nothing', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    const controller = new AbortController();
    controller.abort();
    expect((await failure(api.startEmailVerification({ email: 'a@example.com' }, { signal: controller.signal }))).kind).to.equal('aborted');
    expect(mock.state.requests).to.have.length(0);
  });
});

describe('http backend: Retry-After', () => {
  it('takes retryAfterSeconds from the body', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.scenarios.set({ rateLimited: true, retryAfterSeconds: 12 });
    expect(await failure(api.startEmailVerification({ email: 'a@example.com' }))).to.include({ code: 'rate_limited', status: 429, retryAfterSeconds: 12 });
  });

  it('falls back to the Retry-After header when the body has none', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.worker.use(
      http.post('/api/email/verifications', () => HttpResponse.json({ error: { code: 'rate_limited' } }, { status: 429, headers: { 'Retry-After': '17' } })),
      http.post('/api/phone/verifications', () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '8' } })),
    );
    expect(await failure(api.startEmailVerification({ email: 'a@example.com' }))).to.include({ code: 'rate_limited', retryAfterSeconds: 17 });
    expect(await failure(api.startPhoneVerification({ phone: '+14155550123' }))).to.include({ code: 'rate_limited', retryAfterSeconds: 8 });
  });

  it('ignores a missing or unusable Retry-After header', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.worker.use(
      http.post('/api/email/verifications', () => errorResponse(429, 'rate_limited')),
      http.post('/api/phone/verifications', () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': 'soon' } })),
    );
    expect((await failure(api.startEmailVerification({ email: 'a@example.com' }))).retryAfterSeconds).to.equal(undefined);
    expect((await failure(api.startPhoneVerification({ phone: '+14155550123' }))).retryAfterSeconds).to.equal(undefined);
  });
});

describe('http backend: headers', () => {
  it('sends a headers object with every request', async () => {
    const api = createHttpBackend({ apiBase: '/api', headers: { authorization: 'Bearer fixed', 'X-CSRF-Token': 'csrf-1' } });
    await api.getProfile();
    await api.startEmailVerification({ email: 'h@example.com' });
    for (const record of mock.state.requests) {
      expect(record.headers.authorization).to.equal('Bearer fixed');
      expect(record.headers['x-csrf-token']).to.equal('csrf-1');
    }
    expect(mock.state.requests).to.have.length(2);
  });

  it('calls an async headers function before each request', async () => {
    let calls = 0;
    const api = createHttpBackend({
      apiBase: '/api',
      headers: async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { authorization: `Bearer token-${calls}` };
      },
    });
    await api.getProfile();
    await api.getProfile();
    expect(mock.state.requests.map((record) => record.headers.authorization)).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
  });

  it('sends X-Reauth-Token only when given', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.scenarios.reauthRequired = true;
    const { reauthToken } = await api.reauth({ method: 'password', password: MOCK_PASSWORD });
    await api.startEmailVerification({ email: 'r@example.com' }, { reauthToken });
    await failure(api.startEmailVerification({ email: 'r2@example.com' }));
    const [reauth, withToken, without] = mock.state.requests;
    expect(reauth.reauthToken).to.equal(undefined);
    expect(withToken.headers['x-reauth-token']).to.equal(reauthToken);
    expect(withToken.status).to.equal(201);
    expect(without.reauthToken).to.equal(undefined);
    expect(without.status).to.equal(403);
  });
});

describe('http backend: retries', () => {
  it('retries a GET on 500 (twice by default), then fails', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.scenarios.serverErrors = true;
    const error = await failure(api.getProfile());
    expect(error).to.include({ kind: 'http', status: 500 });
    expect(mock.state.requestsTo('getProfile')).to.have.length(3);
  });

  it('a GET recovers when a retry succeeds', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.worker.use(http.get('/api/me', () => errorResponse(503, 'internal_error'), { once: true }));
    expect((await api.getProfile()).userId).to.equal('u_1001');
    expect(mock.state.requestsTo('getProfile')).to.have.length(1);
  });

  it('never retries a POST or DELETE', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.scenarios.serverErrors = true;
    await failure(api.startEmailVerification({ email: 'once@example.com' }));
    await failure(api.removePhone());
    expect(mock.state.requests.map((record) => record.route)).to.deep.equal(['startEmailVerification', 'removePhone']);
  });

  it('respects retries: 0', async () => {
    const api = createHttpBackend({ apiBase: '/api', retries: 0 });
    mock.scenarios.serverErrors = true;
    await failure(api.getProfile());
    expect(mock.state.requests).to.have.length(1);
  });

  it('does not retry a GET answered 4xx', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    await failure(api.getTiktokLinkSession('lnk_missing'));
    expect(mock.state.requests).to.have.length(1);
  });
});

/** A JSON body that arrives one byte every `everyMs`, for ever (until the reader cancels). */
function tricklingBody(everyMs: number): ReadableStream<Uint8Array> {
  let timer: ReturnType<typeof setInterval>;
  const byte = new TextEncoder().encode(' ');
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{'));
      timer = setInterval(() => controller.enqueue(byte), everyMs);
    },
    cancel() {
      clearInterval(timer);
    },
  });
}

describe('http backend: bounded calls', () => {
  it('timeout: covers reading a body that trickles in', async () => {
    const api = createHttpBackend({ apiBase: '/api', timeout: 300, retries: 0 });
    mock.worker.use(http.get('/api/me', () => new HttpResponse(tricklingBody(100), { headers: { 'content-type': 'application/json' } })));
    const started = performance.now();
    const error = await failure(api.getProfile());
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('timeout: covers the host\'s headers() function, and sends nothing', async () => {
    const api = createHttpBackend({ apiBase: '/api', timeout: 200, headers: () => new Promise(() => {}) });
    const started = performance.now();
    const error = await failure(api.startEmailVerification({ email: 'slow@example.com' }));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.below(1500);
    expect(mock.state.requests).to.have.length(0);
  });

  it('timeout: one budget for the headers, the response and the body together', async () => {
    const api = createHttpBackend({
      apiBase: '/api',
      timeout: 600,
      retries: 0,
      headers: () => new Promise((resolve) => setTimeout(() => resolve({}), 400)),
    });
    mock.scenarios.latencyMs = 400; // each part fits the budget alone; together they do not
    const error = await failure(api.getProfile());
    expect(error.kind).to.equal('timeout');
  });

  it('invalid_response: a body above the size cap, announced or streamed', async () => {
    const api = createHttpBackend({ apiBase: '/api', retries: 0 });
    const profile = await api.getProfile();
    const huge = JSON.stringify({ ...profile, displayName: 'x'.repeat(300 * 1024) });
    mock.worker.use(
      http.get('/api/me', () => new HttpResponse(huge, { headers: { 'content-type': 'application/json' } }), { once: true }),
      http.get('/api/me', () => new HttpResponse(new ReadableStream({
        start(controller) {
          const chunk = new TextEncoder().encode(huge);
          for (let at = 0; at < chunk.length; at += 16_384) controller.enqueue(chunk.slice(at, at + 16_384));
          controller.close();
        },
      }), { headers: { 'content-type': 'application/json' } }), { once: true }),
    );
    expect(await failure(api.getProfile())).to.include({ kind: 'invalid_response', status: 200 });
    expect(await failure(api.getProfile())).to.include({ kind: 'invalid_response', status: 200 });
  });

  it('a Retry-After longer than the timeout is told, not slept through', async () => {
    const api = createHttpBackend({ apiBase: '/api', timeout: 1000 });
    let sent = 0;
    mock.worker.use(http.get('/api/me', () => {
      sent += 1;
      return errorResponse(503, 'internal_error', { retryAfterSeconds: 120 });
    }));
    const started = performance.now();
    const error = await failure(api.getProfile());
    expect(error).to.include({ kind: 'http', status: 503, retryAfterSeconds: 120 });
    expect(performance.now() - started).to.be.below(1000);
    expect(sent).to.equal(1);
  });

  it('a short Retry-After within the budget is waited for, then the GET is retried', async () => {
    const api = createHttpBackend({ apiBase: '/api', timeout: 5000 });
    mock.worker.use(http.get('/api/me', () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '1' } }), { once: true }));
    expect((await api.getProfile()).userId).to.equal('u_1001');
  });
});

describe('http backend: failure words', () => {
  it('a 5xx with a body that is no error envelope and Retry-After says how long to wait', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.worker.use(http.post('/api/email/verifications', () =>
      new HttpResponse('<h1>Service Unavailable</h1>', { status: 503, headers: { 'content-type': 'text/html', 'Retry-After': '30' } })));
    const error = await failure(api.startEmailVerification({ email: 'a@example.com' }));
    expect(error).to.include({ kind: 'http', status: 503, retryAfterSeconds: 30 });
    expect(errorMessage(en, error)).to.equal('Something went wrong on our side. Try again in 30 s.');
  });

  it('a 5xx without Retry-After says only to try again', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.worker.use(http.post('/api/email/verifications', () => new HttpResponse('oops', { status: 500 })));
    expect(errorMessage(en, await failure(api.startEmailVerification({ email: 'a@example.com' })))).to.equal('Something went wrong on our side. Try again.');
  });
});

describe('http backend: Idempotency-Key', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('sends a fresh random key on every POST and DELETE, none on GET', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    mock.state.reset('default', { phone: { number: '+14155554567', verified: true } });
    await api.getProfile();
    await api.startEmailVerification({ email: 'one@example.com' });
    await api.startEmailVerification({ email: 'two@example.com' });
    await api.removePhone();
    const [get, first, second, remove] = mock.state.requests.map((record) => record.headers['idempotency-key']);
    expect(get).to.equal(undefined);
    for (const key of [first, second, remove]) expect(key).to.match(uuid);
    expect(new Set([first, second, remove]).size).to.equal(3);
  });

  it('sends the key it is given', async () => {
    const api = createHttpBackend({ apiBase: '/api' });
    await api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'fresh password', signOutOtherSessions: false }, { idempotencyKey: 'action-7' });
    expect(mock.state.requests[0].headers['idempotency-key']).to.equal('action-7');
  });
});
