/**
 * The Ads Manager host: a profile icon whose drop-down holds `<user-settings-panel host="ads-manager">`,
 * created on open and removed on close, as the real host does (cheap mount and unmount).
 * Closes on Escape, on a click outside and on `usp-close-requested`; focus goes back to the icon.
 */
import { configurePanel, hasOpenDialog } from './panels.js';

export interface AdsManagerDropdown {
  readonly isOpen: boolean;
  open(): void;
  close(options?: { restoreFocus?: boolean }): void;
}

export function setupAdsManager(button: HTMLButtonElement, popover: HTMLElement): AdsManagerDropdown {
  let panel: HTMLElement | undefined;

  const onPointerDown = (event: PointerEvent) => {
    const path = event.composedPath();
    if (path.includes(popover) || path.includes(button)) return;
    // Give focus back to the icon only if it was in the drop-down; otherwise leave it where the user clicked.
    const focusInside = popover.contains(document.activeElement);
    dropdown.close({ restoreFocus: focusInside });
  };

  const dropdown: AdsManagerDropdown = {
    get isOpen() {
      return panel !== undefined;
    },
    open() {
      if (panel) return;
      panel = document.createElement('user-settings-panel');
      panel.setAttribute('host', 'ads-manager');
      configurePanel(panel);
      popover.append(panel);
      popover.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      popover.focus();
      document.addEventListener('pointerdown', onPointerDown, true);
    },
    close({ restoreFocus = true } = {}) {
      if (!panel) return;
      document.removeEventListener('pointerdown', onPointerDown, true);
      panel.remove();
      panel = undefined;
      popover.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      if (restoreFocus) button.focus();
    },
  };

  button.addEventListener('click', () => (dropdown.isOpen ? dropdown.close() : dropdown.open()));
  popover.addEventListener('keydown', (event) => {
    // Escape first closes whatever the panel has open (a confirm or re-verification dialog).
    if (event.key !== 'Escape' || event.defaultPrevented || hasOpenDialog(popover)) return;
    event.preventDefault();
    dropdown.close();
  });
  popover.addEventListener('usp-close-requested', () => dropdown.close());
  return dropdown;
}
