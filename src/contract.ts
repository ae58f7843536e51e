// `user-settings-panel/contract`: the zod schemas and route table of the backend contract, for
// integrators' servers and tests. (The OpenAPI document is `user-settings-panel/openapi.json`.)
export * as schemas from './api/schemas.js';
export { routes, fillPath, type Route, type RouteName } from './api/routes.js';
