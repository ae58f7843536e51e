// @ts-check
/**
 * The conformance kit against the project's mock server: it passes there, it fails on the right
 * line against deliberately broken variants, it prints no secret and it keeps to its bounds.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  failures,
  findCheck,
  MOCK_PASSWORD,
  MOCK_TOKEN,
  resetMock,
  runKit,
  startBreakingProxy,
  startMockServerProcess,
  startSilentServer,
} from './support.mjs';
import { STRANDED_PASSWORD_FILE } from '../../src/cli/kit/write-checks.mjs';

const AUTH = `Authorization: Bearer ${MOCK_TOKEN}`;

/** @type {Awaited<ReturnType<typeof startMockServerProcess>>} */
let mock;

before(async () => {
  mock = await startMockServerProcess(['--token', MOCK_TOKEN]);
});
after(() => mock.stop());
beforeEach(() => resetMock(mock.origin));

describe('against the mock server', () => {
  test('read-only: every check passes and it exits 0', async () => {
    const run = await runKit(['--api-base', mock.apiBase, '--header', AUTH, '--origin', 'http://localhost:5173', '--json']);
    assert.equal(failures(run), '');
    assert.equal(run.code, 0);
    assert.ok(run.report && run.report.passed >= 20, `only ${run.report?.passed} checks passed`);
    assert.equal(findCheck(run, 'OPTIONS /password', 'preflight for POST from --origin')?.verdict, 'pass');
    assert.equal(findCheck(run, 'GET /me', 'without credentials: 401 unauthenticated')?.verdict, 'pass');
  });

  test('--write with the test password: every check passes', async () => {
    const run = await runKit(['--api-base', mock.apiBase, '--header', AUTH, '--password', MOCK_PASSWORD, '--write', '--json']);
    assert.equal(failures(run), '');
    assert.equal(run.code, 0);
    for (const [route, check] of [
      ['POST /password', 'change to a temporary password: 204'],
      ['POST /email/verifications', 'new address: 201 Verification, masked'],
      ['POST /email', 'wrong code: 400 code_invalid at code'],
      ['POST /tiktok/link-sessions', 'popup session: 201 LinkSession'],
      ['POST /reauth', 'password gives a reauth token'],
    ]) {
      assert.equal(findCheck(run, route, check)?.verdict, 'pass', `${route} ${check}`);
    }
    // The password was changed back: the mock still takes the original one.
    const reauth = await fetch(`${mock.apiBase}/reauth`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', password: MOCK_PASSWORD }),
    });
    assert.equal(reauth.status, 200);
  });

  test('when the backend asks for re-verification, the kit re-verifies by password and repeats once', async () => {
    await resetMock(mock.origin, { reauthRequired: true });
    const run = await runKit(['--api-base', mock.apiBase, '--header', AUTH, '--password', MOCK_PASSWORD, '--write', '--json']);
    assert.equal(failures(run), '');
    assert.equal(findCheck(run, 'POST /password', 'reauth_required carries methods')?.verdict, 'pass');
    assert.equal(findCheck(run, 'POST /password', 'repeated with X-Reauth-Token: accepted')?.verdict, 'pass');
  });

  test('a 429 with Retry-After passes its check; the probe it cut short is skipped, not failed', async () => {
    await resetMock(mock.origin, { rateLimited: ['startPhoneVerification'] });
    const run = await runKit(['--api-base', mock.apiBase, '--header', AUTH, '--json']);
    assert.equal(failures(run), '');
    assert.equal(findCheck(run, 'POST /phone/verifications', '429 carries Retry-After')?.verdict, 'pass');
    assert.equal(findCheck(run, 'POST /phone/verifications', 'malformed JSON: 400 invalid_request')?.verdict, 'skip');
  });

  test('text output: one line per check, then the summary; no secret anywhere', async () => {
    const run = await runKit(['--api-base', mock.apiBase, '--header', AUTH, '--write'], { USP_KIT_PASSWORD: MOCK_PASSWORD });
    const lines = run.stdout.trim().split('\n');
    assert.match(lines.at(-1) ?? '', /^conformance: (\d+)\/\1 checks passed/);
    assert.match(run.stdout, /^GET \/me +answers 200 Profile +PASS/m);
    const inbox = await (await fetch(`${mock.origin}/__dev/inbox`)).json();
    const secrets = [MOCK_TOKEN, MOCK_PASSWORD, ...inbox.entries.map((/** @type {{ code: string }} */ entry) => entry.code)];
    assert.ok(inbox.entries.length > 0, 'the kit had a code sent');
    for (const secret of secrets) {
      assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'a secret was printed');
    }
  });
});

