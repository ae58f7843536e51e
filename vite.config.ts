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
            // The response schemas (src/api/responses.ts, a dynamic import target) are left to
            // automatic chunking: their chunk holds zod/mini and the schemas and nothing else, and
            // the first request fetches it beside GET /me. (A manual group for them would have
            // rolldown synthesize a module namespace, moving its runtime helper into a chunk of
            // its own: one more request, after the schemas.) Everything behind "open an editor"
            // shares one chunk (README "Size and performance" has the measurement); the
            // phone-number library stays apart so only the phone editor pays for it.
            advancedChunks: {
              includeDependenciesRecursively: false,
              groups: [
                {
                  name: 'editors',
                  // Everything lazy: controllers, dialogs, and each capability's folder except
                  // its public summary element, the redirect-return check and the phone library's door.
                  test: /node_modules[\\/](@lit[\\/]reactive-element[\\/]decorators[\\/](query|base))|src[\\/](controllers|elements[\\/](shared|reauth)|elements[\\/]user-settings-(email|phone|password|tiktok)[\\/](?!user-settings-|link-params|phone-metadata|metadata[\\/]zone-))/,
                },
              ],
            },
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
