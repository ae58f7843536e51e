/**
 * The fault matrix of issue 10 item 12, table-driven: a table of faults (each an msw override
 * for the request under test, with what the user must see) and, per editor, a driver that
 * arranges the form and performs the user's action. `faultMatrix(driver)` turns every
 * (editor × fault) cell into one `it(...)`.
 *
 * Every cell asserts what stays typed, where the message shows (the editor's general alert,
 * never a field's error for network / timeout / server failures), its words, the number of
 * requests the backend received (the mock's request log) and the events fired.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import '../../src/define.js';
import { endpoints, type RouteName } from '../../src/api/endpoints.js';
import type { UserSettingsPanel } from '../../src/elements/user-settings-panel/user-settings-panel.js';
import type { UserSettingsChangedEvent, UserSettingsFailedEvent } from '../../src/events/events.js';
import { en } from '../../src/i18n/messages.js';
import type { MockBackend } from '../../src/mock/browser.js';
import { MOCK_PASSWORD } from '../../src/mock/index.js';
import type { Profile } from '../../src/api/schemas.js';
import type { MockPresetName, MockRequestRecord } from '../../src/mock/state.js';
import { announced, deepQuery, deepText, waitFor } from '../support/dom.js';
import { mockBackend, requestsTo } from '../support/mock.js';
import { user } from '../support/user.js';

/** The panel's request timeout in the timeout cells: short, so a hanging request fails fast. */
export const TIMEOUT_MS = 2000;
/** The timeout everywhere else: long enough that a busy machine never turns a slow step into a timeout. */
const RELAXED_TIMEOUT_MS = 20_000;
/** The wait announced by the 503 and 429 faults. */
export const RETRY_AFTER_S = 5;

export type FaultName = '500' | '503 Retry-After' | '429 rate_limited' | 'dropped connection' | 'timeout'
  | 'malformed body' | 'wrong shape' | '401' | '403 reauth_required twice' | 'double click' | 'close mid-request';

/** One test's world: the mock, the panel and every public event the page heard. */
export interface Cell {
  mock: MockBackend;
  panel: UserSettingsPanel;
  failed: UserSettingsFailedEvent[];
  changed: UserSettingsChangedEvent[];
  expired: Event[];
  /** The signals of every `fetch` the page made to the API during the test, in order. */
  fetches: { url: string; signal?: AbortSignal }[];
  /** Driver-specific things (e.g. a fake popup). */
  extra: Record<string, unknown>;
  /** Removes the event listeners. */
  dispose(): void;
}

/** How one editor is driven. */
export interface Driver {
  /** The row's name (editor and step). */
  name: string;
  /** `detail.capability` of the events the action fires. */
  capability: string;
  /** The request the faults hit. */
  route: RouteName;
  preset?: MockPresetName;
  /** Shallow overrides of the preset's profile. */
  profile?: Partial<Profile>;
  sections: string;
  /** Opens the editor and fills the form up to the action (the request under test not sent yet). */
  arrange(cell: Cell): Promise<void>;
  /** The user's action that sends the request (a click, Enter or a completed code). */
  act(cell: Cell): Promise<void>;
  /**
   * A second activation right after the first (double click): default Enter, where the first
   * left focus (a click on an `aria-disabled` button is refused by Playwright, not by the editor).
   */
  actAgain?(cell: Cell): Promise<void>;
  /** Trying the action again with what is typed (default `act`; a code step presses Verify). */
  retry?(cell: Cell): Promise<void>;
  /** The element whose shadow root shows this action's general alert and field errors. */
  scope(cell: Cell): Element;
  /** What the user typed, by field, as it stands now. */
  typed(cell: Cell): Record<string, string>;
  /** What `typed` must read after any failure that is not the server refusing a value. */
  expectedTyped(cell: Cell): Record<string, string>;
  /** Waits for the action's success (after the double click). */
  succeeded(cell: Cell): Promise<void>;
  /** Whether that success fires `usp-changed` (a step that only sends a code does not). */
  changes: boolean;
  /** `detail.capability` of that `usp-changed`, when not `capability`. */
  changedCapability?: string;
  /** Puts back what `arrange` replaced (e.g. `window.open`). */
  cleanup?(): void;
  /** Closes the editor (or dialog) while the request is in flight. */
  close(cell: Cell): Promise<void>;
  /** After `close`: checks that nothing is stuck (reopens the editor, which is fresh and idle). */
  afterClose(cell: Cell): Promise<void>;
  /** Extra checks after a failure (e.g. the blank popup was closed). */
  afterFailure?(cell: Cell): void;
  /** Cells that do not apply to this row, with the reason. */
  notApplicable?: Partial<Record<FaultName, string>>;
}

