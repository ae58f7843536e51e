// @ts-check
/**
 * The checks that change the test account (`--write`): each leaves it as it found it, except for
 * what the contract cannot undo (a pending email verification, a pending link session).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import { authorizeUrlProblems, expectError, expectStatus, LINK_STATE, maskProblems, timestampProblems } from './expect.mjs';
import { settle } from './probe.mjs';

/** Requests the password checks need at most (change, re-verification and repeat, restore). */
const PASSWORD_REQUESTS = 8;
/** Where the temporary password goes when it cannot be changed back (never printed). */
export const STRANDED_PASSWORD_FILE = 'usp-kit-temporary-password.txt';

/** @param {import('./session.mjs').KitSession} kit */
export async function writeChecks(kit) {
  kit.essential = true;
  try {
    await checkPassword(kit);
  } finally {
    kit.essential = false;
  }
  await checkEmailVerification(kit);
  await checkLinkSession(kit);
  await checkReauthByPassword(kit);
}

/**
 * A wrong current password is refused; a change to a temporary password and back succeeds.
 * @param {import('./session.mjs').KitSession} kit
 */
async function checkPassword(kit) {
  const route = 'POST /password';
  if (kit.password === undefined) {
    kit.report.skip(route, 'change and change back', 'needs the test account\'s --password');
    return;
  }
  if (kit.profile?.password?.isSet === false) {
    kit.report.skip(route, 'change and change back', 'the test account has no password (password.isSet is false)');
    return;
  }
  if (!kit.client.canAfford(PASSWORD_REQUESTS)) {
    kit.report.skip(route, 'change and change back', 'not enough request or time budget left to change it back safely');
    return;
  }
  const original = kit.password;
  const temporary = temporaryPassword(kit.profile?.passwordPolicy);
  kit.redactor.add(temporary);
  const wrongCurrent = `Not-${temporaryPassword(kit.profile?.passwordPolicy)}`;
  kit.redactor.add(wrongCurrent);

  const refused = await kit.exchange(
    { method: 'POST', template: '/password', body: { currentPassword: wrongCurrent, newPassword: temporary, signOutOtherSessions: false } },
    { reauth: true },
  );
  if (refused.status >= 200 && refused.status < 300) kit.password = temporary; // it took the wrong one: restore from there
  settle(kit, refused, 'wrong currentPassword: 400 invalid_current_password', (answer) =>
    expectError(answer, { status: 400, codes: ['invalid_current_password'], fields: ['currentPassword'] }),
  );

  // No answer (a timeout, a dropped connection) does not mean no change: the server may have
  // applied it. Then the kit tries to change back from the temporary password all the same.
  let uncertain = false;
  if (kit.password === original) {
    const changed = await kit.exchange(
      { method: 'POST', template: '/password', body: { currentPassword: original, newPassword: temporary, signOutOtherSessions: false } },
      { reauth: true },
    );
    if (changed.status >= 200 && changed.status < 300) kit.password = temporary;
    else if (changed.status === 0) {
      uncertain = true;
      kit.password = temporary;
    }
    settle(kit, changed, 'change to a temporary password: 204', (answer) => expectStatus(answer, 204));
  }
  if (kit.password === original) return;

  // Back to the original; with a fresh re-verification token when the backend never asked for
  // one, so the kit also sees a changing request accept the token (SPEC §4.3). Not when the
  // change is uncertain: a re-verification with the temporary password may be refused for that.
  const token = kit.askedForReauth || uncertain ? undefined : await kit.reauthByPassword();
  const restored = await kit.exchange(
    { method: 'POST', template: '/password', body: { currentPassword: kit.password, newPassword: original, signOutOtherSessions: false }, reauthToken: token },
    { reauth: true },
  );
  const back = restored.status >= 200 && restored.status < 300;
  if (back) kit.password = original;
  settle(kit, restored, `change back${token ? ' (with X-Reauth-Token)' : ''}: 204`, (answer) => expectStatus(answer, 204));
  if (!back) {
    await writeFile(STRANDED_PASSWORD_FILE, `${kit.password}\n`, { mode: 0o600 });
    await chmod(STRANDED_PASSWORD_FILE, 0o600);
    kit.report.verdict(route, 'test account password restored', [
      uncertain
        ? `the change to a temporary password got no answer and changing back failed; the password is either the original or the one in ./${STRANDED_PASSWORD_FILE} (mode 600)`
        : `it could not be changed back; its password is now in ./${STRANDED_PASSWORD_FILE} (mode 600)`,
    ]);
  }
}

/**
 * A code is sent to a new address (201 Verification, masked), a wrong code is refused at the
 * `code` field, and a resend answers a Verification or a 429 with Retry-After.
 * @param {import('./session.mjs').KitSession} kit
 */
