// The price book editor (issue 6): the built-in book labelled illustrative,
// a draft checked before it is applied, import and export, the user's book
// kept after a reload and carried by share links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const others = [];
const byId = (id) => app.page.getByTestId(id);
const item = (code) => app.page.locator(`[data-testid="pricebook-item"][data-code="${code}"]`);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('start-date').fill('2027-01-01');
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill('10');
  // 36 months: 10 x 114.00 (120.00 - 5 %) + 900.00 support, access fee 2 500.00.
  await expectText(byId('total-commitment'), '75 940,00 €');
  await byId('tab-pricebook').click();
});

after(async () => {
  for (const other of others) {
    assert.deepEqual(other.problems(), []);
    await other.close();
  }
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('the built-in book is labelled illustrative; a draft is checked before it applies', async () => {
  await expectText(byId('pricebook-status'), /Grille intégrée.*illustrative/);
  assert.equal(await byId('pricebook-apply').isDisabled(), true, 'nothing to apply yet');
  await item('OS-MGD').getByTestId('pricebook-item-price').fill('130');
  // Not applied yet: the quote keeps its prices.
  await expectText(byId('total-commitment'), '75 940,00 €');
  await byId('pricebook-tier-discount').nth(1).fill('150');
  await expectText(byId('pricebook-validation'), /Brouillon invalide/);
  assert.equal(await byId('pricebook-apply').isDisabled(), true);
  await byId('pricebook-tier-discount').nth(1).fill('3');
  await expectText(byId('pricebook-validation'), /Brouillon valide/);
  // A new item, as a copy of another under a new code; a duplicate code is refused.
  await byId('pricebook-new-code').fill('OS-MGD');
  await byId('pricebook-item-add').click();
  await expectText(byId('pricebook-add-error'), /« OS-MGD » est déjà un code/);
  await byId('pricebook-new-code').fill('OS-MGD-GOLD');
  await byId('pricebook-copy-of').selectOption('OS-MGD');
  await byId('pricebook-item-add').click();
  await item('OS-MGD-GOLD').getByTestId('pricebook-item-price').fill('180');
  await expectText(byId('pricebook-validation'), /Brouillon valide/);
  await byId('pricebook-version').fill('2027.1-client');
  await byId('pricebook-apply').click();
  // 130.00 - 5 % = 123.50; 10 x 123.50 + 900.00 = 2 135.00 a month.
  await expectText(byId('total-commitment'), '79 360,00 €');
  await expectText(byId('pricebook-status'), /Votre grille v2027\.1-client/);
  await expectText(byId('pricebook-label'), /v2027\.1-client/);
  await byId('tab-proposal').click();
  assert.equal(await byId('add-item-select').locator('option[value="OS-MGD-GOLD"]').count(), 1);
  await byId('tab-pricebook').click();
});

test('the user book survives a reload and travels in a share link', async () => {
  await app.page.reload();
  await byId('total-commitment').waitFor();
  await expectText(byId('total-commitment'), '79 360,00 €');
  await byId('share-link').click();
  const url = await byId('share-url').inputValue();
  const fresh = await openApp(url);
  others.push(fresh);
  await expectText(fresh.page.getByTestId('total-commitment'), '79 360,00 €');
  await expectText(fresh.page.getByTestId('pricebook-label'), /v2027\.1-client/);
});

test('export, a bad import refused, a good one applied, back to the built-in book', async () => {
  await byId('tab-pricebook').click();
  const [download] = await Promise.all([app.page.waitForEvent('download'), byId('pricebook-export').click()]);
  const book = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  assert.equal(book.version, '2027.1-client');

  await byId('pricebook-import').setInputFiles({ name: 'faux.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x"}') });
  await expectText(byId('pricebook-error'), /faux\.json/);
  await expectText(byId('total-commitment'), '79 360,00 €');

  book.version = '2027.2';
  book.items.find((i) => i.code === 'OS-MGD').price = '100.00';
  await byId('pricebook-import').setInputFiles({ name: 'grille.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(book)) });
  await expectText(byId('pricebook-message'), /2027\.2/);
  // 10 x 95.00 + 900.00 = 1 850.00 a month, raised to the 2 000.00 minimum
  // (§9.2): 2 500 + 36 x 2 000 = 74 500.
  await expectText(byId('total-commitment'), '74 500,00 €');
  await expectText(byId('pricebook-status'), /Votre grille v2027\.2/);

  await byId('pricebook-reset').click();
  await expectText(byId('total-commitment'), '75 940,00 €');
  await expectText(byId('pricebook-status'), /Grille intégrée/);
});
