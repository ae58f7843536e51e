// Every story in every state passes axe (SPEC §6): serves a built Storybook (`npm run build-storybook`),
// opens each story of `storybook-static/index.json` in headless Chromium, waits until it rendered
// and its play function finished, runs axe-core (WCAG 2.x A/AA, through open shadow roots) and
// exits 1 on any violation, or when a story failed to render or its play function threw.
//   npm run test:stories                      # every story
//   npm run test:stories -- email reauth      # only the stories whose id contains one of these
//   npm run test:stories -- --incomplete      # also list what axe could not decide ("needs review")
//   npm run test:stories -- --variants dark   # only some variants (default: light,dark,en-XA,ar-XB)
// Each story runs in every variant: the toolbar's globals (see .storybook/globals.ts) pin the
// light or the dark theme, or switch the language to a pseudo-locale (en-XA, ar-XB).
// Env: CHROMIUM_PATH, STORYBOOK_STATIC (default storybook-static), AXE_STORIES_CONCURRENCY.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const started = performance.now();
const root = resolve(process.env.STORYBOOK_STATIC ?? 'storybook-static');
const args = process.argv.slice(2);
const showIncomplete = args.includes('--incomplete');
const variantsArg = args.indexOf('--variants');
/** Storybook globals per variant, as the iframe's `globals` URL parameter reads them. */
const VARIANTS = { light: 'theme:light', dark: 'theme:dark', 'en-XA': 'locale:en-XA', 'ar-XB': 'locale:ar-XB' };
const variants = variantsArg >= 0 ? args[variantsArg + 1].split(',') : Object.keys(VARIANTS);
for (const variant of variants) if (!VARIANTS[variant]) throw new Error(`Unknown variant ${variant} (known: ${Object.keys(VARIANTS).join(', ')})`);
const filters = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--variants');
const concurrency = Number(process.env.AXE_STORIES_CONCURRENCY) || Math.min(4, Math.max(2, availableParallelism()));
/** How long a story may take to render and play before it fails. */
// Generous: a play function that types codes with real key presses is slow on a busy 2-core machine.
const STORY_TIMEOUT_MS = 45_000;
/** After the play function: wait for this much network silence, but no longer than the cap. */
const QUIET_MS = 300;
const QUIET_CAP_MS = 2_000;
/** Then let transitions and the last re-renders settle. */
const SETTLE_MS = 250;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Violations caused by Storybook's own preview chrome, not by our elements: `{ rule, target, reason }`,
 * `target` a RegExp tested against the node's selector. Nothing of Storybook's is visible in
 * `iframe.html?viewMode=story` today, so the list is empty; add an entry only with its reason.
 */
const ALLOWED = [];

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let index;
try {
  index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
} catch (error) {
  console.error(`No ${join(root, 'index.json')}: build Storybook first (npm run build-storybook). ${error.message}`);
  process.exit(2);
}
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story')
  .filter((entry) => !filters.length || filters.some((f) => entry.id.includes(f)));
if (!stories.length) {
  console.error(`No story matches ${filters.join(', ') || '(none in index.json)'}.`);
  process.exit(2);
}

