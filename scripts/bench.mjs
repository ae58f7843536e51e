// `npm run bench` (after `npm run build`): the built bundle in headless Chromium over real HTTPS
// from a local server (bench/server.mjs: brotli-compressed files, the contract answered by the
// project's MSW handlers). Cold loads in a fresh context each, without throttling and on the
// mobile-lite profile, beside a blank page and a floor page in the same run; then the phone
// editor's open cost, and the heap across 1,000 mount/unmount cycles. Numbers, not pass/fail:
// `npm run size` holds the ceilings in CI; the README's figures come from this table.
//
//   node scripts/bench.mjs [--runs 7] [--dist dist] [--cycles 1000] [--json out.json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../bench/server.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    dist: { type: 'string', default: 'dist' },
    cycles: { type: 'string', default: '1000' },
    json: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const CYCLES = Number(args.cycles);
const root = process.cwd();

/** 4× CPU, 150 ms round trip, 1.6 Mbit/s down (750 kbit/s up): the "mobile lite". */
const PROFILES = {
  'no throttling': undefined,
  'mobile-lite': { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 },
};

async function buildFloor() {
  const outDir = join(root, 'bench/dist');
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: 'oxc',
      lib: { entry: { floor: join(root, 'bench/floor/floor-profile.ts') }, formats: ['es'] },
      rolldownOptions: { output: { minify: true } },
    },
  });
  return outDir;
}

