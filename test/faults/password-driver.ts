/** The fault-matrix driver of the password editor (also the way into the re-verification dialog). */
import { MOCK_PASSWORD } from '../../src/mock/index.js';
import { announced, waitFor } from '../support/dom.js';
import { user } from '../support/user.js';
import { closeAndReopen, editorOf, openEditor, valueOf } from './editors.js';
import type { Cell, Driver } from './matrix.js';

const NEW = 'a long and new phrase 7';
const editor = (cell: Cell) => editorOf(cell, 'password');

export const passwordDriver: Driver = {
  name: 'password change',
  capability: 'password',
  route: 'changePassword',
  sections: 'password',
  async arrange(cell) {
    await openEditor(cell, 'password', 'Change Password');
    await user.fill('textbox', 'Current password', MOCK_PASSWORD);
    await user.fill('textbox', 'New password', NEW, { exact: true });
    await user.fill('textbox', 'Confirm new password', NEW);
  },
  async act() {
    await user.click('button', 'Change password');
  },
  scope: editor,
  typed: (cell) => ({ current: valueOf(editor(cell), 'current'), next: valueOf(editor(cell), 'next'), confirm: valueOf(editor(cell), 'confirm') }),
  expectedTyped: () => ({ current: MOCK_PASSWORD, next: NEW, confirm: NEW }),
  async succeeded(cell) {
    await waitFor(() => announced(editor(cell).shadowRoot!).includes('Your password was changed.'), { message: 'the change' });
  },
  changes: true,
  ...closeAndReopen('password', 'Change Password', 'current'),
};

