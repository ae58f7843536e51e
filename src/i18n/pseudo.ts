import { en, registerMessages, type Messages } from './messages.js';

/**
 * Pseudo-locales, generated from the English catalog (never hand-written), to find what a
 * translation would break before there is one:
 * - `en-XA` ("accented"): every letter accented, each message bracketed and about 40 % longer,
 *   so an untranslated string (plain ASCII) and clipped or concatenated text stand out;
 * - `ar-XB` (right-to-left pseudo): each message's text forced to display right to left
 *   (U+202E … U+202C) in a right-to-left panel, so mirroring and isolation bugs show with
 *   English words.
 * `{placeholders}` are kept as they are, so values still land where `format()` puts them.
 */
export const pseudoLocales = ['en-XA', 'ar-XB'] as const;
export type PseudoLocale = (typeof pseudoLocales)[number];

const plain = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const accented = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const toAccented = new Map([...plain].map((c, i) => [c, [...accented][i]]));
const fromAccented = new Map([...accented].map((c, i) => [c, plain[i]]));

/** Starts the padding of an `en-XA` message (invisible), so `unpseudo()` can take it off. */
const PAD = '\u2060';
/** Words that lengthen an `en-XA` message; accented differently from `toAccented`'s output. */
const filler = ['ōñē', 'ţŵō', 'ţĥŗēē', 'ƒōūŗ', 'ƒīṿē', 'šīẍ', 'šēṿēñ', 'ēīĝĥţ', 'ñīñē', 'ţēñ'];
const RLO = '\u202e';
const PDF = '\u202c';

/** Splits a template into its text and its `{placeholders}`, which stay untouched. */
const pieces = (template: string) => template.split(/(\{\w+\})/);
const isPlaceholder = (piece: string) => /^\{\w+\}$/.test(piece);

/** About 40 % more characters, in whole filler words. */
function padding(length: number): string {
  const words: string[] = [];
  for (let added = 0, i = 0; added < Math.ceil(length * 0.4); i++) {
    const word = filler[i % filler.length];
    words.push(word);
    added += word.length + 1;
  }
  return words.join(' ');
}

/** One message in a pseudo-locale. */
export function pseudoLocalize(template: string, locale: PseudoLocale): string {
  if (locale === 'ar-XB') {
    return pieces(template).map((p) => (isPlaceholder(p) || !p ? p : `${RLO}${p}${PDF}`)).join('');
  }
  const text = pieces(template).map((p) => (isPlaceholder(p) ? p : [...p].map((c) => toAccented.get(c) ?? c).join(''))).join('');
  return `[${text}${PAD} ${padding(template.length)}]`;
}

/** The English a pseudo-localized text came from (for tests and stories that look for English labels). */
export function unpseudo(text: string): string {
  const unpadded = text.replace(new RegExp(`${PAD}[^\\]]*\\]`, 'g'), '').replace(/^\[/, '');
  return [...unpadded.replaceAll(RLO, '').replaceAll(PDF, '')].map((c) => fromAccented.get(c) ?? c).join('');
}

/** A whole catalog in a pseudo-locale, from English. */
export function pseudoMessages(locale: PseudoLocale, source: Messages = en): Messages {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, pseudoLocalize(value, locale)])) as Messages;
}

/** Registers `en-XA` and `ar-XB` (the demo and Storybook do; they are not shipped as locales). */
export function registerPseudoLocales(): void {
  for (const locale of pseudoLocales) registerMessages(locale, pseudoMessages(locale));
}
