import type * as R from './requests.js';
import type * as S from './schemas.js';

/** Per-call options every backend method accepts. */
export interface CallOptions {
  /** Aborts the call; the promise then rejects with a `UserSettingsError` of kind `aborted`. */
  signal?: AbortSignal;
  /** Sent as `X-Reauth-Token` when repeating a call after re-verification (§4.3). */
  reauthToken?: string;
  /**
   * Sent as `Idempotency-Key` on POST and DELETE (SPEC §4.2): the same key when the same user
   * action is retried, so a backend can answer a request the network delivered twice only once.
   * (The repeat after re-verification carries a token: a new request, with a new key.) Without
   * one, each call gets a fresh random key.
   */
  idempotencyKey?: string;
}

/**
 * What the panel needs from a backend. The default implementation speaks the HTTP contract
 * (`createHttpBackend`); a host whose API differs passes its own object. Every method rejects
 * with a `UserSettingsError`.
 */
export interface UserSettingsBackend {
  getProfile(options?: CallOptions): Promise<S.Profile>;
  changePassword(body: R.ChangePasswordBody, options?: CallOptions): Promise<void>;
  startEmailVerification(body: R.EmailVerificationBody, options?: CallOptions): Promise<S.Verification>;
  confirmEmail(body: R.ConfirmCodeBody, options?: CallOptions): Promise<S.Profile>;
  startPhoneVerification(body: R.PhoneVerificationBody, options?: CallOptions): Promise<S.Verification>;
  confirmPhone(body: R.ConfirmCodeBody, options?: CallOptions): Promise<S.Profile>;
  removePhone(options?: CallOptions): Promise<S.Profile>;
  resendVerification(verificationId: string, options?: CallOptions): Promise<S.Verification>;
  createTiktokLinkSession(body: R.LinkSessionBody, options?: CallOptions): Promise<S.LinkSession>;
  getTiktokLinkSession(state: string, options?: CallOptions): Promise<S.LinkSessionStatus>;
  unlinkTiktok(options?: CallOptions): Promise<S.Profile>;
  upgradeTiktokToBusiness(options?: CallOptions): Promise<S.Profile>;
  startReauthChallenge(body: R.ReauthChallengeBody, options?: CallOptions): Promise<S.Verification>;
  reauth(body: R.ReauthBody, options?: CallOptions): Promise<S.ReauthResult>;
}

/** Headers to add to every request: a fixed object, or a function called before each request. */
export type HeadersSource =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

export interface HttpBackendOptions {
  /** Base URL of the contract's resources, e.g. `https://api.example.com/user-settings/v1`. */
  apiBase: string;
  headers?: HeadersSource;
  /**
   * Milliseconds before a call fails with kind `timeout`. Default 15000. The budget covers the whole
   * call: the `headers()` function, the response, retries and reading the body.
   */
  timeout?: number;
  /** `fetch` credentials mode. Default `same-origin`. */
  credentials?: RequestCredentials;
  /** Retries of idempotent GET calls on network or 5xx failure. Default 2. */
  retries?: number;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}
