// @ts-check
/**
 * The contract the kit checks against: openapi.json, read at run time (so a backend is checked
 * against the document the package ships), with every answer validated by ajv (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses) and `$ref`s resolved inside the document.
 */
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** @typedef {import('./client.mjs').Exchange} Exchange */

/**
 * @typedef {object} OpenApiResponse
 * @property {Record<string, { schema?: object }>} [content]
 * @property {Record<string, { required?: boolean, schema?: object, $ref?: string }>} [headers]
 */

const DOCUMENT_ID = 'usp-openapi';
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

/** Formats OpenAPI documents commonly use; anything else is accepted unchecked. */
const FORMATS = {
  'date-time': (/** @type {string} */ value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\dT/.test(value),
  uri: (/** @type {string} */ value) => URL.canParse(value),
  email: (/** @type {string} */ value) => /^[^\s@]+@[^\s@]+$/.test(value),
};

export class Contract {
  /** @type {any} */
  #document;
  /** Validates by the document as written. */
  #ajv;
  /** Validates by the document with its objects opened (no `additionalProperties: false`). */
  #openAjv;

  /** @param {any} document a parsed OpenAPI 3.1 document */
  constructor(document) {
    if (!document || typeof document !== 'object' || !document.paths) throw new Error('not an OpenAPI document (no paths)');
    this.#document = document;
    const options = { strict: false, allErrors: true, validateFormats: true, formats: FORMATS };
    this.#ajv = new Ajv2020(options).addSchema(document, DOCUMENT_ID);
    this.#openAjv = new Ajv2020(options).addSchema(withOpenObjects(document), DOCUMENT_ID);
  }

  /** @param {string} file */
  static async load(file) {
    return new Contract(JSON.parse(await readFile(file, 'utf8')));
  }

  /** The error codes the document lists (`ErrorCode`), if it lists them. */
  get errorCodes() {
    const codes = this.#document.components?.schemas?.ErrorCode?.enum;
    return Array.isArray(codes) ? /** @type {string[]} */ (codes) : [];
  }

  /**
   * The declared response of an operation for a status: the exact code, else `4XX`/`5XX`, else
   * `default`, with the JSON pointer to it.
   * @param {string} method
   * @param {string} template e.g. `/verifications/{id}/resend`
   * @param {number} status
   * @returns {{ key: string, pointer: string, response: OpenApiResponse } | undefined}
   */
  responseFor(method, template, status) {
    const operation = this.#document.paths?.[template]?.[method.toLowerCase()];
    if (!operation?.responses) return undefined;
    for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
      const found = operation.responses[key] ?? operation.responses[key.toLowerCase()];
      if (!found) continue;
      const pointer = `#/paths/${escapePointer(template)}/${method.toLowerCase()}/responses/${key}`;
      return { key, ...this.#resolve(found, pointer) };
    }
    return undefined;
  }

  /** Whether the document has the operation at all. */
  hasOperation(/** @type {string} */ method, /** @type {string} */ template) {
    return Boolean(this.#document.paths?.[template]?.[method.toLowerCase()]);
  }

  /**
   * What is wrong with an answer, by the document: the status is declared, the declared headers
   * are there, a JSON answer is JSON of the declared schema, a body-less one is empty.
   * @param {Exchange} exchange
   * @returns {string[]} problems, empty when the answer conforms
   */
  problems(exchange) {
    return this.check(exchange).problems;
  }

  /**
   * `problems`, and `notes`: properties the schema does not list. The document closes its objects
   * (`additionalProperties: false`), but the panel ignores unknown properties and the contract
   * grows by adding them (SPEC: extend, never break), so they are reported, not failed.
   * @param {Exchange} exchange
   * @returns {{ problems: string[], notes: string[] }}
   */
  check(exchange) {
    const declared = this.responseFor(exchange.method, exchange.template, exchange.status);
    if (!declared) return { problems: [`status ${exchange.status} is not declared for ${exchange.method} ${exchange.template}`], notes: [] };
    const problems = [];
    for (const [name, header] of Object.entries(declared.response.headers ?? {})) {
      if (this.#resolve(header, '').response.required === true && !exchange.headers.has(name)) problems.push(`header ${name} is missing`);
    }
    const json = declared.response.content?.['application/json'];
    if (!json) {
      if (exchange.text.length > 0) problems.push(`a ${exchange.status} answer has no body in the contract, got ${exchange.text.length} bytes`);
      return { problems, notes: [] };
    }
    const type = exchange.headers.get('content-type') ?? '';
    if (!JSON_TYPE.test(type)) problems.push(`Content-Type is "${type || 'missing'}", not application/json`);
    if (exchange.json === undefined) {
      problems.push(`body is not JSON (${describeText(exchange.text)})`);
      return { problems, notes: [] };
    }
    if (!json.schema) return { problems, notes: [] };
    const id = `${DOCUMENT_ID}${declared.pointer}/content/application~1json/schema`;
    const validateOpen = this.#openAjv.getSchema(id);
    const validate = this.#ajv.getSchema(id);
    if (!validate || !validateOpen) throw new Error(`the document's schema at ${id} does not compile`);
    const name = schemaName(json.schema);
    if (!validateOpen(exchange.json)) return { problems: [...problems, formatErrors(validateOpen.errors ?? [], name)], notes: [] };
    if (validate(exchange.json)) return { problems, notes: [] };
    const extra = (validate.errors ?? []).filter((error) => error.keyword === 'additionalProperties');
    return { problems, notes: [`extra properties the panel ignores: ${[...new Set(extra.map(describeError))].join('; ')}`] };
  }

  /**
   * Follows a `$ref` to a shared response or header (`#/components/responses/X`).
   * @param {any} value
   * @param {string} pointer
   * @returns {{ pointer: string, response: any }}
   */
  #resolve(value, pointer) {
    if (typeof value?.$ref !== 'string' || !value.$ref.startsWith('#/')) return { pointer, response: value };
    const target = value.$ref.slice(2).split('/').map(unescapePointer).reduce((/** @type {any} */ node, /** @type {string} */ key) => node?.[key], this.#document);
    return this.#resolve(target, value.$ref);
  }
}

/**
 * A copy of the document whose schemas allow properties they do not list.
 * @param {unknown} node
 * @returns {any}
 */
function withOpenObjects(node) {
  if (Array.isArray(node)) return node.map(withOpenObjects);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
      .map(([key, value]) => [key, withOpenObjects(value)]),
  );
}

/** @param {string} segment */
function escapePointer(segment) {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** @param {string} segment */
function unescapePointer(segment) {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** @param {any} schema */
function schemaName(schema) {
  return typeof schema?.$ref === 'string' ? schema.$ref.split('/').pop() : 'the schema';
}

/**
 * ajv's errors in a line: where, what (never the offending value, which may be a secret).
 * @param {import('ajv').ErrorObject[]} errors
 * @param {string} name
 */
function formatErrors(errors, name) {
  // anyOf only says that no branch matched; the branches' own errors say why.
  const lines = [...new Set(errors.filter((error) => error.keyword !== 'anyOf').map(describeError))];
  const shown = lines.slice(0, 3).join('; ');
  const more = lines.length > 3 ? ` (+${lines.length - 3} more)` : '';
  return `does not match ${name}: ${shown || 'no branch of anyOf matches'}${more}`;
}

/** @param {import('ajv').ErrorObject} error */
function describeError(error) {
  const at = error.instancePath || '(root)';
  const params = /** @type {Record<string, unknown>} */ (error.params);
  if (error.keyword === 'additionalProperties') return `${at} has unexpected property "${params.additionalProperty}"`;
  if (error.keyword === 'required') return `${at} lacks required property "${params.missingProperty}"`;
  return `${at} ${error.message ?? error.keyword}`;
}

/**
 * A short, printable description of a body that is not JSON.
 * @param {string} text
 */
export function describeText(text) {
  if (text.length === 0) return 'empty';
  const start = text.slice(0, 24).replace(/\s+/g, ' ');
  return `starts with ${JSON.stringify(start)}${text.length > 24 ? '…' : ''}`;
}
