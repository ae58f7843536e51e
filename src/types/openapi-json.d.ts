// Declarations for `user-settings-panel/openapi.json` (copied to dist/types/types; the JSON file ships as is). `export =`, as TypeScript types a JSON module.

/** The OpenAPI 3.1 document of the default backend contract (SPEC §4). */
declare const openapi: {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, unknown>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
};
export = openapi;
