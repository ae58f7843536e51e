/**
 * Shared helpers for stories driven by the stateful mock backend (`src/mock/`).
 *
 * `.storybook/preview.ts` gives every story a fresh {@link MockBackendState} before it renders,
 * built from `parameters.mock` (preset, profile overrides, scenario flags), and serves it with
 * `createHandlers(state, { apiBase: STORY_API_BASE })` through msw-storybook-addon. Handlers a
 * story puts in `parameters.msw` (CSF 3) are installed on top and win.
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
import type { Profile } from '../src/api/schemas.js';
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
