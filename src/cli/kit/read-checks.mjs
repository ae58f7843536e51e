// @ts-check
/**
 * The read-only checks: nothing here can change the account on a backend that follows the
 * contract (bad bodies, unknown ids, reading the profile).
 */
import { randomBytes } from 'node:crypto';
import { corsChecks } from './cors-checks.mjs';
import { expectError, expectStatus, timestampProblems } from './expect.mjs';
import { settle } from './probe.mjs';

/**
 * Each changing route with a body: a body with a wrong type (`fields` name the wrong ones) and
 * the field-specific codes a backend may answer instead of `invalid_request`. The wrong values
 * cannot be applied by a lax backend either (no usable password, address or number).
 */
const BAD_BODIES = [
  { template: '/password', wrong: { newPassword: ['x'], signOutOtherSessions: false }, fields: ['newPassword'], codes: ['password_policy'] },
  { template: '/email/verifications', wrong: { email: 42 }, fields: ['email'], codes: ['email_invalid'] },
  { template: '/email', wrong: { verificationId: 42, code: 123456 }, fields: ['verificationId', 'code'], codes: ['code_invalid'] },
  { template: '/phone/verifications', wrong: { phone: 14155550123 }, fields: ['phone'], codes: ['phone_invalid'] },
  { template: '/phone', wrong: { verificationId: 42, code: 123456 }, fields: ['verificationId', 'code'], codes: ['code_invalid'] },
  { template: '/tiktok/link-sessions', wrong: { mode: 'sideways' }, fields: ['mode'], codes: [] },
  { template: '/reauth/challenges', wrong: { method: 'carrier_pigeon' }, fields: ['method'], codes: [] },
  { template: '/reauth', wrong: { method: 'password', password: 42 }, fields: ['password', 'method'], codes: ['reauth_invalid'] },
];

/** @param {import('./session.mjs').KitSession} kit */
export async function readChecks(kit) {
  const reachable = await checkProfile(kit);
  if (!reachable) throw new Unreachable();
  await checkUnauthenticated(kit);
  for (const probe of BAD_BODIES) await checkBadBodies(kit, probe);
  await checkUnknownIds(kit);
  await corsChecks(kit);
}

/** @param {import('./session.mjs').KitSession} kit */
async function checkProfile(kit) {
  const answer = await kit.exchange({ method: 'GET', template: '/me' });
  const ok = settle(kit, answer, 'answers 200 Profile', (me) => {
    const problems = expectStatus(me, 200);
    if (me.status === 401) problems.push('the backend wants credentials: give them with --header');
    if (me.status === 200) problems.push(...timestampProblems(me.json, ['password.updatedAt', 'tiktok.account.linkedAt']));
    return problems;
  });
  if (ok) kit.profile = answer.json;
  return answer.status !== 0;
}

/** Thrown when the backend does not answer at all: every other check would say the same. */
export class Unreachable extends Error {
  constructor() {
    super('the backend did not answer GET /me; no further checks');
    this.name = 'Unreachable';
  }
}

/** @param {import('./session.mjs').KitSession} kit */
async function checkUnauthenticated(kit) {
  const check = 'without credentials: 401 unauthenticated';
  if (kit.options.headers.length === 0) {
    kit.report.skip('GET /me', check, 'no --header given, so the kit has no credentials to leave out');
    return;
  }
  const answer = await kit.exchange({ method: 'GET', template: '/me', withoutCredentials: true });
  settle(kit, answer, check, (me) => expectError(me, { status: 401, codes: ['unauthenticated'] }));
}

/**
 * @param {import('./session.mjs').KitSession} kit
 * @param {typeof BAD_BODIES[number]} probe
 */
async function checkBadBodies(kit, { template, wrong, fields, codes }) {
  if (!kit.contract.hasOperation('POST', template)) {
    kit.report.skip(`POST ${template}`, 'bad input', 'not in openapi.json');
    return;
  }
  const accepted = ['invalid_request', ...codes];
  const malformed = await kit.exchange({ method: 'POST', template, rawBody: '{"' }, { reauth: true });
  settle(kit, malformed, 'malformed JSON: 400 invalid_request', (answer) => expectError(answer, { status: 400, codes: accepted }));
  const mistyped = await kit.exchange({ method: 'POST', template, body: wrong }, { reauth: true });
  settle(kit, mistyped, `wrong type: 400 naming ${fields.join(' or ')}`, (answer) =>
    expectError(answer, { status: 400, codes: accepted, fields }),
  );
}

/** @param {import('./session.mjs').KitSession} kit */
async function checkUnknownIds(kit) {
  const unknown = `usp-kit-unknown-${randomBytes(8).toString('hex')}`;
  const notFound = (/** @type {import('./client.mjs').Exchange} */ answer) => expectError(answer, { status: 404, codes: ['not_found'] });
  /** @type {import('./client.mjs').RequestSpec[]} */
  const probes = [
    { method: 'POST', template: '/verifications/{id}/resend', params: { id: unknown } },
    { method: 'POST', template: '/email', body: { verificationId: unknown, code: '123456' } },
    { method: 'POST', template: '/phone', body: { verificationId: unknown, code: '123456' } },
    { method: 'GET', template: '/tiktok/link-sessions/{state}', params: { state: unknown } },
  ];
  for (const spec of probes) {
    const answer = await kit.exchange(spec, { reauth: spec.method === 'POST' });
    settle(kit, answer, spec.body ? 'unknown verificationId: 404 not_found' : 'unknown id: 404 not_found', notFound);
  }
}
