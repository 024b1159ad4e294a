// Sizes of the release build: every file of dist/ raw, gzip -9 and brotli
// (quality 11), and the total. Usage: node scripts/size.mjs [dist]
// (`make size` builds first.)
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const files = (await fs.readdir(dist)).filter((f) => /\.(wasm|js|css|html|svg)$/.test(f)).sort();
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of files) {
  const body = await fs.readFile(path.join(dist, f));
  const gzip = zlib.gzipSync(body, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push([f.replace(/-[0-9a-f]{12,16}(?=[._])/, ''), body.length, gzip, brotli]);
  total.raw += body.length; total.gzip += gzip; total.brotli += brotli;
}
console.log(['file', 'raw', 'gzip', 'brotli'].join('\t'));
for (const [f, r, g, b] of rows) console.log([f, kb(r), kb(g), kb(b)].join('\t'));
console.log(['total', kb(total.raw), kb(total.gzip), kb(total.brotli)].join('\t'));
