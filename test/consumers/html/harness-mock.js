// Bundled by scripts/consumers.mjs into /harness/mock.js (esbuild): the package's browser mock.
export { startMockBackend } from 'user-settings-panel/mock/browser';
