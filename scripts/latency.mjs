// In-browser latency (issue 7), measured in headless Chromium on the release
// build: the time from a quantity edit to the updated total on a large quote
// (median of many edits), the cold load to the first priced render, and
// the first open of each screen loaded on demand (issue 18).
//
//   node scripts/latency.mjs [LINES] [MONTHS] [EDITS]   (defaults 500 36 60)
//
// Serves dist/ (or E2E_DIST). Figures are medians: these machines are shared.
import { serveDist, openApp } from '../tests/e2e/harness.mjs';
import { benchQuote } from './bench-quote.mjs';

const lines = Number(process.argv[2] ?? 500);
const months = Number(process.argv[3] ?? 36);
const edits = Number(process.argv[4] ?? 60);
const quote = benchQuote(lines, months);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await serveDist();
// Cold loads: from the navigation's start to the first priced total, in the
// page's own clock (an upper bound: read just after the total is seen), in
// fresh profiles (nothing cached).
const loads = [];
for (let i = 0; i < 5; i += 1) {
  const app = await openApp(server.url);
  loads.push(await app.page.evaluate(() => performance.now()));
  await app.close();
}
// The first open of each screen loaded on demand (issue 18), each in a
// fresh profile (so it fetches its own chunk and every chunk it shares):
// from the click to the frame where the screen replaced "Chargement…".
const lazyScreens = ['finance', 'raci', 'guarantees', 'compare', 'portfolio', 'pricebook', 'proposal'];
const opens = Object.fromEntries(lazyScreens.map((s) => [s, []]));
for (let i = 0; i < 5; i += 1) {
  for (const screen of lazyScreens) {
    const fresh = await openApp(server.url);
    opens[screen].push(await fresh.page.evaluate((name) => new Promise((resolve) => {
      const button = document.querySelector(name === 'proposal' ? '[data-testid="open-proposal"]' : `[data-testid="tab-${name}"]`);
      const ready = () => (name === 'proposal'
        ? document.querySelector('[data-testid="proposal"]')
        : document.querySelector('#tab-panel')?.childElementCount > 0)
        && !document.querySelector('[data-testid="screen-loading"]');
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (ready()) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - t0)); }
      });
      obs.observe(document.body, { childList: true, subtree: true });
      button.click();
    }), screen));
    const problems = fresh.problems();
    await fresh.close();
    if (problems.length) { console.error(problems); process.exit(1); }
  }
}

const app = await openApp(server.url);
await app.page.getByTestId('import-quote').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(quote)) });
// The lines table shows a page of 50 rows (issue 19): wait for the count of
// the whole quote. The edit is on the first line; every line is repriced.
await app.page.waitForFunction((n) => {
  const rows = document.querySelectorAll('[data-testid="line-row"]').length;
  const count = document.querySelector('[data-testid="lines-count"]')?.textContent.replace(/\D/g, '');
  return rows >= Math.min(n, 50) && (n <= 50 || count === String(n));
}, lines);
const times = await app.page.evaluate(async (n) => {
  const input = document.querySelector('[data-testid="line-row"] [data-testid="line-qty"]');
  const total = document.querySelector('[data-testid="total-commitment"]');
  const out = [];
  for (let k = 0; k < n; k += 1) {
    const before = total.textContent;
    const changed = new Promise((resolve) => {
      const obs = new MutationObserver(() => { if (total.textContent !== before) { obs.disconnect(); resolve(); } });
      obs.observe(total, { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    input.value = String(20 + (k % 2));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}, edits);
console.log(`cold load to first priced render: median ${median(loads).toFixed(0)} ms (${loads.length} fresh profiles)`);
for (const screen of lazyScreens) {
  console.log(`first open of ${screen} (chunks fetched, screen drawn): median ${median(opens[screen]).toFixed(0)} ms (min ${Math.min(...opens[screen]).toFixed(0)}, max ${Math.max(...opens[screen]).toFixed(0)}; ${opens[screen].length} fresh profiles)`);
}
console.log(`edit to updated total, ${lines} lines x ${months} months: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${times.length} edits)`);
const problems = app.problems();
await app.close();
await server.close();
if (problems.length) { console.error(problems); process.exit(1); }