// ——— a tiny static server for storybook-static/ ———
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.map': 'application/json', '.ico': 'image/x-icon',
};
/** An empty page in the service worker's scope (see `keepAlive`). */
const KEEPALIVE_PATH = '/__axe-stories-keepalive.html';
const server = createServer(async (req, res) => {
  if (req.url === KEEPALIVE_PATH) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>keep-alive</title>');
  let path = resolve(root, `.${decodeURIComponent(new URL(req.url, 'http://x').pathname)}`);
  if (path !== root && !path.startsWith(root + sep)) return void res.writeHead(403).end();
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((done) => server.once('listening', done));
const origin = `http://127.0.0.1:${server.address().port}`;

/**
 * Runs in the story's page before Storybook: catches the preview channel as Storybook assigns it
 * to `window.__STORYBOOK_ADDONS_CHANNEL__` and records how the render went. `storyFinished` comes
 * after the play function (and after `storyRendered`), on success and on failure alike.
 */
function recordStoryEvents() {
  const record = (window.__axeStory = { phase: '', finished: '', errors: [] });
  const text = (error) => (error && (error.message || error.description || error.name)) || String(error);
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      value.on('storyRenderPhaseChanged', ({ newPhase }) => (record.phase = newPhase));
      value.on('storyFinished', ({ status }) => (record.finished = status));
      value.on('storyThrewException', (error) => record.errors.push(`render threw: ${text(error)}`));
      value.on('storyErrored', ({ title, description }) => record.errors.push(`render failed: ${title} ${description ?? ''}`.trim()));
      value.on('playFunctionThrewException', (error) => record.errors.push(`play function threw: ${text(error)}`));
      value.on('unhandledErrorsWhilePlaying', (errors) => record.errors.push(...errors.map((e) => `unhandled error while playing: ${text(e)}`)));
      value.on('storyMissing', () => {
        record.errors.push('story missing');
        record.finished = 'error';
      });
    },
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Opens one story, waits for it to be at rest, runs axe; returns what went wrong. */
async function check(page, inFlight, { story, variant }) {
  const result = { id: `${story.id} [${variant}]`, variant, title: `${story.title} › ${story.name}`, errors: [], violations: [], incomplete: [], allowed: 0 };
  const start = Date.now();
  const pageErrors = [];
  const onPageError = (error) => pageErrors.push(error.message);
  page.on('pageerror', onPageError);
  try {
    inFlight.clear();
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=${VARIANTS[variant]}`, { waitUntil: 'load' });
    try {
      await page.waitForFunction(() => window.__axeStory?.finished, null, { timeout: STORY_TIMEOUT_MS, polling: 50 });
    } catch {
      result.errors.push(`did not finish within ${STORY_TIMEOUT_MS / 1000} s (phase: ${await page.evaluate(() => window.__axeStory?.phase)})`);
    }
    const record = await page.evaluate(() => window.__axeStory);
    result.errors.push(...record.errors);
    if (record.finished === 'error' && !record.errors.length) result.errors.push('story finished with status "error"');
    result.errors.push(...pageErrors.map((message) => `uncaught: ${message}`));
    if (result.errors.length) return result;
    if (!(await page.evaluate(() => document.querySelector('#storybook-root')?.childNodes.length))) {
      result.errors.push('#storybook-root is empty');
      return result;
    }
    // Network quiet (a story may hold a request open on purpose, e.g. "Saving": hence the cap).
    const quietBy = Date.now() + QUIET_CAP_MS;
    let quietSince = Date.now();
    while (Date.now() < quietBy) {
      if (inFlight.size) quietSince = Date.now();
      else if (Date.now() - quietSince >= QUIET_MS) break;
      await sleep(50);
    }
    await sleep(SETTLE_MS);
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    const { violations, incomplete } = await page.evaluate((tags) => window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    }), TAGS);
    result.incomplete = incomplete;
    for (const violation of violations) {
      const nodes = violation.nodes.filter((node) => {
        const target = JSON.stringify(node.target);
        const allowed = ALLOWED.some((a) => a.rule === violation.id && a.target.test(target));
        if (allowed) result.allowed++;
        return !allowed;
      });
      if (nodes.length) result.violations.push({ ...violation, nodes });
    }
    // Errors thrown after the story finished (nothing was thrown before, or it returned above).
    result.errors.push(...pageErrors.map((message) => `uncaught: ${message}`));
  } catch (error) {
    result.errors.push(`check failed: ${error.message.split('\n')[0]}`);
  } finally {
    page.off('pageerror', onPageError);
    result.ms = Date.now() - start;
  }
  return result;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = [];
try {
  const jobs = stories.flatMap((story) => variants.map((variant) => ({ story, variant })));
  const queue = [...jobs];
  // One browser context per worker: its own service worker, storage and popups.
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    await context.addInitScript(recordStoryEvents);
    const page = await context.newPage();
    // MSW's worker unregisters itself when its last page closes, which each navigation to the
    // next story does, racing the next story's registration ("Failed to update a ServiceWorker").
    // A second page it controls, open for the whole run, keeps it registered.
    let keepAlive;
    const inFlight = new Set();
    page.on('request', (request) => inFlight.add(request));
    page.on('requestfinished', (request) => inFlight.delete(request));
    page.on('requestfailed', (request) => inFlight.delete(request));
    for (let job = queue.shift(); job; job = queue.shift()) {
      let result = await check(page, inFlight, job);
      // A story that timed out on a loaded machine gets one more try; axe violations never do.
      if (result.errors.some((e) => e.startsWith('did not finish')) && !result.violations.length) {
        result = await check(page, inFlight, job);
        result.retried = true;
      }
      results.push(result);
      const failed = result.errors.length || result.violations.length;
      process.stdout.write(failed ? 'F' : '.');
      // Popups a story opened (the simulated TikTok authorize page) go with it.
      for (const other of context.pages()) if (other !== page && other !== keepAlive) await other.close();
      if (!keepAlive && (await page.evaluate(() => !!navigator.serviceWorker?.controller).catch(() => false))) {
        keepAlive = await context.newPage();
        await keepAlive.goto(origin + KEEPALIVE_PATH);
        await page.bringToFront(); // a background page gets no animation frames and slow timers
      }
    }
    await context.close();
  }));
} finally {
  await browser.close();
  server.close();
}
process.stdout.write('\n');

// ——— report ———
const order = new Map(stories.flatMap((story, i) => variants.map((variant, j) => [`${story.id} [${variant}]`, i * variants.length + j])));
results.sort((a, b) => order.get(a.id) - order.get(b.id));
const failed = results.filter((r) => r.errors.length || r.violations.length);
const rows = [];
for (const r of failed) {
  for (const error of r.errors) rows.push({ story: r.id, problem: 'story failed', impact: '', nodes: '', detail: error.slice(0, 160) });
  for (const v of r.violations) {
    rows.push({ story: r.id, problem: v.id, impact: v.impact ?? '', nodes: v.nodes.length, detail: `${v.help} — ${v.nodes.map((n) => n.target.join(' » ')).slice(0, 2).join(' | ')}`.slice(0, 160) });
  }
}
if (rows.length) {
  console.table(rows);
  for (const r of failed) {
    for (const v of r.violations) {
      console.log(`\n${r.id}: ${v.id} (${v.impact}) ${v.helpUrl}`);
      for (const node of v.nodes.slice(0, 5)) console.log(`  ${node.target.join(' » ')}\n    ${node.failureSummary?.replaceAll('\n', '\n    ')}`);
    }
  }
}
const review = results.reduce((sum, r) => sum + r.incomplete.reduce((n, v) => n + v.nodes.length, 0), 0);
if (showIncomplete) {
  const incomplete = results.flatMap((r) => r.incomplete.flatMap((v) => v.nodes.map((n) => ({
    story: r.id, rule: v.id, target: n.target.join(' » ').slice(-70), why: [...n.any, ...n.all, ...n.none].map((c) => c.message).join(' ').slice(0, 110),
  }))));
  if (incomplete.length) console.table(incomplete);
}
const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `${r.id} ${(r.ms / 1000).toFixed(1)} s`);
const allowed = results.reduce((sum, r) => sum + r.allowed, 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const perVariant = variants.map((v) => `${v} ${results.filter((r) => r.variant === v && (r.errors.length || r.violations.length)).length}/${results.filter((r) => r.variant === v).length}`);
console.log(`\naxe (${TAGS.join(', ')}): ${stories.length} stories × ${variants.length} variants = ${results.length} checked, ${failed.length} failed (failed/checked: ${perVariant.join(', ')})` +
  `${allowed ? `, ${allowed} allow-listed Storybook node(s)` : ''}, ${review} node(s) for review${showIncomplete ? '' : ' (--incomplete lists them)'}` +
  `, ${seconds} s (${concurrency} at a time; slowest: ${slowest.join(', ')}).`);
process.exit(failed.length ? 1 : 0);
