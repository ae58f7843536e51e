// The stateful mock backend (src/mock), driven through the real HTTP client in Chromium.
import { expect } from '@open-wc/testing';
import { createHttpBackend } from '../src/api/http-backend.js';
import type { UserSettingsError } from '../src/api/errors.js';
import { Profile } from '../src/api/schemas.js';
import { startMockBackend, type MockBackend } from '../src/mock/browser.js';
import {
  MOCK_ERROR_TABLE,
  MOCK_PASSWORD,
  MOCK_TIKTOK_AVATAR_URL,
  MOCK_TRIGGERS,
  presetNames,
  TIKTOK_DECISION_KEY_PREFIX,
} from '../src/mock/index.js';
import { failure } from './support/errors.js';
import { mockBackend } from './support/mock.js';

let mock: MockBackend;
const api = createHttpBackend({ apiBase: '/api', retries: 0 });

async function expectCode(promise: Promise<unknown>, code: string, status: number, field?: string): Promise<UserSettingsError> {
  const error = await failure(promise);
  expect(error.kind).to.equal('http');
  expect(error.code).to.equal(code);
  expect(error.status).to.equal(status);
  expect(error.field).to.equal(field);
  return error;
}

/** Starts an email verification and returns its id and the code from the inbox. */
async function emailCode(email: string) {
  const verification = await api.startEmailVerification({ email });
  return { verification, code: mock.inbox.latestCode({ verificationId: verification.verificationId }) };
}

beforeEach(async () => {
  mock = await mockBackend();
  localStorage.clear();
});