/** What a failure fault must produce. */
interface FailureOutcome {
  code: string;
  kind: string;
  /** The words of the general alert. */
  words: string | RegExp;
  sessionExpired?: boolean;
}

interface Fault {
  name: FaultName;
  /** The override's answer for the request under test; the mock logs the request first. */
  respond?(request: Request): Response | Promise<Response>;
  failure?: FailureOutcome;
}

const error = (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  HttpResponse.json({ error: { code, ...extra } }, { status, headers });

const successStatus = (route: RouteName) => endpoints[route].status;

const serverError = en['error.unknown'];

/** The faults (columns), with their answers and what the user must be told. */
export const FAULTS: readonly Fault[] = [
  {
    name: '500',
    respond: () => error(500, 'internal_error'),
    failure: { code: 'internal_error', kind: 'http', words: serverError },
  },
  {
    name: '503 Retry-After',
    respond: () => error(503, 'service_unavailable', {}, { 'retry-after': String(RETRY_AFTER_S) }),
    // SPEC §4.2: "5xx server failure (Retry-After optional, shown when present)".
    failure: { code: 'service_unavailable', kind: 'http', words: new RegExp(`${RETRY_AFTER_S} s|${RETRY_AFTER_S - 1} s`) },
  },
  {
    name: '429 rate_limited',
    respond: () => error(429, 'rate_limited', { retryAfterSeconds: RETRY_AFTER_S }, { 'retry-after': String(RETRY_AFTER_S) }),
    failure: { code: 'rate_limited', kind: 'http', words: /^Too many attempts\. Try again in [45] s\.$/ },
  },
  {
    name: 'dropped connection',
    respond: () => HttpResponse.error(),
    failure: { code: 'network', kind: 'network', words: en['error.network'] },
  },
  {
    name: 'timeout',
    respond: async () => {
      await delay('infinite');
      return new HttpResponse(null, { status: 204 });
    },
    failure: { code: 'timeout', kind: 'timeout', words: en['error.timeout'] },
  },
  {
    name: 'malformed body',
    respond: (request) => new HttpResponse('<html><body>Gateway sign-in</body></html>', {
      status: successStatus(routeOf(request)) === 204 ? 200 : successStatus(routeOf(request)),
      headers: { 'content-type': 'text/html' },
    }),
    failure: { code: 'invalid_response', kind: 'invalid_response', words: en['error.invalid_response'] },
  },
  {
    name: 'wrong shape',
    respond: (request) => HttpResponse.json({ ok: true, unexpected: 'not the contract' }, {
      status: successStatus(routeOf(request)) === 204 ? 200 : successStatus(routeOf(request)),
    }),
    failure: { code: 'invalid_response', kind: 'invalid_response', words: en['error.invalid_response'] },
  },
  {
    name: '401',
    respond: () => error(401, 'unauthenticated'),
    failure: { code: 'unauthenticated', kind: 'http', words: en['error.unauthenticated'], sessionExpired: true },
  },
  { name: '403 reauth_required twice', respond: () => error(403, 'reauth_required', { methods: ['password'] }) },
  { name: 'double click' },
  {
    name: 'close mid-request',
    respond: async () => {
      await delay('infinite');
      return new HttpResponse(null, { status: 204 });
    },
  },
];

/** The route a request is for (the override knows its own; this reads it back for the body factories). */
const routeByRequest = new WeakMap<Request, RouteName>();
const routeOf = (request: Request) => routeByRequest.get(request)!;

/** msw's path for a route under `/api`. */
const mswPath = (route: RouteName) => `/api${endpoints[route].path.replace(/\{(\w+)\}/g, ':$1')}`;

/** Logs a request the override answers in the mock's request log, as the mock itself would. */
async function logRequest(mock: MockBackend, request: Request, route: RouteName): Promise<MockRequestRecord> {
  const text = request.method === 'GET' ? '' : await request.clone().text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => (headers[key] = value));
  const record: MockRequestRecord = {
    seq: mock.state.requests.length + 1,
    method: request.method,
    path: new URL(request.url).pathname.replace(/^\/api/, ''),
    url: request.url,
    route,
    body,
    headers,
    reauthToken: headers['x-reauth-token'],
  };
  mock.state.requests.push(record);
  return record;
}

