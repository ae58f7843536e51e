import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { rememberLinkState } from '../src/elements/user-settings-tiktok/link-params.js';
import { tiktokLink } from '../src/elements/user-settings-tiktok/tiktok-editor.js';
import { presets, type TiktokDecision } from '../src/mock/index.js';
import {
  deepQuery, matchesLabel, mockParameters, mockState, providerArgs, providerArgTypes, renderInProvider, STORY_API_BASE, until,
  type ProviderStoryArgs,
} from './support.js';

interface TiktokArgs extends ProviderStoryArgs {
  /** The host vetoes unlinking (`usp-unlink-requested` → `preventDefault()`). */
  vetoUnlink: boolean;
}

/**
 * `<user-settings-tiktok>`: the linked TikTok account, and the manager that links (popup or
 * redirect, SPEC §4.4), unlinks and upgrades it to a Business Account. In the interactive
 * stories (`NotLinked`, `LinkedPersonal`), "Link TikTok account" opens the mock's real authorize
 * page in a popup. Stories that show a moment of the flow replace the popup with a stand-in.
 */
const meta = {
  title: 'Elements/user-settings-tiktok',
  component: 'user-settings-tiktok',
  args: { ...providerArgs, vetoUnlink: false },
  argTypes: {
    ...providerArgTypes,
    open: { ...providerArgTypes.open, description: 'Whether the manager is open' },
    vetoUnlink: { control: 'boolean', description: 'The host cancels `usp-unlink-requested`' },
  },
  parameters: mockParameters('default'),
  render: (args) => renderInProvider('user-settings-tiktok', args, { minHeight: 360 }),
} satisfies Meta<TiktokArgs>;

export default meta;
type Story = StoryObj<TiktokArgs>;

// ——— helpers for play functions ———

/** How long a play function waits for the manager (the link flow polls). */
const WAIT = 6000;

/** Clicks the first button of the manager or of its open dialog whose text is `label`. */
async function click(root: ParentNode, label: string) {
  const button = await until(() => {
    const roots = ['usp-confirm-dialog', 'usp-tiktok-editor'].map((tag) => deepQuery(root, tag)?.shadowRoot).filter(Boolean) as ParentNode[];
    return roots.flatMap((r) => [...r.querySelectorAll('button')]).find((b) => matchesLabel(b.textContent, label, 'equals'));
  }, `a button "${label}"`, WAIT);
  button.click();
}

/** A play function that clicks the buttons `labels` in turn. */
const clicks = (...labels: string[]) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  for (const label of labels) await click(canvasElement, label);
};

/** Waits until the manager says `text`. */
const says = (root: ParentNode, text: string) =>
  until(() => matchesLabel(deepQuery(root, 'usp-tiktok-editor')?.shadowRoot?.textContent, text), `"${text}"`, WAIT);

/** A stand-in for the TikTok popup (a play function has no user activation to open a real one). */
function withFakePopup() {
  const open = window.open;
  window.open = (() => {
    const popup = { closed: false, location: { replace: () => {} }, close: () => { popup.closed = true; }, focus: () => {} };
    return popup;
  }) as unknown as typeof window.open;
  return () => {
    window.open = open;
  };
}

/** Keeps the redirect mode on the page: the story shows the moment before leaving. */
function withoutLeaving() {
  const navigate = tiktokLink.navigate;
  tiktokLink.navigate = () => {};
  return () => {
    tiktokLink.navigate = navigate;
  };
}

/** Starts linking in the (stand-in) popup, then decides it on "TikTok" as the user would. */
async function linkAndDecide(context: StoryContext<TiktokArgs>, decision?: TiktokDecision) {
  const state = mockState(context);
  await click(context.canvasElement, 'Link TikTok account');
  const session = await until(() => [...state.linkSessions.values()].at(-1), 'a link session', WAIT);
  if (decision) state.decideLinkSession(session.state, decision);
}

