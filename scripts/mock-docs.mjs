// Writes docs/mock-triggers.md from the mock's trigger data (`npm run mock:docs`); `--check` fails when it is stale.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const { outputFiles } = await build({
  entryPoints: ['src/mock/trigger-docs.ts'], bundle: true, platform: 'node', format: 'esm', write: false, external: ['msw', 'zod'],
});
const { renderTriggerDocs } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
const text = renderTriggerDocs();
if (process.argv.includes('--check')) {
  const committed = await readFile('docs/mock-triggers.md', 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('docs/mock-triggers.md is out of date with src/mock/triggers.ts: run `npm run mock:docs` and commit it.');
    process.exit(1);
  }
  console.log('docs/mock-triggers.md is up to date.');
} else {
  await mkdir('docs', { recursive: true });
  await writeFile('docs/mock-triggers.md', text);
  console.log('Wrote docs/mock-triggers.md');
}
