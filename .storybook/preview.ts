import { setCustomElementsManifest, type Loader, type Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
// Written by `npm run analyze` (main.ts runs it first): the docs pages and controls come from it.
import manifest from '../custom-elements.json';
import '../src/define.js';
import { registerPseudoLocales } from '../src/i18n/pseudo.js';
import '../src/locales/fr.js';
import '../src/locales/ar.js';
import { withGlobals } from './globals.js';
import { createHandlers, MockBackendState, TIKTOK_DECISION_KEY_PREFIX } from '../src/mock/index.js';
import { STORY_API_BASE, type MockStoryParameters } from '../stories/support.js';

setCustomElementsManifest(manifest);
registerPseudoLocales();

/** The state the current story's handlers serve (the TikTok authorize page reports to it). */
let current: MockBackendState | undefined;

// The simulated authorize page (popup or tab) writes its decision to localStorage.
addEventListener('storage', (event) => {
  if (event.key?.startsWith(TIKTOK_DECISION_KEY_PREFIX)) current?.syncLinkDecisions();
});

/** One worker for the whole preview; paths relative to the iframe so a Storybook under a sub-path works. */
async function startWorker() {
  const worker = setupWorker();
  const apiPath = new URL(STORY_API_BASE, location.href).pathname;
  await worker.start({
    quiet: true,
    serviceWorker: { url: new URL('mockServiceWorker.js', location.href).pathname },
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.startsWith(`${apiPath}/`)) print.error();
    },
  });
  return worker;
}

/** msw-storybook-addon 3 (CSF 3 form): starts the worker once, resets it and installs `parameters.msw`. */
const msw = mswLoader(startWorker);

/**
 * Runs `mswLoader` (loaders run concurrently, so it is awaited here), then gives the story a fresh mock state built from `parameters.mock`
 * (see `stories/support.ts`) and serves it; the story's own `parameters.msw` handlers stay on top.
 */
const mockBackendLoader: Loader = async (context) => {
  await msw(context);
  const { preset = 'default', scenarios = {}, profile }: MockStoryParameters = context.parameters.mock ?? {};
  const state = new MockBackendState({ preset, profile });
  state.scenarios.set(scenarios);
  current = state;
  const worker = context.msw;
  // What mswLoader just installed from `parameters.msw`.
  const overrides = [...worker.listHandlers()];
  worker.resetHandlers();
  worker.use(
    ...createHandlers(state, {
      apiBase: STORY_API_BASE,
      authorizePageUrl: new URL('mock-tiktok-authorize.html', location.href).href,
    }),
  );
  // `use` prepends: put the story's own handlers back in front.
  if (overrides.length) worker.use(...overrides);
  return { mockState: state };
};

const preview: Preview = {
  loaders: [mockBackendLoader],
  decorators: [withGlobals],
  // A docs page per element (attributes, properties, events, parts, CSS properties from the manifest).
  tags: ['autodocs'],
  globalTypes: {
    host: {
      description: 'Host layout of every story (its own when "story")',
      toolbar: { title: 'Host', icon: 'browser', dynamicTitle: true, items: [
        { value: 'story', title: 'Host: as the story' }, 'ads-manager', 'business-center', 'mobile-lite', 'standalone'] },
    },
    locale: {
      description: 'Language of every story (its own when "story")',
      toolbar: { title: 'Language', icon: 'globe', dynamicTitle: true, items: [
        { value: 'story', title: 'Language: as the story' }, { value: 'en', title: 'English' }, { value: 'fr', title: 'Français' },
        { value: 'ar', title: 'العربية' }, { value: 'en-XA', title: 'Pseudo en-XA (accented, longer)' }, { value: 'ar-XB', title: 'Pseudo ar-XB (right to left)' }] },
    },
    theme: {
      description: 'Light, dark or the system\'s',
      toolbar: { title: 'Theme', icon: 'contrast', dynamicTitle: true, items: [
        { value: 'auto', title: 'Theme: system' }, { value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }] },
    },
  },
  initialGlobals: { host: 'story', locale: 'story', theme: 'auto' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