/** The override for `route`: logs the request, then answers it with `respond`. */
function override(mock: MockBackend, route: RouteName, respond: NonNullable<Fault['respond']>): HttpHandler {
  const method = endpoints[route].method.toLowerCase() as 'get' | 'post' | 'delete';
  return http[method](mswPath(route), async ({ request }) => {
    const record = await logRequest(mock, request, route);
    routeByRequest.set(request, route);
    const response = await respond(request);
    record.status = response.type === 'error' ? 0 : response.status;
    return response;
  });
}

/** Mounts the panel on the mock with a short timeout, listening to every public event. */
export async function mountCell(driver: Driver, timeout = RELAXED_TIMEOUT_MS): Promise<Cell> {
  const mock = await mockBackend(driver.preset ?? 'default', driver.profile);
  const onFailed = (e: Event) => cell.failed.push(e as UserSettingsFailedEvent);
  const onChanged = (e: Event) => cell.changed.push(e as UserSettingsChangedEvent);
  const onExpired = (e: Event) => cell.expired.push(e);
  const cell: Cell = {
    mock, panel: undefined!, failed: [], changed: [], expired: [], fetches: [], extra: {},
    dispose() {
      document.removeEventListener('usp-failed', onFailed);
      document.removeEventListener('usp-changed', onChanged);
      document.removeEventListener('usp-session-expired', onExpired);
    },
  };
  document.addEventListener('usp-failed', onFailed);
  document.addEventListener('usp-changed', onChanged);
  document.addEventListener('usp-session-expired', onExpired);
  spyOnFetch(cell);
  cell.panel = await fixture<UserSettingsPanel>(html`
    <user-settings-panel api-base="/api" host="business-center" sections=${driver.sections} locale="en"
      .timeout=${timeout}></user-settings-panel>`);
  await waitFor(() => cell.panel.shadowRoot!.querySelector('.sections'), { message: 'the panel to load' });
  return cell;
}

const originalFetch = window.fetch;
/** Records the signal of each API fetch, so a test can tell that a request was aborted. */
function spyOnFetch(cell: Cell): void {
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (new URL(url, location.href).pathname.startsWith('/api/')) {
      cell.fetches.push({ url, signal: init?.signal ?? (input instanceof Request ? input.signal : undefined) });
    }
    return originalFetch(input, init);
  };
}

/** Puts the page back after a cell (handlers, fetch). Call from `afterEach`. */
export function resetCell(cell: Cell | undefined): void {
  window.fetch = originalFetch;
  cell?.dispose();
  cell?.mock.worker.resetHandlers();
}

/** Text of the general alerts (role=alert that is not a field's error) in `scope`'s shadow root. */
export const generalAlert = (scope: Element) =>
  [...scope.shadowRoot!.querySelectorAll('[role=alert]')].filter((el) => !el.id.endsWith('-error') && el.id !== 'error')
    .map((el) => el.textContent!.trim()).join(' | ');

