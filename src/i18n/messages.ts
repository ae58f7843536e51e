import { en } from './en/index.js';

/** Every user-visible string, by key. Templates use `{name}` placeholders. */
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export { en };

/**
 * Catalogs other than English are registered by importing their module
 * (`user-settings-panel/locales/fr`), as Web Awesome does with its translations: a host pays
 * only for the languages it ships.
 */
interface Registry { catalogs: Map<string, Messages>; events: EventTarget }
// On the global object, so a locale module built apart from the bundle (or a second copy of
// the library) registers into the same place.
const registry: Registry = ((globalThis as Record<symbol, Registry>)[Symbol.for('user-settings-panel.messages')] ??=
  { catalogs: new Map(), events: new EventTarget() });
const { catalogs, events: registered } = registry;

/** Adds (or replaces) the catalog of a language or locale (`fr`, `pt-BR`); panels using it re-render. */
export function registerMessages(locale: string, messages: Messages): void {
  catalogs.set(locale.toLowerCase(), messages);
  registered.dispatchEvent(new Event('change'));
}

/** Calls `listener` whenever a catalog is registered; returns the unsubscribe function. */
export function onMessagesRegistered(listener: () => void): () => void {
  registered.addEventListener('change', listener);
  return () => registered.removeEventListener('change', listener);
}

/** Languages written right to left (by primary subtag). */
const rtl = new Set(['ar', 'he', 'fa', 'ur']);

export const languageOf = (locale: string) => locale.toLowerCase().split('-')[0];
export const isRtl = (locale: string) => rtl.has(languageOf(locale));

/** The catalog for a BCP 47 locale (exact, then language, then English), with host overrides on top. */
export function resolveMessages(locale: string, overrides?: Partial<Messages>): Messages {
  const base = catalogs.get(locale.toLowerCase()) ?? catalogs.get(languageOf(locale)) ?? en;
  return overrides ? { ...base, ...overrides } : base;
}

/** Locales with a registered catalog. */
export const registeredLocales = () => ['en', ...catalogs.keys()];

/**
 * Fills `{name}` placeholders from `values`' own properties; any other placeholder stays as written
 * (`{constructor}` is not read from the prototype).
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
}
