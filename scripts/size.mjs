// Prints the shipped sizes (minified and gzip -9 bytes) of the bundle build and fails above the
// ceilings (SPEC §6, issue 13). Buckets, each counting a file once:
//   first paint    dist/user-settings-panel.bundle.js + every chunk it imports statically
//   profile path   first paint + the response schemas (chunks/responses-*), which the first
//                  request fetches beside GET /me: every JS file fetched before the profile shows
//   whole panel    first paint + every lazily imported chunk, except the phone-number library and
//                  its metadata (the editors arrive on idle after the profile shows, or on open)
//   phone editor   the phone-number library (chunks/phone-metadata-*, with its door) + the
//   extra          largest world zone's metadata (chunks/phone-zone-N-*): what opening the phone
//                  editor fetches once the editors are in
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// CI holds the measured sizes as ceilings, so they can only shrink, and prints the gap to SPEC §6.
// The issue-13 build measured 21.4 / 27.9 kB for first paint and profile path, but it had dropped
// three internal elements by mistake (code input, re-verification dialog, country picker); with
// them and this round's other features (dark theme, <bdi> isolation, link-state checks,
// configuration before the first request, the refresh notices, the form model) they are over.
// Not met yet. First paint is one file again (the editors load through src/elements/editors.ts).
const CEILING = { firstPaint: 23_850, profilePath: 30_950, whole: 47_000, phoneExtra: 19_050 };
const SPEC = { firstPaint: 22_000, profilePath: 28_000, whole: 36_000 };
const entry = 'dist/user-settings-panel.bundle.js';

const staticImport = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.[^"'`]+)["'`]/g;
const dynamicImport = /import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g;
const isPhoneLibrary = (file) => /^phone-metadata-/.test(basename(file));
const isPhoneZone = (file) => /^phone-zone-/.test(basename(file));
const isSchemas = (file) => /^responses-/.test(basename(file));

const info = new Map(); // file -> { min, gzip, statics, dynamics }
function read(file) {
  if (!info.has(file)) {
    const code = readFileSync(file);
    const text = code.toString();
    info.set(file, {
      min: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      statics: [...text.matchAll(staticImport)].map(([, spec]) => join(dirname(file), spec)),
      dynamics: [...text.matchAll(dynamicImport)].map(([, spec]) => join(dirname(file), spec)),
    });
  }
  return info.get(file);
}

/** The files `roots` load, following static imports (and dynamic ones `follow` accepts). */
function closure(roots, follow = () => false) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { statics, dynamics } = read(file);
    statics.forEach(visit);
    dynamics.filter(follow).forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

const firstPaint = closure([entry]);
const dynamicTargets = new Set([...closure([entry], () => true)].flatMap((f) => read(f).dynamics));
const schemas = [...dynamicTargets].filter(isSchemas);
const profilePath = closure([entry, ...schemas]);
const whole = closure([entry], (file) => !isPhoneLibrary(file) && !isPhoneZone(file));
const phoneLibrary = [...closure([...dynamicTargets].filter(isPhoneLibrary))].filter((f) => !whole.has(f));
const zones = [...dynamicTargets].filter(isPhoneZone).sort();

const sum = (files) => [...files].reduce((a, f) => ({ min: a.min + read(f).min, gzip: a.gzip + read(f).gzip }), { min: 0, gzip: 0 });
const bucketOf = (file) => (firstPaint.has(file) ? 'first paint' : profilePath.has(file) ? 'profile path (schemas)'
  : whole.has(file) ? 'lazy (editors)' : isPhoneZone(file) ? 'phone zone metadata' : 'phone library');
console.table([...new Set([...whole, ...profilePath, ...phoneLibrary, ...zones])]
  .map((file) => ({ file: relative('dist', file), bucket: bucketOf(file), min: read(file).min, gzip: read(file).gzip })));

const largestZone = zones.reduce((best, f) => (read(f).gzip > (best ? read(best).gzip : -1) ? f : best), undefined);
const totals = {
  firstPaint: sum(firstPaint),
  profilePath: sum(profilePath),
  whole: sum(whole),
  phoneLibrary: sum(phoneLibrary),
  phoneExtra: sum([...phoneLibrary, ...(largestZone ? [largestZone] : [])]),
};
const line = (name, s, ceiling) => `${name.padEnd(38)} ${String(s.min).padStart(7)} min  ${String(s.gzip).padStart(6)} gzip${ceiling ? `  (ceiling ${ceiling})` : ''}`;
console.log(line('first paint', totals.firstPaint, CEILING.firstPaint));
console.log(line(`profile path (${profilePath.size} files)`, totals.profilePath, CEILING.profilePath));
console.log(line('whole panel', totals.whole, CEILING.whole));
console.log(line('phone library', totals.phoneLibrary));
console.log(`phone metadata per world zone (gzip)      ${zones.map((f) => `${basename(f).match(/^phone-zone-(\d)/)[1]}: ${read(f).gzip}`).join(', ')}`);
console.log(line('phone editor extra (library + largest zone)', totals.phoneExtra, CEILING.phoneExtra));
for (const [key, target] of Object.entries(SPEC)) {
  const gap = totals[key].gzip - target;
  console.log(`spec target for ${key}: ${target} (${gap > 0 ? `over by ${gap}` : 'met'})`);
}

const over = Object.entries(CEILING).filter(([key, ceiling]) => totals[key].gzip > ceiling).map(([key]) => key);
if (over.length) {
  console.error(`Over the ceiling: ${over.join(', ')}`);
  process.exit(1);
}
