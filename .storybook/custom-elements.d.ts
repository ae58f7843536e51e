/** The custom-elements manifest (`npm run analyze`), read by `setCustomElementsManifest`. */
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
