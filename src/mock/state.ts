/**
 * The state of the mock backend: one signed-in user, their current password, pending verifications,
 * issued re-verification tokens, TikTok link sessions (rules in `tiktok.ts`), the dev inbox, the
 * scenario flags and a log of every request received. The HTTP behaviour lives in `handlers.ts`
 * and `routes/`; this class is plain data plus the rules that several routes share.
 *
 * @example
 * ```ts
 * const state = new MockBackendState({ preset: 'phoneOnly' });
 * state.reset('default', { phone: { number: '+14155554567', verified: true } });
 * state.scenarios.set({ reauthRequired: true });
 * state.requests.at(-1)?.headers['x-reauth-token'];
 * ```
 */
import type { RouteName } from '../api/routes.js';
import type { LinkMode, Profile, ReauthMethod, Verification } from '../api/schemas.js';
import {
  CODE_TTL_MS,
  MAX_SENDS_PER_WINDOW,
  MOCK_PASSWORD,
  MOCK_STATE_STORAGE_KEY,
  REAUTH_TOKEN_TTL_MS,
  RESEND_AFTER_MS,
  SEND_WINDOW_MS,
} from './constants.js';
import { IdempotencyStore } from './idempotency.js';
import { MockInbox, type MockCodePurpose } from './inbox.js';
import { maskEmail, maskPhone } from './masking.js';
import { loadSnapshot, saveSnapshot } from './persistence.js';
import { presets, type MockPresetName } from './presets.js';
import { clone, randomCode, randomToken } from './random.js';
import { MockScenarios } from './scenarios.js';
import { createLinkSession, decideLinkSession, syncLinkDecisions } from './tiktok.js';
import type { MockLinkSession, MockRequestRecord, MockVerification, MockVerificationKind, TiktokDecision } from './types.js';

// Kept importable from here, where they were first defined.
export * from './constants.js';
export { maskEmail, maskPhone } from './masking.js';
export { presetNames, presets, type MockPresetName } from './presets.js';
export type * from './types.js';

export type MockStateListener = (state: MockBackendState) => void;

export interface MockPersistOptions {
  /** Default {@link MOCK_STATE_STORAGE_KEY}. */
  key?: string;
  /** Default `sessionStorage`. */
  storage?: Storage;
}

export interface MockBackendStateOptions {
  /** Starting preset (default `default`). Ignored when persisted state is found. */
  preset?: MockPresetName;
  /** Shallow overrides of the preset's profile. */
  profile?: Partial<Profile>;
  /** Current password (default {@link MOCK_PASSWORD}). */
  password?: string;
  /** Keep the state in sessionStorage so it survives a full-page redirect (demo). Off by default. */
  persist?: boolean | MockPersistOptions;
}

export class MockBackendState {
  /** The stored profile (what `GET /me` answers, before scenario overlays). */
  profile: Profile = clone(presets.default);
  /** The current password in plain text (it is a mock); meaningful only when `profile.password.isSet`. */
  password = MOCK_PASSWORD;
  readonly verifications = new Map<string, MockVerification>();
  /** Issued re-verification tokens → expiry (epoch ms, mock clock). */
  readonly reauthTokens = new Map<string, number>();
  readonly linkSessions = new Map<string, MockLinkSession>();
  readonly inbox = new MockInbox();
  readonly scenarios = new MockScenarios();
  /** Every request received since the last reset, oldest first. */
  readonly requests: MockRequestRecord[] = [];
  /** Final answers by `Idempotency-Key`, replayed to repeats (see idempotency.ts). */
  readonly idempotency = new IdempotencyStore();
  /** Times (epoch ms, mock clock) codes were sent, for the per-minute limit. */
  sends: number[] = [];
  /** Added to `Date.now()`; see {@link advanceTime}. */
  clockOffsetMs = 0;

  readonly #persist?: { key: string; storage: Storage };
  readonly #listeners = new Set<MockStateListener>();
  #restoring = false;

