import { expect } from '@open-wc/testing';
import { deepQuery, deepText, waitFor } from './support/dom.js';

type Framed = Window & { cspReady?: boolean; cspViolations?: string[]; cspStage?: string };

/**
 * Loads test/csp/page.html (served with a strict CSP and Trusted Types) in an iframe and waits
 * until its mock answers and its tags are defined. A whole page with its own module graph and
 * service worker: on a loaded machine that takes a while, so the wait is generous and says how
 * far the page got when it runs out.
 */
async function framedPage(frame: HTMLIFrameElement): Promise<Framed> {
  frame.style.width = '800px';
  frame.style.height = '900px';
  frame.src = '/test/csp/page.html';
  document.body.append(frame);
  const started = performance.now();
  const win = () => frame.contentWindow as Framed;
  await waitFor(() => win().cspReady, { timeout: 50_000, message: 'the framed page' }).catch((error) => {
    const { cspStage, cspViolations } = win();
    throw new Error(`${error} (stage: ${cspStage}, ${Math.round(performance.now() - started)} ms) ${JSON.stringify(cspViolations)}`);
  });
  return win();
}

describe('strict Content-Security-Policy and Trusted Types', () => {
  const frame = document.createElement('iframe');
  let win: Framed;

  before(async function loadOnce() {
    this.timeout(60_000);
    win = await framedPage(frame);
  });

  after(() => frame.remove());

  it('the page really enforces them, and reports violations', async () => {
    expect(() => { win.document.body.innerHTML = '<b>x</b>'; }).to.throw();
    expect(() => (win as unknown as { eval(code: string): unknown }).eval('1')).to.throw();
    await waitFor(() => win.cspViolations!.length === 2, { message: 'the two reports' });
    win.cspViolations!.length = 0; // the frame is shared with the next test
  });

  it('renders the panel and opens every editor without a violation', async function openEveryEditor() {
    // Each editor is a lazy chunk fetched through the page's service worker on first open.
    this.timeout(40_000);
    const panel = win.document.querySelector('user-settings-panel')!;
    await waitFor(() => deepText(panel).includes('jordan.rivera@example.com'), { timeout: 15_000, message: 'the loaded panel' })
      .catch((error) => Promise.reject(new Error(`${error}: ${deepText(panel)} ${JSON.stringify(win.cspViolations)}`)));
    for (const section of ['email', 'phone', 'password', 'tiktok']) {
      const element = panel.shadowRoot!.querySelector(`user-settings-${section}`) as HTMLElement & { open: boolean };
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part=action]')!.click();
      await waitFor(() => deepQuery(`usp-${section}-editor`, element)?.shadowRoot?.childElementCount, { timeout: 10_000, message: `the ${section} editor` });
    }
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('its mock worker controls the framed page only, not the test page', async () => {
    const registration = await win.navigator.serviceWorker.getRegistration();
    expect(new URL(registration!.scope).pathname).to.equal('/test/csp/');
    expect(navigator.serviceWorker.controller).to.equal(null);
  });
});
