// Browser tests in the system Chromium (Debian's package), driven by Playwright.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { openapiPlugin } from './test/support/openapi-plugin.js';
import { userPlugin } from './test/support/user-plugin.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // The MSW worker must be served from the site root so its scope covers the test pages.
  middleware: [
    // test/csp/page.html runs under the strictest policy a host may set (SPEC §6).
    async (ctx, next) => {
      await next();
      if (ctx.path === '/test/csp/page.html') {
        ctx.set('Content-Security-Policy', [
          "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' https:",
          "connect-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'none'",
          "require-trusted-types-for 'script'", 'trusted-types lit-html default',
        ].join('; '));
      }
    },
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js' || ctx.path.startsWith('/mock-tiktok-')) ctx.path = `/public${ctx.path}`;
      // The strict-CSP page registers its own copy, scoped to /test/csp/ (isolated from other pages).
      if (ctx.path === '/test/csp/mockServiceWorker.js') ctx.path = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  plugins: [userPlugin(), openapiPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      },
    }),
  ],
  concurrency: 2,
  // Generous per-test time: tests wait for conditions, and a busy 2-core machine can be slow to start one.
  testFramework: { config: { timeout: 30000 } },
  // On a shared 2-core machine under load, opening a page and loading a test file's module graph
  // can take longer than the defaults (30 s, 20 s): generous ceilings, not waits.
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 300000,
};
