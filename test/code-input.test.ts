// The shared building blocks: <usp-code-input> and confirmAction() (native <dialog>).
import { expect, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import '../src/elements/shared/code-input.js';
import { confirmAction } from '../src/elements/shared/confirm-dialog.js';
import type { UspCodeInput } from '../src/elements/shared/code-input.js';
import type { Verification } from '../src/api/schemas.js';
import { deepQuery, deepText, waitFor } from './support/dom.js';
import { mockBackend, mountInProvider } from './support/panel.js';
import { user } from './support/user.js';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const verification = (resendIn = 0): Verification => ({
  verificationId: 'v1', destination: 'j•••@example.com', expiresAt: inSeconds(600), resendAvailableAt: inSeconds(resendIn),
});

async function mountCode(v?: Verification) {
  const el = await mountInProvider<UspCodeInput>(html`<usp-code-input .verification=${v}></usp-code-input>`, 'usp-code-input');
  await waitFor(() => el.shadowRoot!.querySelector('input'), { message: 'the code input' });
  return el;
}

const field = (el: UspCodeInput) => el.shadowRoot!.querySelector('input')!;

before(() => mockBackend());

describe('<usp-code-input>', () => {
  it('is accessible, with its verification and in its error state', async () => {
    const el = await mountCode(verification(30));
    await expect(el).to.be.accessible();
    const input = field(el);
    expect(input.autocomplete).to.equal('one-time-code');
    expect(input.inputMode).to.equal('numeric');
    expect(deepText(el)).to.contain('We sent a code to j•••@example.com').and.contain('It expires at');
    el.error = 'That code isn\'t right.';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => el.shadowRoot!.getElementById(id)!.textContent!);
    expect(described[0]).to.contain('We sent a code to j•••@example.com');
    const error = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    expect(error.textContent).to.contain('isn\'t right');
    expect(error.getAttribute('role')).to.equal('alert');
  });

  it('fires usp-code-complete once six digits are typed, not before, and not again for the same digits', async () => {
    const el = await mountCode();
    const codes: string[] = [];
    el.addEventListener('usp-code-complete', () => codes.push(el.value));
    await user.type('textbox', 'Verification code', '12345');
    expect(codes).to.deep.equal([]);
    await user.keyboardType('6');
    expect(codes).to.deep.equal(['123456']);
    await user.keyboardType('7');
    expect(field(el).value).to.equal('123456');
    expect(codes).to.deep.equal(['123456']);
    await user.press('Enter');
    expect(codes).to.deep.equal(['123456', '123456']);
  });

  it('takes a pasted or autofilled code with spaces and dashes', async () => {
    const el = await mountCode();
    setTimeout(() => user.fill('textbox', 'Verification code', ' 987-654 '));
    await oneEvent(el, 'usp-code-complete');
    expect(el.value).to.equal('987654');
    expect(field(el).value).to.equal('987654');
    el.clear();
    expect(field(el).value).to.equal('');
  });

  it('counts down before it lets the user resend, then fires usp-code-resend', async () => {
    const el = await mountCode(verification(3));
    let resends = 0;
    el.addEventListener('usp-code-resend', () => resends++);
    const button = () => el.shadowRoot!.querySelector('button')!;
    expect(button().textContent).to.match(/Resend code in [123] s/);
    expect(button().getAttribute('aria-disabled')).to.equal('true');
    button().click(); // Playwright refuses to click an aria-disabled button; a script may not either
    expect(resends).to.equal(0);
    await waitFor(() => button().textContent!.trim() === 'Resend code', { message: 'the countdown to end', timeout: 4000 });
    await user.click('button', 'Resend code');
    expect(resends).to.equal(1);
  });

  it('keeps its events and the code inside the shadow root it is rendered in', async () => {
    const el = await mountCode();
    const seenOutside: Event[] = [];
    const listen = (e: Event) => seenOutside.push(e);
    document.addEventListener('usp-code-complete', listen);
    document.addEventListener('usp-code-resend', listen);
    try {
      const complete = oneEvent(el, 'usp-code-complete');
      await user.fill('textbox', 'Verification code', '246810');
      const event = await complete;
      expect(event.composed, 'composed').to.equal(false);
      expect(JSON.stringify(Object.entries(event)), 'no code in the event').not.to.contain('246810');
      expect(seenOutside).to.have.length(0);
    } finally {
      document.removeEventListener('usp-code-complete', listen);
      document.removeEventListener('usp-code-resend', listen);
    }
  });

  it('fires nothing when its properties are set', async () => {
    const el = await mountCode();
    let fired = 0;
    el.addEventListener('usp-code-complete', () => fired++);
    el.addEventListener('usp-code-resend', () => fired++);
    el.verification = verification();
    el.error = 'x';
    el.disabled = true;
    await el.updateComplete;
    expect(fired).to.equal(0);
  });
});

describe('confirmAction()', () => {
  /** A host for the dialog: a code input, focusable, under a provider. */
  const mountHost = () => mountCode();

  it('is an accessible modal dialog that takes focus, cancels on Escape and gives focus back', async () => {
    const host = await mountHost();
    await user.focus('textbox', 'Verification code');
    const answer = confirmAction(host, { title: 'Unlink TikTok?', body: 'You will no longer sign in with it.', confirmLabel: 'Unlink', danger: true });
    const dialog = await waitFor(() => deepQuery<HTMLDialogElement>('dialog[open]'));
    expect(await user.visible('dialog', 'Unlink TikTok?')).to.equal(true);
    expect(deepText(dialog)).to.contain('You will no longer sign in with it.');
    await expect(host.shadowRoot!.querySelector('usp-confirm-dialog')).to.be.accessible();
    expect(deepQuery(':focus', host.shadowRoot!.querySelector('usp-confirm-dialog')!.shadowRoot!)?.textContent).to.equal('Cancel');
    await user.press('Escape');
    expect(await answer).to.equal(false);
    expect(host.shadowRoot!.querySelector('usp-confirm-dialog')).to.equal(null);
    expect(host.shadowRoot!.activeElement).to.equal(field(host));
  });

  it('resolves true on confirm, false on cancel', async () => {
    const host = await mountHost();
    let answer = confirmAction(host, { title: 'Remove?', body: html`<strong>Sure</strong>`, confirmLabel: 'Remove' });
    await user.click('button', 'Remove');
    expect(await answer).to.equal(true);
    answer = confirmAction(host, { title: 'Remove?', body: 'Sure', confirmLabel: 'Remove', cancelLabel: 'Keep it' });
    await user.click('button', 'Keep it');
    expect(await answer).to.equal(false);
    expect(deepQuery('dialog')).to.equal(undefined);
  });
});
