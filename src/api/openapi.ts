/**
 * Builds the OpenAPI 3.1 document of the contract from the zod schemas and the route table.
 * Not part of the shipped bundle: used by `npm run openapi` and by the test that keeps the
 * committed `openapi.json` in step with the schemas.
 */
import * as z from 'zod/mini';
import { routes, type RouteName } from './routes.js';
import * as R from './requests.js';
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

const components = {
  Profile: S.Profile,
  Verification: S.Verification,
  LinkSession: S.LinkSession,
  LinkSessionStatus: S.LinkSessionStatus,
  ReauthResult: S.ReauthResult,
  Error: S.ErrorBody,
  ErrorCode: S.ErrorCode,
  ChangePasswordBody: R.ChangePasswordBody,
  EmailVerificationBody: R.EmailVerificationBody,
  PhoneVerificationBody: R.PhoneVerificationBody,
  ConfirmCodeBody: R.ConfirmCodeBody,
  LinkSessionBody: R.LinkSessionBody,
  ReauthChallengeBody: R.ReauthChallengeBody,
  ReauthBody: R.ReauthBody,
} as const;

const refOf = (schema: unknown) => {
  const name = Object.entries(components).find(([, value]) => value === schema)?.[0];
  return name ? { $ref: `#/components/schemas/${name}` } : undefined;
};

const toJson = (schema: z.ZodMiniType) => {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

const errorResponses = {
  '4XX': { description: 'An error from §4.2; `error.code` says which.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '5XX': { description: 'A server failure; the panel treats it as generic and retryable.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(routes)) {
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    const changing = route.method !== 'GET';
    const body = 'body' in route ? route.body : undefined;
    const response = 'response' in route ? route.response : undefined;
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId,
      summary: summaries[operationId as RouteName],
      ...(parameters.length ? { parameters } : {}),
      ...(changing ? { 'x-reauth': 'May answer 403 reauth_required; repeat once with X-Reauth-Token.' } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: refOf(body) ?? toJson(body) } } } } : {}),
      responses: {
        [route.status]: response
          ? { description: 'Success', content: { 'application/json': { schema: refOf(response) ?? toJson(response) } } }
          : { description: 'Success, no content' },
        ...errorResponses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'user-settings-panel backend contract',
      version: '1.0.0',
      description: 'The JSON-over-HTTPS contract `<user-settings-panel>` speaks, relative to its `api-base`. Generated from the zod schemas in src/api/schemas.ts; do not edit by hand.',
    },
    components: {
      schemas: Object.fromEntries(Object.entries(components).map(([name, schema]) => [name, toJson(schema)])),
      parameters: {},
      securitySchemes: {},
    },
    paths,
  };
}
