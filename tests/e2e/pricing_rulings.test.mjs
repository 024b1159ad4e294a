// The pricing rulings of issue 14 on screen (SPEC §14): several token packs
// at once (§5.5), the cheapest combination, and the reading of the monthly
// minimum (§9.2) chosen in the price book and stated beside the totals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('start-date').fill('2027-01-01');
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill('20');
  // 36 months: 20 x 114.00 + 900.00 support = 3 180.00 a month, access fee 2 500.00.
  await expectText(byId('total-commitment'), '116 980,00 €');
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('several token packs are each priced and the cheapest combination is suggested', async () => {
  await byId('tab-tokens').click();
  await byId('tokens-extra').fill('50');
  await expectText(byId('token-forecast'), '50 jetons / mois');
  await expectText(byId('token-packs-none'), /Aucun pack/);
  for (let i = 0; i < 2; i += 1) {
    await byId('token-pack').selectOption('PACK-OFFSHORE-10');
    await byId('token-pack-add').click();
  }
  assert.equal(await byId('token-pack-row').count(), 2);
  // §5.5: each pack 480.00 a month, committed 36 months: 17 280.00.
  await expectText(byId('token-pack-monthly').first(), /480,00 € \/ mois/);
  await expectText(byId('token-pack-total').last(), /17 280,00 €/);
  // 2 x 480.00 + 30 tokens beyond at 55.00 = 2 610.00 a month.
  await expectText(byId('token-chosen'), 'PACK-OFFSHORE-10 + PACK-OFFSHORE-10 (20 jetons) — 2 610,00 € / mois');
  // 10 + 40 tokens for 480.00 + 1 680.00 = 2 160.00.
  await expectText(byId('token-suggestion'), /PACK-OFFSHORE-10 \+ PACK-OFFSHORE-40 \(50 jetons\) — 2 160,00 €/);
  await byId('token-apply-suggestion').click();
  await expectText(byId('token-chosen'), /PACK-OFFSHORE-10 \+ PACK-OFFSHORE-40 \(50 jetons\) — 2 160,00 €/);
  await expectText(byId('token-pack-code').last(), 'PACK-OFFSHORE-40');
  await byId('token-pack-remove').last().click();
  assert.equal(await byId('token-pack-row').count(), 1);
  // 480.00 + 40 x 55.00 = 2 680.00.
  await expectText(byId('token-chosen'), /PACK-OFFSHORE-10 \(10 jetons\) — 2 680,00 €/);
});

test('the minimum is a floor by default and a base fee when the book says so', async () => {
  await expectText(byId('total-minimum-mode'), /Plancher \(§9\.2/);
  await expectText(byId('total-minimum'), '0,00 €');
  await byId('tab-pricebook').click();
  await byId('pricebook-minimum-mode').selectOption('base_fee');
  await expectText(byId('pricebook-minimum-mode-note'), /Redevance de base/);
  await byId('pricebook-version').fill('2027.1-base-fee');
  await byId('pricebook-apply').click();
  // 36 x 2 000.00 billed as a fee (§9.2 "auxquels s'ajoute le prix des Unités").
  await expectText(byId('total-minimum-mode'), /Redevance de base \(§9\.2/);
  await expectText(byId('total-minimum'), '72 000,00 €');
  await byId('pricebook-reset').click();
  await expectText(byId('total-minimum-mode'), /Plancher/);
});
