// The phone editor when a numbering plan cannot be downloaded. A file (so a page) of its own: the
// plans a page has loaded stay loaded, so the failure must come before any test loads zone 3.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { announced, deepQuery, waitFor, waitForEditor } from './support/dom.js';
import { mockBackend, mountPanel, requestsTo } from './support/panel.js';
import { user } from './support/user.js';

describe('<usp-phone-editor> without the numbering plan of the typed number', () => {
  it('says the connection failed (not that the number is invalid), sends nothing and keeps the number', async () => {
    const mock = await mockBackend();
    const panel = await mountPanel({ sections: 'phone', defaultCountry: 'US' });
    // World zone 3 (+3x: France, Spain, Italy…) cannot be fetched; the US plans (zone 1) can.
    mock.worker.use(http.get(/\/metadata\/zone-3\.(ts|js)/, () => HttpResponse.error()));
    await user.click('button', 'Add Phone number');
    const editor = await waitForEditor('usp-phone-editor', { ready: '#country', root: panel.shadowRoot!, message: 'the phone editor' });

    await user.fill('textbox', 'Phone number', '+33 6 12 34 56 78');
    await user.press('Enter');

    await waitFor(() => announced(editor.shadowRoot!).includes('We couldn\'t reach the server.'), { message: 'the network alert' });
    expect(announced(editor.shadowRoot!)).not.to.include('valid');
    const number = deepQuery<HTMLInputElement>('#number', editor.shadowRoot!)!;
    expect(number.getAttribute('aria-invalid')).to.equal('false');
    expect(number.value, 'what was typed stays').to.include('6 12 34 56 78');
    expect(requestsTo(mock, 'startPhoneVerification')).to.have.length(0);

    // Back online: Send code again gets the plans and sends the number.
    mock.worker.resetHandlers();
    await user.press('Enter');
    await waitFor(() => editor.shadowRoot!.querySelector('usp-code-input'), { message: 'the code step after the retry' });
    expect(requestsTo(mock, 'startPhoneVerification').map((r) => r.body)).to.deep.equal([{ phone: '+33612345678' }]);
  });
});
