import type { StorybookConfig } from '@storybook/web-components-vite';
import { execSync } from 'node:child_process';

// The docs pages read the custom-elements manifest: written fresh by the project's own
// `npm run analyze` (whatever its configuration) before every start or build.
execSync('npm run analyze --silent', { stdio: 'inherit' });

/**
 * Storybook 10 for every element in every state, driven by the stateful mock backend
 * (`src/mock/`) through msw-storybook-addon (see `preview.ts` and `stories/support.ts`).
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // The MSW worker (`mockServiceWorker.js`) and the simulated TikTok authorize page
  // (`mock-tiktok-authorize.html` + `.js`) must be real files at the site root.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // One copy of lit-html in dev mode: every lit entry point the sources, the stories and
    // @storybook/web-components (`lit/directive-helpers.js`) import must be pre-bundled together,
    // or a raw `lit-html` loads beside the pre-bundled one.
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [
        ...(config.optimizeDeps?.include ?? []),
        'lit', 'lit/decorators.js', 'lit/directive.js', 'lit/directive-helpers.js', 'lit/static-html.js',
        'lit/directives/class-map.js', 'lit/directives/if-defined.js', 'lit/directives/live.js',
        'lit/directives/ref.js', 'lit/directives/repeat.js', 'lit/directives/style-map.js', '@lit/context',
        'ky', 'zod/mini', 'libphonenumber-js/min', 'msw', 'msw/browser',
      ],
    };
    return config;
  },
};

export default config;
