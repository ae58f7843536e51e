import type { CountryCode } from './phone-metadata.js';

/** A country the picker offers. `main`: the country a shared dialling code belongs to first (+44: United Kingdom, not Guernsey). */
export interface Country { id: CountryCode; name: string; code: string; key: string; main: boolean }

/** Lower case without accents, so "é" finds "e" (`key` of a country, and the search text). */
export const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

let cache: [string, Country[]] | undefined;

/**
 * Every country with its name in `locale` (`Intl.DisplayNames`) and dialling code, sorted by name;
 * the same array while the locale stays the same. `lib`: the lazily loaded phone-number library.
 */
export function countryList(lib: typeof import('./phone-metadata.js'), locale: string): Country[] {
  if (cache?.[0] === locale) return cache[1];
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const list = lib.getCountries().map((id) => {
    const name = names.of(id) ?? id;
    const code = lib.getCountryCallingCode(id);
    return { id, name, code, key: fold(name), main: lib.metadata.country_calling_codes[code][0] === id };
  }).sort((a, b) => a.name.localeCompare(b.name, locale));
  cache = [locale, list];
  return list;
}
