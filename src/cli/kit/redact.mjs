// @ts-check
/**
 * Keeps secrets out of everything the kit prints: header values, passwords, codes and tokens
 * are registered as they appear and replaced wherever they would show up.
 */
export class Redactor {
  /** @type {Set<string>} */
  #secrets = new Set();

  /**
   * Registers a secret (values shorter than 3 characters would blank out ordinary text, and are
   * never printed by the kit anyway).
   * @param {string | undefined | null} value
   */
  add(value) {
    if (typeof value === 'string' && value.length >= 3) this.#secrets.add(value);
  }

  /**
   * The text with every registered secret replaced by `[redacted]`, longest first so a secret
   * that contains another is removed whole.
   * @param {string} text
   */
  redact(text) {
    let result = text;
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join('[redacted]');
    }
    return result;
  }
}
