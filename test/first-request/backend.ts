/**
 * A strict host backend for the first-request pages, installed before the bundle: it answers
 * `/api/*` with 401 unless the request carries the host's bearer token, and logs every request
 * and every `usp-session-expired` on `window.firstRequest` for the test to read.
 */
import { presets } from '../../src/mock/state.js';

export interface FirstRequestLog {
  requests: { method: string; path: string; authorization: string | null }[];
  sessionExpired: number;
}

export const TOKEN = 'Bearer host-token';

const log: FirstRequestLog = { requests: [], sessionExpired: 0 };
(window as unknown as { firstRequest: FirstRequestLog }).firstRequest = log;
addEventListener('usp-session-expired', () => log.sessionExpired++);

const passThrough = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (!url.pathname.startsWith('/api/')) return passThrough(input, init);
  const authorization = request.headers.get('authorization');
  log.requests.push({ method: request.method, path: url.pathname, authorization });
  if (authorization !== TOKEN) {
    return Response.json({ error: { code: 'unauthenticated', message: 'Sign in again.' } }, { status: 401 });
  }
  if (request.method === 'GET' && url.pathname === '/api/me') return Response.json(presets.default);
  return Response.json({ error: { code: 'not_found', message: 'No such route.' } }, { status: 404 });
};