function selfSignedCert() {
  const dir = mkdtempSync(join(tmpdir(), 'usp-bench-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

const median = (xs) => {
  const sorted = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const max = (xs) => Math.max(...xs);

/** Round trips on the critical path: a request is one deeper than the deepest that had ended before it started. */
function roundTrips(entries) {
  const depth = new Map();
  for (const e of [...entries].sort((a, b) => a.startTime - b.startTime)) {
    const before = entries.filter((p) => depth.has(p) && p.responseEnd <= e.startTime);
    depth.set(e, 1 + Math.max(0, ...before.map((p) => depth.get(p))));
  }
  return Math.max(0, ...depth.values());
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const server = await startServer({
  dist: resolve(root, args.dist),
  floor: await buildFloor(),
  mock: pathToFileURL(resolve(root, 'dist/mock.js')).href,
  tls: selfSignedCert(),
});

/** Resources of the page in a time window, with the gzip -9 size of the files the server knows. */
const resources = (page, from, to) => page.evaluate(([from, to]) => performance.getEntriesByType('resource')
  .filter((e) => e.startTime >= from && e.responseEnd <= to)
  .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime, responseEnd: e.responseEnd, transfer: e.transferSize })), [from, to]);

function summarize(list) {
  const js = list.filter((r) => r.path.endsWith('.js'));
  return {
    js: js.length,
    api: list.filter((r) => r.path.startsWith('/api/')).length,
    wire: list.reduce((sum, r) => sum + r.transfer, 0),
    gzip: js.reduce((sum, r) => sum + (server.gzipSizes.get(r.path) ?? 0), 0),
    files: js.map((r) => r.path),
    roundTrips: roundTrips(list),
  };
}

/** One cold load of `name` in a fresh context; for the panel also opens the phone editor. */
async function coldLoad(name, profile) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`${name}: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    if (profile) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    }
    await page.goto(`${server.origin}/${name}.html`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.shownAt !== undefined, null, { timeout: 60_000, polling: 100 });
    const shownAt = await page.evaluate(() => window.__bench.shownAt);
    const longTasks = await page.evaluate((until) => window.__bench.longTasks.filter((t) => t.start <= until), shownAt);
    const before = summarize(await resources(page, 0, shownAt));
    before.roundTrips = roundTrips(await page.evaluate((until) => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.responseEnd <= until).map((e) => ({ startTime: e.startTime, responseEnd: e.responseEnd })), shownAt));
    const result = { shownAt, longTasks, before };
    if (name === 'panel') result.editor = await openPhoneEditor(page);
    return result;
  } finally {
    await context.close();
  }
}

/** Clicks the phone section's action once nothing is loading, and waits for the number field. */
async function openPhoneEditor(page) {
  await page.waitForTimeout(300); // anything prefetched on idle would show up in "before", not here
  const { start, end } = await page.evaluate(async () => {
    const action = __deep('user-settings-phone').shadowRoot.querySelector('[part~="action"]');
    const start = performance.now();
    action.click();
    const end = await __until(() => __deep('usp-phone-editor')?.shadowRoot?.querySelector('input[type="tel"]'));
    return { start, end };
  });
  return { ms: end - start, ...summarize(await resources(page, start, end)) };
}

const results = {};
for (const [profileName, profile] of Object.entries(PROFILES)) {
  const loads = { blank: [], floor: [], panel: [] };
  // Interleaved, so the shared machine's noise falls on every page alike.
  for (let run = 0; run < RUNS; run++) for (const name of Object.keys(loads)) loads[name].push(await coldLoad(name, profile));
  results[profileName] = loads;
}

async function heapCycles() {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`heap: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await page.goto(`${server.origin}/heap.html`);
  await page.waitForFunction(() => typeof window.cycles === 'function');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.evaluate((n) => window.cycles(n), 50); // warm-up: code compiled, caches filled
  const meBefore = server.counts.me;
  const samples = [{ cycles: 0, bytes: await heap() }];
  const step = CYCLES / 4;
  let left = 0;
  for (let done = step; done <= CYCLES; done += step) {
    left = await page.evaluate((n) => window.cycles(n), step);
    samples.push({ cycles: done, bytes: await heap() });
  }
  await context.close();
  return { samples, requestsPerMount: (server.counts.me - meBefore) / CYCLES, panelsLeft: left };
}
const heapResult = await heapCycles();
await browser.close();
await server.close();

// ---- the table ----
const rows = [];
const ms = (x) => (x === undefined ? 'n/a' : `${Math.round(x)} ms`);
const kB = (x) => `${(x / 1000).toFixed(1)} kB`;
for (const [profileName, loads] of Object.entries(results)) {
  const t = Object.fromEntries(Object.entries(loads).map(([name, list]) => [name, median(list.map((l) => l.shownAt))]));
  rows.push([`${profileName}: time to profile (median of ${RUNS} cold loads)`, `${ms(t.panel)} (blank ${ms(t.blank)}, floor ${ms(t.floor)})`]);
  rows.push([`${profileName}: panel ÷ blank page`, (t.panel / t.blank).toFixed(2)]);
  rows.push([`${profileName}: panel ÷ floor page`, (t.panel / t.floor).toFixed(2)]);
  const panel = loads.panel;
  const longest = panel.map((l) => Math.max(0, ...l.longTasks.map((x) => x.duration)));
  const total = panel.map((l) => l.longTasks.reduce((s, x) => s + x.duration, 0));
  rows.push([`${profileName}: long tasks before the profile (median count; longest of all runs; median total)`,
    `${median(panel.map((l) => l.longTasks.length))}; ${ms(max(longest))}; ${ms(median(total))}`]);
  const floorLongest = loads.floor.map((l) => Math.max(0, ...l.longTasks.map((x) => x.duration)));
  rows.push([`${profileName}: floor page's longest long task (all runs)`, ms(max(floorLongest))]);
  rows.push([`${profileName}: phone editor open (median click → number field)`, ms(median(panel.map((l) => l.editor.ms)))]);
  if (profileName === 'no throttling') {
    const b = panel[0].before;
    rows.push(['profile path: JS files before the profile shows', `${b.js} (${b.files.join(', ')})`]);
    rows.push(['profile path: gzip -9 of those files', kB(b.gzip)]);
    rows.push(['profile path: bytes on the wire (brotli + headers, all requests incl. HTML and /me)', kB(b.wire)]);
    rows.push(['profile path: requests to the API before the profile', String(b.api)]);
    rows.push(['profile path: round trips on the critical path (HTML → … → profile)', String(b.roundTrips)]);
    rows.push(['floor page: round trips on the critical path', String(loads.floor[0].before.roundTrips)]);
    const e = panel[0].editor;
    rows.push(['phone editor open: JS files fetched', `${e.js} (${e.files.join(', ')})`]);
    rows.push(['phone editor open: gzip -9 of those files', kB(e.gzip)]);
    rows.push(['phone editor open: round trips (requests after the click)', String(e.roundTrips)]);
  }
}
const first = heapResult.samples[1].bytes;
const last = heapResult.samples.at(-1).bytes;
rows.push([`heap after forced GC at 0/${CYCLES / 4}/…/${CYCLES} mount/unmount cycles`, heapResult.samples.map((s) => kB(s.bytes)).join(' / ')]);
rows.push([`heap growth from cycle ${CYCLES / 4} to ${CYCLES}`, `${kB(last - first)} (${Math.round((last - first) / (CYCLES * 0.75))} B per cycle)`]);
rows.push(['GET /me requests per mount; panels left in the DOM', `${heapResult.requestsPerMount}; ${heapResult.panelsLeft}`]);

const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nuser-settings-panel benchmark — ${args.dist}, Chromium over HTTPS (brotli), ${new Date().toISOString()}\n`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
if (args.json) writeFileSync(args.json, JSON.stringify({ results, heap: heapResult }, null, 2));
