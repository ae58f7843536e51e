import { expect } from '@open-wc/testing';
import { deepText, waitFor } from './support/dom.js';

/** The README's first command serves index.html; this keeps that page working. */
describe('the demo page', () => {
  it('shows the three hosts on the mock, and the drop-down opens and closes', async function () {
    // The demo's whole module graph is transformed on first request: slow on a busy machine.
    this.timeout(90_000);
    sessionStorage.clear();
    const frame = document.createElement('iframe');
    frame.style.width = '1440px';
    frame.style.height = '900px';
    frame.src = '/index.html';
    document.body.append(frame);
    const doc = () => frame.contentDocument!;
    const panels = () => [...doc().querySelectorAll('user-settings-panel')];
    await waitFor(() => panels().length === 2 && panels().every((p) => deepText(p).includes('jordan.rivera@example.com')),
      { timeout: 60_000, message: 'Business Center and mobile lite to load' });
    expect(panels().map((p) => p.getAttribute('host')).sort()).to.deep.equal(['business-center', 'mobile-lite']);

    const profile = doc().getElementById('am-profile') as HTMLButtonElement;
    profile.click();
    const dropdown = await waitFor(() => doc().querySelector('user-settings-panel[host="ads-manager"]'), { message: 'the drop-down panel' });
    await waitFor(() => deepText(dropdown).includes('jordan.rivera@example.com'));
    dropdown.dispatchEvent(new Event('usp-close-requested', { bubbles: true, composed: true }));
    await waitFor(() => !doc().querySelector('user-settings-panel[host="ads-manager"]'), { message: 'the drop-down to close' });
    frame.remove();
  });
});
