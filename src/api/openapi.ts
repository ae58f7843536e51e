/**
 * Builds the OpenAPI 3.1 document of the contract (SPEC §4) from the zod schemas, the route table
 * and the status table. Not part of the shipped bundle: used by `npm run openapi` and by the check
 * that keeps the committed `openapi.json` in step with the schemas.
 */
import * as z from 'zod/mini';
import { codesOf, errorStatuses, routeErrorStatuses, type ErrorStatus } from './error-status.js';
import * as R from './requests.js';
import { routes, type RouteName } from './routes.js';
import * as S from './schemas.js';

const summaries: Record<RouteName, string> = {
  getProfile: 'The signed-in user\'s sign-in settings',
  changePassword: 'Change or set the password',
  startEmailVerification: 'Send a code to a new email address',
  confirmEmail: 'Make the verified address the sign-in email',
  startPhoneVerification: 'Send an SMS code to a phone number (E.164)',
  confirmPhone: 'Make the verified number the sign-in phone',
  removePhone: 'Remove the phone number',
  resendVerification: 'Send the code again',
  createTiktokLinkSession: 'Start linking a TikTok account',
  getTiktokLinkSession: 'State of a link session',
  unlinkTiktok: 'Unlink the TikTok account',
  upgradeTiktokToBusiness: 'Upgrade the linked TikTok account to a Business Account',
  startReauthChallenge: 'Send a re-verification code',
  reauth: 'Prove identity; returns a short-lived re-verification token',
};

const tags = [
  { name: 'profile', description: 'The signed-in user\'s sign-in settings, loaded once on mount.' },
  { name: 'password', description: 'Changing or setting the password.' },
  { name: 'email', description: 'Changing the sign-in email through a code sent to the new address.' },
  { name: 'phone', description: 'Adding, changing or removing the sign-in phone through an SMS code.' },
  { name: 'verifications', description: 'Codes sent for an email, phone or re-verification.' },
  { name: 'tiktok', description: 'Linking, unlinking and upgrading the TikTok account (SPEC §4.4).' },
  { name: 'reauth', description: 'Re-verification (step-up, SPEC §4.3): a short-lived token for `X-Reauth-Token`.' },
];

/** The tag of a path: its first segment (`/me` is the profile). */
const tagOf = (path: string) => (path === '/me' ? 'profile' : path.split('/')[1]);

/** The error body of one status: the error schema with that status's codes. */
const errorBodyOf = (status: ErrorStatus) =>
  z.object({ error: z.extend(S.ErrorBody.shape.error, { code: z.enum(codesOf(status) as [S.ErrorCode, ...S.ErrorCode[]]) }) });

/** Per status: the component names of its response and body schema. */
const statusComponents: Record<ErrorStatus, { response: string; schema: string }> = {
  400: { response: 'BadRequest', schema: 'BadRequestError' },
  401: { response: 'Unauthenticated', schema: 'UnauthenticatedError' },
  403: { response: 'Forbidden', schema: 'ForbiddenError' },
  404: { response: 'NotFound', schema: 'NotFoundError' },
  409: { response: 'Conflict', schema: 'ConflictError' },
  429: { response: 'TooManyRequests', schema: 'TooManyRequestsError' },
};
const errorStatusList = Object.keys(statusComponents).map(Number) as ErrorStatus[];

