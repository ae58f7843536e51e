// <usp-country-combobox> alone: the phone editor's country picker, rendered into a shadow root as the editor does.
import { expect, fixture, html } from '@open-wc/testing';
import { adoptStyles, render } from 'lit';
import { countryList } from '../src/elements/user-settings-phone/countries.js';
import '../src/elements/user-settings-phone/country-combobox.js';
import type { UspCountryCombobox } from '../src/elements/user-settings-phone/country-combobox.js';
import { countryComboboxStyles } from '../src/elements/user-settings-phone/country-combobox.styles.js';
import * as lib from '../src/elements/user-settings-phone/phone-metadata.js';
import { en } from '../src/i18n/messages.js';
import { sharedStyles } from '../src/styles/shared.styles.js';
import { announced, waitFor } from './support/dom.js';
import { user } from './support/user.js';

const LABEL = 'Country or region';

/** The picker (on `value`) and a field after it, in a shadow root with the styles the composing element adopts. */
async function mount(value = 'FR') {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, [sharedStyles, countryComboboxStyles]);
  render(html`<usp-country-combobox value=${value} .countries=${countryList(lib, 'en')} .messages=${en}></usp-country-combobox>
    <input id="next" aria-label="Next field">`, root);
  const el = root.querySelector('usp-country-combobox')!;
  await el.updateComplete;
  const picked: string[] = [];
  el.addEventListener('change', (e) => picked.push((e.target as UspCountryCombobox).value!));
  const input = root.getElementById('country') as HTMLInputElement;
  /** An option as read: "Germany +49". */
  const text = (option?: Element | null) => option && [...option.children].map((part) => part.textContent).join(' ');
  const options = () => [...root.querySelectorAll('[role=option]')].map(text);
  const active = () => text(root.getElementById(input.getAttribute('aria-activedescendant') ?? ''));
  return { host, root, el, input, picked, options, active };
}

/** Focuses the picker and types `text` key by key. */
async function search(text: string) {
  await user.focus('combobox', LABEL);
  await user.keyboardType(text);
}

describe('<usp-country-combobox>', () => {
  it('is accessible: closed, open, and with no match', async () => {
    const { host, input, root } = await mount();
    await expect(host).to.be.accessible();
    expect(input.labels?.[0]?.textContent).to.equal(LABEL);
    expect(root.getElementById(input.getAttribute('aria-describedby')!)!.textContent).to.include('dialling code');
    await user.focus('combobox', LABEL);
    await user.press('ArrowDown');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(root.getElementById(input.getAttribute('aria-controls')!)!.getAttribute('aria-label')).to.equal(LABEL);
    await expect(host).to.be.accessible();
    await user.keyboardType('zzz');
    await waitFor(() => announced(root).includes('No country or region matches.'), { message: 'the no-match status' });
    await expect(host).to.be.accessible();
  });

  it('shows the chosen country with its dialling code, kept left to right in RTL text', async () => {
    const { input } = await mount('EG');
    expect(input.value).to.equal('Egypt (\u200e+20)');
  });

  it('searches names without accents, ISO codes, and dialling codes with the main country first', async () => {
    const { options, active } = await mount();
    await search('curacao');
    expect(options()).to.deep.equal(['Curaçao +599']);
    await user.press('Escape');
    await user.keyboardType('de');
    expect(active()).to.equal('Germany +49');
    await user.press('Escape');
    await user.keyboardType('+44');
    expect(options()[0]).to.equal('United Kingdom +44');
    expect(options().length).to.be.greaterThan(1);
    expect(options().every((o) => o!.endsWith('+44'))).to.equal(true);
    await user.press('Escape');
    await user.keyboardType('1');
    expect(options()[0]).to.equal('United States +1');
    expect(options()).to.include('Canada +1');
  });

  it('opens on the current country, moves with the arrows within the list, and picks with Enter', async () => {
    const { input, picked, active, options } = await mount('FR');
    await user.focus('combobox', LABEL);
    await user.press('ArrowDown');
    expect(active()).to.equal('France +33');
    await user.press('ArrowDown');
    expect(active()).to.equal('French Guiana +594');
    await user.press('Escape');
    await user.keyboardType('+44');
    expect(options()).to.deep.equal(['United Kingdom +44', 'Guernsey +44', 'Isle of Man +44', 'Jersey +44']);
    await user.press('ArrowUp');
    expect(active()).to.equal('United Kingdom +44');
    for (let i = 0; i < 5; i++) await user.press('ArrowDown');
    expect(active()).to.equal('Jersey +44');
    await user.press('ArrowUp');
    await user.press('Enter');
    expect(picked).to.deep.equal(['IM']);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Isle of Man (\u200e+44)');
  });

  it('Escape closes without a change and stays inside; the value is unchanged', async () => {
    const { host, input, picked } = await mount('FR');
    const escapes: string[] = [];
    host.addEventListener('keydown', (e) => e.key === 'Escape' && escapes.push(e.key));
    await search('germ');
    await user.press('Escape');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.include('France');
    expect(picked).to.deep.equal([]);
    expect(escapes).to.deep.equal([]);
    // Closed, Escape is the host's again (a dialog may close on it).
    await user.press('Escape');
    expect(escapes).to.deep.equal(['Escape']);
  });

  it('leaving after a search picks the highlighted match; leaving without one changes nothing', async () => {
    const { root, input, picked } = await mount('FR');
    await user.focus('combobox', LABEL);
    await user.press('Tab');
    expect(picked).to.deep.equal([]);
    await search('germ');
    await user.press('Tab');
    expect(picked).to.deep.equal(['DE']);
    expect(input.value).to.include('Germany');
    expect(root.activeElement?.id).to.equal('next');
  });

  it('picks with a click, the focus staying in the field', async () => {
    const { root, picked, el } = await mount('FR');
    await search('ital');
    await user.click('option', 'Italy');
    expect(picked).to.deep.equal(['IT']);
    expect(el.value).to.equal('IT');
    expect(root.activeElement?.id).to.equal('country');
  });

  it('fires change only when the user picks another country: not when value is set, not for the same one', async () => {
    const { el, input, picked } = await mount('FR');
    el.value = 'DE';
    await el.updateComplete;
    expect(input.value).to.include('Germany');
    await search('germ');
    await user.press('Enter');
    expect(picked).to.deep.equal([]);
    // The input's own change event (its text changed) does not come out as a second one.
    await search('spa');
    await user.press('Tab');
    expect(picked).to.deep.equal(['ES']);
  });
});
