// Declarations for `user-settings-panel/custom-elements.json` (copied to dist/types/types; the JSON file ships as is). `export =`, as TypeScript types a JSON module.

/** The custom-elements manifest (schema 2.x): tags, attributes, properties, events, parts, CSS properties. */
declare const manifest: {
  schemaVersion: string;
  readme?: string;
  modules: Array<{ kind: string; path: string; declarations?: unknown[]; exports?: unknown[] }>;
};
export = manifest;
