// Hand-written declarations (src/types/*.d.ts: the framework typings) are not emitted
// by tsc; copy them beside the emitted ones so the `types` conditions in package.json find them,
// and let the define entry's declarations load the framework typings (tsc drops the
// `/// <reference path>` that src/define.ts carries).
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

mkdirSync('dist/types/types', { recursive: true });
for (const file of readdirSync('src/types').filter((name) => name.endsWith('.d.ts'))) {
  cpSync(`src/types/${file}`, `dist/types/types/${file}`);
}

const define = 'dist/types/define.d.ts';
const reference = '/// <reference path="./types/frameworks.d.ts" />\n';
const emitted = readFileSync(define, 'utf8');
if (!emitted.startsWith(reference)) writeFileSync(define, reference + emitted);