/** Text of the field errors in `scope`: `#<field>-error` and a code input's error. */
export const fieldErrors = (scope: Element) => {
  const root = scope.shadowRoot!;
  const own = [...root.querySelectorAll('[id$="-error"]')].map((el) => el.textContent!.trim());
  const code = [...root.querySelectorAll('usp-code-input')].map((c) => c.shadowRoot?.querySelector('#error')?.textContent?.trim() ?? '');
  return [...own, ...code].filter(Boolean);
};

/** Whether `scope` still says it is saving (a stuck spinner). */
const saying = (scope: Element) => announced(scope.shadowRoot!);

/** The re-verification dialog, when open. */
export const reauthDialog = (cell: Cell) => deepQuery('usp-reauth-dialog', cell.panel.shadowRoot!);

/** A failure cell: one request, the words in the general alert, what was typed kept, one `usp-failed`. */
async function runFailure(driver: Driver, fault: Fault, cell: Cell): Promise<void> {
  const outcome = fault.failure!;
  cell.mock.worker.use(override(cell.mock, driver.route, fault.respond!));
  await driver.act(cell);
  const scope = () => driver.scope(cell);
  await waitFor(() => generalAlert(scope()), { timeout: TIMEOUT_MS + 8000, message: `a general alert for ${fault.name}` });
  const alert = generalAlert(scope());
  if (typeof outcome.words === 'string') expect(alert).to.equal(outcome.words);
  else expect(alert).to.match(outcome.words);
  expect(fieldErrors(scope()), 'no field shows a network, timeout or server failure as its error').to.deep.equal([]);
  expect(driver.typed(cell), 'what was typed survives').to.deep.equal(driver.expectedTyped(cell));
  expect(requestsTo(cell.mock, driver.route), 'requests the backend received').to.have.length(1);
  expect(saying(scope()), 'nothing still says it is saving').to.not.match(/Saving|Sending/);
  expect(cell.failed.map((e) => [e.detail.capability, e.detail.code, e.detail.kind])).to.deep.equal([[driver.capability, outcome.code, outcome.kind]]);
  expect(cell.changed, 'no usp-changed').to.have.length(0);
  expect(cell.expired, 'usp-session-expired').to.have.length(outcome.sessionExpired ? 1 : 0);
  driver.afterFailure?.(cell);
}

/** The repeated request after re-verifying answers reauth_required again: own words, and a way to verify again. */
async function runReauthTwice(driver: Driver, fault: Fault, cell: Cell): Promise<void> {
  cell.mock.worker.use(override(cell.mock, driver.route, fault.respond!));
  await driver.act(cell);
  await waitFor(() => reauthDialog(cell)?.shadowRoot?.querySelector('dialog[open]'), { message: 'the re-verification dialog' });
  await user.fill('textbox', 'Your password', MOCK_PASSWORD);
  await user.click('button', 'Confirm', { exact: true });
  const scope = () => driver.scope(cell);
  await waitFor(() => generalAlert(scope()), { message: 'the second reauth_required' });
  expect(generalAlert(scope())).to.equal(en['error.reauth_required']);
  expect(fieldErrors(scope())).to.deep.equal([]);
  expect(driver.typed(cell), 'what was typed survives').to.deep.equal(driver.expectedTyped(cell));
  expect(requestsTo(cell.mock, driver.route).map((r) => !!r.reauthToken), 'the request, then once with the token').to.deep.equal([false, true]);
  expect(requestsTo(cell.mock, 'reauth')).to.have.length(1);
  expect(cell.failed.map((e) => [e.detail.capability, e.detail.code])).to.deep.equal([[driver.capability, 'reauth_required']]);
  expect(cell.changed).to.have.length(0);
  expect(cell.expired).to.have.length(0);
  // A way to verify again: the same action asks once more.
  await (driver.retry ?? driver.act)(cell);
  await waitFor(() => reauthDialog(cell)?.shadowRoot?.querySelector('dialog[open]'), { message: 'the dialog, a second time' });
  expect(requestsTo(cell.mock, driver.route)).to.have.length(3);
}

