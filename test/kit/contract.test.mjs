// @ts-check
/** The kit's reading of an OpenAPI document, on a small one: what fails and what is only noted. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Contract } from '../../src/cli/kit/contract.mjs';

const account = {
  type: 'object',
  properties: { id: { type: 'string' }, since: { type: 'string', format: 'date-time' } },
  required: ['id'],
  additionalProperties: false,
};
const contract = new Contract({
  openapi: '3.1.0',
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { name: { type: 'string' }, account: { anyOf: [account, { type: 'null' }] } },
        required: ['name', 'account'],
        additionalProperties: false,
      },
    },
    headers: { RetryAfter: { required: true, schema: { type: 'integer' } } },
    responses: {
      TooMany: { description: 'slow down', headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }, content: { 'application/json': { schema: { type: 'object' } } } },
    },
  },
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          429: { $ref: '#/components/responses/TooMany' },
        },
      },
      delete: { responses: { 204: { description: 'gone' } } },
    },
  },
});

/**
 * An exchange as the client makes it.
 * @param {Partial<import('../../src/cli/kit/client.mjs').Exchange> & { body?: unknown }} init
 * @returns {import('../../src/cli/kit/client.mjs').Exchange}
 */
function exchange({ body, ...init }) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { method: 'GET', template: '/things/{id}', path: '/things/1', status: 200, headers: new Headers({ 'content-type': 'application/json' }), text, json, ...init };
}

test('a conforming answer has neither problems nor notes', () => {
  assert.deepEqual(contract.check(exchange({ body: { name: 'a', account: { id: '1', since: '2026-01-01T00:00:00Z' } } })), { problems: [], notes: [] });
});

test('extra properties, also inside a nullable object, are noted and not failed', () => {
  const { problems, notes } = contract.check(exchange({ body: { name: 'a', colour: 'red', account: { id: '1', extra: true } } }));
  assert.deepEqual(problems, []);
  assert.match(notes.join(), /\(root\) has unexpected property "colour"/);
  assert.match(notes.join(), /\/account has unexpected property "extra"/);
});

test('a missing required property and a wrong format fail, naming where', () => {
  const [problem] = contract.problems(exchange({ body: { account: { id: '1', since: 'yesterday' } } }));
  assert.match(problem, /does not match Thing: .*lacks required property "name"/);
  assert.match(problem, /\/account\/since must match format "date-time"/);
});

test('an undeclared status, a missing $ref header, a body that is not JSON and a body on a 204 fail', () => {
  assert.match(contract.problems(exchange({ status: 418, body: {} })).join(), /status 418 is not declared for GET \/things\/\{id\}/);
  assert.match(contract.problems(exchange({ status: 429, body: {} })).join(), /header Retry-After is missing/);
  assert.deepEqual(contract.problems(exchange({ status: 429, body: {}, headers: new Headers({ 'content-type': 'application/json', 'retry-after': '5' }) })), []);
  const html = contract.problems(exchange({ body: '<html>', headers: new Headers({ 'content-type': 'text/html' }) })).join('; ');
  assert.match(html, /Content-Type is "text\/html"/);
  assert.match(html, /body is not JSON \(starts with "<html>"\)/);
  assert.match(contract.problems(exchange({ method: 'DELETE', status: 204, body: 'x' })).join(), /has no body in the contract/);
});
