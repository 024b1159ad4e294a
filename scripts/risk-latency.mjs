// In-browser latency of the MRG risk (§9.4, issue 15) on the release build
// (dist/, `make build` first): the 100-line quote of scripts/large-quote.mjs
// over 60 months, every line uncertain (−15 % / +10 % a year, 5 % of ending
// at each anniversary), 10,000 draws; the time from typing a new seed to the
// section's figures, everything included (price, revision, MRG, the draws,
// autosave, re-render). Medians of 20 edits. `node scripts/risk-latency.mjs`.
import { serveDist, openApp, expectText } from '../tests/e2e/harness.mjs';
import { largeQuote } from './large-quote.mjs';
const server = await serveDist();
const app = await openApp(server.url);
const byId = (id) => app.page.getByTestId(id);
await app.page.setViewportSize({ width: 1280, height: 1000 });
const q = largeQuote(100);
q.commitment_months = 60;
for (const l of q.lines) l.uncertainty = { down_percent: '15', up_percent: '10', end_percent: '5' };
q.contract_life = { risk: { draws: 10000, seed: 1 } };
await byId('import-quote').setInputFiles({ name: 'q.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(q)) });
await expectText(byId('lines-count'), '100 lignes', 20000);
await byId('tab-finance').click();
await expectText(byId('risk-summary'), /incertains : 100 ligne/, 20000);
const times = await app.page.evaluate(async () => {
  const input = document.querySelector('[data-testid=risk-seed]');
  const out = [];
  for (let i = 2; i < 22; i += 1) {
    const t0 = performance.now();
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (document.querySelector('[data-testid=risk-summary]')?.textContent.includes(`graine ${i} `)) { obs.disconnect(); resolve(); }
      });
      obs.observe(document.querySelector('[data-testid=mrg-risk]'), { subtree: true, childList: true, characterData: true });
    });
    input.value = String(i);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
});
times.sort((a, b) => a - b);
console.log(`MRG risk, 100 lines x 60 months, 10,000 draws: seed edit to figures, median ${times[Math.floor(times.length / 2)].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}; ${times.length} edits)`);
const problems = app.problems();
await app.close();
await server.close();
if (problems.length) { console.error(problems); process.exit(1); }
