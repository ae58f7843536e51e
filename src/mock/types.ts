/** The plain-data shapes of the mock backend's state. */
import type { RouteName } from '../api/routes.js';
import type { LinkMode, LinkStatus } from '../api/schemas.js';

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
