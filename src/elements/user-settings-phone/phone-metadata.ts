/**
 * The phone editor's door to the phone-number library: `libphonenumber-js/core` reading the
 * metadata of `phone-zones.ts`, imported only lazily (when the phone editor opens) so it stays in
 * its own chunk, apart from the panel's size budget. The numbering plans load per world zone:
 * `await load(country, number)` before asking about a country or a +number; until then a
 * country whose plans are missing is treated as unknown (no formatting, no verdict).
 */
import {
  AsYouType as CoreAsYouType,
  parsePhoneNumberFromString as coreParse,
  validatePhoneNumberLength as coreValidateLength,
  type CountryCode,
} from 'libphonenumber-js/core';
import { callingCodes, isLoaded, metadata } from './phone-zones.js';

export { isLoaded, load, metadata } from './phone-zones.js';
export type { CountryCode };

/** A country the functions below can use now: known and its plans loaded. */
const usable = (country?: CountryCode) => (country && isLoaded(country) ? country : undefined);

/** Every country with a calling code (whether or not its plans are loaded). */
export const getCountries = (): CountryCode[] => [...callingCodes.keys()] as CountryCode[];

export const getCountryCallingCode = (country: CountryCode): string => callingCodes.get(country) ?? '';

/** The parsed number; undefined when it is not one, or when its +code's plans are not loaded. */
export const parsePhoneNumberFromString = (text: string, country?: CountryCode) =>
  isLoaded(text) ? coreParse(text, { defaultCountry: usable(country) }, metadata) : undefined;

/** Why the number's length is wrong (undefined when fine, or when the plans it needs are not loaded). */
export const validatePhoneNumberLength = (text: string, country?: CountryCode) =>
  (country && !isLoaded(country)) || !isLoaded(text) ? undefined : coreValidateLength(text, { defaultCountry: usable(country) }, metadata);

/** Formats as typed, with the plans loaded so far: a +code whose plans are missing passes through as typed. */
export class AsYouType extends CoreAsYouType {
  #passedThrough = false;

  constructor(country?: CountryCode) {
    super(usable(country), metadata);
  }

  override input(text: string): string {
    if (isLoaded(text)) return super.input(text);
    this.#passedThrough = true;
    return text;
  }

  override getCountry(): CountryCode | undefined {
    return this.#passedThrough ? undefined : super.getCountry();
  }
}
