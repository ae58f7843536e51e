// Fault matrix (issue 10 item 12): the re-verification dialog (password method), opened by a
// password change that needs it; the faults hit POST /reauth.
import { expect } from '@open-wc/testing';
import { MOCK_PASSWORD } from '../../src/mock/index.js';
import { announced, waitFor } from '../support/dom.js';
import { user } from '../support/user.js';
import { editorOf, valueOf } from './editors.js';
import { en } from '../../src/i18n/messages.js';
import { requestsTo } from '../support/mock.js';
import { type Cell, type Driver, faultMatrix, fieldErrors, generalAlert, mountCell, reauthDialog, resetCell } from './matrix.js';
import { passwordDriver } from './password-driver.js';

const editor = (cell: Cell) => editorOf(cell, 'password');
const dialog = (cell: Cell) => reauthDialog(cell)!;
const NEW = passwordDriver.expectedTyped(undefined!);

const reauth: Driver = {
  name: 're-verification dialog',
  capability: 'reauth',
  changedCapability: 'password',
  route: 'reauth',
  sections: 'password',
  async arrange(cell) {
    cell.mock.scenarios.set({ reauthRequired: ['changePassword'] });
    await passwordDriver.arrange(cell);
    await passwordDriver.act(cell);
    await waitFor(() => reauthDialog(cell)?.shadowRoot?.querySelector('dialog[open]'), { message: 'the dialog' });
    await user.fill('textbox', 'Your password', MOCK_PASSWORD);
  },
  async act() {
    await user.click('button', 'Confirm', { exact: true });
  },
  scope: dialog,
  // The dialog's password and the form behind it.
  typed: (cell) => ({ reauth: valueOf(dialog(cell), 'password'), ...passwordDriver.typed(cell) }),
  expectedTyped: () => ({ reauth: MOCK_PASSWORD, ...NEW }),
  async succeeded(cell) {
    await waitFor(() => announced(editor(cell).shadowRoot!).includes('Your password was changed.'), { message: 'the change' });
  },
  changes: true,
  async close(cell) {
    await user.press('Escape');
    await waitFor(() => !reauthDialog(cell), { message: 'the dialog to close' });
  },
  async afterClose(cell) {
    // The form is as it was, idle, with nothing to say; the change was not repeated.
    expect(passwordDriver.typed(cell)).to.deep.equal(NEW);
    expect(generalAlert(editor(cell))).to.equal('');
    expect(announced(editor(cell).shadowRoot!)).to.not.contain('Saving');
    expect(editor(cell).shadowRoot!.querySelector('button.primary')!.getAttribute('aria-disabled')).to.equal('false');
    expect(cell.mock.state.requests.filter((r) => r.route === 'changePassword')).to.have.length(1);
  },
  notApplicable: {
    '403 reauth_required twice': 'POST /reauth does not re-verify; the second reauth_required is a cell of each editor',
  },
};

faultMatrix(reauth);

describe('re-verification dialog: a password is cleared only when the server refuses it', () => {
  let cell: Cell | undefined;
  afterEach(() => resetCell(cell));

  it('keeps it through a dropped connection, clears it on reauth_invalid, shown at the field', async () => {
    cell = await mountCell(reauth);
    cell.mock.scenarios.set({ offline: ['reauth'] });
    await reauth.arrange(cell);
    await reauth.act(cell);
    await waitFor(() => generalAlert(dialog(cell!)), { message: 'the network failure' });
    expect(valueOf(dialog(cell), 'password')).to.equal(MOCK_PASSWORD);
    expect(fieldErrors(dialog(cell))).to.deep.equal([]);
    cell.mock.scenarios.set({ offline: false });
    await user.fill('textbox', 'Your password', 'not my password');
    await reauth.act(cell);
    await waitFor(() => fieldErrors(dialog(cell!)).length, { message: 'the refusal at the field' });
    expect(fieldErrors(dialog(cell))).to.deep.equal([en['error.reauth_invalid']]);
    expect(generalAlert(dialog(cell))).to.equal('');
    expect(valueOf(dialog(cell), 'password')).to.equal('');
    const [dropped, refused] = requestsTo(cell.mock, 'reauth').map((r) => r.status ?? -1);
    expect(dropped, 'the dropped request').to.equal(0);
    expect(refused, 'the refusal (4xx)').to.be.within(400, 499);
    expect(passwordDriver.typed(cell), 'the form behind it is untouched').to.deep.equal(NEW);
  });
});
