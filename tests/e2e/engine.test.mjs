// The contract rules on screen: build and its invoicing, dependencies,
// governance, support timeline, tickets, tokens, schedule and chart.
// Set SCREENSHOTS=dir to save a picture of each tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const shots = process.env.SCREENSHOTS;

async function shot(name) {
  if (shots) await app.page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await app.page.getByTestId('start-date').fill('2027-01-01');
  await expectText(app.page.getByTestId('end-date'), /01\/01\/2030/);
});

after(async () => {
  await app?.close();
  await server?.close();
});

const byId = (id) => app.page.getByTestId(id);

async function addLine(code, quantity) {
  await byId('add-item-select').selectOption(code);
  await byId('add-item-button').click();
  const row = byId('line-row').last();
  await row.getByTestId('line-qty').fill(quantity);
  return row;
}

test('a built line costs the first price then the next, invoiced 30/70', async () => {
  const row = await addLine('OS-MGD', '3');
  await row.getByTestId('line-build').selectOption('full');
  // §4: Full Build first 4 200.00 + 2 x 900.00.
  await expectText(row.getByTestId('line-build-amount'), 'Build 6 000,00 €');
  await expectText(byId('total-build'), '6 000,00 €');
  await byId('tab-build').click();
  await byId('build-mode-thirty_seventy').check();
  await expectText(byId('instalments'), /01\/01\/2027.*1 800,00 €[\s\S]*01\/03\/2027.*4 200,00 €/s);
  await shot('build');
});

test('a missing dependency is shown on the line that needs it', async () => {
  await byId('tab-proposal').click();
  const row = await addLine('CTR-MGD', '1');
  await expectText(row.getByTestId('line-issue'), /Requiert aussi en managé sur le projet : Kubernetes managé \(Caascad\) \(§7\.1\.2\)/);
  await row.getByTestId('line-remove').click();
  await expectText(byId('issues'), /Aucune anomalie/);
});

test('a Premium environment makes SDM and CBM mandatory', async () => {
  await byId('env-production-level').selectOption('premium');
  await expectText(byId('issues'), /Service Delivery Manager obligatoire avec un environnement Premium/);
  await addLine('SDM', '2');
  await addLine('CBM', '1');
  await expectText(byId('issues'), /Aucune anomalie/);
  await shot('proposal');
});

test('support changes on the 1st of a month and never downgrades while committed', async () => {
  await byId('tab-support').click();
  await byId('support-change-add').click();
  const change = byId('support-change').last();
  await change.getByTestId('support-change-level').selectOption('standard');
  await change.getByTestId('support-change-date').fill('2027-04-01');
  await expectText(change.getByTestId('support-change-issue'), /ne peut qu'augmenter pendant l'engagement, jusqu'au 01\/09\/2027/);
  await change.getByTestId('support-change-date').fill('2027-10-01');
  await expectText(change.getByTestId('support-change-issue'), '');
  assert.equal(await byId('support-segment').count(), 2);
  await byId('tickets-forecast').fill('12');
  // §9.6: 2 extra tickets a month, reviewed per quarter, Premium ticket 140.00 at first.
  await expectText(byId('ticket-period').first(), /Ticket SLA Premium.*840,00 €/s);
  await shot('support');
});

test('the token plan doubles off-hours changes and refuses a 7th accelerated one', async () => {
  await byId('tab-tokens').click();
  await byId('token-change-add').click();
  const first = byId('token-change').last();
  await first.getByTestId('token-change-code').selectOption('CHG-APP-DEPLOY');
  await first.getByTestId('token-change-per-year').fill('24');
  await first.getByTestId('token-change-off-hours').check();
  // 6 tokens x 2 x 24 = 288 a year, 24 a month: the 20-token pack is cheapest.
  await expectText(first.getByTestId('token-change-tokens'), '288');
  await expectText(byId('token-forecast'), '24 jetons / mois');
  await expectText(byId('token-suggestion'), /PACK-OFFSHORE-20 \(20 jetons\) — 1 120,00 €/);
  await byId('token-apply-suggestion').click();
  await expectText(byId('token-chosen'), /PACK-OFFSHORE-20/);

  await byId('token-change-add').click();
  const second = byId('token-change').last();
  await second.getByTestId('token-change-per-year').fill('7');
  await second.getByTestId('token-change-accelerated').check();
  await expectText(second.getByTestId('token-change-issue'), '7 changements accélérés par an : 6 au plus (§6).');
  await second.getByTestId('token-change-per-year').fill('6');
  await expectText(second.getByTestId('token-change-issue'), '');

  await byId('hours-at').fill('2027-07-14T10:00');
  await expectText(byId('hours-verdict'), /jour férié \(Fête nationale\) — x2/);
  await byId('hours-at').fill('2027-07-15T10:00');
  await expectText(byId('hours-verdict'), /Heures ouvrées/);
  await shot('tokens');
});

test('the schedule shows each contract year as a bar and every month', async () => {
  await byId('tab-schedule').click();
  await expectText(byId('years'), /Année|1/);
  assert.equal(await byId('year-row').count(), 3);
  assert.equal(await byId('chart-bar').count(), 3);
  assert.equal(await byId('month-row').count(), 36);
  // The year totals add up to the total over the commitment.
  const cents = (t) => Number(t.replace(/[^\d,]/g, '').replace(',', ''));
  const years = await byId('year-total').allInnerTexts();
  const total = cents(await byId('total-commitment').innerText());
  assert.equal(years.map(cents).reduce((a, b) => a + b, 0), total);
  await shot('schedule');
});

test('switching to English translates the screen and its numbers', async () => {
  await byId('lang-en').click();
  await expectText(byId('tab-schedule'), 'Schedule');
  await expectText(byId('total-commitment'), /^€[\d,]+\.\d\d$/);
  await byId('lang-fr').click();
});

test('milestones split the build exactly and a line starts at its lot', async () => {
  await byId('tab-build').click();
  await byId('build-mode-milestones').check();
  // Default lots: 40 % one month after signature, 60 % three months after.
  await expectText(byId('instalments'), /01\/02\/2027.*2 400,00 €[\s\S]*01\/04\/2027.*3 600,00 €/s);
  await byId('lot-percent').last().fill('50');
  await expectText(byId('build-issue'), 'Les pourcentages des lots totalisent 90 %, pas 100 % (§9.8.1).');
  await byId('lot-percent').last().fill('60');
  await expectText(byId('build-issue'), '');
  await byId('tab-proposal').click();
  const row = byId('line-row').first();
  await row.getByTestId('line-lot').selectOption('1');
  await expectText(row.locator('.line-detail').first(), /début 01\/02\/2027/);
  await row.getByTestId('line-lot').selectOption('');
  await expectText(row.locator('.line-detail').first(), /début 01\/04\/2027/);
});

test('a specific line is priced as typed', async () => {
  await byId('tab-proposal').click();
  await expectText(byId('total-one-time'), '8 500,00 €');
  await byId('specific-add').click();
  const row = byId('specific-row').last();
  await row.getByTestId('specific-label').fill('Migration');
  await row.getByTestId('specific-amount').fill('4 999,99');
  await expectText(byId('total-one-time'), '13 499,99 €');
  await row.getByTestId('specific-amount').fill('4999,9x');
  await expectText(row.getByTestId('specific-amount-error'), /« 4999,9x » n'est pas un nombre/);
});

test('no request left the origin and nothing was logged as an error', async () => {
  assert.deepEqual(app.problems(), []);
});
