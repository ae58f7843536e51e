// SPEC §3 / issue 12: N real page loads of the README's embed snippet, on the built one-file
// bundle, against a backend that answers 401 without the host's bearer header. Every load must
// send exactly one `GET /me`, carrying the header, and fire no `usp-session-expired`.
// Usage: node scripts/first-request-loads.mjs [loads=50]   (after `npm run build`)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { presets } from '../dist/mock.js';

const LOADS = Number(process.argv[2] ?? 50);
const TOKEN = 'Bearer host-token';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The README snippet, as a host would paste it (plus a counter for the event under test).
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>snippet</title>
<script>addEventListener('usp-session-expired', () => { window.sessionExpired = (window.sessionExpired || 0) + 1; });</script>
</head><body>
<script type="module" src="/vendor/user-settings-panel.bundle.js"></script>
<script type="module" src="/vendor/locales/fr.js"></script>

<user-settings-panel api-base="/api" host="business-center"></user-settings-panel>

<script type="module">
  const getToken = async () => 'host-token';
  const panel = document.querySelector('user-settings-panel');
  panel.headers = async () => ({ authorization: \`Bearer \${await getToken()}\` });
  panel.addEventListener('usp-session-expired', () => location.assign('/login'));
  panel.addEventListener('usp-changed', (e) => console.log('changed', e.detail.capability));
</script>
</body></html>`;

let requests = [];
const types = { '.js': 'text/javascript', '.html': 'text/html' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    requests.push({ method: req.method, path: url.pathname, authorization: req.headers.authorization ?? null });
    const ok = req.headers.authorization === TOKEN && url.pathname === '/api/me';
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? presets.default : { error: { code: 'unauthenticated', message: 'Sign in again.' } }));
    return;
  }
  if (url.pathname === '/' || url.pathname === '/login') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(url.pathname === '/' ? page : 'login');
    return;
  }
  const file = normalize(join('dist', url.pathname.replace(/^\/vendor\//, '/')));
  if (!file.startsWith('dist')) return res.writeHead(404).end();
  const body = await readFile(file).catch(() => undefined);
  if (!body) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const context = await browser.newContext();
const results = { loads: 0, exactlyOneMe: 0, withHeader: 0, sessionExpired: 0, sentToLogin: 0, requests: 0 };
const started = performance.now();
try {
  for (let i = 0; i < LOADS; i++) {
    requests = [];
    const tab = await context.newPage();
    await tab.goto(`${origin}/`);
    await tab.waitForFunction(() => {
      const root = document.querySelector('user-settings-panel')?.shadowRoot;
      return location.pathname === '/login' || root?.querySelector('.sections, [part=error]');
    }, undefined, { timeout: 10000 });
    results.loads++;
    results.requests += requests.length;
    if (requests.length === 1 && requests[0].path === '/api/me') results.exactlyOneMe++;
    if (requests.every((r) => r.authorization === TOKEN)) results.withHeader++;
    results.sessionExpired += await tab.evaluate(() => window.sessionExpired ?? 0).catch(() => 1);
    if (new URL(tab.url()).pathname === '/login') results.sentToLogin++;
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`README snippet, ${results.loads} page loads in ${seconds} s: ${results.exactlyOneMe} with exactly one GET /me, ` +
  `${results.withHeader} with the header on every request, ${results.requests} requests in all, ` +
  `${results.sessionExpired} usp-session-expired, ${results.sentToLogin} sent to login`);
const passed = results.exactlyOneMe === LOADS && results.withHeader === LOADS && results.sessionExpired === 0 && results.sentToLogin === 0;
process.exit(passed ? 0 : 1);
