// The first quote screen, used as a person would: add lines, type quantities,
// read the totals; bad input shows a field error and leaves totals unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, plain, expectText } from './harness.mjs';

let server;
let app;

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
});

after(async () => {
  await app?.close();
  await server?.close();
});

const text = async (testId) => plain(await app.page.getByTestId(testId).innerText());

test('the page renders with the illustrative price book and empty totals', async () => {
  const { page } = app;
  await expectText(app.page.getByTestId('pricebook-label'), /illustrative/i);
  assert.equal(await page.getByTestId('lines-empty').isVisible(), true);
  // Default: Production on Standard support, Off-Shore: 900.00 a month.
  await expectText(app.page.getByTestId('total-monthly'), '900,00 €');
  await expectText(app.page.getByTestId('total-one-time'), '0,00 €');
  await expectText(app.page.getByTestId('total-commitment'), '32 400,00 €');
});

test('adding a line and typing a quantity updates the totals live', async () => {
  const { page } = app;
  await page.getByTestId('add-item-select').selectOption('OS-MGD');
  await page.getByTestId('add-item-button').click();
  const row = page.getByTestId('line-row').last();
  await row.getByTestId('line-qty').fill('12');
  // 12 x 120.00 = 1 440.00; + 900.00 support = 2 340.00 a month; x 36 = 84 240.00.
  await expectText(row.getByTestId('line-amount'), '1 440,00 €');
  await expectText(app.page.getByTestId('total-monthly'), '2 340,00 €');
  await expectText(app.page.getByTestId('total-commitment'), '84 240,00 €');

  await page.getByTestId('add-item-select').selectOption('ACCESS-FEE');
  await page.getByTestId('add-item-button').click();
  await expectText(app.page.getByTestId('total-one-time'), '2 500,00 €');
  await expectText(app.page.getByTestId('total-commitment'), '86 740,00 €');
});

test('a quantity that does not parse shows a field error and keeps the totals', async () => {
  const { page } = app;
  const row = page.getByTestId('line-row').first();
  const before = await text('total-commitment');
  await row.getByTestId('line-qty').fill('12a');
  await expectText(row.getByTestId('line-qty-error'), /« 12a » n'est pas un nombre/);
  assert.equal(await row.getByTestId('line-qty').getAttribute('aria-invalid'), 'true');
  await expectText(app.page.getByTestId('total-commitment'), before);
  assert.equal(await row.getByTestId('line-qty').inputValue(), '12a', 'what was typed is kept');

  await row.getByTestId('line-qty').fill('2,5');
  await expectText(row.getByTestId('line-qty-error'), '');
  await expectText(row.getByTestId('line-amount'), '300,00 €');
});

test('a commitment under twelve months is a field error; a valid one reprices', async () => {
  const { page } = app;
  const before = await text('total-commitment');
  await page.getByTestId('commitment').fill('6');
  await expectText(page.getByTestId('commitment-error'), /entre 12 et 120 mois/);
  await expectText(app.page.getByTestId('total-commitment'), before);
  await page.getByTestId('commitment').fill('12');
  assert.equal(plain(await page.getByTestId('commitment-error').innerText()), '');
  // (300.00 + 900.00) x 12 + 2 500.00
  await expectText(app.page.getByTestId('total-commitment'), '16 900,00 €');
});

test('environments carry their own support level on the chosen chain', async () => {
  const { page } = app;
  await page.getByTestId('env-production-level').selectOption('premium');
  await page.getByTestId('env-development-enabled').check();
  await page.getByTestId('support-chain').selectOption('full_france');
  // Premium FF 3 600 + Standard FF 1 500 + 300 of OS = 5 400 a month.
  await expectText(app.page.getByTestId('total-monthly'), '5 400,00 €');
});

test('the page made no request to another origin and logged no error', async () => {
  assert.deepEqual(app.problems(), []);
});
