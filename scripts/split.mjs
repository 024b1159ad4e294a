// trunk pre_build hook (Trunk.toml): builds the app's wasm and splits it
// (issue 18), what `cargo leptos --split` does, for trunk.
//
// 1. cargo builds the `cloudquote` binary for wasm32, its link keeping the
//    relocations (`--emit-relocs`) that wasm-split needs;
// 2. wasm-split-cli (crate wasm_split_cli_support, installed by
//    scripts/setup.sh) moves each lazy screen (the split points of
//    src/ui/views/shell/on_demand.rs) into a chunk of its own and writes
//    the main module and the chunks' loader, `__wasm_split.js`;
// 3. wasm-bindgen (--target web, --keep-lld-exports: the chunks import the
//    main module's functions by their linker names) makes the main module's
//    JS glue;
// 4. in release, wasm-opt -Oz shrinks the main module and every chunk
//    (not with SPLIT_KEEP_NAMES=1, for `make profile-edit`);
// 5. everything lands in the staging dist under `wasm-<hash>/`: the file
//    names stay fixed (the main module imports `./__wasm_split.js`, which
//    fetches `./split_*.wasm`), the folder's name changes with its content.
//
// index.html skips trunk's own Rust step (`data-trunk-skip`) and loads
// `./wasm-split/cloudquote.js`; scripts/post-build.mjs points it at the
// versioned folder, and its service worker caches every chunk.
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs/promises';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const release = process.env.TRUNK_PROFILE === 'release';
// `make profile-edit`: function names kept, no wasm-opt.
const keepNames = Boolean(process.env.SPLIT_KEEP_NAMES);
const execFileAsync = promisify(execFile);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });

// trunk's Rust step is skipped, and with it trunk's checks of the tools:
// the same checks here. wasm-bindgen must be the version of Cargo.lock,
// wasm-opt npm's 132 (Debian's 108 produces a wasm that never mounts).
const version = (cmd) => execFileSync(cmd, ['--version'], { encoding: 'utf8' }).trim();
const locked = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(await fs.readFile(path.join(source, 'Cargo.lock'), 'utf8'))?.[1];
if (version('wasm-bindgen') !== `wasm-bindgen ${locked}`) {
  throw new Error(`wasm-bindgen ${locked} (Cargo.lock) is needed, found ${version('wasm-bindgen')}: run scripts/setup.sh`);
}
if (release && !keepNames && !version('wasm-opt').startsWith('wasm-opt version 132')) {
  throw new Error(`wasm-opt 132 (npm binaryen) must be first on PATH, found ${version('wasm-opt')}: source scripts/env.sh`);
}

const metadata = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: source, encoding: 'utf8' }),
);
const targetDir = metadata.target_directory;
const profile = release ? 'release' : 'debug';

const t0 = Date.now();
// `cargo rustc` adds the link argument to the binary's link only: the
// dependencies keep the flags (and the build cache) of every other build.
run('cargo', [
  'rustc', '--locked', '--bin', 'cloudquote', '--target', 'wasm32-unknown-unknown',
  ...(release ? ['--release'] : []),
  '--', '-Clink-args=--emit-relocs',
]);
const input = path.join(targetDir, 'wasm32-unknown-unknown', profile, 'cloudquote.wasm');

const work = path.join(targetDir, 'wasm-split', profile);
await fs.rm(work, { recursive: true, force: true });
await fs.mkdir(work, { recursive: true });
run('wasm-split-cli', ['--target', 'web', '--out-name', 'cloudquote', input, work]);
// The main module before wasm-bindgen; its glue and final wasm go beside it.
const unbound = path.join(work, 'cloudquote.wasm');
run('wasm-bindgen', [
  '--target', 'web', '--keep-lld-exports', '--no-typescript',
  ...(keepNames ? ['--keep-debug'] : ['--no-demangle']),
  '--out-dir', work, '--out-name', 'cloudquote', unbound,
]);
await fs.rm(unbound);

const files = (await fs.readdir(work)).sort();
if (release && !keepNames) {
  // Two at a time (npm's wasm-opt starts slowly), the largest first.
  const queue = [];
  for (const f of files.filter((f) => f.endsWith('.wasm'))) {
    queue.push({ file: path.join(work, f), size: (await fs.stat(path.join(work, f))).size });
  }
  queue.sort((a, b) => b.size - a.size);
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      await execFileAsync('wasm-opt', ['-Oz', job.file, '-o', job.file], { cwd: source, maxBuffer: 64 << 20 });
    }
  };
  await Promise.all([worker(), worker()]);
}

const hash = createHash('sha256');
for (const f of files) hash.update(f).update(await fs.readFile(path.join(work, f)));
const folder = `wasm-${hash.digest('hex').slice(0, 16)}`;
await fs.mkdir(path.join(staging, folder));
for (const f of files) await fs.copyFile(path.join(work, f), path.join(staging, folder, f));
const chunks = files.filter((f) => f.endsWith('.wasm') && f !== 'cloudquote_bg.wasm');
console.log(`split: ${folder}/ with the main module and ${chunks.length} chunks (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