  constructor(options: MockBackendStateOptions = {}) {
    if (options.persist) {
      const settings = options.persist === true ? {} : options.persist;
      const storage = settings.storage ?? (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
      if (storage) this.#persist = { key: settings.key ?? MOCK_STATE_STORAGE_KEY, storage };
    }
    this.scenarios.subscribe(() => this.changed());
    this.inbox.subscribe(() => this.changed());
    if (!this.#load()) this.reset(options.preset ?? 'default', options.profile, options.password);
  }

  /**
   * Back to a preset (default `default`) with optional shallow profile overrides: clears
   * verifications, tokens, link sessions, the inbox, the request log, kept idempotent answers,
   * the scenarios and the clock.
   */
  reset(preset: MockPresetName = 'default', profile: Partial<Profile> = {}, password: string = MOCK_PASSWORD): void {
    this.#quietly(() => {
      this.profile = clone({ ...presets[preset], ...profile });
      this.password = password;
      this.verifications.clear();
      this.reauthTokens.clear();
      this.linkSessions.clear();
      this.requests.length = 0;
      this.idempotency.clear();
      this.sends = [];
      this.clockOffsetMs = 0;
      this.inbox.clear();
      this.scenarios.reset();
    });
    this.changed();
  }

  /** Listens to every change (profile, inbox, scenarios…); returns a function that unsubscribes. */
  subscribe(listener: MockStateListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Call after mutating the state: persists it (when enabled) and notifies listeners. */
  changed(): void {
    if (this.#restoring) return;
    if (this.#persist) saveSnapshot(this, this.#persist);
    for (const listener of [...this.#listeners]) listener(this);
  }

  // ——— clock ———

  /** The mock clock (epoch ms). */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Moves the mock clock forward (codes, tokens, link sessions and rate windows expire). */
  advanceTime(ms: number): void {
    this.clockOffsetMs += ms;
    this.changed();
  }

  // ——— profile ———

  /** What `GET /me` answers: the stored profile with scenario overlays, as a copy. */
  currentProfile(): Profile {
    const profile = clone(this.profile);
    if (this.scenarios.linkingUnavailable) profile.tiktok.linkingAvailable = false;
    return profile;
  }

  /** Whether TikTok linking may start (profile flag and `linkingUnavailable` scenario). */
  linkingAvailable(): boolean {
    return this.profile.tiktok.linkingAvailable && !this.scenarios.linkingUnavailable;
  }

  /** Re-verification methods the profile offers: password if set, email_code if email, phone_code if phone. */
  reauthMethods(): ReauthMethod[] {
    const methods: ReauthMethod[] = [];
    if (this.profile.password.isSet) methods.push('password');
    if (this.profile.email) methods.push('email_code');
    if (this.profile.phone) methods.push('phone_code');
    return methods;
  }

  /** Ways to sign in: a set password, a verified email, a phone, a linked TikTok account. */
  signInMethods(): ('password' | 'email' | 'phone' | 'tiktok')[] {
    const methods: ('password' | 'email' | 'phone' | 'tiktok')[] = [];
    if (this.profile.password.isSet) methods.push('password');
    if (this.profile.email?.verified) methods.push('email');
    if (this.profile.phone) methods.push('phone');
    if (this.profile.tiktok.account) methods.push('tiktok');
    return methods;
  }

  // ——— verifications and codes ———

  /**
   * When a code may not be sent now: seconds to wait (more than {@link MAX_SENDS_PER_WINDOW}
   * codes in {@link SEND_WINDOW_MS}); `undefined` when sending is allowed.
   */
  sendRetryAfterSeconds(): number | undefined {
    const now = this.now();
    this.sends = this.sends.filter((at) => at > now - SEND_WINDOW_MS);
    if (this.sends.length < MAX_SENDS_PER_WINDOW) return undefined;
    return Math.max(1, Math.ceil((this.sends[0] + SEND_WINDOW_MS - now) / 1000));
  }

  /** Creates a verification and "sends" its code to the inbox. */
  createVerification(init: {
    kind: MockVerificationKind;
    destination: string;
    method?: 'email_code' | 'phone_code';
    reauthorized?: boolean;
  }): MockVerification {
    const verification: MockVerification = {
      id: `ver_${randomToken(12)}`,
      kind: init.kind,
      method: init.method,
      destination: init.destination,
      code: '',
      expiresAt: 0,
      resendAvailableAt: 0,
      attempts: 0,
      reauthorized: init.reauthorized ?? false,
    };
    this.verifications.set(verification.id, verification);
    this.sendCode(verification);
    return verification;
  }

  /** (Re)sends a fresh code: new code, new expiry, wrong attempts forgotten, resend available again in 30 s. */
  sendCode(verification: MockVerification): void {
    const now = this.now();
    verification.code = randomCode();
    verification.expiresAt = now + CODE_TTL_MS;
    verification.attempts = 0;
    verification.resendAvailableAt = now + RESEND_AFTER_MS;
    this.sends.push(now);
    const isEmail = verification.kind === 'email' || verification.method === 'email_code';
    const purpose: MockCodePurpose = verification.kind === 'email' ? 'email_change' : verification.kind === 'phone' ? 'phone_change' : 'reauth';
    this.inbox.add({
      channel: isEmail ? 'email' : 'sms',
      to: verification.destination,
      code: verification.code,
      purpose,
      verificationId: verification.id,
      sentAt: new Date(now).toISOString(),
    });
  }

  /** The contract's view of a verification (masked destination). */
  toVerification(verification: MockVerification): Verification {
    const isEmail = verification.kind === 'email' || verification.method === 'email_code';
    return {
      verificationId: verification.id,
      destination: isEmail ? maskEmail(verification.destination) : maskPhone(verification.destination),
      expiresAt: new Date(verification.expiresAt).toISOString(),
      resendAvailableAt: new Date(verification.resendAvailableAt).toISOString(),
    };
  }

  /** Makes a verification expire now (tests). */
  expireVerification(id: string): void {
    const verification = this.verifications.get(id);
    if (verification) verification.expiresAt = this.now() - 1;
    this.changed();
  }

  // ——— re-verification tokens ———

  issueReauthToken(): { reauthToken: string; expiresAt: string } {
    const token = `rt_${randomToken(24)}`;
    const expiresAt = this.now() + REAUTH_TOKEN_TTL_MS;
    this.reauthTokens.set(token, expiresAt);
    return { reauthToken: token, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Whether `token` was issued and is younger than 5 minutes (any number of uses). */
  isReauthTokenValid(token: string | null | undefined): boolean {
    if (!token) return false;
    const expiresAt = this.reauthTokens.get(token);
    return expiresAt !== undefined && expiresAt > this.now();
  }

  // ——— TikTok link sessions (tiktok.ts) ———

  createLinkSession(init: { mode: LinkMode; returnUrl: string; authorizePageUrl: string }): MockLinkSession {
    return createLinkSession(this, init);
  }

  /** Applies the authorize page's decision to a pending link session (see tiktok.ts). */
  decideLinkSession(state: string, decision: TiktokDecision): MockLinkSession | undefined {
    return decideLinkSession(this, state, decision);
  }

  /** Applies decisions the authorize page left in localStorage, and expires old sessions (see tiktok.ts). */
  syncLinkDecisions(storage?: Storage): void {
    syncLinkDecisions(this, storage);
  }

  // ——— request log ———

  /** Requests received for one route (or every request), oldest first. */
  requestsTo(route?: RouteName): MockRequestRecord[] {
    return route ? this.requests.filter((record) => record.route === route) : [...this.requests];
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  // ——— persistence ———

  /** Runs `change` without persisting or notifying each step; the caller calls `changed()` once. */
  #quietly(change: () => void): void {
    this.#restoring = true;
    try {
      change();
    } finally {
      this.#restoring = false;
    }
  }

  #load(): boolean {
    const snapshot = this.#persist && loadSnapshot(this.#persist);
    if (!snapshot) return false;
    this.#quietly(() => {
      this.profile = snapshot.profile;
      this.password = snapshot.password;
      for (const verification of snapshot.verifications) this.verifications.set(verification.id, verification);
      for (const [token, expiresAt] of snapshot.reauthTokens) this.reauthTokens.set(token, expiresAt);
      for (const session of snapshot.linkSessions) this.linkSessions.set(session.state, session);
      this.inbox.replace(snapshot.inbox);
      this.scenarios.reset(snapshot.scenarios);
      this.sends = snapshot.sends;
      this.clockOffsetMs = snapshot.clockOffsetMs;
    });
    return true;
  }
}
