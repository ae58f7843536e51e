#!/usr/bin/env node
// The `user-settings-panel` command: a launcher for the compiled CLI (src/cli → dist/cli.js).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error;
  console.error('user-settings-panel: dist/cli.js is missing; in a checkout, run `npm run build:cli` first.');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
