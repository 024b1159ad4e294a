// The Portfolio tab (issue 17): every quote of the library at a date, as
// `quote portfolio` computes it; sortable; the increases by month of
// anniversary; the CSV export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveDist, openApp, expectText } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server;
let app;
const byId = (id) => app.page.getByTestId(id);
const examples = ['build-thirty-seventy.json', 'specific-lines.json'];

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  for (const name of examples) {
    await byId('import-quote').setInputFiles(path.join(root, 'examples', name));
    await expectText(byId('notices'), new RegExp(`Devis importé : « ${name.replace('.', '\\.')} »`));
  }
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('one row per quote, equal to the command line portfolio at the same date', async () => {
  await byId('tab-portfolio').click();
  await byId('portfolio-at').fill('2028-03-15');
  await byId('portfolio-at').dispatchEvent('change');
  // The first quote of the library (the empty one at start) and the two imported.
  await expectText(byId('portfolio-totals'), /3 contrat\(s\)/);
  const cli = JSON.parse(execFileSync(path.join(process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(root, 'target'), 'debug/quote'), [
    'portfolio', ...examples.map((n) => path.join(root, 'examples', n)), '--at', '2028-03-15', '--format', 'json',
  ], { encoding: 'utf8' }).toString());
  const rows = byId('portfolio-row');
  for (const entry of cli.entries ?? cli.rows ?? []) {
    const row = entry.row ?? entry;
    const name = path.basename(entry.source ?? '');
    const tr = rows.filter({ hasText: name.replace('.json', '') });
    const tcv = Number(row.tcv);
    const shown = (await tr.getByTestId('portfolio-tcv').innerText()).replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.');
    assert.equal(Number(shown), tcv, `${name}: ${shown} vs ${tcv}`);
  }
  // The increases by month of anniversary: one bar per month (April 2028 for both).
  await byId('portfolio-chart-bar').first().waitFor();
  assert.match(await byId('portfolio-chart').textContent(), /avr\. 2028/);
  if (process.env.SCREENSHOTS) await app.page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'portfolio.png'), fullPage: true });
});

test('sorting by value puts the largest contract first when descending', async () => {
  await byId('portfolio-sort-tcv').click();
  await byId('portfolio-sort-tcv').click();
  const values = (await byId('portfolio-tcv').allInnerTexts()).map((t) => Number(t.replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.')));
  const sorted = [...values].sort((a, b) => b - a);
  assert.deepEqual(values, sorted);
});

test('the CSV export has one row per quote and the totals', async () => {
  const [download] = await Promise.all([app.page.waitForEvent('download'), byId('portfolio-export').click()]);
  const text = await fs.readFile(await download.path(), 'utf8');
  const lines = text.trim().split('\n');
  assert.equal(lines.length, 1 + 3 + 1, text);
  assert.match(lines.at(-1), /^\uFEFF?total|^total/);
});
