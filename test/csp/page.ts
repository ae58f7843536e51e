// The panel on a page with a strict CSP and Trusted Types enforced (web-test-runner.config.js).
// Isolated from the other test pages: the mock's service worker is registered from this folder,
// so its scope is /test/csp/ and it controls these frames only. Every module is a static import,
// fetched in parallel with the page before the worker starts; the panel is created once the mock
// answers (so its first GET /me reaches the mock).
import { report, WORKER_URL } from './report.js';
import { startMockBackend } from '../../src/mock/browser.js';
import '../../src/define.js';

report.cspStage = 'starting the mock';
await startMockBackend({ apiBase: '/api', serviceWorkerUrl: WORKER_URL });
const panel = document.createElement('user-settings-panel');
panel.setAttribute('api-base', '/api');
panel.setAttribute('host', 'business-center');
document.querySelector('main')!.append(panel);
report.cspStage = 'ready';
report.cspReady = true;
