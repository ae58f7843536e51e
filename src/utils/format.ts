/**
 * A moment in the user's locale: a date ("12 May 2024") by default, or what `options` ask for
 * (`{ timeStyle: 'short' }` for "14:32"); '' for null or an unparsable value.
 */
export function formatDate(
  value: string | null | undefined,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return date.toLocaleString();
  }
}
