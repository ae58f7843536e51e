/** Writes the phone metadata files (or only lists them with `check`); returns the paths that were stale. */
export function generatePhoneMetadata(options?: { check?: boolean }): string[];
