// The printable proposal (issue 19): a 1,000-character unbroken client name (the longest allowed)
// wraps instead of widening the page, on screen and in print; the quote's
// specific lines (§11) are listed with their labels and amounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, openApp, expectText } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = process.env.SCREENSHOTS;
let server;
let app;
const byId = (id) => app.page.getByTestId(id);
// The longest client name the document allows (document::limits, 1,000
// characters): unbroken, it used to widen the page.
const longName = 'M'.repeat(1000);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  const quote = JSON.parse(await fs.readFile(path.join(root, 'examples/specific-lines.json'), 'utf8'));
  quote.client = longName;
  await byId('import-quote').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(quote)) });
  await expectText(byId('total-commitment'), /€/);
  await byId('open-proposal').click();
  await byId('proposal-cover').waitFor();
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

// The widths of the page and of the proposal, in CSS pixels.
const widths = () => app.page.evaluate(() => {
  const doc = document.querySelector('[data-testid="proposal"]');
  return {
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    proposal: doc.scrollWidth,
    proposalBox: doc.clientWidth,
    client: doc.querySelector('.client').getBoundingClientRect().width,
  };
});

test('a long unbroken client name wraps: the proposal is no wider than the page', async () => {
  assert.equal((await byId('proposal-cover').innerText()).includes(longName), true);
  const w = await widths();
  assert.ok(w.page <= w.viewport, `page ${w.page} px wider than the window ${w.viewport} px`);
  assert.ok(w.proposal <= w.proposalBox, `proposal content ${w.proposal} px wider than its box ${w.proposalBox} px`);
  assert.ok(w.client <= w.proposalBox, `client name ${w.client} px wider than the proposal ${w.proposalBox} px`);
  if (shots) await app.page.screenshot({ path: path.join(shots, 'proposal-long-name.png') });
});

test('in print too, the long name stays within the page', async () => {
  await app.page.emulateMedia({ media: 'print' });
  await app.page.setViewportSize({ width: 794, height: 1123 });
  const w = await widths();
  assert.ok(w.page <= w.viewport, `page ${w.page} px wider than the window ${w.viewport} px`);
  assert.ok(w.proposal <= w.proposalBox, `proposal content ${w.proposal} px wider than its box ${w.proposalBox} px`);
  if (shots) await app.page.screenshot({ path: path.join(shots, 'proposal-long-name-print.png') });
  await app.page.emulateMedia({ media: 'screen' });
  await app.page.setViewportSize({ width: 1280, height: 1000 });
});

test('the specific lines are in the proposal, with their labels and amounts', async () => {
  const section = byId('proposal-specific');
  await expectText(section, /Lignes sur devis spécifique \(§6, §11\)/);
  assert.equal(await byId('proposal-specific-line').count(), 4);
  const labels = await byId('proposal-specific-label').allInnerTexts();
  assert.deepEqual(labels, [
    'Migration des données historiques (lots "2015-2020", reprise)',
    'Tunnel VPN dédié; supervision incluse',
    'Réversibilité : plan et répétition',
    'Connecteur SIG, à partir du 16 mai',
  ]);
  const amounts = (await byId('proposal-specific-amount').allInnerTexts()).map((t) => t.replace(/[\u202f\u00a0]/g, ' '));
  assert.deepEqual(amounts, ['18 500,00 €', '340,00 € / mois', '6 200,00 €', '275,50 € / mois']);
  await expectText(section, /le 01\/03\/2027/);
  // The priced quote's totals of the two categories.
  const totals = (await byId('proposal-specific-total').allInnerTexts()).map((t) => t.replace(/[\u202f\u00a0]/g, ' '));
  assert.equal(totals[0], '24 700,00 €');
  assert.equal(totals.length, 2);
  if (shots) await section.screenshot({ path: path.join(shots, 'proposal-specific.png') });
  await byId('proposal-lang').selectOption('en');
  await expectText(section, /Specifically quoted lines \(§6, §11\)[\s\S]*Tunnel VPN dédié; supervision incluse[\s\S]*€340\.00 \/ month/);
});
