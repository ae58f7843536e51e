/**
 * The mock backend's dev-only inbox: every "code" the mock sends by email or SMS lands here,
 * unmasked, so the demo can show it and tests can read it.
 *
 * @example
 * ```ts
 * const { inbox } = await startMockBackend();
 * const stop = inbox.subscribe((entries) => render(entries));
 * await backend.startEmailVerification({ email: 'new@example.com' });
 * inbox.latestCode({ to: 'new@example.com' }); // "493021"
 * ```
 */

/** Why a code was sent. */
export type MockCodePurpose = 'email_change' | 'phone_change' | 'reauth';

export interface MockInboxEntry {
  /** Unique id of this message. */
  id: string;
  channel: 'email' | 'sms';
  /** The real, unmasked destination (email address or E.164 number). */
  to: string;
  /** The 6-digit code. */
  code: string;
  purpose: MockCodePurpose;
  /** The verification the code belongs to. */
  verificationId: string;
  /** ISO timestamp (mock clock). */
  sentAt: string;
}

/** Filters for {@link MockInbox.latest}; every given field must match. */
export interface MockInboxFilter {
  channel?: 'email' | 'sms';
  to?: string;
  purpose?: MockCodePurpose;
  verificationId?: string;
}

export type MockInboxListener = (entries: readonly MockInboxEntry[]) => void;

let sequence = 0;

export class MockInbox {
  #entries: MockInboxEntry[] = [];
  readonly #listeners = new Set<MockInboxListener>();

  /** Every message, oldest first. */
  get entries(): readonly MockInboxEntry[] {
    return this.#entries;
  }

  /** Adds a message and notifies listeners. Returns the stored entry. */
  add(entry: Omit<MockInboxEntry, 'id'> & { id?: string }): MockInboxEntry {
    const stored: MockInboxEntry = { ...entry, id: entry.id ?? `msg_${Date.now().toString(36)}_${++sequence}` };
    this.#entries = [...this.#entries, stored];
    this.#emit();
    return stored;
  }

  /** The newest message matching `filter` (every message when omitted). */
  latest(filter: MockInboxFilter = {}): MockInboxEntry | undefined {
    for (let i = this.#entries.length - 1; i >= 0; i--) {
      const entry = this.#entries[i];
      if (matches(entry, filter)) return entry;
    }
    return undefined;
  }

  /** The code of the newest message matching `filter`; throws when there is none (a test helper). */
  latestCode(filter: MockInboxFilter = {}): string {
    const entry = this.latest(filter);
    if (!entry) throw new Error(`Mock inbox: no code matching ${JSON.stringify(filter)}`);
    return entry.code;
  }

  /** Calls `listener` on every change (not immediately); returns a function that unsubscribes. */
  subscribe(listener: MockInboxListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  clear(): void {
    this.replace([]);
  }

  /** Replaces every entry (used when restoring persisted state). */
  replace(entries: readonly MockInboxEntry[]): void {
    this.#entries = [...entries];
    this.#emit();
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener(this.#entries);
  }
}

function matches(entry: MockInboxEntry, filter: MockInboxFilter): boolean {
  return (filter.channel === undefined || entry.channel === filter.channel) &&
    (filter.to === undefined || entry.to.toLowerCase() === filter.to.toLowerCase()) &&
    (filter.purpose === undefined || entry.purpose === filter.purpose) &&
    (filter.verificationId === undefined || entry.verificationId === filter.verificationId);
}
