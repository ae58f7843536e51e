/** The mock's named starting profiles. */
import type { Profile, TiktokAccount } from '../api/schemas.js';
import { MOCK_TIKTOK_AVATAR_URL } from './constants.js';

const AT = '2025-01-12T10:00:00.000Z';
const LINKED_AT = '2025-02-01T12:00:00.000Z';

const personalAccount: TiktokAccount = {
  openId: 'tt_open_7f3a9c21',
  username: 'jordan.creates',
  displayName: 'Jordan Creates',
  avatarUrl: MOCK_TIKTOK_AVATAR_URL,
  isBusinessAccount: false,
  linkedAt: LINKED_AT,
};

const base: Profile = {
  userId: 'u_1001',
  displayName: 'Jordan Rivera',
  email: { address: 'jordan.rivera@example.com', verified: true },
  phone: null,
  password: { isSet: true, updatedAt: AT },
  passwordPolicy: { minLength: 8, maxLength: 128 },
  tiktok: { linkingAvailable: true, account: null, businessUpgradeAvailable: false },
  adAccountSettingsUrl: 'https://ads.example.com/account/settings',
};

const noPassword = { isSet: false, updatedAt: null };
const phone = { number: '+14155554567', verified: true };

/** Named starting points. Each is a complete `Profile`; the password of each is {@link MOCK_PASSWORD}. */
export const presets = {
  /** Email verified, no phone, password set, TikTok linking available, not linked. */
  default: base,
  /** Signed up with TikTok (phone verified at sign-up): no password, no email, a personal account that can upgrade. */
  tiktokSignup: {
    ...base,
    email: null,
    phone,
    password: noPassword,
    tiktok: { linkingAvailable: true, account: personalAccount, businessUpgradeAvailable: true },
  },
  /** TikTok is the only way to sign in: no password, email or phone (unlink answers `last_login_method`). */
  tiktokOnly: {
    ...base,
    email: null,
    password: noPassword,
    tiktok: { linkingAvailable: true, account: personalAccount, businessUpgradeAvailable: true },
  },
  /** Only a phone: no password, no email, TikTok not linked (removing the phone answers `last_login_method`). */
  phoneOnly: { ...base, email: null, phone, password: noPassword },
  /** Default plus a linked personal TikTok account that can upgrade to Business. */
  linkedPersonal: {
    ...base,
    tiktok: { linkingAvailable: true, account: personalAccount, businessUpgradeAvailable: true },
  },
  /** Default plus a linked TikTok Business Account. */
  linkedBusiness: {
    ...base,
    tiktok: { linkingAvailable: true, account: { ...personalAccount, isBusinessAccount: true }, businessUpgradeAvailable: false },
  },
  /** Default, but the TikTok linking feature is not available to this user. */
  linkingUnavailable: { ...base, tiktok: { ...base.tiktok, linkingAvailable: false } },
} as const satisfies Record<string, Profile>;

export type MockPresetName = keyof typeof presets;
export const presetNames = Object.keys(presets) as MockPresetName[];
