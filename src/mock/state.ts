/**
 * The state of the mock backend: one signed-in user, their current password, pending verifications,
 * issued re-verification tokens, TikTok link sessions, the dev inbox, the scenario flags and a log
 * of every request received. The HTTP behaviour lives in `handlers.ts`; this class is plain data
 * plus the rules that several routes share.
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
import type { LinkMode, LinkStatus, Profile, ReauthMethod, TiktokAccount, Verification } from '../api/schemas.js';
import { IdempotencyStore } from './idempotency.js';
import { MockInbox, type MockCodePurpose, type MockInboxEntry } from './inbox.js';
import { MockScenarios, type MockScenarioFlags } from './scenarios.js';

/** The password of every preset that has one. */
export const MOCK_PASSWORD = 'Correct-Horse-9';
/** The avatar of a TikTok account linked through the mock (https, never a `data:` URL). */
export const MOCK_TIKTOK_AVATAR_URL = 'https://p16-sign.tiktokcdn-us.example/avatar.png';
/** localStorage key prefix the mock authorize page writes its decision under (`<prefix><state>`). */
export const TIKTOK_DECISION_KEY_PREFIX = 'usp-mock:tiktok-decision:';
/** sessionStorage key of the persisted state. */
export const MOCK_STATE_STORAGE_KEY = 'usp-mock:state';

/** How long a code is valid. */
export const CODE_TTL_MS = 10 * 60_000;
/** How long before a code may be sent again. */
export const RESEND_AFTER_MS = 30_000;
/** How long a re-verification token is valid (for any number of calls). */
export const REAUTH_TOKEN_TTL_MS = 5 * 60_000;
/** How long a TikTok link session stays open. */
export const LINK_SESSION_TTL_MS = 10 * 60_000;
/** Codes sent within {@link SEND_WINDOW_MS} before `rate_limited`. */
export const MAX_SENDS_PER_WINDOW = 5;
export const SEND_WINDOW_MS = 60_000;
/** Wrong codes for one verification; the last one answers `too_many_attempts`. */
export const MAX_CODE_ATTEMPTS = 5;

const AT = '2025-01-12T10:00:00.000Z';
const LINKED_AT = '2025-02-01T12:00:00.000Z';

const personalAccount: TiktokAccount = {
  openId: 'tt_open_7f3a9c21',
  username: 'jordan.creates',
  displayName: 'Jordan Creates',
  avatarUrl: MOCK_TIKTOK_AVATAR_URL,
  isBusinessAccount: false,
  linkedAt: LINKED_AT,
};

const base: Profile = {
  userId: 'u_1001',
  displayName: 'Jordan Rivera',
  email: { address: 'jordan.rivera@example.com', verified: true },
  phone: null,
  password: { isSet: true, updatedAt: AT },
  passwordPolicy: { minLength: 8, maxLength: 128 },
  tiktok: { linkingAvailable: true, account: null, businessUpgradeAvailable: false },
  adAccountSettingsUrl: 'https://ads.example.com/account/settings',
};

const noPassword = { isSet: false, updatedAt: null };
const phone = { number: '+14155554567', verified: true };

/** Named starting points. Each is a complete `Profile`; the password of each is {@link MOCK_PASSWORD}. */
export const presets = {
  /** Email verified, no phone, password set, TikTok linking available, not linked. */
  default: base,
  /** Signed up with TikTok (phone verified at sign-up): no password, no email, a personal account that can upgrade. */
  tiktokSignup: {
    ...base,
    email: null,
    phone,
    password: noPassword,
    tiktok: { linkingAvailable: true, account: personalAccount, businessUpgradeAvailable: true },
  },
  /** TikTok is the only way to sign in: no password, email or phone (unlink answers `last_login_method`). */
  tiktokOnly: {
    ...base,
    email: null,
    password: noPassword,
    tiktok: { linkingAvailable: true, account: personalAccount, businessUpgradeAvailable: true },
  },
  /** Only a phone: no password, no email, TikTok not linked (removing the phone answers `last_login_method`). */
  phoneOnly: { ...base, email: null, phone, password: noPassword },
  /** Default plus a linked personal TikTok account that can upgrade to Business. */
  linkedPersonal: {
    ...base,
    tiktok: { linkingAvailable: true, account: personalAccount, businessUpgradeAvailable: true },
  },
  /** Default plus a linked TikTok Business Account. */
  linkedBusiness: {
    ...base,
    tiktok: { linkingAvailable: true, account: { ...personalAccount, isBusinessAccount: true }, businessUpgradeAvailable: false },
  },
  /** Default, but the TikTok linking feature is not available to this user. */
  linkingUnavailable: { ...base, tiktok: { ...base.tiktok, linkingAvailable: false } },
} as const satisfies Record<string, Profile>;

