// Issue 15, the contract over its life, as a person uses it: a line that
// changes quantity and ends early (SPEC §14, §7), leaving early at a date
// (§5.3, §5.5, §9.4), reversibility after the end (§9.9) and a month's
// service credits on a later invoice (§8.2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, expectText, plain } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);
// "43 200,00 €" → 4320000 (cents).
const cents = (text) => Math.round(Number(plain(text).replace(/[^\d,-]/g, '').replace(',', '.')) * 100);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await byId('start-date').fill('2027-01-01');
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  const line = byId('line-row').last();
  await line.getByTestId('line-qty').fill('20');
  await line.getByTestId('line-onboarded').check();
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('a quantity change and an early end are billed pro rata and shown on the line', async () => {
  const total = async () => cents(await byId('total-commitment').innerText());
  const before = await total();
  const line = byId('line-row').last();
  await line.getByTestId('line-life').locator('summary').click();
  await line.getByTestId('line-change-add').click();
  const change = line.getByTestId('line-change').first();
  await change.getByTestId('line-change-date').fill('2027-07-16');
  await change.getByTestId('line-change-qty').fill('10');
  await expectText(line.getByTestId('line-life-summary'), /20 → 10 le 16\/07\/2027/);
  // 48 431,62 instead of 36 x 2 280,00 = 82 080,00 (tests/line_life.rs).
  await app.page.waitForFunction((b) => {
    const t = document.querySelector('[data-testid="total-commitment"]').innerText;
    return !t.includes(b);
  }, plain(await byId('total-commitment').innerText()));
  assert.equal(before - (await total()), 3364838);
  // A letter in the quantity is refused in place; the change keeps 10.
  await change.getByTestId('line-change-qty').fill('1O');
  await expectText(line.getByTestId('line-change-qty-error'), /nombre/);
  assert.equal(before - (await total()), 3364838);
  await change.getByTestId('line-change-qty').fill('10');
  // An end before the change: the engine says so beside the line.
  await line.getByTestId('line-ends-on').fill('2027-05-01');
  await expectText(line.getByTestId('line-issue'), /fin de la ligne/i);
  await line.getByTestId('line-ends-on').fill('2029-06-01');
  await expectText(line.getByTestId('line-life-summary'), /fin le 01\/06\/2029/);
  // The MRG stays that of the contract as signed: the reduction shows as
  // a negative scope change that never lowers it.
  await byId('tab-finance').click();
  await expectText(byId('scope-table'), /une réduction baisse le facturé, jamais le MRG/);
  // Back to a plain line for the next tests.
  await byId('tab-proposal').click();
  await line.getByTestId('line-ends-on').fill('');
  await line.getByTestId('line-change-remove').click();
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="line-change"]').length === 0);
  assert.equal(await total(), before);
});

test('leaving early shows what is still owed, refuses a mid-month date, and draws the curve', async () => {
  await byId('tab-finance').click();
  await expectText(byId('exit-none'), /Choisissez une date/);
  await byId('exit-date').fill('2028-07-15');
  await expectText(byId('exit-error'), /1er d'un mois/);
  await byId('exit-date').fill('2028-07-01');
  await byId('exit-table').waitFor();
  const parts = await Promise.all(['exit-packs', 'exit-mrg'].map(async (id) => cents(await byId(id).innerText())));
  const owed = cents(await byId('exit-total').innerText());
  assert.equal(owed, parts[0] + parts[1], 'no support committed at that date');
  assert.ok(parts[1] > 0, 'the MRG of the years left is owed');
  assert.equal(await byId('exit-year').count(), 2);
  await byId('exit-chart').waitFor();
  // The proposal can include it.
  await byId('open-proposal').click();
  await byId('proposal-with-exit').check();
  await expectText(byId('proposal-exit'), /En cas de résiliation au 01\/07\/2028/);
  await byId('proposal-back').click();
});

test('reversibility after the end is billed at the last month and the GTR does not apply', async () => {
  await byId('tab-schedule').click();
  await byId('reversibility-months').selectOption('3');
  assert.equal(await byId('reversibility-row').count(), 3);
  const rows = await byId('reversibility-row').allInnerTexts();
  assert.ok(rows.every((r) => r.includes(rows[0].split('\t').pop())), 'three whole months at the same rate');
  await byId('tab-guarantees').click();
  await expectText(byId('reversibility-no-gtr'), /ne s'applique pas/);
  await byId('tab-finance').click();
  await expectText(byId('exit-reversibility'), /Puis 3 mois de réversibilité/);
});

test('a claimed month of credits is deducted from the invoice after the claim; a late claim earns none', async () => {
  await byId('tab-guarantees').click();
  await byId('sla-month').selectOption('2028-03-01');
  await byId('sla-fn-add').click();
  await byId('sla-fn').first().getByTestId('sla-fn-minutes').fill('500');
  await expectText(byId('sla-total'), '45,60 €');
  await expectText(byId('sla-claim-note'), /non réclamés/);
  await byId('sla-claimed-on').fill('2028-04-10');
  await expectText(byId('sla-claim-note'), /déduits de la facture de mai 2028/);
  await byId('tab-schedule').click();
  await expectText(byId('schedule-credit-amount'), '−45,60 €');
  await byId('tab-finance').click();
  await expectText(byId('mrg-credits'), /dont avoir SLA −45,60 €/);
  await byId('tab-guarantees').click();
  await byId('sla-claimed-on').fill('2028-05-02');
  await expectText(byId('sla-claim-note'), /aucun crédit/);
});
