// `cem analyze` reads this file: which sources describe the elements, and two fixes so the
// manifest describes the package as shipped (SPEC §5, issue 12 item 5).
import { posix } from 'node:path';

/** The public tags `user-settings-panel/define` registers (through a helper the analyzer cannot follow). */
const publicTags = {
  'user-settings-panel': 'UserSettingsPanel',
  'user-settings-provider': 'UserSettingsProvider',
  'user-settings-password': 'UserSettingsPassword',
  'user-settings-phone': 'UserSettingsPhone',
  'user-settings-email': 'UserSettingsEmail',
  'user-settings-tiktok': 'UserSettingsTiktok',
};

/** `src/x/y.ts` → `dist/x/y.js`: the library build keeps one file per module (vite.config.ts, lib mode). */
const shipped = (path) => path.replace(/^(\.\/|\/)?src\//, 'dist/').replace(/\.ts$/, '.js');

/** Rewrites every module path and reference to the shipped file; adds the six tag definitions. */
function shippedPathsAndTags() {
  // `module` references are relative to the module that holds them (`./api/routes.js` in contract.ts).
  const rewrite = (node, from) => {
    if (Array.isArray(node)) return node.forEach((item) => rewrite(item, from));
    if (!node || typeof node !== 'object') return;
    const here = node.kind === 'javascript-module' ? node.path : from;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'path' && typeof value === 'string') node[key] = shipped(value);
      else if (key === 'module' && typeof value === 'string') node[key] = shipped(value.startsWith('.') ? posix.join(posix.dirname(here), value) : value);
      else rewrite(value, here);
    }
  };
  return {
    name: 'usp-shipped-paths-and-tags',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const modules = manifest.modules;
      const define = modules.find((module) => module.path === 'src/define.ts');
      for (const [tag, className] of Object.entries(publicTags)) {
        const home = modules.find((module) => module.declarations?.some((d) => d.name === className && d.tagName === tag));
        if (!home) throw new Error(`custom-elements manifest: no element class ${className} for <${tag}>`);
        define.exports = define.exports ?? [];
        define.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: home.path } });
      }
      // `dispatchEvent(new SomeEvent())` in code adds a nameless duplicate of a documented @fires.
      for (const declaration of modules.flatMap((module) => module.declarations ?? [])) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
      // The helper's own `customElements.define(tag, …)` is no tag of the package.
      const helper = modules.find((module) => module.path === 'src/utils/define-element.ts');
      if (helper) helper.exports = helper.exports?.filter((e) => e.kind !== 'custom-element-definition');
      dropUnnamedEvents(modules);
      rewrite(modules);
    },
  };
}

/**
 * The analyzer records each `dispatchEvent(new SomeEvent())` as an event with a type but no name
 * (the name is a static of the class). The public ones are named by the class's
 * `@fires {SomeEvent} usp-…` lines; an event no `@fires` names is internal
 * (`src/events/internal-events.ts`) and no part of the manifest.
 */
function dropUnnamedEvents(modules) {
  for (const declaration of modules.flatMap((module) => module.declarations ?? [])) {
    if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
  }
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/mock/**', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [shippedPathsAndTags()],
};
