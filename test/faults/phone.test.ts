// Fault matrix (issue 10 item 12): the phone editor — the number, the code, and removal.
import { announced, waitFor } from '../support/dom.js';
import { user } from '../support/user.js';
import { closeAndReopen, codeOf, codeStepOf, confirmThrough, editorOf, openEditor, valueOf } from './editors.js';
import { type Cell, type Driver, faultMatrix } from './matrix.js';

const NUMBER = '+14155550123';
const TYPED = '(415) 555-0123';
const editor = (cell: Cell) => editorOf(cell, 'phone');
const codeStep = (cell: Cell) => codeStepOf(cell, 'phone');
const cancelAndReopen = (button: string) => closeAndReopen('phone', button, 'number', '#country');

const numberStep: Driver = {
  name: 'phone add: number',
  capability: 'phone',
  route: 'startPhoneVerification',
  sections: 'phone',
  async arrange(cell) {
    await openEditor(cell, 'phone', 'Add Phone number', '#country');
    await user.fill('textbox', 'Phone number', '4155550123');
  },
  async act() {
    await user.click('button', 'Send code');
  },
  scope: editor,
  typed: (cell) => ({ number: valueOf(editor(cell), 'number') }),
  expectedTyped: () => ({ number: TYPED }),
  async succeeded(cell) {
    await codeStep(cell);
  },
  changes: false,
  ...cancelAndReopen('Add Phone number'),
};

const codeStepDriver: Driver = {
  name: 'phone add: code',
  capability: 'phone',
  route: 'confirmPhone',
  sections: 'phone',
  async arrange(cell) {
    await numberStep.arrange(cell);
    await numberStep.act(cell);
    await codeStep(cell);
    cell.extra.code = cell.mock.inbox.latestCode({ channel: 'sms', to: NUMBER });
  },
  async act(cell) {
    await user.fill('textbox', 'Verification code', cell.extra.code as string);
  },
  async retry() {
    await user.click('button', 'Verify', { exact: true });
  },
  scope: editor,
  typed: (cell) => ({ code: codeOf(editor(cell)) }),
  expectedTyped: (cell) => ({ code: cell.extra.code as string }),
  async succeeded(cell) {
    await waitFor(() => announced(editor(cell).shadowRoot!).includes('Your phone number is now +1 415 555 0123'), { message: 'the change' });
  },
  changes: true,
  ...cancelAndReopen('Add Phone number'),
};

const removal: Driver = {
  // Its buttons stay enabled while the request is on its way: the user can go through it twice.
  async actAgain(cell) {
    await removal.act(cell);
  },
  name: 'phone removal',
  capability: 'phone-removal',
  route: 'removePhone',
  sections: 'phone',
  profile: { phone: { number: '+14155554567', verified: true } },
  async arrange(cell) {
    await openEditor(cell, 'phone', 'Change Phone number', '#country');
  },
  act: (cell) => confirmThrough(cell, 'phone', 'Remove phone number', 'Remove'),
  scope: editor,
  typed: (cell) => ({ number: valueOf(editor(cell), 'number') }),
  expectedTyped: () => ({ number: '' }),
  async succeeded(cell) {
    await waitFor(() => announced(editor(cell).shadowRoot!).includes('Your phone number has been removed.'), { message: 'the removal' });
  },
  changes: true,
  ...cancelAndReopen('Change Phone number'),
};

faultMatrix(numberStep);
faultMatrix(codeStepDriver);
faultMatrix(removal);
