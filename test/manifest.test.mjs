// The custom-elements manifest describes what the package ships (issue 12 item 5): run with
// `node --test test/manifest.test.mjs` (part of `npm test`). It analyzes the sources afresh, then
// fails when a template uses a `part` or a `--usp-*` property the manifest lacks.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

const PUBLIC_TAGS = ['user-settings-panel', 'user-settings-provider', 'user-settings-password', 'user-settings-phone', 'user-settings-email', 'user-settings-tiktok'];

/** Every .ts file under `dir`, but the mock backend (no element, no template). */
const sources = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) return path === join('src', 'mock') ? [] : sources(path);
  return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
});

/** `part="a b"`, `part=a`: every part name a template gives a node. */
const partsIn = (text) => [...text.matchAll(/\bpart=(?:"([^"]+)"|'([^']+)'|([\w-]+))/g)]
  .flatMap((match) => (match[1] ?? match[2] ?? match[3]).split(/\s+/)).filter(Boolean);
/** Every `--usp-*` custom property the styles read or set. */
const propertiesIn = (text) => [...text.matchAll(/(--usp-[a-z][a-z0-9-]*)/g)].map((match) => match[1]);

let manifest;
let declarations;
before(() => {
  execFileSync('npx', ['cem', 'analyze'], { stdio: 'pipe' });
  manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  declarations = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })));
});

const element = (tag) => declarations.find(({ declaration }) => declaration.tagName === tag)?.declaration;

describe('custom-elements.json', () => {
  it('defines the six public tags, each with its class', () => {
    const definitions = manifest.modules.flatMap((module) => (module.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
    assert.deepEqual(definitions.map((d) => d.name).sort(), [...PUBLIC_TAGS].sort());
    for (const definition of definitions) {
      const home = manifest.modules.find((module) => module.path === definition.declaration.module);
      assert.ok(home, `<${definition.name}>: module ${definition.declaration.module} is in the manifest`);
      assert.equal(home.declarations.find((d) => d.name === definition.declaration.name)?.tagName, definition.name);
    }
  });

  it('names shipped files (dist/…js), never sources', () => {
    const paths = JSON.stringify(manifest).match(/"(?:path|module)":"[^"]*"/g);
    for (const entry of paths) {
      const path = entry.split(':')[1].slice(1, -1);
      assert.match(path, /^dist\/.*\.js$/, entry);
      assert.ok(existsSync(path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')), `${path} is built from a source file`);
    }
  });

  it('lists every part a template uses', () => {
    const documented = new Set(declarations.flatMap(({ declaration }) => (declaration.cssParts ?? []).map((p) => p.name)));
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      const path = file.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
      const own = declarations.filter(({ module, declaration }) => module.path === path && declaration.customElement);
      for (const part of partsIn(text)) {
        assert.ok(documented.has(part), `${file}: part "${part}" is in no element's cssParts`);
        if (own.length) {
          assert.ok(own.some(({ declaration }) => declaration.cssParts?.some((p) => p.name === part)),
            `${file}: part "${part}" is missing from ${own.map(({ declaration }) => declaration.name).join(', ')}`);
        }
      }
    }
  });

  it('lists every --usp-* property on the panel, with its default', () => {
    const panel = new Map((element('user-settings-panel').cssProperties ?? []).map((p) => [p.name, p]));
    for (const file of sources('src')) {
      for (const property of propertiesIn(readFileSync(file, 'utf8'))) {
        assert.ok(panel.has(property), `${file}: ${property} is not in <user-settings-panel>'s cssProperties`);
        assert.ok(panel.get(property).default, `${property} has a default in the manifest`);
      }
    }
  });

  it('types every event of the public tags', () => {
    for (const tag of PUBLIC_TAGS) {
      for (const event of element(tag).events ?? []) {
        assert.match(event.name ?? '', /^usp-/, `<${tag}>: an event without a usp- name`);
        assert.ok(event.type?.text, `<${tag}>: ${event.name} has no type`);
      }
    }
    assert.deepEqual((element('user-settings-panel').events ?? []).map((e) => e.name).sort(),
      ['usp-changed', 'usp-close-requested', 'usp-failed', 'usp-session-expired', 'usp-unlink-requested']);
  });
});
