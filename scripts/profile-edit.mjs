// Where an edit's time goes in the browser: a CPU profile (Chrome DevTools
// protocol) of quantity edits on a large quote, summarised by self time.
// Run by `make profile-edit`, which first builds a dist that keeps function
// names; by hand:
//
//   E2E_DIST=target/profile-dist node scripts/profile-edit.mjs [LINES] [MONTHS] [EDITS]
import { serveDist, openApp } from '../tests/e2e/harness.mjs';
import { benchQuote } from './bench-quote.mjs';

const lines = Number(process.argv[2] ?? 500);
const months = Number(process.argv[3] ?? 36);
const edits = Number(process.argv[4] ?? 20);

const server = await serveDist();
const app = await openApp(server.url);
await app.page.getByTestId('import-quote').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(benchQuote(lines, months))) });
// The lines table shows a page of 50 rows (issue 19): wait for the count of
// the whole quote. The edit is on the first line; every line is repriced.
await app.page.waitForFunction((n) => {
  const rows = document.querySelectorAll('[data-testid="line-row"]').length;
  const count = document.querySelector('[data-testid="lines-count"]')?.textContent.replace(/\D/g, '');
  return rows >= Math.min(n, 50) && (n <= 50 || count === String(n));
}, lines);
const cdp = await app.page.context().newCDPSession(app.page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await app.page.evaluate(async (n) => {
  const input = document.querySelector('[data-testid="line-row"] [data-testid="line-qty"]');
  for (let k = 0; k < n; k += 1) {
    input.value = String(20 + (k % 2));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 30));
  }
}, edits);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
let busy = 0;
for (const node of profile.nodes) {
  const name = node.callFrame.functionName || '(anonymous)';
  const t = (dt.get(node.id) ?? 0) / 1000;
  if (name === '(idle)' || name === '(program)') continue;
  busy += t;
  self.set(name, (self.get(name) ?? 0) + t);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40));
console.log(`busy ${busy.toFixed(0)} ms over ${edits} edits (${(busy / edits).toFixed(1)} ms per edit); self time:`);
for (const [name, t] of top) console.log(`${(t / edits).toFixed(2).padStart(8)} ms/edit  ${(100 * t / busy).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
await app.close();
await server.close();
