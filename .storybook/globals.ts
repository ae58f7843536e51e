import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';

/** The panel's public events, shown in the Actions panel with their detail. */
export const uspEvents = ['usp-changed', 'usp-failed', 'usp-session-expired', 'usp-close-requested', 'usp-unlink-requested'] as const;

const log = Object.fromEntries(uspEvents.map((name) => [name, action(name)]));
const onEvent = (event: Event) => log[event.type]?.((event as CustomEvent).detail ?? event);

/**
 * The toolbar's globals, for every story: `host` and `locale` (unless "story") replace the
 * story's args; `theme` pins light or dark (`--usp-color-scheme`) or follows the system. The
 * page takes the same colour scheme so the frames around the elements (`Canvas`) match.
 * Every `usp-*` event that reaches the story's root (they bubble and are composed) is logged.
 */
export const withGlobals: Decorator = (story, context) => {
  const { host, locale, theme } = context.globals as Record<string, string | undefined>;
  const args = { ...context.args };
  if (host && host !== 'story' && 'host' in args) args.host = host;
  if (locale && locale !== 'story' && 'locale' in args) args.locale = locale;
  if (theme === 'light' || theme === 'dark') args.theme = theme;
  const scheme = theme === 'light' || theme === 'dark' ? theme : 'light dark';
  document.documentElement.style.colorScheme = scheme;
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  return html`<div style=${theme === 'light' || theme === 'dark' ? `--usp-color-scheme: ${theme}` : ''}
    @usp-changed=${onEvent} @usp-failed=${onEvent} @usp-session-expired=${onEvent}
    @usp-close-requested=${onEvent} @usp-unlink-requested=${onEvent}>${story({ ...context, args })}</div>`;
};
