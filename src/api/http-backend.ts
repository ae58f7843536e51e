import ky, { HTTPError, TimeoutError } from 'ky';
import type { CallOptions, HttpBackendOptions, UserSettingsBackend } from './backend.js';
import { UserSettingsError } from './errors.js';
import { endpoints, fillPath, type RouteName } from './endpoints.js';

/** The schemas, fetched in parallel with the first request so first paint does not carry them. */
const loadSchemas = () => import('./responses.js');

interface Call extends CallOptions {
  params?: Record<string, string>;
  body?: unknown;
}

/** The default backend: the HTTP contract of SPEC §4 over `fetch`, every response validated. */
export function createHttpBackend(options: HttpBackendOptions): UserSettingsBackend {
  const base = options.apiBase.replace(/\/+$/, '');
  const client = ky.create({
    timeout: options.timeout ?? 15_000,
    credentials: options.credentials ?? 'same-origin',
    throwHttpErrors: true,
    retry: { limit: options.retries ?? 2, methods: ['get'], statusCodes: [408, 500, 502, 503, 504] },
    fetch: options.fetch,
  });

  async function call<T>(name: RouteName, { params, body, signal, reauthToken }: Call = {}): Promise<T> {
    const route = endpoints[name];
    const schemas = loadSchemas();
    let response: Response;
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...(await resolveHeaders(options.headers)) };
      if (reauthToken) headers['x-reauth-token'] = reauthToken;
      response = await client(base + fillPath(route.path, params), {
        method: route.method,
        headers,
        signal,
        json: body,
      });
    } catch (error) {
      throw await failure(error, schemas);
    }
    const { responses } = await schemas.catch(() => {
      throw new UserSettingsError({ kind: 'network', message: 'Could not load the response schemas' });
    });
    const schema = responses[name];
    if (!schema) return undefined as T;
    const data: unknown = await response.json().catch(() => undefined);
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new UserSettingsError({ kind: 'invalid_response', status: response.status, message: `Unexpected response from ${route.path}` });
    }
    return parsed.data as T;
  }

  return {
    getProfile: (o) => call('getProfile', o),
    changePassword: (body, o) => call('changePassword', { ...o, body }),
    startEmailVerification: (body, o) => call('startEmailVerification', { ...o, body }),
    confirmEmail: (body, o) => call('confirmEmail', { ...o, body }),
    startPhoneVerification: (body, o) => call('startPhoneVerification', { ...o, body }),
    confirmPhone: (body, o) => call('confirmPhone', { ...o, body }),
    removePhone: (o) => call('removePhone', o),
    resendVerification: (id, o) => call('resendVerification', { ...o, params: { id } }),
    createTiktokLinkSession: (body, o) => call('createTiktokLinkSession', { ...o, body }),
    getTiktokLinkSession: (state, o) => call('getTiktokLinkSession', { ...o, params: { state } }),
    unlinkTiktok: (o) => call('unlinkTiktok', o),
    upgradeTiktokToBusiness: (o) => call('upgradeTiktokToBusiness', o),
    startReauthChallenge: (body, o) => call('startReauthChallenge', { ...o, body }),
    reauth: (body, o) => call('reauth', { ...o, body }),
  };
}

async function resolveHeaders(source: HttpBackendOptions['headers']): Promise<Record<string, string>> {
  if (!source) return {};
  return typeof source === 'function' ? await source() : source;
}

/** Turns what ky throws into the one error type, telling network, timeout and server apart. */
async function failure(error: unknown, schemas: ReturnType<typeof loadSchemas>): Promise<UserSettingsError> {
  if (error instanceof TimeoutError) return new UserSettingsError({ kind: 'timeout' });
  if (error instanceof DOMException && error.name === 'AbortError') return new UserSettingsError({ kind: 'aborted' });
  if (error instanceof HTTPError) {
    const { response } = error;
    const { ErrorBody } = await schemas.catch(() => ({ ErrorBody: undefined }));
    const parsed = ErrorBody?.safeParse(await response.json().catch(() => undefined));
    const detail = parsed?.success ? parsed.data.error : undefined;
    const retryAfterHeader = retryAfterSeconds(response.headers.get('retry-after'));
    return new UserSettingsError({
      kind: 'http',
      status: response.status,
      code: detail?.code ?? (response.status === 401 ? 'unauthenticated' : response.status === 429 ? 'rate_limited' : 'unknown'),
      message: detail?.message,
      field: detail?.field,
      retryAfterSeconds: detail?.retryAfterSeconds ?? retryAfterHeader,
      methods: detail?.methods,
      reasons: detail?.reasons,
    });
  }
  return new UserSettingsError({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
}

/** `Retry-After` as seconds or an HTTP date; undefined when absent or unparsable. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}
