// Shared harness for the end-to-end tests: serves the release build in dist/
// from this process, drives Debian's Chromium headless through playwright-core,
// and records console errors, page errors and requests to any other origin.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// E2E_DIST lets a build in another folder be tested (default: dist/).
const dist = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(root, 'dist');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves dist/ on an ephemeral loopback port. */
export async function serveDist() {
  try {
    await fs.access(path.join(dist, 'index.html'));
  } catch {
    throw new Error('dist/index.html is missing: run `trunk build --release` first (make test does)');
  }
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Opens the app in a fresh headless Chromium profile. Returns the page and a
 * `problems()` function listing console errors, page errors and any request
 * that left the app's origin (such requests are also aborted).
 */
export async function openApp(url) {
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cloudquote-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const origin = new URL(url).origin;
  const problems = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith('data:') || target.startsWith('blob:') || new URL(target).origin === origin) {
      return route.continue();
    }
    problems.push(`request to another origin: ${target}`);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(url);
  await page.getByTestId('total-commitment').waitFor();
  return {
    page,
    problems: () => [...problems],
    close: async () => {
      await context.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Normalises the spaces of French number formatting for comparisons. */
export function plain(text) {
  return text.replace(/[\u202f\u00a0]/g, ' ').trim();
}

/**
 * Waits until the element's text (spaces normalised) equals `expected`, and
 * fails with the last text seen. The UI updates on the next microtask, so a
 * read right after an input may see the previous value.
 */
export async function expectText(locator, expected, timeout = 3000) {
  const deadline = Date.now() + timeout;
  let seen;
  for (;;) {
    seen = plain(await locator.innerText());
    const ok = expected instanceof RegExp ? expected.test(seen) : seen === expected;
    if (ok) return;
    if (Date.now() > deadline) {
      throw new Error(`expected ${expected} but the page shows “${seen}”`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
