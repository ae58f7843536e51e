import { defineConfig, type UserConfig } from 'vite';
import { minifyLitTemplatesPlugin } from './scripts/minify-lit-templates.mjs';
import { generatePhoneMetadata } from './scripts/phone-metadata.mjs';

/**
 * `vite` serves the demo (index.html + demo/, MSW worker and mock TikTok page from public/).
 * `vite build` builds the library: ESM entries with dependencies external.
 * `vite build --mode bundle` builds `dist/user-settings-panel.bundle.js`: every dependency
 * inside, editors and locales as lazily loaded chunks (what the size budget measures).
 */
export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'bundle') {
    return {
      publicDir: false,
      // The JS minifier leaves template text alone; this drops the indentation of css`` and html``.
      plugins: [
        minifyLitTemplatesPlugin(),
        // The phone editor's per-zone metadata, from the installed libphonenumber-js (no network).
        { name: 'phone-metadata', buildStart: () => void generatePhoneMetadata() },
      ],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        // Library mode keeps ES output's whitespace unless told otherwise.
        minify: 'oxc',
        lib: {
          entry: { 'user-settings-panel.bundle': 'src/define.ts' },
          formats: ['es'],
        },
        rolldownOptions: {
          // Let the entry export what lazy chunks share with it, instead of a separate shared chunk.
          preserveEntrySignatures: 'allow-extension',
          output: {
            // Each world zone's phone metadata is a chunk of its own: phone-zone-N.
            chunkFileNames: ({ name }) => `chunks/${name.startsWith('zone-') ? 'phone-' : ''}[name]-[hash].js`,
            minify: true,
            // No manual chunk groups: the chunks follow the dynamic imports. The bundle is one
            // file (what lazy chunks share with it stays in it); the response schemas
            // (src/api/responses.ts) are a chunk of zod/mini and the schemas that the first request
            // fetches beside GET /me; everything behind "open an editor" is one chunk because it
            // has one door, src/elements/editors.ts (README "Size and performance" has the
            // measurement); the phone-number library, reached only through that door, is apart so
            // only the phone editor pays for it. (A manual `editors` group, or one dynamic import
            // per editor, made rolldown 1.2 put lit, the context and the catalog in a chunk of
            // their own that the bundle imports: a second request before first paint.)
          },
        },
      },
    };
  }
  if (mode === 'lib') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist',
        target: 'es2022',
        minify: false,
        lib: {
          entry: {
            index: 'src/index.ts', define: 'src/define.ts', contract: 'src/contract.ts',
            mock: 'src/mock/index.ts', 'mock-browser': 'src/mock/browser.ts',
          },
          formats: ['es'],
        },
        // Locales are built apart, self-contained (scripts/build-locales.mjs), so they also serve the bundle.
        rolldownOptions: {
          external: [/^lit/, /^@lit\//, /^ky/, /^zod/, /^msw/, /^libphonenumber-js/],
          // One file per source module: the manifest's paths and package.json's `sideEffects`
          // (element modules define internal elements when they load) name real files.
          output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
        },
      },
    };
  }
  return {
    server: { port: 5173 },
    build: { outDir: 'dist-demo' },
  };
});
