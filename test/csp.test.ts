import { expect } from '@open-wc/testing';
import { deepQuery, deepText, waitFor } from './support/dom.js';

type Framed = Window & { cspReady?: boolean; cspViolations?: string[] };

/** Loads test/csp/page.html (served with a strict CSP and Trusted Types) in an iframe. */
async function framedPage(): Promise<Framed> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '900px';
  frame.src = '/test/csp/page.html';
  document.body.append(frame);
  const win = frame.contentWindow as Framed;
  await waitFor(() => win.cspReady, { timeout: 8000, message: 'the framed page' })
    .catch((error) => Promise.reject(new Error(`${error} ${JSON.stringify(win.cspViolations)}`)));
  return win;
}

describe('strict Content-Security-Policy and Trusted Types', () => {
  it('the page really enforces them', async () => {
    const win = await framedPage();
    expect(() => { win.document.body.innerHTML = '<b>x</b>'; }).to.throw();
    expect(() => (win as unknown as { eval(code: string): unknown }).eval('1')).to.throw();
  });

  it('renders the panel and opens every editor without a violation', async () => {
    const win = await framedPage();
    const panel = win.document.querySelector('user-settings-panel')!;
    await waitFor(() => deepText(panel).includes('jordan.rivera@example.com'), { message: 'the loaded panel' })
      .catch((error) => Promise.reject(new Error(`${error}: ${deepText(panel)} ${JSON.stringify(win.cspViolations)}`)));
    for (const section of ['email', 'phone', 'password', 'tiktok']) {
      const element = panel.shadowRoot!.querySelector(`user-settings-${section}`) as HTMLElement & { open: boolean };
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part=action]')!.click();
      await waitFor(() => deepQuery(`usp-${section}-editor`, element)?.shadowRoot?.childElementCount, { message: `the ${section} editor` });
    }
    expect(win.cspViolations).to.deep.equal([]);
  });
});
