/** The dev-only inbox: every code the mock backend "sent", newest first, live; and a toast for each new one. */
import { html, render } from 'lit';
import type { MockInbox, MockInboxEntry } from '../src/mock/index.js';

const purposes: Record<MockInboxEntry['purpose'], string> = {
  email_change: 'new email address',
  phone_change: 'new phone number',
  reauth: 'confirm it is you',
};

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function view(entries: readonly MockInboxEntry[]) {
  if (!entries.length) return html`<p class="empty">No codes sent yet. Change the email or phone, or trigger a re-verification.</p>`;
  return html`<ol class="inbox-list">
    ${[...entries].reverse().map((entry) => html`
      <li class="inbox-item">
        <span class="inbox-item__channel">${entry.channel === 'sms' ? 'SMS' : 'Email'}</span>
        <span class="inbox-item__to">${entry.to}
          <span class="inbox-item__meta">${purposes[entry.purpose] ?? entry.purpose} · <time datetime=${entry.sentAt}>${time(entry.sentAt)}</time></span>
        </span>
        <code class="inbox-item__code">${entry.code}</code>
      </li>`)}
  </ol>`;
}

/** Renders `inbox` into `container` now and on every change; new codes also show in `toast` for a few seconds. */
export function setupInbox(inbox: MockInbox, container: HTMLElement, toast: HTMLElement): void {
  let seen = new Set(inbox.entries.map((entry) => entry.id));
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const update = (entries: readonly MockInboxEntry[]) => {
    render(view(entries), container);
    const fresh = entries.filter((entry) => !seen.has(entry.id)).at(-1);
    seen = new Set(entries.map((entry) => entry.id));
    if (!fresh) return;
    render(html`Dev inbox: <strong>${fresh.code}</strong> sent by ${fresh.channel === 'sms' ? 'SMS' : 'email'} to ${fresh.to}`, toast);
    toast.classList.add('is-shown');
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => toast.classList.remove('is-shown'), 8000);
  };
  update(inbox.entries);
  inbox.subscribe(update);
}
