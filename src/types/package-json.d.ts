// Declarations for `user-settings-panel/package.json` (copied to dist/types/types; the JSON file ships as is). `export =`, as TypeScript types a JSON module.

/** The package's manifest: name, version, exports and the rest. */
declare const pkg: { name: string; version: string; [key: string]: unknown };
export = pkg;
