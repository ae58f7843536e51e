import type { ErrorCode, ReauthMethod } from './schemas.js';

/**
 * How a call failed: the server answered with an error (`http`), the server could not be
 * reached (`network`), it took too long (`timeout`), it answered something that is not the
 * contract (`invalid_response`), or the caller gave up (`aborted`).
 */
export type FailureKind = 'http' | 'network' | 'timeout' | 'invalid_response' | 'aborted';

export interface UserSettingsErrorInit {
  kind: FailureKind;
  code?: string;
  status?: number;
  message?: string;
  field?: string;
  retryAfterSeconds?: number;
  methods?: ReauthMethod[];
  reasons?: string[];
}

/** The one error type every backend call rejects with. */
export class UserSettingsError extends Error {
  override readonly name = 'UserSettingsError';
  readonly kind: FailureKind;
  /** A contract error code (§4.2), or `network` / `timeout` / `invalid_response` / `aborted` / `unknown`. */
  readonly code: ErrorCode | FailureKind | (string & {});
  readonly status?: number;
  readonly field?: string;
  readonly retryAfterSeconds?: number;
  readonly methods?: ReauthMethod[];
  readonly reasons?: string[];

  constructor(init: UserSettingsErrorInit) {
    super(init.message ?? init.code ?? init.kind);
    this.kind = init.kind;
    this.code = init.code ?? (init.kind === 'http' ? 'unknown' : init.kind);
    this.status = init.status;
    this.field = init.field;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.methods = init.methods;
    this.reasons = init.reasons;
  }

  /** Whether trying the same call again may succeed (network trouble, 5xx, unknown codes). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'invalid_response' ||
      this.code === 'unknown' || this.code === 'rate_limited' || (this.status ?? 0) >= 500;
  }
}

/** Normalises anything thrown into a `UserSettingsError`. */
export function toUserSettingsError(error: unknown): UserSettingsError {
  if (error instanceof UserSettingsError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new UserSettingsError({ kind: 'aborted' });
  return new UserSettingsError({ kind: 'network', message: error instanceof Error ? error.message : String(error) });
}

export function isAbort(error: unknown): boolean {
  return (error instanceof UserSettingsError && error.kind === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError');
}
