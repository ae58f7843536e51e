// A test-runner command that checks one HTTP answer against openapi.json in Node, with Ajv
// (JSON Schema draft 2020-12, as OpenAPI 3.1 uses): the operation must declare the status, the
// body must match that response's schema, and its required headers must be present.
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The document, loaded once per run, and a validator that knows its components. */
async function load() {
  const document = JSON.parse(await readFile(new URL('../../openapi.json', import.meta.url), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi.json');
  return { document, ajv, validators: new Map() };
}

const resolve = (document, value) => {
  let node = value;
  while (node?.$ref) node = node.$ref.slice(2).split('/').reduce((at, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  return node;
};

/** The problems of one answer (empty when it conforms). */
function check({ document, ajv, validators }, { method, path, status, headers, body }) {
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) return [`openapi.json has no operation ${method} ${path}`];
  const declared = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
  if (!declared) return [`${method} ${path} does not declare status ${status} (declared: ${Object.keys(operation.responses).join(', ')})`];
  const response = resolve(document, declared);
  const problems = [];
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (resolve(document, header).required && headers[name.toLowerCase()] === undefined) problems.push(`${status}: the ${name} header is missing`);
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) {
    if (body !== undefined) problems.push(`${status} declares no body, got ${JSON.stringify(body)}`);
    return problems;
  }
  const key = JSON.stringify(schema);
  if (!validators.has(key)) validators.set(key, ajv.compile(JSON.parse(key.replaceAll('"#/', '"openapi.json#/'))));
  const validate = validators.get(key);
  if (!validate(body)) problems.push(...validate.errors.map((error) => `${status} body ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`));
  return problems;
}

export function openapiPlugin() {
  let loaded;
  return {
    name: 'openapi-conformance',
    async executeCommand({ command, payload }) {
      if (command !== 'openapi-check') return undefined;
      loaded ??= load();
      return check(await loaded, payload);
    },
  };
}
