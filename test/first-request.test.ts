// SPEC §3: configuration lands before the first request. Each page is a real page load in a
// frame: the README snippet's order (bundle, then a script that sets `headers`) and properties
// set before the tags are defined, against a backend that answers 401 without the header.
import { expect } from '@open-wc/testing';
import type { FirstRequestLog } from './first-request/backend.js';
import { TOKEN } from './first-request/backend.js';
import { deepText, waitFor } from './support/dom.js';

type FrameWindow = Window & { firstRequest?: FirstRequestLog };

/** Loads `page` in a frame and waits until its panel shows the profile. */
async function load(page: string) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  frame.src = `/test/first-request/${page}`;
  document.body.append(frame);
  const win = () => frame.contentWindow as FrameWindow;
  const panel = await waitFor(() => win().document?.querySelector('user-settings-panel')?.shadowRoot, { message: 'the panel', timeout: 8000 });
  await waitFor(() => deepText(panel).includes('jordan.rivera@example.com') || deepText(panel).includes('couldn'), { message: 'the profile or an error', timeout: 8000 });
  const log = win().firstRequest!;
  return { frame, log, text: deepText(panel), hash: win().location.hash };
}

/** Page loads per page: enough to catch an ordering race, few enough for the normal suite. */
const LOADS = 5;

describe('configuration before the first request', () => {
  for (const page of ['after-bundle.html', 'before-define.html']) {
    it(`${page}: exactly one GET /me, with the host's header; no usp-session-expired (${LOADS} loads)`, async function () {
      this.timeout(60000);
      for (let i = 0; i < LOADS; i++) {
        const { frame, log, text, hash } = await load(page);
        expect(log.requests, `load ${i + 1}`).to.deep.equal([{ method: 'GET', path: '/api/me', authorization: TOKEN }]);
        expect(log.sessionExpired, `load ${i + 1}`).to.equal(0);
        expect(hash, 'the host was not sent to its login page').to.equal('');
        expect(text).to.include('jordan.rivera@example.com');
        frame.remove();
      }
    });
  }
});
