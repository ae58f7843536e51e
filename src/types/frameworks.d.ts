// Typings of the public tags for JSX (React 19) and Vue 3 templates. `user-settings-panel/define`
// (and `/bundle`) reference this file. Each block augments its framework's own module, so it applies
// only where that framework's types are installed; TypeScript ignores an augmentation of a module
// that is not there, so the package needs neither React nor Vue.
import type { UserSettingsEmail } from '../elements/user-settings-email/user-settings-email.js';
import type { UserSettingsPanel } from '../elements/user-settings-panel/user-settings-panel.js';
import type { UserSettingsPassword } from '../elements/user-settings-password/user-settings-password.js';
import type { UserSettingsPhone } from '../elements/user-settings-phone/user-settings-phone.js';
import type { UserSettingsProvider } from '../elements/user-settings-provider/user-settings-provider.js';
import type { UserSettingsTiktok } from '../elements/user-settings-tiktok/user-settings-tiktok.js';
import type {
  UserSettingsChangedEvent, UserSettingsCloseRequestedEvent, UserSettingsFailedEvent,
  UserSettingsSessionExpiredEvent, UserSettingsUnlinkRequestedEvent,
} from '../events/events.js';

/** The configuration of a provider (and the panel): properties, and attributes by their HTML names. */
type UspProviderProps = Partial<Pick<UserSettingsProvider,
  'apiBase' | 'host' | 'locale' | 'callbackOrigin' | 'defaultCountry' | 'headers' | 'timeout' | 'credentials' | 'backend' | 'messages'>> & {
  'api-base'?: string;
  'callback-origin'?: string;
  'default-country'?: string;
};
type UspPanelProps = UspProviderProps & Partial<Pick<UserSettingsPanel, 'sections' | 'adAccountSettingsUrl'>> & {
  'ad-account-settings-url'?: string;
};

/** The events of each tag, by name. */
interface UspSectionEvents {
  'usp-changed': UserSettingsChangedEvent;
  'usp-failed': UserSettingsFailedEvent;
  'usp-session-expired': UserSettingsSessionExpiredEvent;
}
interface UspProviderEvents { 'usp-session-expired': UserSettingsSessionExpiredEvent }
interface UspTiktokEvents extends UspSectionEvents { 'usp-unlink-requested': UserSettingsUnlinkRequestedEvent }
interface UspPanelEvents extends UspTiktokEvents { 'usp-close-requested': UserSettingsCloseRequestedEvent }

/** React 19 sets `on<event-name>` props as listeners of that event (`onusp-changed`). */
type UspReactEventProps<Events> = { [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'user-settings-panel': import('react').DetailedHTMLProps<import('react').HTMLAttributes<UserSettingsPanel>, UserSettingsPanel> & UspPanelProps & UspReactEventProps<UspPanelEvents>;
      'user-settings-provider': import('react').DetailedHTMLProps<import('react').HTMLAttributes<UserSettingsProvider>, UserSettingsProvider> & UspProviderProps & UspReactEventProps<UspProviderEvents>;
      'user-settings-email': import('react').DetailedHTMLProps<import('react').HTMLAttributes<UserSettingsEmail>, UserSettingsEmail> & UspReactEventProps<UspSectionEvents>;
      'user-settings-phone': import('react').DetailedHTMLProps<import('react').HTMLAttributes<UserSettingsPhone>, UserSettingsPhone> & UspReactEventProps<UspSectionEvents>;
      'user-settings-password': import('react').DetailedHTMLProps<import('react').HTMLAttributes<UserSettingsPassword>, UserSettingsPassword> & UspReactEventProps<UspSectionEvents>;
      'user-settings-tiktok': import('react').DetailedHTMLProps<import('react').HTMLAttributes<UserSettingsTiktok>, UserSettingsTiktok> & UspReactEventProps<UspTiktokEvents>;
    }
  }
}

/** Vue's documented shape for a custom element in `GlobalComponents` (props for templates, typed `$emit`). */
type UspVueElement<Element extends HTMLElement, Props, Events> = new () => Element & {
  /** @deprecated For template type-checking only. */
  $props: import('vue').HTMLAttributes & Props & import('vue').PublicProps;
  /** @deprecated For template type-checking only. */
  $emit: import('vue').EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'user-settings-panel': UspVueElement<UserSettingsPanel, UspPanelProps, UspPanelEvents>;
    'user-settings-provider': UspVueElement<UserSettingsProvider, UspProviderProps, UspProviderEvents>;
    'user-settings-email': UspVueElement<UserSettingsEmail, {}, UspSectionEvents>;
    'user-settings-phone': UspVueElement<UserSettingsPhone, {}, UspSectionEvents>;
    'user-settings-password': UspVueElement<UserSettingsPassword, {}, UspSectionEvents>;
    'user-settings-tiktok': UspVueElement<UserSettingsTiktok, {}, UspTiktokEvents>;
  }
}
