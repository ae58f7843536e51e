// Every answer of the mock backend, for every documented trigger, checked against openapi.json:
// the status is declared for that operation, the body matches its schema, required headers are
// there. The check runs in Node with Ajv (test/support/openapi-plugin.js).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { endpoints, fillPath, type RouteName } from '../src/api/endpoints.js';
import type { MockBackend } from '../src/mock/browser.js';
import { MOCK_ERROR_TABLE, MOCK_PASSWORD, MOCK_TRIGGERS, type MockErrorTrigger } from '../src/mock/index.js';
import { mockBackend } from './support/mock.js';

interface Answer {
  route: RouteName;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

let mock: MockBackend;
/** Every answer a test received, checked against the document after the test. */
let answers: Answer[] = [];

/** Sends one request of the contract as any client would, and keeps the answer. */
async function send(route: RouteName, init: { body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { method, path } = endpoints[route];
  const response = await fetch(`/api${fillPath(path, init.params)}`, {
    method,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const answer = { route, status: response.status, headers, body: text ? JSON.parse(text) : undefined };
  answers.push(answer);
  return answer;
}

/** The problems openapi.json finds with an answer. */
async function problemsOf(answer: Answer): Promise<string[]> {
  const { method, path } = endpoints[answer.route];
  return (await executeServerCommand<string[], object>('openapi-check', { ...answer, method, path })) ?? ['the openapi-check command did not answer'];
}

/** Asserts that `answer` is the row's error: status, code and field. */
function expectRow(row: MockErrorTrigger, answer: Answer) {
  const { error } = answer.body as { error: { code: string; field?: string } };
  expect([answer.status, error.code], `${row.id} on ${answer.route}`).to.deep.equal([row.status, row.code]);
  if (row.field) expect(error.field, `${row.id} field`).to.equal(row.field);
}

const email = async (address: string) => (await send('startEmailVerification', { body: { email: address } })).body as { verificationId: string };
const emailChallenge = async () => (await send('startReauthChallenge', { body: { method: 'email_code' } })).body as { verificationId: string };
const wrongCode = MOCK_TRIGGERS.wrongCode;
const bodies: Partial<Record<RouteName, object>> = {
  changePassword: { currentPassword: MOCK_PASSWORD, newPassword: 'a new passphrase', signOutOtherSessions: false },
  startEmailVerification: { email: 'new@example.com' },
  startPhoneVerification: { phone: '+14155550123' },
  createTiktokLinkSession: { mode: 'popup' },
  startReauthChallenge: { method: 'email_code' },
  reauth: { method: 'password', password: MOCK_PASSWORD },
};

/** How to provoke each row of the trigger table; each recipe checks what it got. */
const recipes: Record<string, (row: MockErrorTrigger) => Promise<void>> = {
  async invalid_request(row) {
    for (const route of row.routes) expectRow(row, await send(route, { body: {} }));
  },
  async invalid_request_return_url(row) {
    expectRow(row, await send('createTiktokLinkSession', { body: { mode: 'popup', returnUrl: 'https://elsewhere.example/' } }));
  },
  async invalid_request_reauth_method(row) {
    mock.state.reset('phoneOnly');
    expectRow(row, await send('startReauthChallenge', { body: { method: 'email_code' } }));
  },
  async not_found_verification(row) {
    expectRow(row, await send('confirmEmail', { body: { verificationId: 'ver_unknown', code: '123456' } }));
    expectRow(row, await send('confirmPhone', { body: { verificationId: 'ver_unknown', code: '123456' } }));
    expectRow(row, await send('reauth', { body: { method: 'email_code', verificationId: 'ver_unknown', code: '123456' } }));
  },
  async not_found(row) {
    expectRow(row, await send('resendVerification', { params: { id: 'ver_unknown' } }));
    expectRow(row, await send('getTiktokLinkSession', { params: { state: 'lnk_unknown' } }));
    expectRow(row, await send('removePhone'));
  },
  async unauthenticated(row) {
    mock.scenarios.signedOut = true;
    for (const route of row.routes) expectRow(row, await send(route, { body: bodies[route], params: { id: 'x', state: 'x' } }));
  },
  async reauth_required(row) {
    mock.scenarios.reauthRequired = true;
    expectRow(row, await send('changePassword', { body: bodies.changePassword }));
    expectRow(row, await send('startEmailVerification', { body: bodies.startEmailVerification }));
    mock.state.reset('tiktokSignup'); // a first password, without a token
    expectRow(row, await send('changePassword', { body: { newPassword: 'my first password', signOutOtherSessions: false } }));
    mock.scenarios.reauthRequired = true;
    expectRow(row, await send('removePhone', { headers: { 'x-reauth-token': 'rt_forged' } }));
  },
  async reauth_invalid_password(row) {
    expectRow(row, await send('reauth', { body: { method: 'password', password: 'not it' } }));
  },
  async reauth_invalid_code(row) {
    const { verificationId } = await emailChallenge();
    expectRow(row, await send('reauth', { body: { method: 'email_code', verificationId, code: wrongCode } }));
  },
  async invalid_current_password(row) {
    expectRow(row, await send('changePassword', { body: { currentPassword: 'not it', newPassword: 'long enough pass', signOutOtherSessions: false } }));
  },
  async password_policy(row) {
    expectRow(row, await send('changePassword', { body: { currentPassword: MOCK_PASSWORD, newPassword: 'short', signOutOtherSessions: false } }));
    expectRow(row, await send('changePassword', { body: { currentPassword: MOCK_PASSWORD, newPassword: 'x'.repeat(129), signOutOtherSessions: false } }));
  },
  async password_breached(row) {
    for (const newPassword of MOCK_TRIGGERS.breachedPasswords) {
      expectRow(row, await send('changePassword', { body: { currentPassword: MOCK_PASSWORD, newPassword, signOutOtherSessions: false } }));
    }
  },
  async email_invalid(row) {
    expectRow(row, await send('startEmailVerification', { body: { email: MOCK_TRIGGERS.invalidEmail } }));
  },
  async email_taken(row) {
    expectRow(row, await send('startEmailVerification', { body: { email: MOCK_TRIGGERS.takenEmail } }));
  },
  async phone_invalid(row) {
    expectRow(row, await send('startPhoneVerification', { body: { phone: MOCK_TRIGGERS.invalidPhone } }));
  },
  async phone_taken(row) {
    expectRow(row, await send('startPhoneVerification', { body: { phone: MOCK_TRIGGERS.takenPhone } }));
  },
  async code_invalid(row) {
    const { verificationId } = await email('codes@example.com');
    expectRow(row, await send('confirmEmail', { body: { verificationId, code: wrongCode } }));
    const phone = (await send('startPhoneVerification', { body: { phone: '+14155550123' } })).body as { verificationId: string };
    expectRow(row, await send('confirmPhone', { body: { verificationId: phone.verificationId, code: wrongCode } }));
  },
  async code_expired(row) {
    const { verificationId } = await email('expired@example.com');
    expectRow(row, await send('confirmEmail', { body: { verificationId, code: MOCK_TRIGGERS.expiredCode } }));
    const challenge = await emailChallenge();
    mock.state.advanceTime(10 * 60_000);
    expectRow(row, await send('reauth', { body: { method: 'email_code', verificationId: challenge.verificationId, code: '123456' } }));
  },
  async too_many_attempts(row) {
    const { verificationId } = await email('locked@example.com');
    let answer: Answer | undefined;
    for (let i = 0; i < MOCK_TRIGGERS.maxCodeAttempts; i++) answer = await send('confirmEmail', { body: { verificationId, code: wrongCode } });
    expectRow(row, answer!);
    expect(Number(answer!.headers['retry-after'])).to.be.within(1, 30);
  },
  async rate_limited(row) {
    const { verificationId } = await email('first@example.com');
    expectRow(row, await send('resendVerification', { params: { id: verificationId } }));
    for (let i = 1; i < MOCK_TRIGGERS.maxSendsPerMinute; i++) await email(`n${i}@example.com`);
    expectRow(row, await send('startPhoneVerification', { body: { phone: '+14155550123' } }));
  },
  async rate_limited_scenario(row) {
    mock.scenarios.set({ rateLimited: true, retryAfterSeconds: 7 });
    const answer = await send('startEmailVerification', { body: bodies.startEmailVerification });
    expectRow(row, answer);
    expect(answer.headers['retry-after']).to.equal('7');
  },
  async last_login_method(row) {
    mock.state.reset('phoneOnly');
    expectRow(row, await send('removePhone'));
    mock.state.reset('tiktokOnly');
    expectRow(row, await send('unlinkTiktok'));
  },
  async tiktok_linking_unavailable(row) {
    mock.state.reset('linkingUnavailable');
    expectRow(row, await send('createTiktokLinkSession', { body: { mode: 'popup' } }));
  },
  async tiktok_account_in_use(row) {
    mock.state.reset('linkedPersonal');
    expectRow(row, await send('createTiktokLinkSession', { body: { mode: 'popup' } }));
  },
  async tiktok_account_in_use_session(row) {
    const { state } = (await send('createTiktokLinkSession', { body: { mode: 'redirect' } })).body as { state: string };
    mock.state.decideLinkSession(state, 'account_in_use');
    const answer = await send('getTiktokLinkSession', { params: { state } });
    expect([answer.status, (answer.body as { error?: unknown }).error]).to.deep.equal([row.status, row.code]);
  },
  async tiktok_not_linked(row) {
    expectRow(row, await send('unlinkTiktok'));
  },
  async business_upgrade_ineligible(row) {
    expectRow(row, await send('upgradeTiktokToBusiness'));
    mock.state.reset('linkedBusiness');
    expectRow(row, await send('upgradeTiktokToBusiness'));
  },
};

beforeEach(async () => {
  mock = await mockBackend();
  answers = [];
});

afterEach(async function checkAnswers() {
  const problems: string[] = [];
  for (const answer of answers) problems.push(...(await problemsOf(answer)).map((problem) => `${answer.route}: ${problem}`));
  answers = [];
  expect(problems, 'answers that openapi.json does not describe').to.deep.equal([]);
});

describe('mock backend against openapi.json', () => {
  it('has a recipe for every row of the trigger table', () => {
    expect(MOCK_ERROR_TABLE.map((row) => row.id).filter((id) => !recipes[id])).to.deep.equal([]);
  });

  for (const row of MOCK_ERROR_TABLE) {
    it(`error ${row.id}: ${row.code} ${row.status}`, async () => {
      await recipes[row.id]?.(row);
    });
  }

  it('every route\'s success answer', async () => {
    mock.state.reset('default');
    await send('getProfile');
    await send('changePassword', { body: bodies.changePassword });
    const started = await email('changed@example.com');
    mock.state.advanceTime(30_000);
    await send('resendVerification', { params: { id: started.verificationId } });
    await send('confirmEmail', { body: { verificationId: started.verificationId, code: mock.inbox.latestCode({ verificationId: started.verificationId }) } });
    const phone = (await send('startPhoneVerification', { body: { phone: '+14155550123' } })).body as { verificationId: string };
    await send('confirmPhone', { body: { verificationId: phone.verificationId, code: mock.inbox.latestCode({ verificationId: phone.verificationId }) } });
    await send('removePhone');
    const { state } = (await send('createTiktokLinkSession', { body: { mode: 'popup', returnUrl: '/settings' } })).body as { state: string };
    mock.state.decideLinkSession(state, 'approve');
    await send('getTiktokLinkSession', { params: { state } });
    await send('upgradeTiktokToBusiness');
    await send('unlinkTiktok');
    const challenge = await emailChallenge();
    await send('reauth', { body: { method: 'email_code', verificationId: challenge.verificationId, code: mock.inbox.latestCode({ verificationId: challenge.verificationId }) } });
    await send('reauth', { body: bodies.reauth });
    const routes = Object.keys(endpoints) as RouteName[];
    const succeeded = new Set(answers.filter((answer) => answer.status < 300).map((answer) => answer.route));
    expect(routes.filter((route) => !succeeded.has(route))).to.deep.equal([]);
  });

  it('scenario serverErrors: 500 with the generic error', async () => {
    mock.scenarios.serverErrors = true;
    expect((await send('getProfile')).status).to.equal(500);
    expect((await send('removePhone')).status).to.equal(500);
  });

  it('the check can fail: a malformed profile and an undeclared status are reported', async () => {
    mock.scenarios.malformed = true;
    const malformed = await send('getProfile');
    mock.scenarios.malformed = false;
    answers = [];
    expect((await problemsOf(malformed)).join('\n')).to.match(/body/);
    expect((await problemsOf({ ...malformed, status: 418 })).join('\n')).to.match(/does not declare status 418/);
    const rateLimited = { route: 'startEmailVerification' as const, status: 429, headers: {}, body: { error: { code: 'rate_limited' } } };
    expect((await problemsOf(rateLimited)).join('\n')).to.match(/Retry-After header is missing/);
    const wrongCode = { ...rateLimited, headers: { 'retry-after': '3' }, body: { error: { code: 'email_taken' } } };
    expect((await problemsOf(wrongCode)).join('\n')).to.match(/allowed values|enum/);
  });
});
