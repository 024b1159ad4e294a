// The finance tab: SYNTEC revision with the shipped index values, a
// provisional revision regularised when the real value is entered, the MRG
// true-up, pasting an index table, and the clauses in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const shots = process.env.SCREENSHOTS;
const byId = (id) => app.page.getByTestId(id);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('start-date').fill('2024-12-01');
  await byId('commitment').fill('24');
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill('10');
  await byId('tab-finance').click();
});

after(async () => {
  await app?.close();
  await server?.close();
});

test('SYNTEC revises the unit price from October 2024 to October 2025', async () => {
  // §9.3.1: 116.40 x 322.2 / 315.0 = 119.06 on 01/12/2025.
  const row = byId('revision-row').first();
  await expectText(row, /116,40 €.*119,06 €/s);
  await expectText(row.getByTestId('revision-increase'), '319,20 €');
  await expectText(byId('revision-total-increase'), '319,20 €');
  await expectText(byId('clauses-fr'), /dernier indice SYNTEC publié à la date de la première facturation mensuelle \(01\/12\/2024\), soit 315\.0 \(2024-10\)/);
  await expectText(byId('clauses-en'), /first on 2025-12-01/);
});

test('the MRG shortfall of an under-consumed year is invoiced, an excess carried', async () => {
  // G = (10 x 116.40 + 900.00) x 24 = 49 536.00; MRG 80 % = 39 628.80; 19 814.40 a year.
  await expectText(byId('mrg-g'), '49 536,00 €');
  await expectText(byId('mrg-global'), '39 628,80 €');
  await expectText(byId('mrg-annual').first(), '19 814,40 €');
  await byId('mrg-billed').first().fill('10000');
  await expectText(byId('mrg-shortfall').first(), /^9 814,40 €/);
  await byId('mrg-billed').first().fill('25000');
  await expectText(byId('mrg-carry-out').first(), '5 185,60 €');
  await expectText(byId('mrg-shortfall').first(), '0,00 €');
  await byId('mrg-billed').first().fill('');
  if (shots) await app.page.screenshot({ path: path.join(shots, 'finance.png'), fullPage: true });
});

test('a projected index is provisional until the real value is entered', async () => {
  await byId('tab-proposal').click();
  await byId('start-date').fill('2025-12-01');
  await byId('tab-finance').click();
  // The 01/12/2026 revision needs October 2026: projected at +2 %: 328.6.
  await expectText(byId('revision-provisional'), /Provisoire/);
  await expectText(byId('revision-row').first(), /118,71 € \*/);
  await byId('index-syntec-new-period').fill('2026-10');
  await byId('index-syntec-new-value').fill('329,5');
  await byId('index-syntec-add').click();
  // 119.04 instead of 118.71: 0.33 x 10 VMs x 12 months.
  await expectText(byId('revision-row').first(), /119,04 €/);
  await expectText(byId('revision-total-regularisation'), '39,60 €');
  assert.equal(await byId('revision-provisional').count(), 0);
});

test('a pasted index table with a bad line is refused with its line number', async () => {
  const before = await byId('index-icc-row').count();
  await byId('index-icc').locator('summary').click();
  await byId('index-icc-paste').fill('2024-Q3;2 230\n2024-Q4;abc');
  await byId('index-icc-import').click();
  await expectText(byId('index-icc-paste-error'), /Ligne 2 : value: « abc »|Ligne 2 : value: “abc”/);
  assert.equal(await byId('index-icc-row').count(), before, 'nothing imported');
  await byId('index-icc-paste').fill('2024-Q3;2 230\n2024-Q4;2 250,5');
  await byId('index-icc-import').click();
  await expectText(byId('index-icc-paste-error'), '');
  assert.equal(await byId('index-icc-row').count(), before + 2);
});

test('an absurd MRG rate is a field error and an absurd G a located message', async () => {
  await byId('mrg-rate').fill('150');
  await expectText(byId('mrg-rate-error'), /trop grand/);
  await byId('mrg-rate').fill('80');
  await byId('scope-add').click();
  await byId('mrg-g-input').fill('0,01');
  await byId('scope-variation').last().fill('79228162514264337593543950335');
  await expectText(byId('finance-error'), /trop grand pour être calculé/);
  await byId('mrg-g-input').fill('');
  await byId('scope-variation').last().fill('0');
  assert.equal(await byId('finance-error').count(), 0);
});

test('the finance tab made no request elsewhere and logged no error', async () => {
  assert.deepEqual(app.problems(), []);
});
