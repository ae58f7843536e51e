// Issue 10 item 1 / SPEC §3: a successful change stays successful when the profile refresh after
// it fails — the last good profile stays on screen, the editor keeps its success message, and a
// quiet notice offers a retry that works.
import { expect } from '@open-wc/testing';
import type { UspPasswordEditor } from '../src/elements/user-settings-password/password-editor.js';
import { MOCK_PASSWORD } from '../src/mock/index.js';
import { announced, deepText, waitFor, waitForEditor } from './support/dom.js';
import { mockBackend, mountPanel, openSectionEditor, requestsTo } from './support/panel.js';
import { user } from './support/user.js';

describe('a failed refresh after a change', () => {
  afterEach(async () => (await mockBackend()).scenarios.set({ serverErrors: false }));

  it('keeps the profile and the success message, and offers a retry that works', async function () {
    this.timeout(40000); // the refresh's own retries on 500 come first; axe on a shared machine
    const { mock, panel, editor } = await openSectionEditor<UspPasswordEditor>('password', 'Change Password');
    const changed: string[] = [];
    panel.addEventListener('usp-changed', (e) => changed.push(e.detail.capability));
    mock.scenarios.set({ serverErrors: ['getProfile'] });

    await user.fill('textbox', 'Current password', MOCK_PASSWORD);
    await user.fill('textbox', 'New password', 'a long and new phrase 7', { exact: true });
    await user.fill('textbox', 'Confirm new password', 'a long and new phrase 7');
    await user.press('Enter');

    await waitFor(() => announced(panel).includes('couldn\'t refresh'), { message: 'the refresh notice', timeout: 10000 });
    expect(requestsTo(mock, 'changePassword')).to.have.length(1);
    const profileReads = requestsTo(mock, 'getProfile').length;
    expect(profileReads, 'mount + the refresh (and its retries)').to.be.greaterThan(1);
    expect(announced(editor)).to.include('Your password was changed.');
    expect(deepText(panel)).not.to.include('We couldn\'t load your settings');
    expect(panel.shadowRoot!.querySelector('.sections'), 'the sections stay').to.exist;
    expect(changed).to.deep.equal(['password']);
    await expect(panel).to.be.accessible();

    mock.scenarios.set({ serverErrors: false });
    await user.click('button', 'Try again');
    await waitFor(() => !announced(panel).includes('couldn\'t refresh'), { message: 'the notice to go' });
    expect(requestsTo(mock, 'getProfile')).to.have.length(profileReads + 1);
    expect(announced(editor)).to.include('Your password was changed.');
  });

  it('a reload with no change made (configuration changed) that fails does not say anything was saved', async function () {
    this.timeout(40000);
    const mock = await mockBackend();
    const panel = await mountPanel();
    const region = panel.shadowRoot!.querySelector('[role=status][part=notice]');
    expect(region, 'the live region is rendered before anything goes wrong').to.exist;
    mock.scenarios.set({ serverErrors: ['getProfile'] });
    const reads = requestsTo(mock, 'getProfile').length;
    panel.timeout = 4000; // a configuration change reloads the profile

    await waitFor(() => announced(panel).includes('couldn\'t refresh your settings'), { message: 'the neutral notice', timeout: 15000 });
    expect(requestsTo(mock, 'getProfile').length).to.be.greaterThan(reads);
    expect(panel.shadowRoot!.querySelector('[role=status][part=notice]'), 'the same live region').to.equal(region);
    expect(announced(panel)).not.to.include('Saved.');
    expect(panel.shadowRoot!.querySelector('.sections'), 'the last good profile stays').to.exist;

    mock.scenarios.set({ serverErrors: false });
    await user.click('button', 'Try again');
    await waitFor(() => !announced(panel).includes('couldn\'t refresh'), { message: 'the notice to go' });
  });

  it('a refused unlink whose reload then fails says nothing was saved', async function () {
    this.timeout(40000);
    const mock = await mockBackend('linkedPersonal');
    const panel = await mountPanel({ sections: 'tiktok' });
    await user.click('button', 'TikTok account');
    await waitForEditor('usp-tiktok-editor', { ready: '.stack' });
    // Unlinked elsewhere meanwhile: the server refuses (tiktok_not_linked) and the panel reloads.
    mock.state.profile.tiktok = { ...mock.state.profile.tiktok, account: null };
    mock.scenarios.set({ serverErrors: ['getProfile'] });
    await user.click('button', 'Unlink TikTok account');
    await user.click('button', 'Unlink', { exact: true });

    await waitFor(() => announced(panel).includes('couldn\'t refresh your settings'), { message: 'the neutral notice', timeout: 15000 });
    expect(requestsTo(mock, 'unlinkTiktok')).to.have.length(1);
    expect(announced(panel)).not.to.include('Saved.');
  });

  it('a failed first load still shows the error in place of the panel', async () => {
    const mock = await mockBackend();
    mock.scenarios.set({ serverErrors: ['getProfile'] });
    const panel = await mountPanel({ loaded: false });
    await waitFor(() => announced(panel).includes('couldn\'t load your settings'), { timeout: 5000 });
    expect(panel.shadowRoot!.querySelector('.sections')).to.equal(null);
  });
});
