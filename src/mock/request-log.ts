/** The mock's log of every request it received (`state.requests`), for tests and the demo. */
import type { RouteName } from '../api/routes.js';
import type { MockBackendState } from './state.js';
import type { MockRequestRecord } from './types.js';

/** Records `request` (its JSON body parsed, header names lower-case) and returns the record. */
export async function logRequest(state: MockBackendState, request: Request, route: RouteName, basePath: string): Promise<MockRequestRecord> {
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
  let body: unknown;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const url = new URL(request.url);
  const record: MockRequestRecord = {
    seq: state.requests.length + 1,
    method: request.method,
    path: url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname,
    url: request.url,
    route,
    body,
    headers,
    reauthToken: headers['x-reauth-token'],
  };
  state.requests.push(record);
  return record;
}
