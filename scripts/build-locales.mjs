// Builds each `src/locales/<lang>.ts` into a self-contained `dist/locales/<lang>.js`: the catalog
// and the few lines that register it in the global registry (`Symbol.for('user-settings-panel.messages')`),
// no imports. So one file serves both the library build (`import 'user-settings-panel/locales/fr'`)
// and the one-file bundle (`<script type="module" src=".../locales/fr.js">` next to it), in any order.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const locales = readdirSync('src/locales').filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3));

const result = await build({
  entryPoints: Object.fromEntries(locales.map((name) => [name, `src/locales/${name}.ts`])),
  outdir: 'dist/locales',
  bundle: true,
  splitting: false,
  format: 'esm',
  target: 'es2022',
  charset: 'utf8',
  minify: true,
  write: true,
  metafile: true,
  logLevel: 'warning',
});

for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (output.imports.length) throw new Error(`${file} imports ${output.imports.map((entry) => entry.path).join(', ')}: a locale file must stand alone`);
  const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
  console.log(`${file.padEnd(24)} ${String(output.bytes).padStart(6)} min ${String(gzip).padStart(6)} gzip`);
}
