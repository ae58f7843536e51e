/** How the mock masks a destination in a `Verification` (SPEC §4.1: e.g. "+1 ••• ••• 4567"). */

/** "jordan@example.com" → "j•••@example.com". */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${[...address.slice(0, at)][0]}•••${address.slice(at)}`;
}

// Calling codes with one or two digits; any other code is taken to have three.
const ONE_DIGIT_CODES = new Set(['1', '7']);
const TWO_DIGIT_CODES = new Set(('20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 ' +
  '60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98').split(' '));

/** "+14155554567" → "+1 ••• ••• 4567". */
export function maskPhone(number: string): string {
  const digits = number.replace(/\D/g, '');
  const code = ONE_DIGIT_CODES.has(digits.slice(0, 1)) ? digits.slice(0, 1)
    : TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? digits.slice(0, 2) : digits.slice(0, 3);
  return `+${code} ••• ••• ${digits.slice(-4)}`;
}
