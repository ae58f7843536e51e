/** The mock's state in sessionStorage (opt-in), so it survives the full-page TikTok redirect. */
import type { Profile } from '../api/schemas.js';
import type { MockInboxEntry } from './inbox.js';
import type { MockScenarioFlags } from './scenarios.js';
import type { MockBackendState } from './state.js';
import type { MockLinkSession, MockVerification } from './types.js';

export interface Snapshot {
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

interface Place {
  key: string;
  storage: Storage;
}

export function saveSnapshot(state: MockBackendState, { key, storage }: Place): void {
  const snapshot: Snapshot = {
    v: 1,
    profile: state.profile,
    password: state.password,
    verifications: [...state.verifications.values()],
    reauthTokens: [...state.reauthTokens.entries()],
    linkSessions: [...state.linkSessions.values()],
    inbox: [...state.inbox.entries],
    scenarios: state.scenarios.flags,
    sends: state.sends,
    clockOffsetMs: state.clockOffsetMs,
  };
  try {
    storage.setItem(key, JSON.stringify(snapshot));
  } catch {
    // Storage full or blocked: the mock keeps working in memory.
  }
}

/** The saved snapshot, or undefined when there is none or it is not this version's. */
export function loadSnapshot({ key, storage }: Place): Snapshot | undefined {
  try {
    const text = storage.getItem(key);
    const snapshot = text ? (JSON.parse(text) as Snapshot) : undefined;
    return snapshot?.v === 1 && snapshot.profile ? snapshot : undefined;
  } catch {
    return undefined;
  }
}