export type MockPresetName = keyof typeof presets;
export const presetNames = Object.keys(presets) as MockPresetName[];

export type MockVerificationKind = 'email' | 'phone' | 'reauth';

export interface MockVerification {
  id: string;
  kind: MockVerificationKind;
  /** For `reauth`: which method the code proves. */
  method?: 'email_code' | 'phone_code';
  /** Unmasked email address or E.164 number. */
  destination: string;
  code: string;
  /** Epoch ms (mock clock). */
  expiresAt: number;
  resendAvailableAt: number;
  /** Wrong codes so far. */
  attempts: number;
  /** Started with a valid re-verification token: confirming and resending need none. */
  reauthorized: boolean;
}

export interface MockLinkSession {
  state: string;
  status: LinkStatus;
  error?: string;
  mode: LinkMode;
  returnUrl: string;
  authorizeUrl: string;
  expiresAt: number;
}

/** What the mock authorize page (or a test) decides. */
export type TiktokDecision = 'approve' | 'cancel' | 'fail' | 'account_in_use';

/** One request as the mock received it. */
export interface MockRequestRecord {
  /** 1, 2, 3… since the last reset. */
  seq: number;
  method: string;
  /** Path relative to `apiBase`, e.g. `/email/verifications`. */
  path: string;
  url: string;
  /** The route it matched. */
  route: RouteName;
  /** Parsed JSON body (`undefined` when there is none, the raw text when it is not JSON). */
  body: unknown;
  /** Every request header, lower-case names. */
  headers: Record<string, string>;
  /** Shortcut for `headers['x-reauth-token']`. */
  reauthToken?: string;
  /** The answer was replayed for a repeated `Idempotency-Key` (the route did not run again). */
  replayed?: boolean;
  /** Status answered (0 for a network error); set once the answer is known. */
  status?: number;
}

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

interface Snapshot {
  v: 1;
  profile: Profile;
  password: string;
  verifications: MockVerification[];
  reauthTokens: [string, number][];
  linkSessions: MockLinkSession[];
  inbox: MockInboxEntry[];
  scenarios: MockScenarioFlags;
  sends: number[];
  clockOffsetMs: number;
}