/** Back from TikTok in redirect mode: a decided session and `usp_link_state` in the address bar. */
function returningFrom(decision: TiktokDecision) {
  return (context: StoryContext<TiktokArgs>) => {
    const state = mockState(context);
    const session = state.createLinkSession({
      mode: 'redirect', returnUrl: location.href, authorizePageUrl: new URL('mock-tiktok-authorize.html', location.href).href,
    });
    state.decideLinkSession(session.state, decision);
    // This tab started the flow (only such a return is finished).
    rememberLinkState(session.state, (context.args as { host?: string }).host ?? 'business-center');
    const url = new URL(location.href);
    url.searchParams.set('usp_link_state', session.state);
    history.replaceState(history.state, '', url);
    return () => {
      const clean = new URL(location.href);
      clean.searchParams.delete('usp_link_state');
      history.replaceState(history.state, '', clean);
    };
  };
}

// ——— summary rows ———

/** Not linked: the row offers Add. */
export const SummaryNotLinked: Story = { args: { open: false } };

/** Linked: the row names the account and offers Manage. */
export const SummaryLinked: Story = { args: { open: false }, parameters: mockParameters('linkedPersonal') };

/** The feature is in testing and not available to this user: said plainly, nothing offered. */
export const SummaryUnavailable: Story = { args: { open: false }, parameters: mockParameters('linkingUnavailable') };

// ——— not linked ———

/** What linking gives, and "Link TikTok account" (opens the mock's real authorize page in a popup). */
export const NotLinked: Story = {};

/** Unavailable, manager open: the explanation, and only Done. */
export const Unavailable: Story = { parameters: mockParameters('linkingUnavailable') };

/** The popup is open: the panel waits for TikTok (message or polling) and offers Cancel. */
export const WaitingForTikTok: Story = {
  beforeEach: withFakePopup,
  play: (context) => linkAndDecide(context),
};

/** Approved on TikTok: linked, announced, the card shows. */
export const LinkedInPopup: Story = {
  beforeEach: withFakePopup,
  play: async (context) => {
    await linkAndDecide(context, 'approve');
    await says(context.canvasElement, 'Your TikTok account is linked.');
  },
};

/** Cancelled on TikTok. */
export const LinkCancelled: Story = {
  beforeEach: withFakePopup,
  play: (context) => linkAndDecide(context, 'cancel'),
};

/** TikTok failed to link. */
export const LinkFailed: Story = {
  beforeEach: withFakePopup,
  play: (context) => linkAndDecide(context, 'fail'),
};

/** The TikTok account is linked to another TikTok For Business account (`tiktok_account_in_use`). */
export const AccountInUse: Story = {
  beforeEach: withFakePopup,
  play: (context) => linkAndDecide(context, 'account_in_use'),
};

/** Switched off since the panel loaded (`tiktok_linking_unavailable`): explained, the manager shows it. */
export const LinkingUnavailableOnAttempt: Story = {
  beforeEach: withFakePopup,
  play: async (context) => {
    // Switched off once the manager shows Link (switched off before `/me`, Link would never show).
    await until(() => deepQuery(context.canvasElement, 'usp-tiktok-editor')?.shadowRoot?.querySelector('button.primary'), 'the Link button');
    mockState(context).scenarios.set({ linkingUnavailable: true });
    await click(context.canvasElement, 'Link TikTok account');
  },
};

/** The backend answered an authorize URL that is neither https nor same-origin: refused. */
export const UnsafeAuthorizeUrl: Story = {
  parameters: {
    ...mockParameters('default'),
    msw: {
      handlers: [http.post(`${STORY_API_BASE}/tiktok/link-sessions`, () => HttpResponse.json(
        { state: 'lnk_story', authorizeUrl: 'http://tiktok.example/authorize', expiresAt: new Date(Date.now() + 600_000).toISOString() },
        { status: 201 },
      ))],
    },
  },
  beforeEach: withFakePopup,
  play: clicks('Link TikTok account'),
};

/** Mobile lite links by redirect: the moment before the page leaves for TikTok. */
export const RedirectLeaving: Story = {
  args: { host: 'mobile-lite' },
  parameters: { ...mockParameters('default'), viewport: { defaultViewport: 'mobile1' } },
  beforeEach: withoutLeaving,
  play: clicks('Link TikTok account'),
};

/** Back from TikTok (redirect mode), approved: finished from `usp_link_state`, which leaves the address bar. */
export const RedirectReturnLinked: Story = { args: { open: false }, beforeEach: returningFrom('approve') };

