/** The event log: every `usp-*` event a panel fires, with its detail (summarized; never a secret). */
import { html, render } from 'lit';
import type { Profile } from '../src/index.js';
import { settings } from './settings.js';

export const panelEvents = ['usp-changed', 'usp-failed', 'usp-session-expired', 'usp-close-requested', 'usp-unlink-requested'] as const;

interface LogEntry { id: number; at: Date; type: string; host: string; detail?: string }

const MAX_ENTRIES = 100;

function profileSummary(profile: Profile) {
  const account = profile.tiktok.account;
  return {
    email: profile.email ? `${profile.email.address}${profile.email.verified ? '' : ' (unverified)'}` : null,
    phone: profile.phone?.number ?? null,
    passwordSet: profile.password.isSet,
    tiktok: account ? `@${account.username}${account.isBusinessAccount ? ' (business)' : ''}` : profile.tiktok.linkingAvailable ? 'not linked' : 'linking unavailable',
  };
}

/** Keys whose string values are secrets; `code` only when it looks like a one-time code (error codes stay). */
const secretKey = /password|token|secret|otp/i;
const isSecret = (key: string, value: unknown) =>
  typeof value === 'string' && (secretKey.test(key) || (key === 'code' && /^\d{4,8}$/.test(value)));

function describe(event: Event): string | undefined {
  const detail: unknown = (event as CustomEvent).detail;
  if (detail === undefined || detail === null) return undefined;
  let shown = detail;
  if (typeof detail === 'object') {
    const { profile, account, ...rest } = detail as { profile?: Profile; account?: NonNullable<Profile['tiktok']['account']> };
    shown = {
      ...rest,
      ...(profile ? { profile: profileSummary(profile) } : {}),
      ...(account ? { account: { username: account.username, displayName: account.displayName, isBusinessAccount: account.isBusinessAccount } } : {}),
    };
  }
  return JSON.stringify(shown, (key, value: unknown) => (isSecret(key, value) ? '[redacted]' : value), 2);
}

/** Listens for the panels' events on `document` (they bubble and are composed) and lists them in `container`. */
export function setupEventLog(container: HTMLElement, clearButton: HTMLButtonElement): void {
  let entries: LogEntry[] = [];
  let sequence = 0;
  const update = () => render(
    entries.length
      ? html`<ol class="log-list" role="log" aria-label="Panel events">
          ${entries.map((entry) => html`<li class="log-item">
            <time datetime=${entry.at.toISOString()}>${entry.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}</time>
            <code class="log-item__type" data-type=${entry.type}>${entry.type}</code>
            <span class="log-item__host">${entry.host}</span>
            ${entry.detail ? html`<pre>${entry.detail}</pre>` : null}
          </li>`)}
        </ol>`
      : html`<p class="empty">No events yet. Change something in a panel.</p>`,
    container,
  );
  for (const type of panelEvents) {
    document.addEventListener(type, (event) => {
      const panel = event.composedPath().find((node): node is Element => node instanceof Element && node.localName === 'user-settings-panel');
      let detail = describe(event);
      if (type === 'usp-unlink-requested' && settings.vetoUnlink) {
        event.preventDefault();
        detail = `${detail ?? ''}\n→ vetoed by the host (preventDefault)`;
      }
      entries = [{ id: ++sequence, at: new Date(), type, host: panel?.getAttribute('host') ?? 'element', detail }, ...entries].slice(0, MAX_ENTRIES);
      update();
    });
  }
  clearButton.addEventListener('click', () => {
    entries = [];
    update();
  });
  update();
}
