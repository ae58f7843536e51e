// Compiles the command line (src/cli, src/server and the mock they serve) for Node into
// dist/cli.js plus lazily loaded chunks. msw and zod stay external (msw is an optional peer, needed
// only by `mock-server`); ajv is bundled, so `check-backend` adds no runtime dependency.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('dist/cli-chunks', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.mjs' },
  outdir: 'dist',
  chunkNames: 'cli-chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['msw', 'zod', 'zod/*'],
  legalComments: 'linked',
  logLevel: 'warning',
});
