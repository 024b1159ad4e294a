// A quote of 1,000 lines (issue 19): imported, it is shown with the
// engine's totals; the lines are paged (50 a page), the pager reaches the
// last line and editing it moves the total; the filter finds lines by code;
// the same warning on 500 lines is one entry; the finance table is paged;
// the printable proposal lists every line. No timing is asserted here (see
// `make import-bench`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, expectText } from './harness.mjs';
import { largeQuote } from '../../scripts/large-quote.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);

// The engine's figures (`cargo run --bin quote -- price FILE`, commitment_total)
// for largeQuote(1000), then with its last line's quantity 6 → 7. A
// Co-Managed quote: since the book 2024.2 (SPEC §15) its run units are
// 15 % lower (were 10 040 519,20 € and 10 042 730,80 €).
const TOTAL = '8 540 233,60 €';
const TOTAL_EDITED = '8 542 113,28 €';

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await byId('import-quote').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(largeQuote(1000))) });
  await expectText(byId('lines-count'), '1 000 lignes', 20000);
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('a 1,000-line quote is shown by pages, with the engine’s total', async () => {
  await expectText(byId('total-commitment'), TOTAL);
  assert.equal(await byId('line-row').count(), 50);
  await expectText(byId('lines-pager-range'), 'Lignes 1–50 sur 1 000');
  assert.equal(await byId('line-row').first().getAttribute('data-code'), 'OS-MGD');
  // One entry for the warning the 1,000 lines share (§4.1 No Build).
  assert.ok(await byId('issue').count() < 10, 'the issues are grouped');
  await expectText(byId('issues'), /1 000 lignes : No Build/);
});

test('the pager reaches the last line, and editing it moves the total', async () => {
  await byId('lines-pager-next').click();
  await expectText(byId('lines-pager-range'), 'Lignes 51–100 sur 1 000');
  await byId('lines-pager-last').click();
  await expectText(byId('lines-pager-range'), 'Lignes 951–1 000 sur 1 000');
  assert.equal(await byId('line-row').count(), 50);
  const last = byId('line-row').last();
  assert.equal(await last.getAttribute('data-code'), 'NSU-C4');
  assert.equal(await last.getByTestId('line-qty').inputValue(), '6');
  await last.getByTestId('line-qty').fill('7');
  await expectText(byId('total-commitment'), TOTAL_EDITED);
  await last.getByTestId('line-qty').fill('6');
  await expectText(byId('total-commitment'), TOTAL);
  await byId('lines-pager-first').click();
  await expectText(byId('lines-pager-range'), 'Lignes 1–50 sur 1 000');
});

test('the filter keeps the lines of an item, by code or name', async () => {
  await byId('lines-filter').fill('nsu');
  await expectText(byId('lines-count'), '500 lignes sur 1 000');
  await expectText(byId('lines-pager-range'), 'Lignes 1–50 sur 500');
  assert.equal(await byId('line-row').first().getAttribute('data-code'), 'NSU-C4');
  await byId('lines-filter').fill('zzz');
  await expectText(byId('lines-none-match'), 'Aucune ligne ne correspond au filtre.');
  assert.equal(await byId('line-row').count(), 0);
  await byId('lines-filter').fill('');
  await expectText(byId('lines-count'), '1 000 lignes');
  assert.equal(await byId('line-row').count(), 50);
});

test('the other tabs stay bounded: finance and the service units by pages', async () => {
  await byId('tab-finance').click();
  await expectText(byId('revision-pager-range'), /^Lignes 1–50 sur 1 0\d\d$/);
  assert.equal(await byId('revision-row').count(), 50);
  await byId('revision-pager-last').click();
  await expectText(byId('revision-pager-range'), /^Lignes \d[\d ]*–1 0\d\d sur 1 0\d\d$/);
  await byId('tab-guarantees').click();
  await expectText(byId('sla-units-pager-range'), /^Unités 1–50 sur \d/);
  assert.equal(await byId('sla-unit').count(), 50);
  await byId('sla-units-pager-last').click();
  await expectText(byId('sla-units-pager-range'), /^Unités \d[\d ]*–(\d[\d ]*) sur \1$/);
  assert.ok((await byId('sla-unit-function').count()) >= 1, 'each page names its function');
  for (const tab of ['build', 'schedule', 'proposal']) {
    await byId(`tab-${tab}`).click();
  }
  await expectText(byId('total-commitment'), TOTAL);
});

test('the printable proposal lists every line', async () => {
  await byId('open-proposal').click();
  await byId('proposal-lines').waitFor();
  assert.equal(await byId('proposal-line').count(), 1000);
  await expectText(byId('proposal-total'), TOTAL);
});
