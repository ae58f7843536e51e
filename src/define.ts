/// <reference path="./types/frameworks.d.ts" />
// (JSX and Vue typings of the tags; tsc drops the line above, scripts/copy-types.mjs restores it in dist/types/define.d.ts.)
// Registers every public tag (guarded, so two copies on one page do not throw) and re-exports the API.
import { UserSettingsEmail } from './elements/user-settings-email/user-settings-email.js';
import { UserSettingsPanel } from './elements/user-settings-panel/user-settings-panel.js';
import { UserSettingsPassword } from './elements/user-settings-password/user-settings-password.js';
import { UserSettingsPhone } from './elements/user-settings-phone/user-settings-phone.js';
import { UserSettingsProvider } from './elements/user-settings-provider/user-settings-provider.js';
import { UserSettingsTiktok } from './elements/user-settings-tiktok/user-settings-tiktok.js';
import { defineElement } from './utils/define-element.js';

defineElement('user-settings-provider', UserSettingsProvider);
defineElement('user-settings-panel', UserSettingsPanel);
defineElement('user-settings-email', UserSettingsEmail);
defineElement('user-settings-phone', UserSettingsPhone);
defineElement('user-settings-password', UserSettingsPassword);
defineElement('user-settings-tiktok', UserSettingsTiktok);

export * from './index.js';
