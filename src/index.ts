// Public API, without side effects: import `user-settings-panel/define` to register the tags.
export { UserSettingsPanel } from './elements/user-settings-panel/user-settings-panel.js';
export { UserSettingsProvider } from './elements/user-settings-provider/user-settings-provider.js';
export { UserSettingsEmail } from './elements/user-settings-email/user-settings-email.js';
export { UserSettingsPhone } from './elements/user-settings-phone/user-settings-phone.js';
export { UserSettingsPassword } from './elements/user-settings-password/user-settings-password.js';
export { UserSettingsTiktok } from './elements/user-settings-tiktok/user-settings-tiktok.js';
export { createHttpBackend } from './api/http-backend.js';
export type { UserSettingsBackend, CallOptions, HeadersSource, HttpBackendOptions } from './api/backend.js';
export { UserSettingsError, type FailureKind } from './api/errors.js';
export type { Profile, Verification, LinkSession, LinkSessionStatus, ReauthMethod, ErrorCode } from './api/schemas.js';
export { settingsContext, type SettingsContext, type HostKind, type HostSettings, type Section } from './context/settings-context.js';
export * from './events/events.js';
export { en, registerMessages, registeredLocales, type Messages, type MessageKey } from './i18n/messages.js';
