/**
 * Shared helpers for stories driven by the stateful mock backend (`src/mock/`).
 *
 * `.storybook/preview.ts` gives every story a fresh {@link MockBackendState} before it renders,
 * built from `parameters.mock` (preset, profile overrides, scenario flags), and serves it with
 * `createHandlers(state, { apiBase: STORY_API_BASE })` through msw-storybook-addon. Handlers a
 * story puts in `parameters.msw` (CSF 3) are installed on top and win.
 *
 * A sub-element's stories render it with {@link renderInProvider} (`providerArgs` and
 * `providerArgTypes` for host, locale and open); play functions reach into the shadow roots with
 * {@link deepQuery}, {@link find}, {@link until}, {@link paste} and {@link press}.
 *
 * @example
 * ```ts
 * import type { Meta, StoryObj } from '@storybook/web-components-vite';
 * import { html } from 'lit';
 * import { mockParameters, mockState, STORY_API_BASE } from './support.js';
 *
 * export default { title: 'Elements/Phone', component: 'user-settings-phone' } satisfies Meta;
 *
 * export const PhoneOnly: StoryObj = {
 *   parameters: mockParameters('phoneOnly', { reauthRequired: true }),
 *   render: () => html`<user-settings-provider api-base=${STORY_API_BASE}>
 *     <user-settings-phone open></user-settings-phone>
 *   </user-settings-provider>`,
 *   play: async (context) => {
 *     const state = mockState(context);
 *     // … drive the story, then read state.requests or state.inbox.latestCode()
 *   },
 * };
 * ```
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { Profile } from '../src/api/schemas.js';
import { isRtl, registeredLocales, resolveMessages, type MessageKey } from '../src/i18n/messages.js';
import type { MockBackendState, MockPresetName, MockScenarioFlags } from '../src/mock/index.js';

/** The `api-base` every story uses; the mock answers under it. */
export const STORY_API_BASE = '/api';

/** What `parameters.mock` holds: how to build the story's fresh mock state. */
export interface MockStoryParameters {
  /** Starting preset of the mock (default `default`). */
  preset?: MockPresetName;
  /** Scenario flags switched on before the story renders (slow network, server errors…). */
  scenarios?: Partial<MockScenarioFlags>;
  /** Shallow overrides of the preset's profile. */
  profile?: Partial<Profile>;
}

/**
 * Story parameters that give the story a fresh mock backend in the given preset, with the given
 * scenario flags on. Spread them into `parameters` when you need more:
 * `parameters: { ...mockParameters('phoneOnly'), layout: 'fullscreen' }`.
 *
 * @param preset - A preset of `src/mock/state.ts` (`default`, `tiktokSignup`, `phoneOnly`, `linkedPersonal`…).
 * @param scenarios - Scenario flags, e.g. `{ latencyMs: 1500 }`, `{ serverErrors: ['getProfile'] }`, `{ rateLimited: true }`.
 * @param profile - Shallow profile overrides, e.g. `{ displayName: 'Ana' }`.
 */
export function mockParameters(
  preset: MockPresetName = 'default',
  scenarios: Partial<MockScenarioFlags> = {},
  profile?: Partial<Profile>,
): { mock: MockStoryParameters } {
  return { mock: { preset, scenarios, profile } };
}

/**
 * The story's mock state (from its `loaded` values), for play functions and decorators: read
 * `state.inbox.latestCode()`, `state.requests`, or flip `state.scenarios` at run time.
 */
export function mockState(context: { loaded: Record<string, unknown> }): MockBackendState {
  const state = context.loaded.mockState as MockBackendState | undefined;
  if (!state) throw new Error('No mock state: is .storybook/preview.ts loading the mock?');
  return state;
}

// ——— rendering a sub-element the way a host would ———

/** The host layouts (`host` on the provider). */
export type StoryHost = 'ads-manager' | 'business-center' | 'mobile-lite' | 'standalone';

/** The sub-elements a host places under `<user-settings-provider>`. */
export type SubElementTag = 'user-settings-email' | 'user-settings-password' | 'user-settings-phone' | 'user-settings-tiktok';

/** `auto` follows the system's `prefers-color-scheme`; `light` or `dark` pins one. */
export type StoryTheme = 'auto' | 'light' | 'dark';

/** Args of a sub-element story: the provider's `host` and `locale`, and whether the element is open. */
export interface ProviderStoryArgs {
  host: StoryHost;
  locale: string;
  open: boolean;
  theme?: StoryTheme;
  /** `default-country` on the provider (none when empty or absent). */
  defaultCountry?: string;
  /** The host cancels `usp-unlink-requested` (`preventDefault()`). */
  vetoUnlink?: boolean;
}

/** Default `args` for host, locale and open. */
export const providerArgs: Pick<ProviderStoryArgs, 'host' | 'locale' | 'open'> = { host: 'business-center', locale: 'en', open: true };

/** Controls for host, locale and open. */
export const providerArgTypes = {
  host: { control: 'inline-radio', options: ['ads-manager', 'business-center', 'mobile-lite', 'standalone'] },
  locale: { control: 'select', options: ['en', 'fr', 'ar', 'en-XA', 'ar-XB'], description: 'BCP 47; en-XA and ar-XB are pseudo-locales' },
  open: { control: 'boolean', description: 'Whether the editor is open' },
  theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'], description: 'Pins light or dark (`--usp-color-scheme`); auto follows the system' },
} satisfies Partial<ArgTypes<ProviderStoryArgs>>;