describe('against broken variants of the mock', () => {
  /**
   * Runs the kit through a proxy that rewrites the mock's answers.
   * @param {Parameters<typeof startBreakingProxy>[1]} rewrite
   * @param {string[]} [extra]
   */
  async function runBroken(rewrite, extra = []) {
    const proxy = await startBreakingProxy(mock.apiBase, rewrite);
    try {
      return await runKit(['--api-base', proxy.apiBase, '--header', AUTH, '--json', ...extra]);
    } finally {
      await proxy.close();
    }
  }

  test('a renamed field in /me fails the profile check, naming the field', async () => {
    const run = await runBroken((answer) => {
      if (answer.path !== '/me' || answer.status !== 200) return;
      const { displayName, ...rest } = JSON.parse(answer.body);
      answer.body = JSON.stringify({ ...rest, name: displayName });
    });
    assert.equal(run.code, 1);
    const check = findCheck(run, 'GET /me', 'answers 200 Profile');
    assert.equal(check?.verdict, 'fail');
    assert.match(check?.why ?? '', /lacks required property "displayName"/);
    // openapi.json allows properties beyond the listed ones (the panel's parsing ignores them),
    // so the extra "name" is not a problem of its own.
    assert.doesNotMatch(check?.why ?? '', /unexpected property "name"/);
  });

  test('an extra property in /me is noted, not failed: the panel ignores it', async () => {
    const run = await runBroken((answer) => {
      if (answer.path === '/me' && answer.status === 200) answer.body = JSON.stringify({ ...JSON.parse(answer.body), locale: 'en-GB' });
    });
    const check = findCheck(run, 'GET /me', 'answers 200 Profile');
    assert.equal(check?.verdict, 'pass');
    // When the document closes the object, the line says what it ignored.
    const contract = JSON.parse(await readFile(new URL('../../openapi.json', import.meta.url), 'utf8'));
    if (contract.components.schemas.Profile.additionalProperties === false) {
      assert.match(check?.why ?? '', /extra properties the panel ignores: \(root\) has unexpected property "locale"/);
    }
  });

  test('a wrong status fails that check', async () => {
    const run = await runBroken(
      (answer) => {
        if (answer.method === 'POST' && answer.path === '/email/verifications' && answer.status === 201) answer.status = 200;
      },
      ['--password', MOCK_PASSWORD, '--write'],
    );
    assert.equal(run.code, 1);
    const check = findCheck(run, 'POST /email/verifications', 'new address: 201 Verification, masked');
    assert.equal(check?.verdict, 'fail');
    assert.match(check?.why ?? '', /expected 201, got 200/);
  });

  test('a 429 without Retry-After fails the Retry-After check', async () => {
    await resetMock(mock.origin, { rateLimited: ['startPhoneVerification'] });
    const run = await runBroken((answer) => {
      answer.headers.delete('retry-after');
    });
    assert.equal(run.code, 1);
    const check = findCheck(run, 'POST /phone/verifications', '429 carries Retry-After');
    assert.equal(check?.verdict, 'fail');
    assert.match(check?.why ?? '', /no Retry-After header/);
  });

  test('a body that is not JSON fails the check, saying so', async () => {
    const run = await runBroken((answer) => {
      if (answer.path !== '/me') return;
      answer.headers.set('content-type', 'text/html');
      answer.body = '<!doctype html><title>Sign in</title>';
    });
    assert.equal(run.code, 1);
    const check = findCheck(run, 'GET /me', 'answers 200 Profile');
    assert.equal(check?.verdict, 'fail');
    assert.match(check?.why ?? '', /body is not JSON/);
    assert.match(check?.why ?? '', /Content-Type is "text\/html"/);
  });
});

