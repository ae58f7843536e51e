/** What a route of the mock receives, and the body check every route with a body goes through. */
import type * as z from 'zod/mini';
import { contractError } from '../errors.js';
import type { MockBackendState } from '../state.js';

export interface MockContext {
  state: MockBackendState;
  request: Request;
  /** Path parameters, e.g. `{ id }` of `/verifications/{id}/resend`. */
  params: Record<string, string>;
  /** The JSON body as received (unchecked: {@link withBody} checks it). */
  body: unknown;
  /** `X-Reauth-Token`, when sent. */
  reauthToken: string | null;
  /** The simulated authorize page's URL, when configured. */
  authorizePageUrl?: string;
  /** Origins besides the authorize page's own that a link session may return to. */
  isAllowedReturnOrigin?: (origin: string) => boolean;
}

/** One route's own rules: the answer to a request that got past the scenarios. */
export type RouteLogic = (ctx: MockContext) => Response | Promise<Response>;

/**
 * Checks the body with the contract's schema first: a body that does not match answers
 * `400 invalid_request` naming the first offending field (SPEC §4.2), before any other rule — so
 * a user never re-verifies only to learn that the input was wrong.
 */
export function withBody<T>(schema: z.ZodMiniType<T>, logic: (body: T, ctx: MockContext) => Response | Promise<Response>): RouteLogic {
  return (ctx) => {
    const parsed = schema.safeParse(ctx.body);
    if (parsed.success) return logic(parsed.data, ctx);
    const field = parsed.error.issues[0]?.path.map(String).join('.');
    return contractError('invalid_request', field ? { field } : {});
  };
}
