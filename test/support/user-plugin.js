// A test-runner command that acts as a person would: Playwright finds elements by role and
// accessible name (through shadow roots) and clicks, types and presses keys for real.
export function userPlugin() {
  return {
    name: 'user-actions',
    async executeCommand({ command, payload, session }) {
      if (command !== 'user') return undefined;
      const page = session.browser.getPage(session.id);
      // Generous: an upper bound for a busy 2-core machine, not a wait (Playwright acts as soon as it can).
      const { action, role, name, text, key, exact = false, timeout = 15000 } = payload;
      const target = () => page.getByRole(role, { name, exact }).first();
      switch (action) {
        case 'click': await target().click({ timeout }); return true;
        case 'fill': await target().fill(text, { timeout }); return true;
        case 'type': await target().pressSequentially(text, { timeout }); return true;
        case 'focus': await target().focus({ timeout }); return true;
        case 'press': await page.keyboard.press(key); return true;
        case 'keyboardType': await page.keyboard.type(text); return true;
        case 'count': return page.getByRole(role, { name, exact }).count();
        case 'visible': return target().isVisible();
        case 'popups': return page.context().pages().length;
        default: throw new Error(`Unknown user action ${action}`);
      }
    },
  };
}
