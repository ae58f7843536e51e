// The shared section anatomy (src/elements/section/settings-section.ts): an editor whose chunk
// fails to load (offline, a new deploy) closes again, says so, and keeps focus off <body> (SPEC §6).
import { expect } from '@open-wc/testing';
import { deepActiveElement } from '../src/utils/focus.js';
import { announced, waitFor } from './support/dom.js';
import { mockBackend, mountPanel } from './support/panel.js';
import { user } from './support/user.js';

describe('a section whose editor fails to load', () => {
  it('closes the editor, shows an alert and puts focus back on the action button, which tries again', async () => {
    await mockBackend();
    const panel = await mountPanel({ sections: 'password' });
    const section = panel.shadowRoot!.querySelector('user-settings-password')!;
    // A test double for the chunk import: it fails like a lost connection until the connection is back.
    const realLoad = (section as unknown as { loadEditor(): Promise<unknown> }).loadEditor.bind(section);
    let online = false;
    let attempts = 0;
    Object.assign(section, {
      loadEditor: () => (++attempts, online ? realLoad() : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
    });

    await user.click('button', 'Change Password');
    await waitFor(() => announced(panel).includes('couldn\'t open this setting'), { message: 'the alert' });
    expect(section.open, 'the editor closed again').to.equal(false);
    expect(section.shadowRoot!.querySelector('[part=editor]'), 'no empty editor box').to.equal(null);
    const action = section.shadowRoot!.querySelector('[part=action]');
    await waitFor(() => deepActiveElement() === action, { message: 'focus on the action button' });
    await expect(panel).to.be.accessible();

    online = true;
    await user.press('Enter'); // the same button tries again
    await waitFor(() => section.shadowRoot!.querySelector('usp-password-editor'), { message: 'the editor' });
    expect(attempts).to.be.greaterThan(1);
    expect(announced(panel)).not.to.include('couldn\'t open this setting');
    const editor = section.shadowRoot!.querySelector('usp-password-editor')!;
    await waitFor(() => editor.shadowRoot?.contains(deepActiveElement()), { message: 'focus in the editor' });
  });
});
