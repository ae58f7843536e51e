// @ts-check
/**
 * The kit against a backend written from openapi.json and SPEC §4 alone (independent-backend.mjs):
 * what an integrator would see.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startIndependentBackend } from './independent-backend.mjs';
import { failures, findCheck, runKit } from './support.mjs';

const PAGE = 'http://localhost:5173';
const TOKEN = 'independent-token-5b1e';
const PASSWORD = 'Independent-Pass-8';

test('a backend built from the contract alone passes every check, --write and CORS included', async () => {
  const backend = await startIndependentBackend({ port: 0, token: TOKEN, password: PASSWORD, allowOrigins: [PAGE] });
  try {
    const run = await runKit(['--api-base', backend.apiBase, '--header', `Authorization: Bearer ${TOKEN}`, '--password', PASSWORD, '--write', '--origin', PAGE, '--json']);
    assert.equal(failures(run), '');
    assert.equal(run.code, 0);
    assert.equal(run.report?.skipped, 0);
    // It asks for re-verification before an email change: the kit went through it.
    assert.equal(findCheck(run, 'POST /email/verifications', 'repeated with X-Reauth-Token: accepted')?.verdict, 'pass');
  } finally {
    await backend.close();
  }
});

test('the same backend without CORS for the page fails the CORS checks, and only those', async () => {
  const backend = await startIndependentBackend({ port: 0, token: TOKEN, password: PASSWORD });
  try {
    const run = await runKit(['--api-base', backend.apiBase, '--header', `Authorization: Bearer ${TOKEN}`, '--origin', PAGE, '--json']);
    assert.equal(run.code, 1);
    const failed = (run.report?.checks ?? []).filter((check) => check.verdict === 'fail');
    assert.deepEqual(failed.map((check) => check.route), ['OPTIONS /password', 'OPTIONS /phone', 'GET /me']);
    assert.match(failed[0].why, /preflight answered 401 unauthenticated/);
    assert.match(failed[2].why, /no Access-Control-Allow-Origin/);
  } finally {
    await backend.close();
  }
});
