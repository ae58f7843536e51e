/**
 * The phone-number library with its smallest ("min") metadata, imported only lazily (when the
 * phone editor opens) so it stays in its own chunk, apart from the panel's size budget.
 */
export {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/min';
export { default as metadata } from 'libphonenumber-js/min/metadata';
