// Fault matrix (issue 10 item 12): the email editor, both steps (the address, then the code).
import { announced, waitFor } from '../support/dom.js';
import { user } from '../support/user.js';
import { closeAndReopen, codeOf, codeStepOf, editorOf, openEditor, valueOf } from './editors.js';
import { type Cell, type Driver, faultMatrix } from './matrix.js';

const NEW = 'new.address@example.com';
const editor = (cell: Cell) => editorOf(cell, 'email');
const codeStep = (cell: Cell) => codeStepOf(cell, 'email');
const cancelAndReopen = closeAndReopen('email', 'Change Email', 'email');

const addressStep: Driver = {
  name: 'email change: address',
  capability: 'email',
  route: 'startEmailVerification',
  sections: 'email',
  async arrange(cell) {
    await openEditor(cell, 'email', 'Change Email');
    await user.fill('textbox', 'New email address', NEW);
  },
  async act() {
    await user.click('button', 'Send code');
  },
  scope: editor,
  typed: (cell) => ({ email: valueOf(editor(cell), 'email') }),
  expectedTyped: () => ({ email: NEW }),
  async succeeded(cell) {
    await codeStep(cell);
  },
  changes: false,
  ...cancelAndReopen,
};

const codeStepDriver: Driver = {
  name: 'email change: code',
  capability: 'email',
  route: 'confirmEmail',
  sections: 'email',
  async arrange(cell) {
    await addressStep.arrange(cell);
    await addressStep.act(cell);
    await codeStep(cell);
    cell.extra.code = cell.mock.inbox.latestCode({ to: NEW });
  },
  // Six digits submit the code by themselves.
  async act(cell) {
    await user.fill('textbox', 'Verification code', cell.extra.code as string);
  },
  async retry() {
    await user.click('button', 'Verify', { exact: true });
  },
  scope: editor,
  typed: (cell) => ({ email: valueOf(editor(cell), 'email'), code: codeOf(editor(cell)) }),
  // The address step is not rendered while the code shows; the code survives a transient failure.
  expectedTyped: (cell) => ({ email: '', code: cell.extra.code as string }),
  async succeeded(cell) {
    await waitFor(() => announced(editor(cell).shadowRoot!).includes(`Your email address is now ${NEW}.`), { message: 'the change' });
  },
  changes: true,
  ...cancelAndReopen,
};

faultMatrix(addressStep);
faultMatrix(codeStepDriver);