describe('bounds', () => {
  test('it stops after --max-requests and says so', async () => {
    const run = await runKit(['--api-base', mock.apiBase, '--header', AUTH, '--json', '--max-requests', '3']);
    assert.equal(run.code, 1);
    assert.equal(run.report?.requests, 3);
    assert.match(findCheck(run, '(kit)', 'finished within its budgets')?.why ?? '', /request budget spent/);
  });

  test('a backend that never answers times out per request and the run ends', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const run = await runKit(['--api-base', silent.apiBase, '--json', '--timeout', '300']);
      assert.equal(run.code, 1);
      assert.match(findCheck(run, 'GET /me', 'answers 200 Profile')?.why ?? '', /timeout after 300 ms/);
      assert.equal(run.report?.requests, 1);
      assert.ok(Date.now() - started < 10_000);
    } finally {
      await silent.close();
    }
  });

  test('it refuses to send a password over plain http to a remote host', async () => {
    const run = await runKit(['--api-base', 'http://api.example.com/v1', '--password', 'x'.repeat(12)]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /refusing to send a password over plain http/);
    assert.ok(!run.stderr.includes('x'.repeat(12)));
  });
});

describe('a password change that the server applies but never answers', () => {
  /**
   * Runs `--write` through a proxy that leaves the change to the temporary password unanswered
   * (the mock applied it); `restore` rewrites the answer to the change back.
   * @param {(answer: import('./support.mjs').Answer) => void} [restore]
   */
  async function runStranding(restore) {
    /** @type {string | undefined} */
    let temporary;
    const proxy = await startBreakingProxy(mock.apiBase, (answer) => {
      if (answer.method !== 'POST' || answer.path !== '/password') return;
      /** @type {any} */
      let sent;
      try {
        sent = JSON.parse(answer.requestBody);
      } catch {
        return; // the kit's malformed-JSON probe
      }
      if (sent.currentPassword === MOCK_PASSWORD && answer.status === 204) {
        temporary = sent.newPassword;
        return 'no-answer';
      }
      if (sent.newPassword === MOCK_PASSWORD) restore?.(answer);
    });
    const cwd = await mkdtemp(join(tmpdir(), 'usp-kit-'));
    try {
      const run = await runKit(['--api-base', proxy.apiBase, '--header', AUTH, '--password', MOCK_PASSWORD, '--write', '--json', '--timeout', '1000'], {}, { cwd });
      assert.ok(temporary, 'the change to a temporary password reached the mock');
      for (const output of [run.stdout, run.stderr]) assert.ok(!output.includes(temporary), 'the temporary password was printed');
      const file = join(cwd, STRANDED_PASSWORD_FILE);
      const stranded = await stat(file).then((info) => ({ mode: info.mode & 0o777, text: readFile(file, 'utf8') }), () => undefined);
      return { run, temporary, stranded: stranded && { mode: stranded.mode, text: await stranded.text } };
    } finally {
      await proxy.close();
      await rm(cwd, { recursive: true, force: true });
    }
  }

  test('the kit changes back from the temporary password', async () => {
    const { run, stranded } = await runStranding();
    assert.equal(findCheck(run, 'POST /password', 'change to a temporary password: 204')?.verdict, 'fail');
    assert.equal(findCheck(run, 'POST /password', 'test account password restored'), undefined);
    assert.equal(stranded, undefined, 'no stranded-password file');
    const reauth = await fetch(`${mock.apiBase}/reauth`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'password', password: MOCK_PASSWORD }),
    });
    assert.equal(reauth.status, 200, 'the mock takes the original password again');
  });

  test('when changing back fails too, the temporary password goes to the file (mode 600), never to the output', async () => {
    const { run, temporary, stranded } = await runStranding((answer) => {
      answer.status = 503;
      answer.body = '';
    });
    const restored = findCheck(run, 'POST /password', 'test account password restored');
    assert.equal(restored?.verdict, 'fail');
    assert.match(restored?.why ?? '', new RegExp(`either the original or the one in ./${STRANDED_PASSWORD_FILE.replaceAll('.', '\\.')}`));
    assert.equal(stranded?.text, `${temporary}\n`);
    assert.equal(stranded?.mode, 0o600);
  });
});
