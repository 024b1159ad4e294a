// Sizes of the release build, raw, gzip -9 and brotli (quality 11)
// (issue 18). Usage: node scripts/size.mjs [dist]   (`make size` builds first.)
//
// 1. Every file of dist/, the split folder wasm-<hash>/ included.
// 2. The first load: the wasm, JS and CSS the page needs to show the quote
//    screen (the main module, its glue, the chunks' loader, the styles).
// 3. Each screen loaded on demand: its own chunk and the chunks it shares
//    with other screens, as the loader (__wasm_split.js) lists them; a
//    shared chunk is fetched once, by the first screen that needs it.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = new Map();
const measure = async (file) => {
  const body = await fs.readFile(path.join(dist, file));
  const gzip = zlib.gzipSync(body, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  sizes.set(file, { raw: body.length, gzip, brotli });
};
const files = (await fs.readdir(dist, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && /\.(wasm|js|css|html|svg)$/.test(e.name))
  .map((e) => path.relative(dist, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  .sort();
for (const f of files) await measure(f);

const sum = (list) => list.reduce((t, f) => {
  const s = sizes.get(f);
  return { raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli };
}, { raw: 0, gzip: 0, brotli: 0 });
const row = (name, s, extra = '') => console.log([name, kb(s.raw), kb(s.gzip), kb(s.brotli), extra].join('\t').trimEnd());
const label = (f) => f.replace(/-[0-9a-f]{12,16}(?=[./_])/, '');

// The small chunks that several screens share are one row here (each
// screen's list is below).
const shared = files.filter((f) => /\/chunk_\d+\.wasm$/.test(f));
console.log(['file', 'raw', 'gzip', 'brotli'].join('\t'));
for (const f of files.filter((f) => !shared.includes(f))) row(label(f), sizes.get(f));
if (shared.length) row(`${label(shared[0]).replace(/chunk_\d+/, 'chunk_*')} (${shared.length} shared chunks)`, sum(shared));
row('total', sum(files));

const folder = files.find((f) => f.endsWith('/__wasm_split.js'))?.split('/')[0];
if (!folder) {
  console.log('\n(no split folder: not a split build)');
  process.exit(0);
}
const first = [
  `${folder}/cloudquote_bg.wasm`,
  `${folder}/cloudquote.js`,
  `${folder}/__wasm_split.js`,
  ...files.filter((f) => f.endsWith('.css')),
];
console.log('\nfirst load (wasm + js + css to show the quote screen)');
for (const f of first) row(`  ${label(f)}`, sizes.get(f));
const firstSum = sum(first);
row('first load', firstSum, firstSum.brotli < 300 * 1024 ? '(under 300 KB brotli)' : '(over 300 KB brotli)');

// The loader: `const __chunk_N = makeLoad(() => { … "./chunk_N.wasm" …}, []);`
// and per split `export const __wasm_split_load_<name>_<hash> = … "./file" …, [deps]`.
const loader = await fs.readFile(path.join(dist, folder, '__wasm_split.js'), 'utf8');
const chunkFile = new Map([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]));
const screens = [...loader.matchAll(/export const __wasm_split_load_([a-z_]+?)(?:_\d+)? = [\s\S]*?new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g)]
  .map((m) => ({
    name: m[1].replace(/_screen$/, ''),
    own: `${folder}/${m[2]}`,
    shared: m[3].split(',').map((s) => s.trim()).filter(Boolean).map((c) => `${folder}/${chunkFile.get(c)}`),
  }))
  .sort((a, b) => a.name.localeCompare(b.name));
console.log('\nscreens loaded on demand: own chunk, chunks shared with other screens, all fetched at first open');
console.log(['screen', 'own (brotli)', 'shared (brotli)', 'first open raw', 'gzip', 'brotli'].join('\t'));
for (const s of screens) {
  const all = sum([s.own, ...s.shared]);
  console.log([s.name, kb(sizes.get(s.own).brotli), `${kb(sum(s.shared).brotli)} in ${s.shared.length}`, kb(all.raw), kb(all.gzip), kb(all.brotli)].join('\t'));
}
const allChunks = files.filter((f) => f.startsWith(`${folder}/`) && f.endsWith('.wasm') && !f.endsWith('/cloudquote_bg.wasm'));
row(`all ${allChunks.length} chunks`, sum(allChunks));