const components: Record<string, z.ZodMiniType> = {
  Profile: S.Profile,
  Verification: S.Verification,
  LinkSession: S.LinkSession,
  LinkSessionStatus: S.LinkSessionStatus,
  ReauthResult: S.ReauthResult,
  ErrorCode: S.ErrorCode,
  Error: S.ErrorBody,
  ...Object.fromEntries(errorStatusList.map((status) => [statusComponents[status].schema, errorBodyOf(status)])),
  ChangePasswordBody: R.ChangePasswordBody,
  EmailVerificationBody: R.EmailVerificationBody,
  PhoneVerificationBody: R.PhoneVerificationBody,
  ConfirmCodeBody: R.ConfirmCodeBody,
  LinkSessionBody: R.LinkSessionBody,
  ReauthChallengeBody: R.ReauthChallengeBody,
  ReauthBody: R.ReauthBody,
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const refOf = (schema: unknown) => {
  const name = Object.entries(components).find(([, value]) => value === schema)?.[0];
  if (!name) throw new Error('Every body and response schema must be a named component');
  return ref('schemas', name);
};

/**
 * JSON Schema of a zod schema as the runtime reads it (`io: 'input'`): objects allow properties
 * beyond the listed ones, as parsing does (it strips them).
 */
const toJson = (schema: z.ZodMiniType) => {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

/** The generic error: `code` is one of `ErrorCode`, or any other code (a generic, retryable failure). */
function genericError() {
  const json = toJson(S.ErrorBody) as { properties: { error: { properties: Record<string, unknown> } } };
  const detail = json.properties.error.properties;
  detail.code = {
    anyOf: [ref('schemas', 'ErrorCode'), { type: 'string' }],
    description: 'The panel decides by code, never by status (401 aside). A code it does not know is a generic, retryable failure.',
  };
  detail.field = { type: 'string', description: 'The request field the error is about, when there is one; the panel shows the error at that field.' };
  detail.retryAfterSeconds = { type: 'number', description: 'Seconds to wait before trying again (`rate_limited`, `too_many_attempts`, optional on 5xx); the `Retry-After` header says the same.' };
  detail.methods = { ...(detail.methods as object), description: 'With `reauth_required`: the ways the user may re-verify.' };
  detail.reasons = { ...(detail.reasons as object), description: 'With `password_policy`: which rules failed (e.g. `too_short`, `too_long`).' };
  return json;
}

const content = (schema: object) => ({ 'application/json': { schema } });

function errorResponses() {
  const responses: Record<string, object> = {};
  for (const status of errorStatusList) {
    const { response, schema } = statusComponents[status];
    responses[response] = {
      description: `${errorStatuses[status]} Codes: ${codesOf(status).map((code) => `\`${code}\``).join(', ')}.`,
      ...(status === 429 ? { headers: { 'Retry-After': ref('headers', 'RetryAfter') } } : {}),
      content: content(ref('schemas', schema)),
    };
  }
  responses.ServerError = {
    description: 'A server failure: any code, a generic and retryable failure for the panel. `Retry-After`, when present, is shown.',
    headers: { 'Retry-After': ref('headers', 'RetryAfterOptional') },
    content: content(ref('schemas', 'Error')),
  };
  return responses;
}

const retryAfter = (required: boolean) => ({
  description: 'Seconds to wait before trying again (the panel also reads an HTTP date). The panel shows it as a countdown; it never sleeps through it.',
  required,
  schema: { type: 'integer', minimum: 0 },
});

const parameters = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'A random id per user action, sent on every POST and DELETE and reused when the same action is retried, so a request the network delivered twice can be answered once (the first answer again). Backends may ignore it.',
    schema: { type: 'string', maxLength: 255 },
  },
  ReauthToken: {
    name: 'X-Reauth-Token',
    in: 'header',
    required: false,
    description: 'A `reauthToken` from `POST /reauth`: sent when the panel repeats a call that answered `403 reauth_required` (SPEC §4.3).',
    schema: { type: 'string' },
  },
};

function operation(name: RouteName) {
  const route = routes[name];
  const statuses = routeErrorStatuses[name];
  const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, param]) => ({ name: param, in: 'path', required: true, schema: { type: 'string' } }));
  const headerParameters = [
    ...(route.method !== 'GET' ? [ref('parameters', 'IdempotencyKey')] : []),
    ...(statuses.includes(403) ? [ref('parameters', 'ReauthToken')] : []),
  ];
  const errors = Object.fromEntries(statuses.map((status) => [status, ref('responses', statusComponents[status].response)]));
  return {
    operationId: name,
    summary: summaries[name],
    tags: [tagOf(route.path)],
    ...(pathParameters.length || headerParameters.length ? { parameters: [...pathParameters, ...headerParameters] } : {}),
    ...(route.body ? { requestBody: { required: true, content: content(refOf(route.body)) } } : {}),
    responses: {
      [route.status]: route.response
        ? { description: 'Success', content: content(refOf(route.response)) }
        : { description: 'Success, no content' },
      ...errors,
      '5XX': ref('responses', 'ServerError'),
    },
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(routes) as RouteName[]) {
    const route = routes[name];
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(name);
  }
  const schemas = Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, toJson(schema)]));
  schemas.Error = genericError();
  return {
    openapi: '3.1.0',
    info: {
      title: 'user-settings-panel backend contract',
      version: '1.0.0',
      description: 'The JSON-over-HTTPS contract `<user-settings-panel>` speaks, relative to its `api-base` (SPEC §4). Every non-2xx body is the error schema; the status of each code follows the table of SPEC §4.2. Generated from the zod schemas in src/api/; do not edit by hand.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{
      url: 'https://{host}{basePath}',
      description: 'The host\'s backend: the panel\'s `api-base`.',
      variables: { host: { default: 'api.example.test' }, basePath: { default: '/user-settings/v1' } },
    }],
    security: [{ sessionCookie: [] }, { bearerAuth: [] }],
    tags,
    paths,
    components: {
      schemas,
      parameters,
      headers: { RetryAfter: retryAfter(true), RetryAfterOptional: retryAfter(false) },
      responses: errorResponses(),
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'session',
          description: 'The platform\'s session cookie (the panel\'s `credentials` mode decides whether it is sent; its name is the platform\'s).',
        },
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A token the host adds with the panel\'s `headers` (an object, or a function called before each request).',
        },
      },
    },
  };
}
