// The printable proposal (issue 6): every section, in French and English,
// with an optional VAT line; the print stylesheet shows the document only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serveDist, openApp, expectText, plain } from './harness.mjs';

let server;
let app;
const shots = process.env.SCREENSHOTS;
const byId = (id) => app.page.getByTestId(id);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('client').fill('Mutuelle Atlantique');
  await byId('project').fill('Portail adhérents');
  await byId('start-date').fill('2027-01-01');
  for (const [item, qty] of [['OS-MGD', '10'], ['DEVOPS-EXP', '5']]) {
    await byId('add-item-select').selectOption(item);
    await byId('add-item-button').click();
    await byId('line-row').last().getByTestId('line-qty').fill(qty);
  }
  await expectText(byId('total-commitment'), '81 690,00 €');
  await byId('open-proposal').click();
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('the proposal has every section, with the quote’s figures', async () => {
  await expectText(byId('proposal-cover'), /PROPOSITION COMMERCIALE[\s\S]*Portail adhérents[\s\S]*Mutuelle Atlantique[\s\S]*Fully Managed/);
  assert.equal(await byId('proposal-line').count(), 2);
  await expectText(byId('proposal-total'), '81 690,00 €');
  for (const id of ['proposal-schedule', 'proposal-clauses', 'proposal-guarantees', 'proposal-raci', 'proposal-out-of-fee', 'proposal-assumptions']) {
    assert.ok((await byId(id).innerText()).length > 40, `${id} has content`);
  }
  await expectText(byId('proposal-clauses'), /Révision des prix \(§9\.3\.1\)/);
  await expectText(byId('proposal-guarantees'), /99,5 %/);
  await expectText(byId('proposal-raci'), /Surveillance 24x7/);
  await expectText(byId('proposal-out-of-fee'), /migrations|Migrations/);
  assert.equal(await byId('proposal-vat-line').count(), 0, 'no VAT line unless asked');
});

test('in English, with a VAT line', async () => {
  await byId('proposal-lang').selectOption('en');
  await expectText(byId('proposal-cover'), /COMMERCIAL PROPOSAL/);
  await expectText(byId('proposal-total'), '€81,690.00');
  await expectText(byId('proposal-clauses'), /Price revision \(§9\.3\.1\)/);
  await byId('proposal-vat').check();
  await expectText(byId('proposal-vat-line'), '€16,338.00');
  await expectText(byId('proposal-total-vat'), '€98,028.00');
  await byId('proposal-vat-rate').fill('5,5');
  await expectText(byId('proposal-vat-line'), '€4,492.95');
});

test('the print stylesheet shows the document alone, and it prints to PDF', async () => {
  await app.page.emulateMedia({ media: 'print' });
  assert.equal(await byId('library-bar').isVisible(), false);
  assert.equal(await byId('proposal-toolbar').isVisible(), false);
  assert.equal(await byId('proposal').isVisible(), true);
  if (shots) await app.page.screenshot({ path: path.join(shots, 'proposal-print.png'), fullPage: true });
  const pdf = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'proposal-')), 'proposal.pdf');
  await app.page.pdf({ path: pdf, format: 'A4' });
  const bytes = await fs.readFile(pdf);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(bytes.length > 20_000, `the PDF has content (${bytes.length} bytes)`);
  await app.page.emulateMedia({ media: 'screen' });
  await byId('proposal-back').click();
  await expectText(byId('total-commitment'), '81 690,00 €');
  assert.equal(await byId('proposal').count(), 0);
});
