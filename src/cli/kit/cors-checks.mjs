// @ts-check
/**
 * CORS, for a panel on another origin than its API (`--origin`): a browser sends a preflight
 * before every POST and DELETE (they carry `Content-Type: application/json`, `Idempotency-Key`,
 * maybe `X-Reauth-Token` and the host's headers), and lets the page read an answer, and its
 * `Retry-After`, only when the answer says so. A backend can follow the contract to the letter
 * and still be unusable from the page without these.
 */
import { corsListAllows, describeAnswer } from './expect.mjs';

/** Headers the panel itself adds to changing requests (SPEC §4.2, §4.3). */
const PANEL_HEADERS = ['content-type', 'idempotency-key', 'x-reauth-token'];

/** @param {import('./session.mjs').KitSession} kit */
export async function corsChecks(kit) {
  const origin = kit.options.origin;
  const check = 'a page on --origin may call it (CORS)';
  if (!origin) {
    kit.report.skip('(CORS)', check, 'no --origin given: say where the panel is embedded when that is not the API\'s origin');
    return;
  }
  if (origin === new URL(kit.options.apiBase).origin) {
    kit.report.skip('(CORS)', check, '--origin is the API\'s own origin: no CORS involved');
    return;
  }
  const requested = [...PANEL_HEADERS, ...kit.options.headers.map(([name]) => name.toLowerCase())];
  for (const [method, template] of [['POST', '/password'], ['DELETE', '/phone']]) {
    const answer = await kit.client.send({
      method: 'OPTIONS',
      template,
      withoutCredentials: true,
      extraHeaders: { 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': requested.join(', ') },
    });
    const problems = [];
    if (answer.status < 200 || answer.status > 299) problems.push(`the preflight answered ${describeAnswer(answer).replace(/^got /, '')}, not 2xx`);
    else {
      problems.push(...allowOriginProblems(answer.headers, origin));
      if (!corsListAllows(answer.headers.get('access-control-allow-methods'), method)) problems.push(`Access-Control-Allow-Methods does not allow ${method}`);
      const refused = requested.filter((name) => !corsListAllows(answer.headers.get('access-control-allow-headers'), name));
      if (refused.length) problems.push(`Access-Control-Allow-Headers does not allow ${refused.join(', ')}`);
    }
    kit.report.verdict(`OPTIONS ${template}`, `preflight for ${method} from --origin`, problems);
  }
  const me = await kit.client.send({ method: 'GET', template: '/me' });
  const problems = me.status === 0 ? [describeAnswer(me)] : allowOriginProblems(me.headers, origin);
  if (me.status !== 0 && !corsListAllows(me.headers.get('access-control-expose-headers'), 'retry-after')) {
    problems.push('Access-Control-Expose-Headers does not list Retry-After, so the panel cannot read it');
  }
  kit.report.verdict('GET /me', 'answer readable from --origin (CORS)', problems);
}

/**
 * @param {Headers} headers
 * @param {string} origin
 */
function allowOriginProblems(headers, origin) {
  const allowed = headers.get('access-control-allow-origin');
  if (allowed === origin || allowed === '*') return [];
  return [allowed ? `Access-Control-Allow-Origin is ${allowed}, not ${origin}` : 'no Access-Control-Allow-Origin'];
}
