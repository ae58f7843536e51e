// @ts-check
/** Placeholder until the kit lands (next commit). */
/**
 * @param {object} _values
 * @param {object} _env
 * @returns {{ error: string } | { options: object }}
 */
export function parseKitOptions(_values, _env) {
  return { error: 'not implemented yet' };
}
/**
 * @param {object} _options
 * @param {((line: string) => void) | undefined} _print
 */
export async function checkBackend(_options, _print) {
  return { failed: 1, summary: 'not implemented' };
}
