import type { Profile } from '../api/schemas.js';
import type { UserSettingsError } from '../api/errors.js';

/** What changed, in `usp-changed` / `usp-failed`. */
export type Capability =
  | 'password' | 'email' | 'phone' | 'phone-removal'
  | 'tiktok-link' | 'tiktok-unlink' | 'tiktok-business-upgrade' | 'profile' | 'reauth';

const init = { bubbles: true, composed: true } as const;

/** A change succeeded; `detail.profile` is the profile after it. */
export class UserSettingsChangedEvent extends CustomEvent<{ capability: Capability; profile: Profile }> {
  static readonly type = 'usp-changed';
  constructor(capability: Capability, profile: Profile) {
    super(UserSettingsChangedEvent.type, { ...init, detail: { capability, profile } });
  }
}

/** A request failed (never carries a secret: only the code and the plain message). */
export class UserSettingsFailedEvent extends CustomEvent<{ capability: Capability; code: string; kind: string; message: string }> {
  static readonly type = 'usp-failed';
  constructor(capability: Capability, error: UserSettingsError, message: string) {
    super(UserSettingsFailedEvent.type, { ...init, detail: { capability, code: error.code, kind: error.kind, message } });
  }
}

/** The backend answered 401: the host should send the user to sign in. */
export class UserSettingsSessionExpiredEvent extends Event {
  static readonly type = 'usp-session-expired';
  constructor() {
    super(UserSettingsSessionExpiredEvent.type, init);
  }
}

/** The panel asks its host to close it (the drop-down host). */
export class UserSettingsCloseRequestedEvent extends Event {
  static readonly type = 'usp-close-requested';
  constructor() {
    super(UserSettingsCloseRequestedEvent.type, init);
  }
}

/** Fired before unlinking TikTok; `preventDefault()` vetoes it. */
export class UserSettingsUnlinkRequestedEvent extends CustomEvent<{ account: NonNullable<Profile['tiktok']['account']> }> {
  static readonly type = 'usp-unlink-requested';
  constructor(account: NonNullable<Profile['tiktok']['account']>) {
    super(UserSettingsUnlinkRequestedEvent.type, { ...init, cancelable: true, detail: { account } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'usp-changed': UserSettingsChangedEvent;
    'usp-failed': UserSettingsFailedEvent;
    'usp-session-expired': UserSettingsSessionExpiredEvent;
    'usp-close-requested': UserSettingsCloseRequestedEvent;
    'usp-unlink-requested': UserSettingsUnlinkRequestedEvent;
  }
}