async function checkEmailVerification(kit) {
  const email = kit.options.email;
  const started = await kit.exchange({ method: 'POST', template: '/email/verifications', body: { email } }, { reauth: true });
  const ok = settle(kit, started, 'new address: 201 Verification, masked', (answer) => [
    ...expectStatus(answer, 201),
    ...(answer.status === 201 ? [...maskProblems(answer.json?.destination, email), ...verificationTimes(answer.json)] : []),
  ]);
  const verificationId = started.json?.verificationId;
  if (!ok || typeof verificationId !== 'string') {
    kit.report.skip('POST /email', 'wrong code: 400 code_invalid at code', 'no verification to confirm');
    return;
  }
  const wrongCode = String(randomInt(100000, 1000000));
  kit.redactor.add(wrongCode);
  const confirmed = await kit.exchange({ method: 'POST', template: '/email', body: { verificationId, code: wrongCode } }, { reauth: true });
  settle(kit, confirmed, 'wrong code: 400 code_invalid at code', (answer) =>
    expectError(answer, { status: 400, codes: ['code_invalid'], fields: ['code'], fieldRequired: true }),
  );

  const resent = await kit.exchange({ method: 'POST', template: '/verifications/{id}/resend', params: { id: verificationId } }, { reauth: true });
  if (resent.status === 429) {
    // The 429 itself is checked where every 429 is (Retry-After); here, that it is the right code.
    kit.report.verdict('POST /verifications/{id}/resend', 'resend: 200 Verification or 429 rate_limited', expectError(resent, { status: 429, codes: ['rate_limited'] }), 'rate limited (429)');
    return;
  }
  settle(kit, resent, 'resend: 200 Verification or 429 rate_limited', (answer) => [
    ...expectStatus(answer, 200),
    ...(answer.status === 200 ? verificationTimes(answer.json) : []),
  ]);
}

/**
 * A link session (201, https or same-origin authorizeUrl, a well-formed state), then its status.
 * @param {import('./session.mjs').KitSession} kit
 */
async function checkLinkSession(kit) {
  const route = 'POST /tiktok/link-sessions';
  const tiktok = kit.profile?.tiktok;
  if (tiktok?.account) {
    kit.report.skip(route, 'popup session: 201 LinkSession', 'the test account already has a linked TikTok account');
    return;
  }
  const created = await kit.exchange({ method: 'POST', template: '/tiktok/link-sessions', body: { mode: 'popup' } }, { reauth: true });
  if (tiktok?.linkingAvailable === false) {
    settle(kit, created, 'linking unavailable: 403 tiktok_linking_unavailable', (answer) =>
      expectError(answer, { status: 403, codes: ['tiktok_linking_unavailable'] }),
    );
    return;
  }
  const ok = settle(kit, created, 'popup session: 201 LinkSession', (answer) => {
    if (answer.status !== 201) return expectStatus(answer, 201);
    const state = answer.json?.state;
    return [
      ...authorizeUrlProblems(answer.json?.authorizeUrl, kit.options.apiBase),
      ...(typeof state === 'string' && LINK_STATE.test(state) ? [] : ['state is not [A-Za-z0-9_-]{1,128}']),
      ...timestampProblems(answer.json, ['expiresAt']),
    ];
  });
  const state = created.json?.state;
  if (!ok || typeof state !== 'string' || !LINK_STATE.test(state)) return;
  const status = await kit.exchange({ method: 'GET', template: '/tiktok/link-sessions/{state}', params: { state } });
  settle(kit, status, 'new session: 200 pending, same state', (answer) => {
    if (answer.status !== 200) return expectStatus(answer, 200);
    const problems = [];
    if (answer.json?.state !== state) problems.push('state differs from the one created');
    if (answer.json?.status !== 'pending') problems.push(`status is ${JSON.stringify(answer.json?.status)}, not "pending"`);
    return problems;
  });
}

/**
 * A wrong password is refused with `reauth_invalid`; the right one was checked with the password
 * change (or is checked here when that did not run).
 * @param {import('./session.mjs').KitSession} kit
 */
async function checkReauthByPassword(kit) {
  const route = 'POST /reauth';
  if (kit.password === undefined) {
    kit.report.skip(route, 'password gives a reauth token', 'needs the test account\'s --password');
    return;
  }
  if (!kit.report.checks.some((check) => check.route === route && check.check === 'password gives a reauth token')) {
    await kit.reauthByPassword();
  }
  const wrong = `Not-${randomBytes(12).toString('base64url')}`;
  kit.redactor.add(wrong);
  const refused = await kit.exchange({ method: 'POST', template: '/reauth', body: { method: 'password', password: wrong } });
  settle(kit, refused, 'wrong password: 400 reauth_invalid', (answer) =>
    expectError(answer, { status: 400, codes: ['reauth_invalid'] }),
  );
}

/**
 * A Verification's times: ISO date-times, and a code that has not expired yet.
 * @param {any} verification
 */
function verificationTimes(verification) {
  const problems = timestampProblems(verification, ['expiresAt', 'resendAvailableAt']);
  if (problems.length === 0 && Date.parse(verification?.expiresAt) <= Date.now()) problems.push('expiresAt is already past');
  return problems;
}

/**
 * A password inside the account's policy that no breach list has seen.
 * @param {{ minLength?: unknown, maxLength?: unknown } | undefined} policy
 */
function temporaryPassword(policy) {
  const min = typeof policy?.minLength === 'number' ? policy.minLength : 8;
  const max = typeof policy?.maxLength === 'number' ? policy.maxLength : 128;
  const length = Math.min(Math.max(24, min), max);
  const random = randomBytes(length).toString('base64url');
  return `Kit-${random}`.slice(0, length);
}
