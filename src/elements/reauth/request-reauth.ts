import type { ReauthRequest } from '../../context/settings-context.js';
import { openModal } from '../shared/dialog.js';
import './reauth-dialog.js';

/**
 * Asks the user to prove it is them with one of `methods` in a modal `<usp-reauth-dialog>`
 * added to `host`'s shadow root; focus returns where it was after. Resolves the `reauthToken`,
 * or `undefined` when they cancel or `signal` aborts. Nothing in `host` is touched, so what
 * the user typed in the original form stays.
 */
export async function requestReauth({ host, context, methods, signal }: ReauthRequest): Promise<string | undefined> {
  if (signal.aborted) return undefined;
  const dialog = document.createElement('usp-reauth-dialog');
  dialog.context = context;
  dialog.methods = methods;
  const close = () => dialog.shadowRoot?.querySelector('dialog')?.close();
  signal.addEventListener('abort', close, { once: true });
  try {
    return (await openModal(host, dialog)) === 'ok' ? dialog.token : undefined;
  } finally {
    signal.removeEventListener('abort', close);
  }
}