/** A frame's colours for `theme`: the page's `Canvas` in that scheme, and the elements pinned to it. */
export const themeStyle = (theme: StoryTheme) =>
  theme === 'auto' ? 'background: Canvas;' : `color-scheme: ${theme}; --usp-color-scheme: ${theme}; background: Canvas;`;

/**
 * `<user-settings-provider>` on the story's mock (`host`, `locale`, `default-country`; cancels
 * `usp-unlink-requested` when `vetoUnlink`) holding `tag` (`open` when `open`) in a frame as
 * wide as the host shows it (640 px on a settings page, else 360 px), right to left in Arabic.
 *
 * @param minHeight - The frame's minimum height in px, so that the open editor fits (none when 0).
 */
export function renderInProvider(tag: SubElementTag, args: ProviderStoryArgs, { minHeight = 0 } = {}) {
  const { host, locale, open, defaultCountry, vetoUnlink, theme = 'auto' } = args;
  const element = unsafeStatic(tag);
  const width = host === 'business-center' || host === 'standalone' ? 640 : 360;
  return staticHtml`
    <user-settings-provider api-base=${STORY_API_BASE} host=${host} locale=${locale}
      default-country=${ifDefined(defaultCountry || undefined)}
      @usp-unlink-requested=${(event: Event) => vetoUnlink && event.preventDefault()}>
      <div dir=${isRtl(locale) ? 'rtl' : 'ltr'} style="max-width: ${width}px;${minHeight ? ` min-height: ${minHeight}px;` : ''}
        padding: 0 16px; border: 1px solid #767b85; border-radius: 8px; ${themeStyle(theme)}">
        <${element} ?open=${open}></${element}>
      </div>
    </user-settings-provider>
  `;
}

// ——— play helpers (the UI lives in nested shadow roots) ———

/** The first element matching `selector` in `root` or any shadow root below it. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | undefined {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot && deepQuery<T>(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return undefined;
}

/** Waits for `check` to return something (`timeout` ms at most; `what` names it in the error). */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeout = 5000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Never showed ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the first element matching `selector` in `root` or below (5 s at most). */
export const find = <T extends Element = HTMLElement>(root: ParentNode, selector: string, what = selector) =>
  until(() => deepQuery<T>(root, selector), what);

/**
 * Puts `text` in the field as a paste would (one input event). `selector` may also name an
 * element that wraps its field in a shadow root (the code input): its own input gets the text.
 */
export async function paste(root: ParentNode, selector: string, text: string): Promise<void> {
  const found = await find<HTMLElement>(root, selector);
  const input = found instanceof HTMLInputElement ? found : await find<HTMLInputElement>(found.shadowRoot ?? found, 'input', `the field in ${selector}`);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

/**
 * Enters `codes` one after another in the code input, each once the one before was answered by
 * the mock (`answered(n)`: n codes answered) and the editor has emptied the field again.
 */
export async function enterCodes(root: ParentNode, codes: string[], answered: (count: number) => boolean): Promise<void> {
  const field = () => deepQuery<HTMLElement>(root, 'usp-code-input')?.shadowRoot?.querySelector('input');
  for (const [i, code] of codes.entries()) {
    await until(() => field()?.value === '' && !field()?.readOnly, 'an empty code field', 10_000);
    await paste(root, '#code', code);
    await until(() => answered(i + 1), `the answer to code ${i + 1}`, 10_000);
  }
}

/**
 * `label` (a catalog string, in any registered language) in every registered language, so a
 * play function written with English labels also runs when the toolbar switches the language.
 */
export function translations(label: string): string[] {
  const locales = registeredLocales();
  const keys = new Set(locales.flatMap((locale) => {
    const catalog = resolveMessages(locale);
    return (Object.keys(catalog) as MessageKey[]).filter((key) => catalog[key] === label);
  }));
  return [label, ...locales.flatMap((locale) => [...keys].map((key) => resolveMessages(locale)[key]))];
}

/** Whether `text` is `label` (`equals`), starts with it or includes it, in any registered language. */
export function matchesLabel(text: string | null | undefined, label: string, how: 'equals' | 'startsWith' | 'includes' = 'includes'): boolean {
  const shown = text?.trim() ?? '';
  return translations(label).some((l) => (how === 'equals' ? shown === l : how === 'startsWith' ? shown.startsWith(l) : shown.includes(l)));
}

/** Clicks the button whose text is `label` (dialogs included; the last match, i.e. the innermost dialog, first). */
export async function press(root: ParentNode, label: string): Promise<void> {
  const buttons = (node: ParentNode): HTMLButtonElement[] => [...node.querySelectorAll('*')].flatMap((el) =>
    [...(el instanceof HTMLButtonElement ? [el] : []), ...(el.shadowRoot ? buttons(el.shadowRoot) : [])]);
  const button = await until(() => buttons(root).reverse().find((b) => matchesLabel(b.textContent, label, 'startsWith')), `button ${label}`);
  button.click();
}
