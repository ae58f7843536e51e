/**
 * Themes, contrast, targets and confirm dialogs (SPEC §6): measured on the rendered panel, in
 * light and dark, so a token change that breaks 3:1 or 44 px fails here.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { UserSettingsPanel } from '../src/elements/user-settings-panel/user-settings-panel.js';
import { en, format } from '../src/i18n/messages.js';
import { deepQuery, deepQueryAll, waitFor, waitForEditor } from './support/dom.js';
import { mockBackend, mountPanel } from './support/panel.js';
import { user } from './support/user.js';

type Rgb = [number, number, number];

/** A computed `rgb()`/`rgba()` colour as numbers. */
function rgb(color: string): Rgb {
  const [r, g, b] = color.match(/[\d.]+/g)!.map(Number);
  return [r, g, b];
}
const luminance = ([r, g, b]: Rgb) => {
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
/** WCAG contrast ratio of two computed colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const style = (el: Element) => getComputedStyle(el);
const surfaceOf = (panel: UserSettingsPanel) => style(panel).backgroundColor;

/** Opens the password editor and returns its cues: field border, button border, focus ring, texts. */
async function passwordEditorCues(panel: UserSettingsPanel) {
  await user.click('button', 'Change Password');
  const editor = await waitForEditor('usp-password-editor', { root: panel });
  const root = editor.shadowRoot!;
  const input = root.querySelector<HTMLInputElement>('input[type=password]')!;
  const secondary = [...root.querySelectorAll('button')].find((b) => !b.classList.contains('primary'))!;
  const checkbox = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
  return {
    'field border': style(input).borderTopColor,
    'button border': style(secondary).borderTopColor,
    'focus ring': style(editor).getPropertyValue('--_accent') && style(root.querySelector('button.primary')!).backgroundColor,
    'checkbox accent': style(checkbox).accentColor,
    text: style(input).color,
    hint: style(root.querySelector('.hint')!).color,
  };
}

describe('theme, contrast and targets', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', forcedColors: 'none' }));

  for (const scheme of ['light', 'dark'] as const) {
    it(`reaches 3:1 for control borders and the focus ring, 4.5:1 for text, in ${scheme}`, async () => {
      await emulateMedia({ colorScheme: scheme });
      await mockBackend();
      const panel = await mountPanel({ sections: 'password' });
      const surface = surfaceOf(panel);
      expect(luminance(rgb(surface)) < 0.1, `the surface is ${scheme}`).to.equal(scheme === 'dark');
      const cues = await passwordEditorCues(panel);
      for (const name of ['field border', 'button border', 'focus ring', 'checkbox accent'] as const) {
        expect(contrast(cues[name], surface), `${name} ${cues[name]} on ${surface}`).to.be.at.least(3);
      }
      for (const name of ['text', 'hint'] as const) {
        expect(contrast(cues[name], surface), `${name} ${cues[name]} on ${surface}`).to.be.at.least(4.5);
      }
    });
  }

  it('lets a host pin light or dark whatever the system prefers', async () => {
    await mockBackend();
    await emulateMedia({ colorScheme: 'dark' });
    const light = await mountPanel();
    light.setAttribute('theme', 'light');
    await waitFor(() => luminance(rgb(surfaceOf(light))) > 0.9, { message: 'theme=light to pin light' });
    await emulateMedia({ colorScheme: 'light' });
    const dark = await mountPanel();
    dark.style.setProperty('--usp-color-scheme', 'dark');
    await waitFor(() => luminance(rgb(surfaceOf(dark))) < 0.1, { message: '--usp-color-scheme: dark to pin dark' });
    // Sub-elements follow the panel's scheme.
    const row = deepQuery('user-settings-email', dark)!;
    expect(luminance(rgb(style(row).color))).to.be.above(0.5);
  });

  it('uses system colours in forced-colours mode', async () => {
    await emulateMedia({ forcedColors: 'active' });
    await mockBackend();
    const panel = await mountPanel({ sections: 'password' });
    await user.click('button', 'Change Password');
    const editor = await waitForEditor('usp-password-editor', { root: panel });
    const input = editor.shadowRoot!.querySelector('input[type=password]')!;
    const probe = document.createElement('span');
    probe.style.color = 'FieldText';
    document.body.append(probe);
    expect(style(input).borderTopColor).to.equal(style(probe).color);
    probe.remove();
  });

  it('gives every target on mobile lite at least 44 × 44 px, links and checkbox rows included', async function () {
    this.timeout(30000);
    await mockBackend('linkedPersonal');
    const panel = await mountPanel({ host: 'mobile-lite' });
    const small: string[] = [];
    const measure = (where: string) => {
      const targets = deepQueryAll('button, a[href], input:not([type=checkbox]):not([type=radio]):not([tabindex="-1"]), label.check', panel);
      expect(targets.length, where).to.be.above(0);
      for (const target of targets) {
        const box = target.getBoundingClientRect();
        if (box.width && (box.height < 44 || box.width < 44)) {
          small.push(`${where}: <${target.localName}> "${target.textContent?.trim().slice(0, 30)}" ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
        }
      }
      return targets.length;
    };
    measure('summary');
    expect(deepQueryAll('a[href]', panel).length, 'the footer link').to.equal(1);
    for (const [row, editorTag] of [['Change Password', 'usp-password-editor'], ['Add Phone number', 'usp-phone-editor'], ['Manage TikTok', 'usp-tiktok-editor']]) {
      await user.click('button', row);
      // The phone editor waits for the phone-number chunk, slow to transform the first time.
      const editor = await waitFor(() => {
        const found = deepQuery(editorTag, panel);
        return found?.shadowRoot?.querySelector(editorTag === 'usp-tiktok-editor' ? 'button' : 'form') ? found : undefined;
      }, { timeout: 15000, message: editorTag });
      measure(row);
      if (editorTag === 'usp-password-editor') expect(editor.shadowRoot!.querySelector('label.check'), 'the sign-out row').to.exist;
      const cancel = [...editor.shadowRoot!.querySelectorAll('button')].find((b) => /Cancel|Done/.test(b.textContent!))!;
      cancel.click();
      await waitFor(() => !deepQuery(editorTag, panel), { message: `${editorTag} to close` });
    }
    expect(small).to.deep.equal([]);
  });
});

describe('confirm dialogs say what will happen', () => {
  /** The open dialog under `panel` and its accessible description (`aria-describedby`). */
  async function openDialog(panel: UserSettingsPanel) {
    const dialog = await waitFor(() => deepQuery<HTMLDialogElement>('dialog[open]', panel), { message: 'the dialog' });
    const root = dialog.getRootNode() as ShadowRoot;
    const description = dialog.getAttribute('aria-describedby')!.split(' ').map((id) => root.getElementById(id)?.textContent?.trim()).join(' ');
    return { dialog, description };
  }

  it('removing the phone names the number and its consequence', async () => {
    await mockBackend('default', { phone: { number: '+33612345678', verified: true } });
    const panel = await mountPanel({ sections: 'phone' });
    await user.click('button', 'Change Phone number');
    await waitForEditor('usp-phone-editor', { root: panel });
    await user.click('button', 'Remove phone number');
    const { dialog, description } = await openDialog(panel);
    expect(description).to.equal(format(en['phone.removeBody'], { number: '+33 6 12 34 56 78' }));
    expect(dialog.querySelector('bdi[dir=ltr]')?.textContent).to.equal('+33 6 12 34 56 78');
    await user.press('Escape');
  });

  it('unlinking and upgrading TikTok say what changes', async () => {
    await mockBackend('linkedPersonal');
    const panel = await mountPanel({ sections: 'tiktok' });
    await user.click('button', 'Manage TikTok');
    await waitForEditor('usp-tiktok-editor', { root: panel, ready: 'button' });
    await user.click('button', 'Unlink TikTok account');
    let opened = await openDialog(panel);
    expect(opened.description).to.equal(en['tiktok.unlinkBody']);
    expect(opened.dialog.querySelector('h2 bdi')?.textContent).to.equal('jordan.creates');
    await user.press('Escape');
    await waitFor(() => !deepQuery('dialog[open]', panel));
    await user.click('button', 'Upgrade to Business Account');
    opened = await openDialog(panel);
    expect(opened.description).to.equal(en['tiktok.upgradeBody']);
    await user.press('Escape');
  });
});
