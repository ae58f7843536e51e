// The panel on a page with a strict CSP and Trusted Types enforced: violations are reported to
// the test page that framed this one.
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`);
});
(window as unknown as { cspViolations: string[] }).cspViolations = violations;

// The dev-only mock registers a service worker, a Trusted Types sink: the test page (not the
// product) allows exactly that one script URL. The panel itself needs only lit-html's policy.
(window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes.createPolicy('default', {
  createScriptURL: (url: string) => {
    if (new URL(url, location.href).pathname === '/mockServiceWorker.js') return url;
    throw new TypeError(`Script URL refused: ${url}`);
  },
});
const { startMockBackend } = await import('../../src/mock/browser.js');
await startMockBackend({ apiBase: '/api' });
await import('../../src/define.js');
(window as unknown as { cspReady: boolean }).cspReady = true;
export {};