async function pressEnter(): Promise<void> {
  await user.press('Enter');
}

/** Two actions in a row while the first is on its way: one request, one success. */
async function runDoubleClick(driver: Driver, cell: Cell): Promise<void> {
  cell.mock.scenarios.set({ latencyMs: 1500 });
  await driver.act(cell);
  // The second click lands while the first request is on its way.
  await waitFor(() => requestsTo(cell.mock, driver.route).length === 1, { message: 'the first request' });
  await (driver.actAgain ?? pressEnter)(cell);
  await driver.succeeded(cell).catch((e) => {
    throw new Error(`${e}; shows: ${deepText(driver.scope(cell))}; requests: ${JSON.stringify(cell.mock.state.requests.map((r) => [r.route, r.status]))}`);
  });
  expect(requestsTo(cell.mock, driver.route), 'one request for two clicks').to.have.length(1);
  expect(cell.failed.map((e) => [e.detail.capability, e.detail.code]), 'no usp-failed').to.deep.equal([]);
  await waitFor(() => cell.changed.length === (driver.changes ? 1 : 0), { message: 'usp-changed' });
  expect(cell.changed.map((e) => e.detail.capability)).to.deep.equal(driver.changes ? [driver.changedCapability ?? driver.capability] : []);
}

/** Closing while the request hangs: it is aborted, nothing fires, nothing is stuck. */
async function runClose(driver: Driver, fault: Fault, cell: Cell): Promise<void> {
  cell.mock.worker.use(override(cell.mock, driver.route, fault.respond!));
  await driver.act(cell);
  await waitFor(() => requestsTo(cell.mock, driver.route).length === 1, { message: 'the request to arrive' });
  const path = endpoints[driver.route].path.split('{')[0];
  const fetch = cell.fetches.filter((f) => f.url.includes(path)).at(-1);
  expect(fetch?.signal, 'the request can be aborted').to.exist;
  await driver.close(cell);
  await waitFor(() => fetch!.signal!.aborted, { message: 'the request to be aborted' });
  await driver.afterClose(cell);
  expect(requestsTo(cell.mock, driver.route)).to.have.length(1);
  expect(cell.failed.map((e) => [e.detail.capability, e.detail.code]), 'no usp-failed').to.deep.equal([]);
  expect(cell.changed, 'no usp-changed').to.have.length(0);
  expect(cell.expired).to.have.length(0);
}

/**
 * One `describe` per editor, one `it` per fault. `skip` marks cells that wait for a fix
 * elsewhere (the reason names the issue item); `notApplicable` cells are skipped with theirs.
 */
export function faultMatrix(driver: Driver, skip: Partial<Record<FaultName, string>> = {}): void {
  let cell: Cell | undefined;
  afterEach(() => {
    driver.cleanup?.();
    resetCell(cell);
    cell = undefined;
  });
  describe(`fault matrix: ${driver.name}`, () => {
    for (const fault of FAULTS) {
      const reason = skip[fault.name] ?? driver.notApplicable?.[fault.name];
      const test = reason ? it.skip : it;
      test(`${fault.name}${reason ? ` (skipped: ${reason})` : ''}`, async () => {
        cell = await mountCell(driver, fault.name === 'timeout' ? TIMEOUT_MS : undefined);
        await driver.arrange(cell);
        if (fault.failure) await runFailure(driver, fault, cell);
        else if (fault.name === '403 reauth_required twice') await runReauthTwice(driver, fault, cell);
        else if (fault.name === 'double click') await runDoubleClick(driver, cell);
        else await runClose(driver, fault, cell);
      });
    }
  });
}
