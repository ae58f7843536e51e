/** Random codes and ids of the mock, and a deep copy for its plain-data state. */

/** Six random digits, never the `000000` trigger. */
export function randomCode(): string {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  const code = String(value % 1_000_000).padStart(6, '0');
  return code === '000000' ? '100000' : code;
}

export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((byte) => (byte % 36).toString(36)).join('');
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
