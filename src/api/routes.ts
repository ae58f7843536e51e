/**
 * The resources of the contract: method, path and success status (`endpoints.ts`), body
 * (`requests.ts`) and success schema (`responses.ts`) of each call, joined — each table exists
 * once, here they are only put side by side. The mock backend and the OpenAPI generator read this.
 */
import { endpoints, type Endpoint, type RouteName } from './endpoints.js';
import { requestBodies } from './requests.js';
import { responseOf, type responses } from './responses.js';
import type * as S from './schemas.js';

export { fillPath, type RouteName } from './endpoints.js';

export interface Route extends Endpoint {
  body?: S.AnySchema;
  response?: S.AnySchema;
}

type Bodies = typeof requestBodies;
type Responses = typeof responses;

/** One call, typed exactly: its endpoint, plus `body` and `response` when it has them. */
export type RouteOf<N extends RouteName> = (typeof endpoints)[N] &
  (N extends keyof Bodies ? { body: Bodies[N] } : { body?: undefined }) &
  (N extends keyof Responses ? { response: Responses[N] } : { response?: undefined });

const bodies: Partial<Record<RouteName, S.AnySchema>> = requestBodies;

function join<N extends RouteName>(name: N): RouteOf<N> {
  const body = bodies[name];
  const response = responseOf(name);
  // The conditional type cannot be checked against the object built here; the tables above are.
  return { ...endpoints[name], ...(body ? { body } : {}), ...(response ? { response } : {}) } as unknown as RouteOf<N>;
}

export const routes = Object.fromEntries(
  (Object.keys(endpoints) as RouteName[]).map((name) => [name, join(name)]),
) as { [N in RouteName]: RouteOf<N> };
