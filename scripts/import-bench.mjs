// Import of a large quote (issue 19), in headless Chromium on the release
// build: the time from the file picked to the quote shown (its lines and the
// new total), for each size, median of RUNS imports in fresh profiles; then,
// on the first size, the time to open each tab and the printable proposal.
//
//   node scripts/import-bench.mjs [RUNS] [LINES...]   (defaults 3 1000 4000 10000)
//
// Serves dist/ (or E2E_DIST). The quotes: scripts/large-quote.mjs.
import { serveDist, openApp } from '../tests/e2e/harness.mjs';
import { largeQuote } from './large-quote.mjs';

const runs = Number(process.argv[2] ?? 3);
const sizes = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [1000, 4000, 10000];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Picks the file and waits, in the page's clock, from the input's change
// event to a frame where the quote is shown: every line rendered, or (paged
// table) the line count reads `n` and the first page is there, and the total
// has changed.
async function importTime(page, n) {
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid="import-quote"]');
    window.__before = document.querySelector('[data-testid="total-commitment"]').textContent;
    input.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
  });
  await page.getByTestId('import-quote').setInputFiles({ name: `q${n}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(largeQuote(n))) });
  const handle = await page.waitForFunction((n) => {
    const rows = document.querySelectorAll('[data-testid="line-row"]').length;
    const count = document.querySelector('[data-testid="lines-count"]')?.textContent.replace(/\D/g, '');
    const total = document.querySelector('[data-testid="total-commitment"]').textContent;
    const shown = rows >= n || (rows > 0 && count === String(n));
    return window.__t0 !== undefined && shown && total !== window.__before && performance.now() - window.__t0;
  }, n, { timeout: 900000, polling: 'raf' });
  return handle.jsonValue();
}

// Clicks `testid` and waits for the next frame after the work it caused.
async function clickTime(page, testid) {
  return page.evaluate(async (testid) => {
    const t0 = performance.now();
    document.querySelector(`[data-testid="${testid}"]`).click();
    // A screen loaded on demand (issue 18) first shows "Chargement…".
    while (document.querySelector('[data-testid="screen-loading"]')) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, testid);
}

const server = await serveDist();
const problems = [];
for (const n of sizes) {
  const times = [];
  for (let k = 0; k < runs; k += 1) {
    const app = await openApp(server.url);
    await app.page.getByTestId('total-commitment').waitFor();
    times.push(await importTime(app.page, n));
    if (n === sizes[0] && k === 0) {
      const elements = await app.page.evaluate(() => document.querySelectorAll('*').length);
      console.log(`${n} lines: ${elements} elements in the page after the import`);
    }
    problems.push(...app.problems());
    await app.close();
  }
  console.log(`import of ${n} lines to the quote shown: median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
}

const n = sizes[0];
const tabs = ['build', 'support', 'tokens', 'schedule', 'finance', 'raci', 'guarantees', 'compare', 'pricebook', 'proposal'];
const opened = new Map([...tabs, 'open-proposal'].map((t) => [t, []]));
for (let k = 0; k < runs; k += 1) {
  const app = await openApp(server.url);
  await app.page.getByTestId('total-commitment').waitFor();
  await importTime(app.page, n);
  for (const t of tabs) opened.get(t).push(await clickTime(app.page, `tab-${t}`));
  opened.get('open-proposal').push(await clickTime(app.page, 'open-proposal'));
  problems.push(...app.problems());
  await app.close();
}
for (const [t, xs] of opened) {
  console.log(`${n} lines, open ${t === 'open-proposal' ? 'the printable proposal' : `the ${t} tab`}: median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`);
}
await server.close();
if (problems.length) { console.error(problems); process.exit(1); }
