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
  assert.equal(await page.getByTestId('add-item-select').inputValue(), 'OS-MGD', 'the picker starts on managed OS');
  // Default: 36 months, Production on Standard support, Off-Shore: 900.00 a
  // month, raised to the 2 000.00 monthly minimum (§9.2); access fee 2 500.00.
  await expectText(app.page.getByTestId('total-monthly'), '900,00 €');
  await expectText(app.page.getByTestId('total-one-time'), '2 500,00 €');
  await expectText(app.page.getByTestId('total-commitment'), '74 500,00 €');
});

test('adding a line and typing a quantity updates the totals live', async () => {
  const { page } = app;
  await page.getByTestId('add-item-select').selectOption('OS-MGD');
  await page.getByTestId('add-item-button').click();
  const row = page.getByTestId('line-row').last();
  await row.getByTestId('line-qty').fill('12');
  // 36-month tier: 120.00 - 5 % = 114.00; x 12 = 1 368.00; + 900.00 support
  // = 2 268.00 a month; x 36 + 2 500.00 access fee = 84 148.00.
  await expectText(row.getByTestId('line-amount'), '1 368,00 €');
  await expectText(app.page.getByTestId('total-monthly'), '2 268,00 €');
  await expectText(app.page.getByTestId('total-commitment'), '84 148,00 €');

  await page.getByTestId('add-item-select').selectOption('ARCHI');
  await page.getByTestId('add-item-button').click();
  await expectText(app.page.getByTestId('total-one-time'), '3 850,00 €');
  await expectText(app.page.getByTestId('total-commitment'), '85 498,00 €');
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
  await expectText(row.getByTestId('line-amount'), '285,00 €');
});

test('a commitment under twelve months is a field error; a valid one reprices', async () => {
  const { page } = app;
  const before = await text('total-commitment');
  await page.getByTestId('commitment').fill('6');
  await expectText(page.getByTestId('commitment-error'), /entre 12 et 120 mois/);
  await expectText(app.page.getByTestId('total-commitment'), before);
  await page.getByTestId('commitment').fill('12');
  assert.equal(plain(await page.getByTestId('commitment-error').innerText()), '');
  // 12-month tier: 2.5 x 120.00 = 300.00 + 900.00 support = 1 200.00, raised
  // to the 2 000.00 minimum: 24 000.00 + 2 500.00 + 1 350.00.
  await expectText(app.page.getByTestId('total-commitment'), '27 850,00 €');
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
