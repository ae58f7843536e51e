import { build } from 'esbuild';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, metafile: true, outdir: '/tmp/out', tsconfig: 'tsconfig.json' });
const inputs = Object.values(r.metafile.outputs)[0].inputs;
console.log(Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 15).map(([k, v]) => `${v.bytesInOutput}\t${k}`).join('\n'));
console.log('total', Object.values(r.metafile.outputs)[0].bytes);
