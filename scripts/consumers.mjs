// Consumer projects (test/consumers/) against the packed tarball, as an integrator installs it:
// type-checks (strict TS with `bundler` and `node16`, Vue's GlobalComponents, a React 19 .tsx),
// an import in Node without a DOM, and two pages rendered in Chromium on the package's own mock
// with a host-provided bearer header (plain HTML with the bundle and a locale file; React 19).
// Usage: node scripts/consumers.mjs [tarball]   (after `npm run build`; packs when no tarball is given)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { pack } from './check-package.mjs';

const started = performance.now();
const tarball = resolve(process.argv[2] ?? pack());
const root = mkdtempSync(join(tmpdir(), 'usp-consumers-'));
const tsc = resolve('node_modules/.bin/tsc');
const results = [];

/** Runs one named check; a failure is recorded, and the run goes on to the next. */
async function check(name, body) {
  const t0 = performance.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}${error.stack ?? error}`);
  }
}
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

cpSync('test/consumers', root, { recursive: true });
writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'usp-consumers', private: true, type: 'module' }, null, 2));
console.log(`consumers in ${root}; installing ${tarball}`);
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball,
  'react@^19', 'react-dom@^19', '@types/react@^19', '@types/react-dom@^19', 'vue@^3.5', 'msw@^2.7'], { cwd: root, stdio: 'inherit' });
console.log(`installed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

await check('strict TypeScript, moduleResolution bundler: every subpath, tag and event maps, Vue GlobalComponents', () =>
  run(tsc, ['-p', 'strict-ts/tsconfig.bundler.json']));
await check('strict TypeScript, moduleResolution node16: every subpath', () => run(tsc, ['-p', 'strict-ts/tsconfig.node16.json']));
await check('React 19 .tsx type-checks with no declaration of its own', () => run(tsc, ['-p', 'react/tsconfig.json']));
await check('Node without a DOM imports user-settings-panel and /contract', () => run('node', ['--input-type=module', '-e',
  "const api = await import('user-settings-panel'); const contract = await import('user-settings-panel/contract');" +
  "if (typeof api.createHttpBackend !== 'function' || !contract.routes) throw new Error('exports missing');"]));

// The browser consumers: built as their hosts would (esbuild stands in for the host's bundler).
const common = { absWorkingDir: root, bundle: true, format: 'esm', target: 'es2022', logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' } };
await check('React 19 app builds (esbuild, automatic JSX runtime)', () =>
  build({ ...common, entryPoints: ['react/src/main.tsx'], outfile: join(root, 'react/app.js'), jsx: 'automatic', minify: true }));
await check('plain HTML harness builds (the package mock for the page)', () =>
  build({ ...common, entryPoints: ['html/harness-mock.js'], outfile: join(root, 'html/harness/mock.js') }));

const packageDir = join(root, 'node_modules/user-settings-panel');
const types = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };
const server = createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  const [, project, ...rest] = pathname.split('/');
  const path = rest.join('/');
  const file = pathname === '/mockServiceWorker.js' ? join(packageDir, 'public/mockServiceWorker.js')
    : path === '' ? join(root, project, 'index.html')
    : path.startsWith('vendor/') ? join(packageDir, 'dist', path.slice('vendor/'.length))
    : join(root, project, path);
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'service-worker-allowed': '/' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

// Each project is served under its own folder (`/html/`, `/react/`); the mock worker from the site root.
const html = readFileSync(join(root, 'html/index.html'), 'utf8').replaceAll("'/harness/", "'/html/harness/")
  .replaceAll("'/vendor/", "'/html/vendor/");
writeFileSync(join(root, 'html/index.html'), html);
const reactHtml = readFileSync(join(root, 'react/index.html'), 'utf8').replace('src="/app.js"', 'src="/react/app.js"');
writeFileSync(join(root, 'react/index.html'), reactHtml);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
async function renders(project, expectedText) {
  const page = await browser.newPage();
  const profileReads = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/me') profileReads.push(request.headers().authorization ?? null);
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${origin}/${project}/`);
    await page.waitForFunction((text) => {
      const root = document.querySelector('user-settings-panel')?.shadowRoot;
      return root?.querySelector('.sections') && root.textContent.includes(text);
    }, expectedText, { timeout: 15000 });
    const email = await page.evaluate(() => {
      // Text nodes joined as they render: the address is split at its break opportunities (<wbr>).
      const deepText = (node) => [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes].map((child) =>
        child.nodeType === Node.TEXT_NODE ? child.textContent : deepText(child)).join('');
      return deepText(document.querySelector('user-settings-panel')).includes('jordan.rivera@example.com');
    });
    if (!email) throw new Error('the profile (email) is not shown');
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const authorized = profileReads.filter((value) => value === 'Bearer consumer-token').length;
    if (profileReads.length !== 1 || authorized !== 1) {
      throw new Error(`expected one GET /me with the host's bearer header, saw ${JSON.stringify(profileReads)}`);
    }
  } finally {
    await page.close();
  }
}
await check('plain HTML: bundle + locales/fr.js render the panel in French on the mock, bearer header sent', () =>
  renders('html', 'Paramètres utilisateur'));
await check('React 19 app renders the panel on the mock, bearer header sent', () => renders('react', 'User settings'));
await browser.close();
server.close();

const passed = results.filter((r) => r.ok).length;
console.log(`consumers: ${passed} passed, ${results.length - passed} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exit(passed === results.length ? 0 : 1);
