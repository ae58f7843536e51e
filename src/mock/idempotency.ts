/**
 * `Idempotency-Key` in the mock (SPEC §4.2): a POST or DELETE that repeats an earlier one — same
 * method, path, key and body — whose answer was final gets that answer again without running
 * again, so a request the network delivered twice changes nothing twice. Final means 2xx, 400,
 * 404 or 409; transient answers (401, 403, 429, 5xx, a network error) are not kept, so retrying
 * the same action after them (e.g. with `X-Reauth-Token` after `reauth_required`) runs.
 */

/** An answer kept for replay. */
export interface StoredAnswer {
  status: number;
  headers: [string, string][];
  body: string;
  /** The request body it answered: a repeat with another body is a new request. */
  requestBody: string;
}

const FINAL = (status: number) => (status >= 200 && status < 300) || status === 400 || status === 404 || status === 409;

/** Answers by `METHOD path key`; cleared with the rest of the state. */
export class IdempotencyStore {
  readonly #answers = new Map<string, StoredAnswer>();

  static keyOf(request: Request, path: string): string | undefined {
    const key = request.headers.get('idempotency-key');
    return key && request.method !== 'GET' ? `${request.method} ${path} ${key}` : undefined;
  }

  /** The kept answer to a repeat of this request, as a fresh `Response`. */
  replay(key: string, requestBody: string): Response | undefined {
    const stored = this.#answers.get(key);
    if (!stored || stored.requestBody !== requestBody) return undefined;
    return new Response(stored.body || null, { status: stored.status, headers: stored.headers });
  }

  /** Keeps a final answer (reads a clone of it). */
  async keep(key: string, requestBody: string, response: Response): Promise<void> {
    if (response.type === 'error' || !FINAL(response.status)) return;
    const body = await response.clone().text();
    this.#answers.set(key, { status: response.status, headers: [...response.headers], body, requestBody });
  }

  clear(): void {
    this.#answers.clear();
  }
}
