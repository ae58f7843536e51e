// The panel on a page with a strict CSP and Trusted Types enforced (web-test-runner.config.js).
// Isolated from the other test pages: the mock's service worker is registered from this folder,
// so its scope is /test/csp/ and it controls these frames only. Every module is a static import,
// fetched in parallel with the page (not one by one through the worker after it starts); the
// tags are defined only once the mock answers.
import { report, WORKER_URL } from './report.js';
import { startMockBackend } from '../../src/mock/browser.js';
import '../../src/index.js';

report.cspStage = 'starting the mock';
await startMockBackend({ apiBase: '/api', serviceWorkerUrl: WORKER_URL });
report.cspStage = 'defining the elements';
await import('../../src/define.js');
report.cspStage = 'ready';
report.cspReady = true;
