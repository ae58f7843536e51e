// Packs the package as `npm publish` would, then lints the tarball: publint (strict) and
// arethetypeswrong (ESM-only profile). Either tool's finding fails the run. Prints the tarball
// path last, for scripts that go on with it (the consumer projects).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command, args, options = {}) => execFileSync(command, args, { stdio: 'inherit', ...options });

export function pack() {
  const destination = mkdtempSync(join(tmpdir(), 'usp-pack-'));
  const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { encoding: 'utf8' }));
  return join(destination, filename);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tarball = pack();
  run('npx', ['publint', '--strict', tarball]);
  run('npx', ['attw', '--profile', 'esm-only', tarball]);
  console.log(tarball);
}
