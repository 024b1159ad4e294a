// trunk post-build hook (Trunk.toml): makes the built app safe and offline.
//
// 1. A Content-Security-Policy in index.html: the app's own origin only, the
//    one inline loader script of index.html allowed by its SHA-256 hash, wasm
//    compilation allowed, nothing else (no other origin, no inline style).
// 2. sw.js, the service worker that keeps every built file (every wasm
//    chunk too) in the browser's cache at the first visit, so that the app
//    then works with the network off. Its cache is named after the build, so
//    a new build replaces it.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const here = path.dirname(fileURLToPath(import.meta.url));
const indexPath = path.join(staging, 'index.html');
let html = await fs.readFile(indexPath, 'utf8');

// 0. The split wasm (scripts/split.mjs, the pre_build hook) is in a folder
//    named after its content: index.html names it `/wasm-split/`.
const folders = (await fs.readdir(staging)).filter((f) => /^wasm-[0-9a-f]{16}$/.test(f));
if (folders.length !== 1) throw new Error(`expected one wasm-<hash> folder from scripts/split.mjs, found ${folders.length}`);
html = html.replaceAll('/wasm-split/', `/${folders[0]}/`);

const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length !== 1) throw new Error(`expected one inline loader script, found ${scripts.length}`);
const hash = createHash('sha256').update(scripts[0]).digest('base64');
const policy = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${hash}' 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
if (!html.includes('Content-Security-Policy')) {
  html = html.replace(/<meta charset="utf-8" \/>/, (m) => `${m}\n    ${meta}`);
  if (!html.includes(meta)) throw new Error('no <meta charset> to put the policy after');
}
await fs.writeFile(indexPath, html);

// Every file of the build, the wasm chunks of the split folder included.
const files = (await fs.readdir(staging, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile())
  .map((e) => path.relative(staging, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  .filter((f) => f !== 'sw.js' && f !== 'index.html')
  .sort();
const assets = ['/', ...files.map((f) => `/${f}`)];
const version = createHash('sha256').update(html).update(files.join('\n')).digest('hex').slice(0, 16);
const template = await fs.readFile(path.join(here, 'sw.template.js'), 'utf8');
await fs.writeFile(
  path.join(staging, 'sw.js'),
  template.replace('__VERSION__', version).replace('__ASSETS__', JSON.stringify(assets)),
);
console.log(`post-build: CSP with loader hash, sw.js caching ${assets.length} files (${version})`);
