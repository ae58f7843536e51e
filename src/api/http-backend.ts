import ky, { HTTPError } from 'ky';
import type { CallOptions, HttpBackendOptions, UserSettingsBackend } from './backend.js';
import { UserSettingsError } from './errors.js';
import { endpoints, fillPath, type RouteName } from './endpoints.js';
import { randomId } from '../utils/random-id.js';

/** The schemas, fetched in parallel with the first request so first paint does not carry them. */
const loadSchemas = () => import('./responses.js');

/** Bodies above this many bytes are not the contract: they fail as `invalid_response`. */
export const MAX_BODY_BYTES = 256 * 1024;

interface Call extends CallOptions {
  params?: Record<string, string>;
  body?: unknown;
}

/** Why the call's own controller aborted: the time budget ran out. */
const TIMED_OUT = new UserSettingsError({ kind: 'timeout' });

/**
 * The default backend: the HTTP contract of SPEC §4 over `fetch`, every response validated.
 * One time budget (`timeout`) covers the whole call: the host's `headers()`, the response, every
 * retry and reading the body (ky's own timeout ends at the response headers, so it is off).
 */
export function createHttpBackend(options: HttpBackendOptions): UserSettingsBackend {
  const base = options.apiBase.replace(/\/+$/, '');
  const timeout = options.timeout ?? 15_000;

  async function call<T>(name: RouteName, { params, body, signal, reauthToken, idempotencyKey }: Call = {}): Promise<T> {
    const route = endpoints[name];
    const schemas = loadSchemas();
    const budget = new CallBudget(timeout, signal);
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...(await budget.race(resolveHeaders(options.headers))) };
      if (reauthToken) headers['x-reauth-token'] = reauthToken;
      if (route.method !== 'GET') headers['idempotency-key'] = idempotencyKey ?? randomId();
      let response: Response;
      try {
        response = await ky(base + fillPath(route.path, params), {
          method: route.method,
          headers,
          json: body,
          signal: budget.signal,
          timeout: false,
          credentials: options.credentials ?? 'same-origin',
          fetch: options.fetch,
          retry: {
            limit: options.retries ?? 2,
            methods: ['get'],
            statusCodes: [408, 500, 502, 503, 504],
            maxRetryAfter: timeout,
            // A Retry-After beyond what is left of the budget is told to the user, never slept through.
            shouldRetry: ({ error }) => (error instanceof HTTPError && retryAfterMs(error.response) > budget.remainingMs ? false : undefined),
          },
        });
      } catch (error) {
        if (!(error instanceof HTTPError)) throw error;
        throw httpFailure(error.response, await budget.race(readJson(error.response)), await schemas.catch(() => undefined));
      }
      const data = await budget.race(readJson(response));
      const { responseOf } = await budget.race(schemas.catch(() => {
        throw new UserSettingsError({ kind: 'network', message: 'Could not load the response schemas' });
      }));
      const schema = responseOf(name);
      // A route that answers 204 has no body: content there (a captive portal's page, a proxy's
      // answer) means the change may not have reached the backend, so it is no success.
      if (!schema && data === undefined && !notJson.has(response)) return undefined as T;
      const parsed = schema?.safeParse(data);
      if (!parsed?.success) {
        throw new UserSettingsError({ kind: 'invalid_response', status: response.status, message: `Unexpected response from ${route.path}` });
      }
      return parsed.data as T;
    } catch (error) {
      throw budget.failure(error);
    } finally {
      budget.end();
    }
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

/**
 * The time budget of one call, and its abort signal: aborted when the caller's signal aborts or
 * when the budget runs out, whichever comes first.
 */
class CallBudget {
  readonly #controller = new AbortController();
  readonly #deadline: number;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #caller?: AbortSignal;

  constructor(timeoutMs: number, caller?: AbortSignal) {
    this.#deadline = Date.now() + timeoutMs;
    this.#caller = caller;
    this.#timer = setTimeout(() => this.#controller.abort(TIMED_OUT), timeoutMs);
    if (caller?.aborted) this.#onCallerAbort();
    caller?.addEventListener('abort', this.#onCallerAbort);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get remainingMs(): number {
    return this.#deadline - Date.now();
  }

  /** Settles with `work`, or rejects as soon as the call is aborted or out of time. */
  race<T>(work: Promise<T>): Promise<T> {
    const { signal } = this;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Anything thrown during the call, as the one error type: timeout and abort told apart. */
  failure(error: unknown): UserSettingsError {
    if (this.signal.aborted) return this.signal.reason === TIMED_OUT ? new UserSettingsError({ kind: 'timeout' }) : new UserSettingsError({ kind: 'aborted' });
    if (error instanceof UserSettingsError) return error;
    return new UserSettingsError({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
  }

  end(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }

  readonly #onCallerAbort = () => this.#controller.abort(this.#caller?.reason);
}

async function resolveHeaders(source: HttpBackendOptions['headers']): Promise<Record<string, string>> {
  if (!source) return {};
  return typeof source === 'function' ? await source() : source;
}

/**
 * The body as JSON, read to the end within {@link MAX_BODY_BYTES}: `undefined` when empty or not
 * JSON (the schema then rejects it), `invalid_response` when larger.
 */
async function readJson(response: Response): Promise<unknown> {
  const tooLarge = () => new UserSettingsError({ kind: 'invalid_response', status: response.status, message: 'The response body is too large' });
  if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return undefined;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  text += decoder.decode();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    notJson.add(response);
    return undefined;
  }
}

/** Responses whose body was not JSON (read as undefined, remembered to tell them from an empty body). */
const notJson = new WeakSet<Response>();

/** A non-2xx answer as the one error type, from its body (when it is the error shape) and headers. */
function httpFailure(response: Response, data: unknown, schemas?: Awaited<ReturnType<typeof loadSchemas>>): UserSettingsError {
  const parsed = schemas?.ErrorBody.safeParse(data);
  const detail = parsed?.success ? parsed.data.error : undefined;
  const retryAfter = retryAfterMs(response);
  return new UserSettingsError({
    kind: 'http',
    status: response.status,
    code: detail?.code ?? (response.status === 401 ? 'unauthenticated' : response.status === 429 ? 'rate_limited' : 'unknown'),
    message: detail?.message,
    field: detail?.field,
    retryAfterSeconds: detail?.retryAfterSeconds ?? (retryAfter > 0 ? Math.ceil(retryAfter / 1000) : undefined),
    methods: detail?.methods,
    reasons: detail?.reasons,
  });
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds; 0 when absent or unparsable. */
function retryAfterMs(response: Response): number {
  const header = response.headers.get('retry-after')?.trim();
  if (!header) return 0;
  const ms = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
