// First module of the strict-CSP page: from here on, every violation is recorded for the test
// page that framed this one, with how far the page got (for a clear timeout message).
type Report = { cspViolations: string[]; cspStage: string; cspReady?: boolean };

export const report = window as unknown as Report;
report.cspViolations = [];
report.cspStage = 'loading modules';
document.addEventListener('securitypolicyviolation', (event) => {
  report.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`);
});
addEventListener('error', (event) => {
  report.cspStage += ` (error: ${event.message})`;
});

/** Where the page's own mock service worker is served: its scope is this folder only. */
export const WORKER_URL = '/test/csp/mockServiceWorker.js';

// The dev-only mock registers a service worker, a Trusted Types sink: the test page (not the
// product) allows exactly that one script URL. The panel itself needs only lit-html's policy.
(window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes.createPolicy('default', {
  createScriptURL: (url: string) => {
    if (new URL(url, location.href).pathname === WORKER_URL) return url;
    throw new TypeError(`Script URL refused: ${url}`);
  },
});
