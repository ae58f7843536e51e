import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { formatParts, ltr } from '../src/i18n/format-parts.js';
import { en, format, isRtl, resolveMessages } from '../src/i18n/messages.js';
import { pseudoLocalize, pseudoMessages, registerPseudoLocales, unpseudo } from '../src/i18n/pseudo.js';
import '../src/locales/ar.js';
import { deepQueryAll, waitFor } from './support/dom.js';
import { mockBackend, mountPanel } from './support/panel.js';

/** Renders a lit template into a fresh element; returns it. */
function rendered(template: unknown): HTMLElement {
  const host = document.createElement('p');
  render(template, host);
  return host;
}

describe('formatParts()', () => {
  it('fills placeholders like format(), each value isolated in <bdi>', () => {
    const p = rendered(formatParts('Linked as @{username} on {date}.', { username: 'jordan', date: '12 May' }));
    expect(p.textContent).to.equal(format('Linked as @{username} on {date}.', { username: 'jordan', date: '12 May' }));
    expect([...p.querySelectorAll('bdi')].map((b) => b.textContent)).to.deep.equal(['jordan', '12 May']);
  });

  it('keeps a value as text (no HTML parsed) and leaves unknown placeholders', () => {
    const p = rendered(formatParts('{a} and {b} and {constructor}', { a: '<img src=x onerror=alert(1)>' }));
    expect(p.querySelector('img')).to.equal(null);
    expect(p.textContent).to.equal('<img src=x onerror=alert(1)> and {b} and {constructor}');
  });

  it('passes an ltr() value through: left to right, isolated', () => {
    const p = rendered(formatParts(en['phone.removeBody'], { number: ltr('+33 6 12 34 56 78') }));
    const isolated = p.querySelectorAll('bdi');
    expect(isolated.length).to.equal(1);
    expect(isolated[0].getAttribute('dir')).to.equal('ltr');
    expect(isolated[0].textContent).to.equal('+33 6 12 34 56 78');
  });

  it('reads a phone number the right way inside Arabic text', async () => {
    const ar = resolveMessages('ar');
    const box = await fixture<HTMLElement>(html`<p dir="rtl" style="font: 16px monospace; width: max-content">
      ${formatParts(ar['phone.removeBody'], { number: ltr('+33 6 12 34 56 78') })}</p>`);
    const bdi = box.querySelector('bdi')!;
    // Visually left to right: "+33" before "78".
    const range = document.createRange();
    const rectOf = (text: string) => {
      const node = document.createTreeWalker(bdi, NodeFilter.SHOW_TEXT).nextNode()!;
      const start = node.textContent!.indexOf(text);
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      return range.getBoundingClientRect();
    };
    expect(rectOf('+33').left).to.be.below(rectOf('78').left);
  });
});

describe('pseudo-locales', () => {
  it('en-XA accents every letter, keeps placeholders, and is about 40 % longer', () => {
    for (const [key, source] of Object.entries(en)) {
      const pseudo = pseudoLocalize(source, 'en-XA');
      const withoutPlaceholders = pseudo.replace(/\{\w+\}/g, '');
      expect(withoutPlaceholders, key).not.to.match(/[A-Za-z]/);
      expect(pseudo.match(/\{\w+\}/g) ?? [], key).to.deep.equal(source.match(/\{\w+\}/g) ?? []);
      expect(pseudo.length, key).to.be.at.least(source.length * 1.4);
      expect(unpseudo(pseudo), key).to.equal(source);
    }
  });

  it('ar-XB forces the text right to left around placeholders, and is right-to-left', () => {
    const pseudo = pseudoLocalize(en['code.sentTo'], 'ar-XB');
    expect(pseudo).to.equal('\u202eWe sent a code to \u202c{destination}\u202e.\u202c');
    expect(unpseudo(pseudo)).to.equal(en['code.sentTo']);
    expect(isRtl('ar-XB')).to.equal(true);
    expect(isRtl('en-XA')).to.equal(false);
  });

  it('covers every key of the English catalog and registers both locales', () => {
    expect(Object.keys(pseudoMessages('en-XA'))).to.deep.equal(Object.keys(en));
    registerPseudoLocales();
    expect(resolveMessages('en-XA')['panel.title']).to.equal(pseudoLocalize(en['panel.title'], 'en-XA'));
    expect(resolveMessages('ar-XB')['panel.title']).to.equal(pseudoLocalize(en['panel.title'], 'ar-XB'));
  });
});

describe('values isolated in translated text', () => {
  it('isolates the e-mail, the TikTok username and the password date in the summary (Arabic)', async () => {
    await mockBackend('linkedPersonal');
    const panel = await mountPanel({ locale: 'ar' });
    await waitFor(() => deepQueryAll('bdi', panel).length >= 3, { message: 'isolated values' });
    const isolated = deepQueryAll('bdi', panel).map((b) => `${b.getAttribute('dir') ?? 'auto'}:${b.textContent}`);
    expect(isolated).to.include('ltr:jordan.rivera@example.com');
    expect(isolated).to.include('auto:jordan.creates');
    expect(isolated.some((text) => text.startsWith('auto:') && /\d/.test(text))).to.equal(true, 'a date');
  });
});
