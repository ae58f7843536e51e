/**
 * Scenario flags of the mock backend, switchable at run time (demo toolbar, Storybook, tests).
 * What each does is {@link SCENARIO_EFFECTS} (documented in `docs/mock-triggers.md`, generated).
 *
 * `offline`, `serverErrors`, `malformed`, `rateLimited` and `reauthRequired` take `true` (every
 * route concerned) or a list of route names from `routes` (only those routes), e.g.
 * `scenarios.set({ serverErrors: ['getProfile'] })`.
 *
 * Order of evaluation for one request: offline → latency → signedOut → (a repeated
 * `Idempotency-Key`'s kept answer) → serverErrors → malformed → rateLimited → the route's own
 * logic (which checks reauthRequired).
 */
import type { RouteName } from '../api/routes.js';

/** `true` for every route the flag concerns, or only the listed routes. */
export type ScenarioScope = boolean | readonly RouteName[];

export interface MockScenarioFlags {
  offline: ScenarioScope;
  latencyMs: number;
  signedOut: boolean;
  serverErrors: ScenarioScope;
  malformed: ScenarioScope;
  rateLimited: ScenarioScope;
  /** Seconds announced by the `rateLimited` scenario. Default 30. */
  retryAfterSeconds: number;
  linkingUnavailable: boolean;
  reauthRequired: ScenarioScope;
}

export const DEFAULT_SCENARIOS: Readonly<MockScenarioFlags> = Object.freeze({
  offline: false,
  latencyMs: 0,
  signedOut: false,
  serverErrors: false,
  malformed: false,
  rateLimited: false,
  retryAfterSeconds: 30,
  linkingUnavailable: false,
  reauthRequired: false,
});

/** What each flag does. */
export const SCENARIO_EFFECTS: Record<keyof MockScenarioFlags, string> = {
  offline: 'the request fails at the network level (`HttpResponse.error()`, i.e. `fetch` rejects)',
  latencyMs: 'every answer is delayed by this many milliseconds (msw `delay`)',
  signedOut: 'every request answers `401 unauthenticated`',
  serverErrors: '`500` with a generic body `{ error: { code: "internal_error", message } }` (a code the contract does not list: the panel treats it as a generic, retryable failure)',
  malformed: '`200` with a body that fails the route\'s response schema (routes that answer 204 are not affected); the change is not applied',
  rateLimited: 'changing requests (every POST and DELETE) answer `429 rate_limited` with a `Retry-After` header and `retryAfterSeconds` = `retryAfterSeconds`',
  retryAfterSeconds: 'the seconds announced by `rateLimited` (default 30)',
  linkingUnavailable: '`GET /me` reports `tiktok.linkingAvailable: false` and starting a link session answers `403 tiktok_linking_unavailable`',
  reauthRequired: 'every changing request without a valid `X-Reauth-Token` answers `403 reauth_required` with `methods` from the profile (see handlers.ts)',
};

/** Whether a flag's scope covers `route`. */
export function scenarioApplies(scope: ScenarioScope, route: RouteName): boolean {
  return scope === true || (Array.isArray(scope) && scope.includes(route));
}

export type MockScenariosListener = (flags: Readonly<MockScenarioFlags>) => void;

/**
 * The live flags. Read or assign them one by one (`scenarios.latencyMs = 800`) or several at once
 * with {@link MockScenarios.set}; listeners hear every change.
 */
export class MockScenarios implements MockScenarioFlags {
  #flags: MockScenarioFlags = { ...DEFAULT_SCENARIOS };
  readonly #listeners = new Set<MockScenariosListener>();

  /** A snapshot of every flag. */
  get flags(): Readonly<MockScenarioFlags> {
    return { ...this.#flags };
  }

  /** Changes some flags. */
  set(flags: Partial<MockScenarioFlags>): void {
    this.#flags = { ...this.#flags, ...flags };
    for (const listener of [...this.#listeners]) listener(this.flags);
  }

  /** Back to {@link DEFAULT_SCENARIOS} (or to `DEFAULT_SCENARIOS` plus `flags`). */
  reset(flags: Partial<MockScenarioFlags> = {}): void {
    this.#flags = { ...DEFAULT_SCENARIOS };
    this.set(flags);
  }

  subscribe(listener: MockScenariosListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get offline(): ScenarioScope { return this.#flags.offline; }
  set offline(value: ScenarioScope) { this.set({ offline: value }); }
  get latencyMs(): number { return this.#flags.latencyMs; }
  set latencyMs(value: number) { this.set({ latencyMs: value }); }
  get signedOut(): boolean { return this.#flags.signedOut; }
  set signedOut(value: boolean) { this.set({ signedOut: value }); }
  get serverErrors(): ScenarioScope { return this.#flags.serverErrors; }
  set serverErrors(value: ScenarioScope) { this.set({ serverErrors: value }); }
  get malformed(): ScenarioScope { return this.#flags.malformed; }
  set malformed(value: ScenarioScope) { this.set({ malformed: value }); }
  get rateLimited(): ScenarioScope { return this.#flags.rateLimited; }
  set rateLimited(value: ScenarioScope) { this.set({ rateLimited: value }); }
  get retryAfterSeconds(): number { return this.#flags.retryAfterSeconds; }
  set retryAfterSeconds(value: number) { this.set({ retryAfterSeconds: value }); }
  get linkingUnavailable(): boolean { return this.#flags.linkingUnavailable; }
  set linkingUnavailable(value: boolean) { this.set({ linkingUnavailable: value }); }
  get reauthRequired(): ScenarioScope { return this.#flags.reauthRequired; }
  set reauthRequired(value: ScenarioScope) { this.set({ reauthRequired: value }); }
}
