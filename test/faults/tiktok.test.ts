// Fault matrix (issue 10 item 12): the TikTok manager — link (popup), unlink, Business upgrade.
import { expect } from '@open-wc/testing';
import { tiktokLink } from '../../src/elements/user-settings-tiktok/tiktok-editor.js';
import { announced, waitFor } from '../support/dom.js';
import { user } from '../support/user.js';
import { closed, confirmThrough, editorOf, openEditor, reopensIdle } from './editors.js';
import { type Cell, type Driver, faultMatrix } from './matrix.js';

const editor = (cell: Cell) => editorOf(cell, 'tiktok');
const original = { open: window.open, navigate: tiktokLink.navigate };

/** A window as `window.open` returns it, under the test's control. */
interface FakePopup { closed: boolean; urls: string[]; location: { replace(url: string): void }; close(): void; focus(): void }
function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    urls: [],
    location: { replace: (url) => popup.urls.push(url) },
    close: () => { popup.closed = true; },
    focus: () => {},
  };
  return popup;
}
const popups = (cell: Cell) => cell.extra.popups as FakePopup[];

/** Every `window.open` gets a fresh fake popup; a redirect would be recorded, not followed. */
function stubWindows(cell: Cell): void {
  cell.extra.popups = [];
  cell.extra.navigated = [];
  window.open = (() => {
    const popup = fakePopup();
    popups(cell).push(popup);
    return popup;
  }) as unknown as typeof window.open;
  tiktokLink.navigate = (url) => void (cell.extra.navigated as string[]).push(url);
}

const restore = () => {
  window.open = original.open;
  tiktokLink.navigate = original.navigate;
};

const closeWithDone = {
  async close(cell: Cell) {
    await user.click('button', 'Done', { exact: true });
    await closed(cell, 'tiktok');
  },
  async afterClose(cell: Cell) {
    await reopensIdle(cell, 'tiktok', 'TikTok account', '.stack');
  },
};

async function said(cell: Cell, text: string): Promise<void> {
  await waitFor(() => announced(editor(cell).shadowRoot!).includes(text), { message: `"${text}"` });
}

const link: Driver = {
  name: 'TikTok link',
  capability: 'tiktok-link',
  route: 'createTiktokLinkSession',
  sections: 'tiktok',
  async arrange(cell) {
    stubWindows(cell);
    await openEditor(cell, 'tiktok', 'TikTok account', '.stack');
  },
  async act() {
    await user.click('button', 'Link TikTok account', { exact: true });
  },
  scope: editor,
  typed: () => ({}),
  expectedTyped: () => ({}),
  async succeeded(cell) {
    await waitFor(() => popups(cell)[0]?.urls.length, { message: 'the popup to be pointed at TikTok' });
    expect(popups(cell), 'one popup for two clicks').to.have.length(1);
  },
  changes: false,
  afterFailure(cell) {
    expect(popups(cell).map((p) => [p.closed, p.urls.length]), 'the blank popup is closed, never pointed anywhere').to.deep.equal([[true, 0]]);
    expect(cell.extra.navigated).to.deep.equal([]);
  },
  cleanup: restore,
  ...closeWithDone,
};

const unlink: Driver = {
  // Its buttons stay enabled while the request is on its way: the user can go through it twice.
  async actAgain(cell) {
    await unlink.act(cell);
  },
  name: 'TikTok unlink',
  capability: 'tiktok-unlink',
  route: 'unlinkTiktok',
  sections: 'tiktok',
  preset: 'linkedPersonal',
  async arrange(cell) {
    await openEditor(cell, 'tiktok', 'TikTok account', '.stack');
  },
  act: (cell) => confirmThrough(cell, 'tiktok', 'Unlink TikTok account', 'Unlink'),
  scope: editor,
  typed: () => ({}),
  expectedTyped: () => ({}),
  succeeded: (cell) => said(cell, 'Your TikTok account is unlinked.'),
  changes: true,
  ...closeWithDone,
};

const upgrade: Driver = {
  // Its buttons stay enabled while the request is on its way: the user can go through it twice.
  async actAgain(cell) {
    await upgrade.act(cell);
  },
  name: 'TikTok Business upgrade',
  capability: 'tiktok-business-upgrade',
  route: 'upgradeTiktokToBusiness',
  sections: 'tiktok',
  preset: 'linkedPersonal',
  async arrange(cell) {
    await openEditor(cell, 'tiktok', 'TikTok account', '.stack');
  },
  act: (cell) => confirmThrough(cell, 'tiktok', 'Upgrade to Business Account', 'Upgrade'),
  scope: editor,
  typed: () => ({}),
  expectedTyped: () => ({}),
  succeeded: (cell) => said(cell, 'Your TikTok account is now a Business Account.'),
  changes: true,
  ...closeWithDone,
};

faultMatrix(link);
faultMatrix(unlink);
faultMatrix(upgrade);
