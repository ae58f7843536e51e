// Every documented subpath, as a strict TypeScript host imports it.
import { UserSettingsPanel, createHttpBackend, registerMessages, en, type UserSettingsBackend, type Profile } from 'user-settings-panel';
import 'user-settings-panel/define';
import { schemas, routes } from 'user-settings-panel/contract';
import { createHandlers, presets } from 'user-settings-panel/mock';
import { startMockBackend } from 'user-settings-panel/mock/browser';
import { fr } from 'user-settings-panel/locales/fr';
import 'user-settings-panel/locales/ar';
import 'user-settings-panel/bundle';

// Tags and events are typed through the DOM's own maps.
const panel = document.createElement('user-settings-panel');
const isPanel: UserSettingsPanel = panel;
panel.headers = async () => ({ authorization: 'Bearer token' });
panel.timeout = 10_000;
panel.addEventListener('usp-changed', (event) => {
  const capability: string = event.detail.capability;
  const profile: Profile = event.detail.profile;
  console.log(capability, profile.userId);
});
panel.addEventListener('usp-failed', (event) => console.log(event.detail.code, event.detail.message));
panel.addEventListener('usp-unlink-requested', (event) => event.detail.account.username && event.preventDefault());
const provider: HTMLElementTagNameMap['user-settings-provider'] = document.createElement('user-settings-provider');

const backend: UserSettingsBackend = createHttpBackend({ apiBase: '/api' });
registerMessages('fr-CA', { ...en, ...fr });
export const used = [isPanel, provider, backend, schemas, routes, createHandlers, presets.default.userId, startMockBackend];
