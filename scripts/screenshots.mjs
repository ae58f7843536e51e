#!/usr/bin/env node
/**
 * Screenshots of the demo (or any page with panels) in the system Chromium, after every
 * `<user-settings-panel>` on the page has rendered its shadow content.
 *
 *   node scripts/screenshots.mjs                      # starts `vite` itself, shoots the demo, stops it
 *   node scripts/screenshots.mjs --out /tmp/shots     # PNGs into /tmp/shots (default .screenshots/)
 *   node scripts/screenshots.mjs --url http://localhost:5173/            # a server already running
 *   node scripts/screenshots.mjs --url "http://localhost:6007/iframe.html?id=panel-user-settings-panel--ads-manager&viewMode=story" --sizes 800x700
 *   node scripts/screenshots.mjs --click "#am-profile" --name dropdown   # click (pierces shadow DOM) before the shot
 *
 * Options: --url <url> (repeatable; default: the demo on a dev server this script starts),
 * --out <dir>, --sizes 1440x900,1024x768,360x740, --click <css> (repeatable, in order),
 * --name <prefix>, --port <n> (for the dev server it starts), --viewport-only (no full-page shots),
 * --slices (also the full page cut into viewport-high parts, `<name>-<size>-partN.png`),
 * --wait <ms> extra settle time. Without --url and --click it also shoots the demo with the Ads
 * Manager drop-down open. The browser is CHROMIUM_PATH or /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.lastIndexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const options = (name) => args.flatMap((arg, i) => (arg === `--${name}` ? [args[i + 1]] : []));
const flag = (name) => args.includes(`--${name}`);

if (flag('help')) {
  console.log('usage: node scripts/screenshots.mjs [--url <url>]… [--out dir] [--sizes WxH,…] [--click css]… [--name prefix] [--port n] [--viewport-only] [--slices] [--wait ms]');
  process.exit(0);
}

const out = resolve(option('out', '.screenshots'));
const sizes = option('sizes', '1440x900,1024x768,360x740').split(',').map((size) => {
  const [width, height] = size.split('x').map(Number);
  if (!width || !height) throw new Error(`Bad size: ${size}`);
  return { width, height };
});
const clicks = options('click');
const extraWait = Number(option('wait', '300'));
const port = Number(option('port', '5179'));
let urls = options('url');

const chromeArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Starts `vite` on `port` and resolves once it answers. */
async function startDevServer() {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite exited:\n${log}`);
    try {
      if ((await fetch(url)).ok) return { server, url };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`vite did not answer on ${url}:\n${log}`);
}

function stopDevServer(server) {
  if (!server || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // its process group (vite and esbuild children)
  } catch {
    server.kill('SIGTERM');
  }
}

/**
 * Resolves when the page shows at least one of the project's elements and every panel (also in
 * open shadow roots) has rendered content that is not loading, and every sub-element has rendered
 * something. Gives up after 15 s with a warning (the shot is still taken).
 */
async function panelsSettled(page, label) {
  try {
    await page.waitForFunction(() => {
      const found = [];
      const collect = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName.startsWith('user-settings-')) found.push(el);
          if (el.shadowRoot) collect(el.shadowRoot);
        }
      };
      collect(document);
      if (!found.length) return false;
      return found.every((el) => {
        const root = el.shadowRoot;
        if (!root) return false;
        if (el.localName === 'user-settings-provider') return true;
        if (el.localName === 'user-settings-panel') return root.querySelector('[part="panel"]') && !root.querySelector('[aria-busy="true"]');
        return root.querySelector('*') !== null;
      });
    }, undefined, { timeout: 15_000, polling: 100 });
  } catch {
    console.warn(`${label}: the elements did not settle within 15 s; shooting anyway`);
  }
  await page.evaluate(() => document.fonts?.ready);
  await page.waitForTimeout(extraWait);
}

let dev;
const problems = [];
try {
  if (!urls.length) {
    dev = await startDevServer();
    urls = [dev.url];
    console.log(`dev server on ${dev.url}`);
  }
  await mkdir(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromeArgs });
  try {
    for (const [index, url] of urls.entries()) {
      const runs = [{ name: option('name', dev ? 'demo' : urls.length > 1 ? `page${index + 1}` : 'page'), clicks }];
      if (dev && !clicks.length) runs.push({ name: 'dropdown', clicks: ['#am-profile'] });
      for (const { width, height } of sizes) {
        for (const run of runs) {
          const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
          const page = await context.newPage();
          page.on('pageerror', (error) => problems.push(`${url} @${width}: ${error.message}`));
          page.on('console', (message) => {
            // A failed resource (favicon, a mocked 500 the story asks for) is not a page problem.
            if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`${url} @${width}: console: ${message.text()}`);
          });
          await page.goto(url, { waitUntil: 'load' });
          await panelsSettled(page, `${url} @${width}`);
          for (const selector of run.clicks) {
            await page.locator(selector).first().click();
            await panelsSettled(page, `${url} @${width}`);
          }
          const file = `${out}/${run.name}-${width}x${height}.png`;
          await page.screenshot({ path: file, fullPage: !flag('viewport-only') });
          console.log(file);
          if (flag('slices')) {
            // The full page cut into viewport-high pieces, easier to look at than one tall image.
            const total = await page.evaluate(() => document.documentElement.scrollHeight);
            for (let y = 0, i = 1; y < total; y += height, i++) {
              const slice = `${out}/${run.name}-${width}x${height}-part${i}.png`;
              await page.screenshot({ path: slice, fullPage: true, clip: { x: 0, y, width, height: Math.min(height, total - y) } });
              console.log(slice);
            }
          }
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  stopDevServer(dev?.server);
}
if (problems.length) {
  console.warn(`\n${problems.length} page problem(s):\n${[...new Set(problems)].join('\n')}`);
  process.exitCode = 1;
}
