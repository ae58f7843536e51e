// Writes openapi.json from the zod schemas (`npm run openapi`); `--check` fails when it is stale.
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';

const { outputFiles } = await build({
  entryPoints: ['src/api/openapi.ts'], bundle: true, platform: 'node', format: 'esm', write: false,
});
const { buildOpenApiDocument } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const committed = await readFile('openapi.json', 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('openapi.json is out of date with src/api/schemas.ts: run `npm run openapi` and commit it.');
    process.exit(1);
  }
  console.log('openapi.json is up to date.');
} else {
  await writeFile('openapi.json', text);
  console.log('Wrote openapi.json');
}