/** Back from TikTok (redirect mode), cancelled. */
export const RedirectReturnCancelled: Story = { args: { open: false }, beforeEach: returningFrom('cancel') };

/** Back from TikTok (redirect mode), account in use. */
export const RedirectReturnAccountInUse: Story = { args: { open: false }, beforeEach: returningFrom('account_in_use') };

// ——— linked ———

/** A personal account: avatar (here on an unreachable host, so the initial shows), names, badge, date, Upgrade and Unlink. */
export const LinkedPersonal: Story = { parameters: mockParameters('linkedPersonal') };

/** A Business Account: no upgrade. */
export const LinkedBusiness: Story = { parameters: mockParameters('linkedBusiness') };

/** No avatar: the initial. */
export const NoAvatar: Story = {
  parameters: mockParameters('linkedPersonal', {}, {
    tiktok: { ...presets.linkedPersonal.tiktok, account: { ...presets.linkedPersonal.tiktok.account!, avatarUrl: null } },
  }),
};

/** Unlink asks first and says what the user loses. */
export const UnlinkConfirm: Story = {
  parameters: mockParameters('linkedPersonal'),
  play: clicks('Unlink TikTok account'),
};

/** Unlinked: back to "not linked". */
export const Unlinked: Story = {
  parameters: mockParameters('linkedPersonal'),
  play: clicks('Unlink TikTok account', 'Unlink'),
};

/** The host vetoed unlinking: nothing happened, and the panel says so. */
export const UnlinkVetoed: Story = {
  args: { vetoUnlink: true },
  parameters: mockParameters('linkedPersonal'),
  play: clicks('Unlink TikTok account'),
};

/** TikTok is the only way to sign in (`last_login_method`). */
export const UnlinkLastLoginMethod: Story = {
  parameters: mockParameters('tiktokOnly'),
  play: clicks('Unlink TikTok account', 'Unlink'),
};

/** The backend asks to re-verify before unlinking (`reauth_required`): the shared dialog. */
export const UnlinkReauthRequired: Story = {
  parameters: mockParameters('linkedPersonal', { reauthRequired: true }),
  play: clicks('Unlink TikTok account', 'Unlink'),
};

/** The upgrade asks first and says what a Business Account is. */
export const UpgradeConfirm: Story = {
  parameters: mockParameters('linkedPersonal'),
  play: clicks('Upgrade to Business Account'),
};

/** Upgraded: the badge says Business Account. */
export const Upgraded: Story = {
  parameters: mockParameters('linkedPersonal'),
  play: clicks('Upgrade to Business Account', 'Upgrade'),
};

/** Not eligible (`business_upgrade_ineligible`): explained, nothing changed. */
export const UpgradeIneligible: Story = {
  parameters: mockParameters('linkedPersonal'),
  play: async (context) => {
    await click(context.canvasElement, 'Upgrade to Business Account');
    // Ineligible since the panel loaded.
    mockState(context).profile.tiktok.businessUpgradeAvailable = false;
    await click(context.canvasElement, 'Upgrade');
  },
};

/** Too many requests (`rate_limited`): a countdown. */
export const RateLimited: Story = {
  parameters: mockParameters('linkedPersonal', { rateLimited: true, retryAfterSeconds: 45 }),
  play: clicks('Upgrade to Business Account', 'Upgrade'),
};

// ——— hosts and languages ———

/** Ads Manager drop-down: 360 px. */
export const AdsManager: Story = { args: { host: 'ads-manager' }, parameters: mockParameters('linkedPersonal') };

/** Mobile lite: linking goes by redirect, not a popup. */
export const MobileLite: Story = { args: { host: 'mobile-lite' }, parameters: { ...mockParameters('default'), viewport: { defaultViewport: 'mobile1' } } };

/** French. */
export const French: Story = { args: { locale: 'fr' }, parameters: mockParameters('linkedPersonal') };

/** Arabic, right to left. */
export const Arabic: Story = { args: { locale: 'ar' }, parameters: mockParameters('linkedPersonal') };

/** Arabic, not linked. */
export const ArabicNotLinked: Story = { args: { locale: 'ar' } };
