// Hand-written declarations (src/types/*.d.ts: JSON entries, framework typings) are not emitted
// by tsc; copy them beside the emitted ones so the `types` conditions in package.json find them.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

mkdirSync('dist/types/types', { recursive: true });

for (const file of readdirSync('src/types').filter((name) => name.endsWith('.d.ts'))) {
  cpSync(`src/types/${file}`, `dist/types/types/${file}`);
}