describe('mock backend: state and presets', () => {
  it('starts once per page', async () => {
    expect(await startMockBackend({ apiBase: '/elsewhere' })).to.equal(mock);
  });

  it('answers every preset with a profile that satisfies the schema', async () => {
    for (const preset of presetNames) {
      mock.state.reset(preset);
      const profile = await api.getProfile();
      expect(Profile.safeParse(profile).success, preset).to.equal(true);
    }
  });

  it('has the presets the spec needs', async () => {
    mock.state.reset('tiktokSignup');
    let profile = await api.getProfile();
    expect(profile.password.isSet).to.equal(false);
    expect(profile.email).to.equal(null);
    expect(profile.tiktok.account?.isBusinessAccount).to.equal(false);
    expect(profile.tiktok.businessUpgradeAvailable).to.equal(true);

    mock.state.reset('phoneOnly');
    profile = await api.getProfile();
    expect(profile.phone?.number).to.equal('+14155554567');
    expect([profile.email, profile.password.isSet, profile.tiktok.account]).to.deep.equal([null, false, null]);

    mock.state.reset('default');
    profile = await api.getProfile();
    expect(profile.email).to.deep.equal({ address: 'jordan.rivera@example.com', verified: true });
    expect(profile.phone).to.equal(null);
    expect(profile.tiktok).to.deep.equal({ linkingAvailable: true, account: null, businessUpgradeAvailable: false });
  });

  it('applies profile overrides on reset', async () => {
    mock.state.reset('default', { displayName: 'Ada', adAccountSettingsUrl: null });
    const profile = await api.getProfile();
    expect(profile.displayName).to.equal('Ada');
    expect(profile.adAccountSettingsUrl).to.equal(null);
  });

  it('keeps state across calls: an email change shows in GET /me only once confirmed', async () => {
    const { verification, code } = await emailCode('new.address@example.com');
    expect(verification.destination).to.equal('n•••@example.com');
    expect(mock.inbox.latest()).to.include({ channel: 'email', to: 'new.address@example.com', purpose: 'email_change' });
    expect(code).to.match(/^\d{6}$/);
    expect(Date.parse(verification.expiresAt) - Date.now()).to.be.within(9 * 60_000, 10 * 60_000 + 1000);
    expect(Date.parse(verification.resendAvailableAt) - Date.now()).to.be.within(25_000, 31_000);

    expect((await api.getProfile()).email?.address).to.equal('jordan.rivera@example.com');
    const confirmed = await api.confirmEmail({ verificationId: verification.verificationId, code });
    expect(confirmed.email).to.deep.equal({ address: 'new.address@example.com', verified: true });
    expect((await api.getProfile()).email?.address).to.equal('new.address@example.com');
    // A verification is used once.
    await expectCode(api.confirmEmail({ verificationId: verification.verificationId, code }), 'not_found', 404, 'verificationId');
  });

  it('adds and removes a phone number', async () => {
    const verification = await api.startPhoneVerification({ phone: '+14155554567' });
    expect(verification.destination).to.equal('+1 ••• ••• 4567');
    expect(mock.inbox.latest()).to.include({ channel: 'sms', to: '+14155554567', purpose: 'phone_change' });
    const profile = await api.confirmPhone({ verificationId: verification.verificationId, code: mock.inbox.latestCode() });
    expect(profile.phone).to.deep.equal({ number: '+14155554567', verified: true });
    expect((await api.removePhone()).phone).to.equal(null);
    expect((await api.getProfile()).phone).to.equal(null);
  });

  it('changes the password and checks the new one next time', async () => {
    const before = (await api.getProfile()).password.updatedAt;
    await api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'a brand new pass', signOutOtherSessions: true });
    const after = await api.getProfile();
    expect(after.password.isSet).to.equal(true);
    expect(after.password.updatedAt).to.not.equal(before);
    await expectCode(api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'another one!', signOutOtherSessions: false }),
      'invalid_current_password', 400, 'currentPassword');
    await api.changePassword({ currentPassword: 'a brand new pass', newPassword: 'another one!', signOutOtherSessions: false });
  });

  it('logs every request with its parsed body and headers', async () => {
    await api.startEmailVerification({ email: 'log@example.com' }, { reauthToken: 'rt_x' });
    const [record] = mock.state.requests;
    expect(record).to.include({ method: 'POST', path: '/email/verifications', route: 'startEmailVerification', status: 201, reauthToken: 'rt_x' });
    expect(record.body).to.deep.equal({ email: 'log@example.com' });
    expect(record.headers['content-type']).to.match(/application\/json/);
  });

  it('answers 400 invalid_request naming the field to a body that fails the schema', async () => {
    const post = (path: string, body: string) => fetch(`/api${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const cases: [string, string, string | undefined][] = [
      ['/email/verifications', '{"mail":"x"}', 'email'],
      ['/password', '{"currentPassword":"x","newPassword":7,"signOutOtherSessions":false}', 'newPassword'],
      ['/reauth', '{"method":"password"}', 'password'],
      ['/reauth', '{"method":"sms"}', 'method'],
      ['/tiktok/link-sessions', '{"mode":"tab"}', 'mode'],
      ['/phone', 'not json', undefined],
    ];
    for (const [path, body, field] of cases) {
      const response = await post(path, body);
      expect(response.status, path).to.equal(400);
      const { error } = await response.json();
      expect(error.code, path).to.equal('invalid_request');
      expect(error.field, `${path} ${body}`).to.equal(field);
    }
  });

  it('fails unknown requests under apiBase and lets others through', async () => {
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const response = await fetch('/api/not-a-route');
      expect(response.status).to.equal(404);
      expect((await response.json()).error.code).to.equal('not_found');
      expect(String(logged[0])).to.match(/without a matching request handler/);
    } finally {
      console.error = original;
    }
    expect((await fetch('/mock-tiktok-authorize.html')).status).to.equal(200);
  });

  it('persists to sessionStorage only when asked', async () => {
    const { MockBackendState } = await import('../src/mock/index.js');
    sessionStorage.clear();
    const plain = new MockBackendState();
    plain.profile.displayName = 'x';
    plain.changed();
    expect(sessionStorage.length).to.equal(0);
    const persisted = new MockBackendState({ persist: true, preset: 'phoneOnly' });
    persisted.profile.displayName = 'Survivor';
    persisted.changed();
    const restored = new MockBackendState({ persist: true, preset: 'default' });
    expect(restored.profile.displayName).to.equal('Survivor');
    expect(restored.profile.phone?.number).to.equal('+14155554567');
    sessionStorage.clear();
  });
});

describe('mock backend: triggers', () => {
  it('documents them in docs/mock-triggers.md, generated from the data (run `npm run mock:docs` when this fails)', async () => {
    const { renderTriggerDocs } = await import('../src/mock/trigger-docs.js');
    const committed = await (await fetch('/docs/mock-triggers.md')).text();
    expect(committed === renderTriggerDocs(), 'docs/mock-triggers.md is stale').to.equal(true);
  });

  it('exports a trigger table covering every contract error code', async () => {
    const { ErrorCode } = await import('../src/api/schemas.js');
    const covered = new Set(MOCK_ERROR_TABLE.map((row) => row.code));
    expect(ErrorCode.options.filter((code) => !covered.has(code))).to.deep.equal([]);
  });

  it('password: wrong current, policy, breach', async () => {
    await expectCode(api.changePassword({ currentPassword: 'nope', newPassword: 'long enough pass', signOutOtherSessions: false }),
      'invalid_current_password', 400, 'currentPassword');
    await expectCode(api.changePassword({ newPassword: 'long enough pass', signOutOtherSessions: false }),
      'invalid_current_password', 400, 'currentPassword');
    const short = await expectCode(api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'short', signOutOtherSessions: false }),
      'password_policy', 400, 'newPassword');
    expect(short.reasons).to.deep.equal(['too_short']);
    const long = await expectCode(api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: 'x'.repeat(129), signOutOtherSessions: false }),
      'password_policy', 400, 'newPassword');
    expect(long.reasons).to.deep.equal(['too_long']);
    // 128 code points of astral characters are fine: length counts characters, not UTF-16 units.
    await api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: '🔑'.repeat(128), signOutOtherSessions: false });
    mock.state.reset();
    for (const breached of MOCK_TRIGGERS.breachedPasswords) {
      await expectCode(api.changePassword({ currentPassword: MOCK_PASSWORD, newPassword: breached, signOutOtherSessions: false }),
        'password_breached', 400, 'newPassword');
    }
  });

  it('email: invalid and taken', async () => {
    for (const email of [MOCK_TRIGGERS.invalidEmail, 'a@b', 'a b@example.com', '']) {
      await expectCode(api.startEmailVerification({ email }), 'email_invalid', 400, 'email');
    }
    await expectCode(api.startEmailVerification({ email: 'Taken@Example.com' }), 'email_taken', 409, 'email');
  });

  it('phone: invalid and taken', async () => {
    for (const phone of [MOCK_TRIGGERS.invalidPhone, '+0155550123', '+1 415 555 0123', '+1234567890123456']) {
      await expectCode(api.startPhoneVerification({ phone }), 'phone_invalid', 400, 'phone');
    }
    await expectCode(api.startPhoneVerification({ phone: MOCK_TRIGGERS.takenPhone }), 'phone_taken', 409, 'phone');
  });

  it('codes: wrong, expired by trigger, expired by time', async () => {
    const { verification, code } = await emailCode('codes@example.com');
    const id = verification.verificationId;
    await expectCode(api.confirmEmail({ verificationId: id, code: MOCK_TRIGGERS.wrongCode }), 'code_invalid', 400, 'code');
    await expectCode(api.confirmEmail({ verificationId: id, code: MOCK_TRIGGERS.expiredCode }), 'code_expired', 400, 'code');
    mock.state.advanceTime(10 * 60_000);
    await expectCode(api.confirmEmail({ verificationId: id, code }), 'code_expired', 400, 'code');
  });

  it('codes: the 5th wrong code locks the verification', async () => {
    const { verification, code } = await emailCode('locked@example.com');
    const id = verification.verificationId;
    for (let i = 1; i < MOCK_TRIGGERS.maxCodeAttempts; i++) {
      await expectCode(api.confirmEmail({ verificationId: id, code: MOCK_TRIGGERS.wrongCode }), 'code_invalid', 400, 'code');
    }
    await expectCode(api.confirmEmail({ verificationId: id, code: MOCK_TRIGGERS.wrongCode }), 'too_many_attempts', 429, 'code');
    await expectCode(api.confirmEmail({ verificationId: id, code }), 'too_many_attempts', 429, 'code');
  });

  it('rate limit: a 6th code within a minute, with retryAfterSeconds and Retry-After', async () => {
    for (let i = 0; i < MOCK_TRIGGERS.maxSendsPerMinute; i++) await api.startEmailVerification({ email: `n${i}@example.com` });
    const error = await expectCode(api.startPhoneVerification({ phone: '+14155550123' }), 'rate_limited', 429);
    expect(error.retryAfterSeconds).to.be.within(55, 60);
    const response = await fetch('/api/email/verifications', { method: 'POST', body: '{"email":"x@example.com"}' });
    expect(Number(response.headers.get('retry-after'))).to.be.within(55, 60);
    mock.state.advanceTime(60_000);
    await api.startEmailVerification({ email: 'later@example.com' });
  });

  it('rate limit: resend before resendAvailableAt, then a fresh code', async () => {
    const { verification, code } = await emailCode('resend@example.com');
    const error = await expectCode(api.resendVerification(verification.verificationId), 'rate_limited', 429);
    expect(error.retryAfterSeconds).to.be.within(29, 30);
    mock.state.advanceTime(30_000);
    const again = await api.resendVerification(verification.verificationId);
    expect(again.verificationId).to.equal(verification.verificationId);
    expect(mock.inbox.entries).to.have.length(2);
    const fresh = mock.inbox.latestCode({ verificationId: verification.verificationId });
    if (fresh !== code) {
      await expectCode(api.confirmEmail({ verificationId: verification.verificationId, code }), 'code_invalid', 400, 'code');
    }
    expect((await api.confirmEmail({ verificationId: verification.verificationId, code: fresh })).email?.address).to.equal('resend@example.com');
  });

  it('last_login_method for the only phone and the only TikTok account', async () => {
    mock.state.reset('phoneOnly');
    await expectCode(api.removePhone(), 'last_login_method', 409);
    mock.state.reset('tiktokOnly');
    await expectCode(api.unlinkTiktok(), 'last_login_method', 409);
    // With something else to sign in with, both work.
    mock.state.reset('tiktokSignup');
    expect((await api.removePhone()).phone).to.equal(null);
    mock.state.reset('tiktokSignup');
    expect((await api.unlinkTiktok()).tiktok.account).to.equal(null);
  });

  it('TikTok: unavailable, not linked, upgrade ineligible, upgrade', async () => {
    mock.state.reset('linkingUnavailable');
    expect((await api.getProfile()).tiktok.linkingAvailable).to.equal(false);
    await expectCode(api.createTiktokLinkSession({ mode: 'popup' }), 'tiktok_linking_unavailable', 403);

    mock.state.reset();
    await expectCode(api.unlinkTiktok(), 'tiktok_not_linked', 409);
    await expectCode(api.upgradeTiktokToBusiness(), 'business_upgrade_ineligible', 409);
    mock.state.reset('linkedBusiness');
    await expectCode(api.upgradeTiktokToBusiness(), 'business_upgrade_ineligible', 409);
    mock.state.reset('linkedPersonal');
    mock.state.profile.tiktok.businessUpgradeAvailable = false;
    await expectCode(api.upgradeTiktokToBusiness(), 'business_upgrade_ineligible', 409);

    mock.state.reset('linkedPersonal');
    const upgraded = await api.upgradeTiktokToBusiness();
    expect(upgraded.tiktok.account?.isBusinessAccount).to.equal(true);
    expect(upgraded.tiktok.businessUpgradeAvailable).to.equal(false);
    expect((await api.getProfile()).tiktok.account?.isBusinessAccount).to.equal(true);
  });
});

describe('mock backend: re-verification', () => {
  it('reauth required → reauth with password → retry with the token succeeds', async () => {
    mock.scenarios.reauthRequired = true;
    const body = { currentPassword: MOCK_PASSWORD, newPassword: 'a new passphrase', signOutOtherSessions: false };
    const required = await expectCode(api.changePassword(body), 'reauth_required', 403);
    expect(required.methods).to.deep.equal(['password', 'email_code']);
    await expectCode(api.reauth({ method: 'password', password: 'wrong' }), 'reauth_invalid', 400, 'password');
    const { reauthToken, expiresAt } = await api.reauth({ method: 'password', password: MOCK_PASSWORD });
    expect(Date.parse(expiresAt) - Date.now()).to.be.within(4 * 60_000, 5 * 60_000 + 1000);
    await api.changePassword(body, { reauthToken });
    expect(mock.state.password).to.equal('a new passphrase');
    // The same token works for further calls within 5 minutes…
    await api.startPhoneVerification({ phone: '+14155550123' }, { reauthToken });
    // …and not after.
    mock.state.advanceTime(5 * 60_000);
    await expectCode(api.startPhoneVerification({ phone: '+14155550124' }, { reauthToken }), 'reauth_required', 403);
    await expectCode(api.startPhoneVerification({ phone: '+14155550124' }, { reauthToken: 'rt_forged' }), 'reauth_required', 403);
  });

  it('reauth with an email code; confirming a verification started with the token needs none', async () => {
    mock.scenarios.reauthRequired = true;
    const challenge = await api.startReauthChallenge({ method: 'email_code' });
    expect(challenge.destination).to.equal('j•••@example.com');
    const entry = mock.inbox.latest();
    expect(entry).to.include({ purpose: 'reauth', channel: 'email', to: 'jordan.rivera@example.com' });
    await expectCode(api.reauth({ method: 'email_code', verificationId: challenge.verificationId, code: MOCK_TRIGGERS.wrongCode }),
      'reauth_invalid', 400, 'code');
    const { reauthToken } = await api.reauth({ method: 'email_code', verificationId: challenge.verificationId, code: entry!.code });
    const { verification, code } = await (async () => {
      const started = await api.startEmailVerification({ email: 'stepped@example.com' }, { reauthToken });
      return { verification: started, code: mock.inbox.latestCode({ to: 'stepped@example.com' }) };
    })();
    const profile = await api.confirmEmail({ verificationId: verification.verificationId, code });
    expect(profile.email?.address).to.equal('stepped@example.com');
  });

  it('a first password always needs re-verification (here by SMS code)', async () => {
    mock.state.reset('tiktokSignup');
    const body = { newPassword: 'my first password', signOutOtherSessions: false };
    const required = await expectCode(api.changePassword(body), 'reauth_required', 403);
    expect(required.methods).to.deep.equal(['phone_code']);
    await expectCode(api.startReauthChallenge({ method: 'email_code' }), 'invalid_request', 400, 'method');
    const challenge = await api.startReauthChallenge({ method: 'phone_code' });
    expect(challenge.destination).to.equal('+1 ••• ••• 4567');
    const { reauthToken } = await api.reauth({ method: 'phone_code', verificationId: challenge.verificationId, code: mock.inbox.latestCode({ channel: 'sms' }) });
    await api.changePassword(body, { reauthToken });
    expect((await api.getProfile()).password.isSet).to.equal(true);
    expect(mock.state.password).to.equal('my first password');
  });

  it('reauth_required can be scoped to some routes', async () => {
    mock.scenarios.reauthRequired = ['removePhone'];
    mock.state.reset('default', { phone: { number: '+14155554567', verified: true } });
    mock.scenarios.reauthRequired = ['removePhone'];
    await api.startEmailVerification({ email: 'free@example.com' });
    await expectCode(api.removePhone(), 'reauth_required', 403);
  });
});

describe('mock backend: scenarios', () => {
  it('signedOut → 401 unauthenticated everywhere', async () => {
    mock.scenarios.signedOut = true;
    await expectCode(api.getProfile(), 'unauthenticated', 401);
    await expectCode(api.reauth({ method: 'password', password: MOCK_PASSWORD }), 'unauthenticated', 401);
  });

  it('serverErrors → 500, retryable', async () => {
    mock.scenarios.serverErrors = true;
    const error = await expectCode(api.getProfile(), 'internal_error', 500);
    expect(error.retryable).to.equal(true);
  });

  it('serverErrors scoped to one route', async () => {
    mock.scenarios.set({ serverErrors: ['getProfile'] });
    await expectCode(api.getProfile(), 'internal_error', 500);
    await api.startEmailVerification({ email: 'fine@example.com' });
  });

  it('malformed → invalid_response, and the change is not applied', async () => {
    mock.scenarios.malformed = true;
    expect((await failure(api.getProfile())).kind).to.equal('invalid_response');
    mock.state.reset('default', { phone: { number: '+14155554567', verified: true } });
    mock.scenarios.malformed = true;
    expect((await failure(api.removePhone())).kind).to.equal('invalid_response');
    mock.scenarios.malformed = false;
    expect((await api.getProfile()).phone).to.not.equal(null);
  });

  it('offline → network failure', async () => {
    mock.scenarios.offline = true;
    const error = await failure(api.getProfile());
    expect(error.kind).to.equal('network');
    expect(error.retryable).to.equal(true);
  });

  it('latency delays the answer', async () => {
    mock.scenarios.latencyMs = 300;
    const started = performance.now();
    await api.getProfile();
    expect(performance.now() - started).to.be.at.least(290);
  });

  it('rateLimited → 429 on changing requests only', async () => {
    mock.scenarios.set({ rateLimited: true, retryAfterSeconds: 42 });
    const error = await expectCode(api.startEmailVerification({ email: 'x@example.com' }), 'rate_limited', 429);
    expect(error.retryAfterSeconds).to.equal(42);
    await api.getProfile();
  });

  it('linkingUnavailable flips the profile flag and refuses link sessions', async () => {
    mock.scenarios.linkingUnavailable = true;
    expect((await api.getProfile()).tiktok.linkingAvailable).to.equal(false);
    await expectCode(api.createTiktokLinkSession({ mode: 'redirect' }), 'tiktok_linking_unavailable', 403);
    mock.scenarios.linkingUnavailable = false;
    expect((await api.getProfile()).tiktok.linkingAvailable).to.equal(true);
  });

  it('notifies scenario listeners', () => {
    const seen: number[] = [];
    const off = mock.scenarios.subscribe((flags) => seen.push(flags.latencyMs));
    mock.scenarios.latencyMs = 5;
    off();
    mock.scenarios.latencyMs = 6;
    expect(seen).to.deep.equal([5]);
  });
});

describe('mock backend: TikTok linking', () => {
  it('creates a session pointing at the same-origin authorize page', async () => {
    const session = await api.createTiktokLinkSession({ mode: 'popup', returnUrl: '/settings#tiktok' });
    const url = new URL(session.authorizeUrl);
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.equal('/mock-tiktok-authorize.html');
    expect(url.searchParams.get('state')).to.equal(session.state);
    expect(url.searchParams.get('mode')).to.equal('popup');
    expect(url.searchParams.get('returnUrl')).to.equal(`${location.origin}/settings#tiktok`);
    expect(await api.getTiktokLinkSession(session.state)).to.deep.equal({ state: session.state, status: 'pending' });
    await expectCode(api.getTiktokLinkSession('lnk_unknown'), 'not_found', 404);
    await expectCode(api.createTiktokLinkSession({ mode: 'redirect', returnUrl: 'https://evil.example/' }), 'invalid_request', 400, 'returnUrl');
  });

  it('decideLinkSession(approve) links the account', async () => {
    const { state } = await api.createTiktokLinkSession({ mode: 'popup' });
    mock.state.decideLinkSession(state, 'approve');
    expect(await api.getTiktokLinkSession(state)).to.deep.equal({ state, status: 'linked' });
    const { account } = (await api.getProfile()).tiktok;
    expect(account).to.include({ isBusinessAccount: false, avatarUrl: MOCK_TIKTOK_AVATAR_URL });
    expect(account!.avatarUrl!.startsWith('https:')).to.equal(true);
    // A final session does not change again.
    mock.state.decideLinkSession(state, 'cancel');
    expect((await api.getTiktokLinkSession(state)).status).to.equal('linked');
  });

  it('cancel, fail and account in use', async () => {
    const expected = { cancel: { status: 'cancelled' }, fail: { status: 'failed', error: 'access_denied' }, account_in_use: { status: 'failed', error: 'tiktok_account_in_use' } } as const;
    for (const [decision, outcome] of Object.entries(expected)) {
      const { state } = await api.createTiktokLinkSession({ mode: 'redirect' });
      mock.state.decideLinkSession(state, decision as keyof typeof expected);
      expect(await api.getTiktokLinkSession(state)).to.deep.equal({ state, ...outcome });
    }
    expect((await api.getProfile()).tiktok.account).to.equal(null);
  });

  it('applies a decision the page left in localStorage before answering GET /me', async () => {
    const { state } = await api.createTiktokLinkSession({ mode: 'popup' });
    localStorage.setItem(TIKTOK_DECISION_KEY_PREFIX + state, 'approve');
    expect((await api.getProfile()).tiktok.account).to.not.equal(null);
    expect(localStorage.getItem(TIKTOK_DECISION_KEY_PREFIX + state)).to.equal(null);
    expect((await api.getTiktokLinkSession(state)).status).to.equal('linked');
  });

  it('an undecided session fails once it expires', async () => {
    const { state } = await api.createTiktokLinkSession({ mode: 'popup' });
    mock.state.advanceTime(10 * 60_000);
    expect(await api.getTiktokLinkSession(state)).to.deep.equal({ state, status: 'failed', error: 'expired' });
  });

  it('the authorize page (redirect mode) records the decision and returns with usp_link_state', async () => {
    const session = await api.createTiktokLinkSession({ mode: 'redirect', returnUrl: '/mock-tiktok-authorize.html?back=1' });
    const frame = document.createElement('iframe');
    const loaded = () => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    let load = loaded();
    frame.src = session.authorizeUrl;
    document.body.append(frame);
    await load;
    const page = frame.contentDocument!;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.querySelector('h1')?.textContent).to.match(/TikTok/);
    const buttons = [...page.querySelectorAll('button')].map((button) => button.textContent);
    expect(buttons).to.deep.equal(['Approve', 'Cancel', 'Fail', 'Account already in use']);
    load = loaded();
    page.querySelector<HTMLButtonElement>('button[data-decision="account_in_use"]')!.click();
    await load;
    const back = new URL(frame.contentWindow!.location.href);
    expect(back.searchParams.get('usp_link_state')).to.equal(session.state);
    expect(back.searchParams.get('back')).to.equal('1');
    frame.remove();
    expect(await api.getTiktokLinkSession(session.state)).to.deep.equal({ state: session.state, status: 'failed', error: 'tiktok_account_in_use' });
  });

  it('the authorize page (popup mode) posts the result to its opener', async () => {
    const session = await api.createTiktokLinkSession({ mode: 'popup' });
    const message = new Promise<MessageEvent>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        if (event.data?.type !== 'user-settings:tiktok-link') return;
        removeEventListener('message', onMessage);
        resolve(event);
      };
      addEventListener('message', onMessage);
    });
    const popup = window.open(session.authorizeUrl, 'usp-mock-test', 'popup,width=420,height=640');
    expect(popup, 'window.open returned null').to.not.equal(null);
    await new Promise<void>((resolve) => {
      const wait = () => (popup!.document.readyState === 'complete' && popup!.document.querySelector('button') ? resolve() : setTimeout(wait, 20));
      wait();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    popup!.document.querySelector<HTMLButtonElement>('button[data-decision="approve"]')!.click();
    const event = await message;
    expect(event.origin).to.equal(location.origin);
    expect(event.data).to.deep.equal({ type: 'user-settings:tiktok-link', state: session.state, status: 'linked' });
    // The mock finished the link "server-side": the very next GET /me shows it.
    expect((await api.getProfile()).tiktok.account?.username).to.equal('mock.creator');
    const closed = await new Promise<boolean>((resolve) => {
      const started = Date.now();
      const wait = () => (popup!.closed ? resolve(true) : Date.now() - started > 2000 ? resolve(false) : setTimeout(wait, 20));
      wait();
    });
    expect(closed, 'the popup closes itself').to.equal(true);
  });
});