export class MockBackendState {
  /** The stored profile (what `GET /me` answers, before scenario overlays). */
  profile: Profile = clone(base);
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
   * verifications, tokens, link sessions, the inbox, the request log, the scenarios and the clock.
   */
  reset(preset: MockPresetName = 'default', profile: Partial<Profile> = {}, password: string = MOCK_PASSWORD): void {
    this.#restoring = true;
    try {
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
    } finally {
      this.#restoring = false;
    }
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
    this.#save();
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

  /** (Re)sends a fresh code: new code, new expiry, resend available again in 30 s. */
  sendCode(verification: MockVerification): void {
    const now = this.now();
    verification.code = randomCode();
    verification.expiresAt = now + CODE_TTL_MS;
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

  // ——— TikTok link sessions ———

  createLinkSession(init: { mode: LinkMode; returnUrl: string; authorizePageUrl: string }): MockLinkSession {
    const state = `lnk_${randomToken(16)}`;
    const url = new URL(init.authorizePageUrl);
    url.searchParams.set('state', state);
    url.searchParams.set('mode', init.mode);
    url.searchParams.set('returnUrl', init.returnUrl);
    const session: MockLinkSession = {
      state,
      status: 'pending',
      mode: init.mode,
      returnUrl: init.returnUrl,
      authorizeUrl: url.href,
      expiresAt: this.now() + LINK_SESSION_TTL_MS,
    };
    this.linkSessions.set(state, session);
    this.changed();
    return session;
  }

  /**
   * Applies a decision to a pending link session, as the authorize page would:
   * `approve` → `linked` and the profile gets a personal TikTok account; `cancel` → `cancelled`;
   * `fail` → `failed` / `access_denied`; `account_in_use` → `failed` / `tiktok_account_in_use`.
   * A session that is already final is left alone. Returns the session (undefined when unknown).
   */
  decideLinkSession(state: string, decision: TiktokDecision): MockLinkSession | undefined {
    const session = this.linkSessions.get(state);
    if (!session || session.status !== 'pending') return session;
    switch (decision) {
      case 'approve':
        session.status = 'linked';
        this.profile.tiktok = {
          ...this.profile.tiktok,
          account: {
            openId: `tt_open_${state.slice(-8)}`,
            username: 'mock.creator',
            displayName: 'Mock Creator',
            avatarUrl: MOCK_TIKTOK_AVATAR_URL,
            isBusinessAccount: false,
            linkedAt: this.nowIso(),
          },
          businessUpgradeAvailable: true,
        };
        break;
      case 'cancel':
        session.status = 'cancelled';
        break;
      case 'fail':
        session.status = 'failed';
        session.error = 'access_denied';
        break;
      case 'account_in_use':
        session.status = 'failed';
        session.error = 'tiktok_account_in_use';
        break;
    }
    this.changed();
    return session;
  }

  /**
   * Applies decisions the authorize page left in localStorage for pending sessions, and expires
   * pending sessions past their time. The handlers call this before every request, so a `GET /me`
   * right after the page's message already shows the linked account.
   */
  syncLinkDecisions(storage: Storage | undefined = typeof localStorage === 'undefined' ? undefined : localStorage): void {
    for (const session of this.linkSessions.values()) {
      if (session.status !== 'pending') continue;
      const key = TIKTOK_DECISION_KEY_PREFIX + session.state;
      let decision: string | null = null;
      try {
        decision = storage?.getItem(key) ?? null;
        if (decision !== null) storage?.removeItem(key);
      } catch {
        decision = null;
      }
      if (decision === 'approve' || decision === 'cancel' || decision === 'fail' || decision === 'account_in_use') {
        this.decideLinkSession(session.state, decision);
      } else if (session.expiresAt <= this.now()) {
        session.status = 'failed';
        session.error = 'expired';
        this.changed();
      }
    }
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

  #save(): void {
    if (!this.#persist) return;
    const snapshot: Snapshot = {
      v: 1,
      profile: this.profile,
      password: this.password,
      verifications: [...this.verifications.values()],
      reauthTokens: [...this.reauthTokens.entries()],
      linkSessions: [...this.linkSessions.values()],
      inbox: [...this.inbox.entries],
      scenarios: this.scenarios.flags,
      sends: this.sends,
      clockOffsetMs: this.clockOffsetMs,
    };
    try {
      this.#persist.storage.setItem(this.#persist.key, JSON.stringify(snapshot));
    } catch {
      // Storage full or blocked: the mock keeps working in memory.
    }
  }

  #load(): boolean {
    if (!this.#persist) return false;
    let snapshot: Snapshot;
    try {
      const text = this.#persist.storage.getItem(this.#persist.key);
      if (!text) return false;
      snapshot = JSON.parse(text) as Snapshot;
      if (snapshot?.v !== 1 || !snapshot.profile) return false;
    } catch {
      return false;
    }
    this.#restoring = true;
    try {
      this.profile = snapshot.profile;
      this.password = snapshot.password;
      for (const verification of snapshot.verifications) this.verifications.set(verification.id, verification);
      for (const [token, expiresAt] of snapshot.reauthTokens) this.reauthTokens.set(token, expiresAt);
      for (const session of snapshot.linkSessions) this.linkSessions.set(session.state, session);
      this.inbox.replace(snapshot.inbox);
      this.scenarios.reset(snapshot.scenarios);
      this.sends = snapshot.sends;
      this.clockOffsetMs = snapshot.clockOffsetMs;
    } finally {
      this.#restoring = false;
    }
    return true;
  }
}

// ——— helpers ———

/** "jordan@example.com" → "j•••@example.com". */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${[...address.slice(0, at)][0]}•••${address.slice(at)}`;
}

// Calling codes with one or two digits; any other code is taken to have three.
const ONE_DIGIT_CODES = new Set(['1', '7']);
const TWO_DIGIT_CODES = new Set(('20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 ' +
  '60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98').split(' '));

/** "+14155554567" → "+1 ••• ••• 4567". */
export function maskPhone(number: string): string {
  const digits = number.replace(/\D/g, '');
  const code = ONE_DIGIT_CODES.has(digits.slice(0, 1)) ? digits.slice(0, 1)
    : TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? digits.slice(0, 2) : digits.slice(0, 3);
  return `+${code} ••• ••• ${digits.slice(-4)}`;
}

/** Six random digits, never the `000000` trigger. */
function randomCode(): string {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  const code = String(value % 1_000_000).padStart(6, '0');
  return code === '000000' ? '100000' : code;
}

function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((byte) => (byte % 36).toString(36)).join('');
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
