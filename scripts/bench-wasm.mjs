// The engine's speed compiled to WebAssembly, in headless Chromium: price,
// and price + revision + MRG (what the app recomputes on each edit), on the
// quotes of the native criterion bench (benches/support/generated.rs); then
// the MRG risk (§9.4): 10,000 draws on the 100-line, 60-month quote with an
// uncertainty on every line, the tickets and the tokens.
// `make bench-wasm` builds examples/engine_wasm.rs as the app is built
// (release profile, wasm-bindgen, wasm-opt -Oz) into target/engine-wasm/,
// then runs this. Figures are medians of many runs (shared, noisy machines).
import fs from 'node:fs/promises';
import path from 'node:path';

const dir = path.resolve('target/engine-wasm');
await fs.writeFile(path.join(dir, 'index.html'), `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>engine bench</title></head>
<body><p data-testid="total-commitment">engine bench</p>
<script type="module">
import init, * as engine from './engine_wasm.js';
await init();
window.engine = engine;
</script></body></html>
`);
process.env.E2E_DIST = dir;
const { serveDist, openApp } = await import('../tests/e2e/harness.mjs');

const server = await serveDist();
const app = await openApp(server.url);
await app.page.waitForFunction(() => window.engine);
const cases = [];
for (const lines of [10, 100, 1000]) for (const months of [12, 36, 60]) cases.push([lines, months]);
const results = await app.page.evaluate(async (cases) => {
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const time = (full, runs) => {
    for (let i = 0; i < 5; i += 1) window.engine.run(full);
    const out = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      window.engine.run(full);
      out.push(performance.now() - t0);
    }
    return median(out);
  };
  const rows = [];
  for (const [lines, months] of cases) {
    window.engine.prepare(lines, months);
    const runs = lines >= 1000 ? 40 : 100;
    rows.push({ lines, months, price: time(false, runs), full: time(true, runs) });
    await new Promise((r) => setTimeout(r, 0));
  }
  return rows;
}, cases);
console.log('engine in Chromium (wasm, opt-level z, wasm-opt -Oz), medians:');
console.log('lines  months  price       price+revision+MRG');
for (const r of results) {
  console.log(`${String(r.lines).padStart(5)}  ${String(r.months).padStart(6)}  ${r.price.toFixed(2).padStart(7)} ms  ${r.full.toFixed(2).padStart(7)} ms`);
}
const risk = await app.page.evaluate(async () => {
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const rows = [];
  for (const [lines, months, draws, runs] of [[100, 60, 10000, 15], [100, 60, 100000, 3], [1000, 60, 10000, 3]]) {
    const years = window.engine.prepare_risk(lines, months);
    let items = 0;
    items = window.engine.risk(draws);
    const out = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      window.engine.risk(draws);
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 0));
    }
    rows.push({ lines, months, years, items, draws, ms: median(out) });
  }
  return rows;
});
console.log('MRG risk (§9.4), every line uncertain, medians:');
console.log('lines  months  run years  uncertain items    draws  time');
for (const r of risk) {
  console.log(`${String(r.lines).padStart(5)}  ${String(r.months).padStart(6)}  ${String(r.years).padStart(9)}  ${String(r.items).padStart(15)}  ${String(r.draws).padStart(7)}  ${r.ms.toFixed(1).padStart(7)} ms`);
}
const problems = app.problems();
await app.close();
await server.close();
if (problems.length) { console.error(problems); process.exit(1); }