describe('mock backend: Idempotency-Key', () => {
  it('answers a repeated key with the first answer, without applying the change twice', async () => {
    const first = await api.startEmailVerification({ email: 'twice@example.com' }, { idempotencyKey: 'k-1' });
    const again = await api.startEmailVerification({ email: 'twice@example.com' }, { idempotencyKey: 'k-1' });
    expect(again).to.deep.equal(first);
    expect(mock.inbox.entries).to.have.length(1); // one code sent, not two
    expect(mock.state.requests.map((record) => [record.status, !!record.replayed])).to.deep.equal([[201, false], [201, true]]);
    // Another key (another action) runs again.
    const other = await api.startEmailVerification({ email: 'twice@example.com' }, { idempotencyKey: 'k-2' });
    expect(other.verificationId).to.not.equal(first.verificationId);
  });

  it('replays a password change once applied, so a repeat does not fail on the old current password', async () => {
    const body = { currentPassword: MOCK_PASSWORD, newPassword: 'a brand new pass', signOutOtherSessions: false };
    await api.changePassword(body, { idempotencyKey: 'pw-1' });
    await api.changePassword(body, { idempotencyKey: 'pw-1' });
    expect(mock.state.password).to.equal('a brand new pass');
    await expectCode(api.changePassword(body, { idempotencyKey: 'pw-2' }), 'invalid_current_password', 400, 'currentPassword');
  });

  it('keys are scoped to method and path, and a different body is a new request', async () => {
    await api.startEmailVerification({ email: 'a1@example.com' }, { idempotencyKey: 'same' });
    await api.startPhoneVerification({ phone: '+14155550123' }, { idempotencyKey: 'same' });
    await api.startEmailVerification({ email: 'a2@example.com' }, { idempotencyKey: 'same' });
    expect(mock.inbox.entries.map((entry) => entry.to)).to.deep.equal(['a1@example.com', '+14155550123', 'a2@example.com']);
  });

  it('does not keep transient answers: the retry after reauth_required runs', async () => {
    mock.scenarios.reauthRequired = true;
    await expectCode(api.startEmailVerification({ email: 'step@example.com' }, { idempotencyKey: 'k-r' }), 'reauth_required', 403);
    const { reauthToken } = await api.reauth({ method: 'password', password: MOCK_PASSWORD });
    const started = await api.startEmailVerification({ email: 'step@example.com' }, { idempotencyKey: 'k-r', reauthToken });
    expect(started.destination).to.equal('s•••@example.com');
  });
});
