// SPEC §15: what Co-Managed really saves. The comparison shows the
// provider's price beside the client's estimated effort; editing an
// activity's effort on the Who does what tab, or the client's day rate,
// moves the client's effort and the all-in sum, never the provider's price.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, expectText, plain } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);
const row = (figure) => app.page.locator(`[data-testid="compare-row"][data-figure="${figure}"] td .amount`);
// "43 200,00 €" → 4320000 (cents).
const cents = (text) => Math.round(Number(plain(text).replace(/[^\d,-]/g, '').replace(',', '.')) * 100);
const amounts = async (figure) => (await row(figure).allInnerTexts()).map(cents);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await byId('start-date').fill('2027-01-01');
  for (const [item, qty] of [['OS-MGD', '10'], ['DEVOPS-EXP', '5']]) {
    await byId('add-item-select').selectOption(item);
    await byId('add-item-button').click();
    await byId('line-row').last().getByTestId('line-qty').fill(qty);
  }
  await expectText(byId('total-commitment'), '81 690,00 €');
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('Co-Managed is cheaper on the provider side and leaves the client more to do', async () => {
  await byId('tab-compare').click();
  const total = app.page.locator('[data-testid="compare-row"][data-figure="total"]');
  await expectText(total, /81 690,00 €.*80 250,00 €.*5 750,00 €/s);
  const effort = await amounts('client_effort');
  assert.equal(effort.length, 3);
  assert.ok(effort[0] > 0, 'the client does some work even under Fully Managed');
  assert.ok(effort[1] > effort[0], 'more under Co-Managed');
  const allIn = await amounts('all_in');
  const totals = await amounts('total');
  for (let i = 0; i < 3; i++) assert.equal(allIn[i], totals[i] + effort[i]);
  await expectText(byId('effort-moved').first(), /Co-Managed.*passent au client/);
  await expectText(byId('effort-assumptions'), /jamais une facture/);
  assert.equal(await byId('effort-bar').count(), 3);
});

test('editing an activity\u2019s effort or the day rate moves the comparison, not the price', async () => {
  await byId('tab-compare').click();
  const before = { effort: await amounts('client_effort'), total: await amounts('total') };
  // deploy_software, 2 h + 0.25 h a unit by default: Co-Managed has the
  // client and the provider R (half each), Fully Managed the provider alone.
  // 2 → 30 h fixed: 28 / 2 = 14 h a month more for the client under
  // Co-Managed, 14 x 36 = 504 h, 504 / 7 x 600.00 = 43 200.00.
  await byId('tab-raci').click();
  const deploy = app.page.locator('[data-testid="effort-row"][data-activity="deploy_software"]');
  await deploy.getByTestId('effort-fixed').fill('30');
  await byId('tab-compare').click();
  const moved = async () => (await amounts('client_effort'))[1] - before.effort[1];
  const deadline = Date.now() + 3000;
  while ((await moved()) === 0 && Date.now() < deadline) await app.page.waitForTimeout(50);
  const after = await amounts('client_effort');
  assert.ok(Math.abs(after[1] - before.effort[1] - 4320000) <= 1, `${after[1]} - ${before.effort[1]}`);
  assert.equal(after[0], before.effort[0], 'Fully Managed: the provider carries it');
  assert.deepEqual(await amounts('total'), before.total, 'the provider\u2019s price does not move');
  const allIn = await amounts('all_in');
  assert.equal(allIn[1], before.total[1] + after[1]);

  // The client's day rate doubled: the effort doubles (to the cent).
  await byId('client-day-rate').fill('1200');
  const deadline2 = Date.now() + 3000;
  while ((await amounts('client_effort'))[0] === after[0] && Date.now() < deadline2) await app.page.waitForTimeout(50);
  const doubled = await amounts('client_effort');
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(doubled[i] - 2 * after[i]) <= 1, `${doubled[i]} vs 2 x ${after[i]}`);
  assert.deepEqual(await amounts('total'), before.total);
});

test('a Co-Managed line shows where its price comes from; the proposal can include the comparison', async () => {
  await byId('tab-proposal').click();
  await byId('model').selectOption('co_managed');
  const os = app.page.locator('[data-testid="line-row"][data-code="OS-MGD"]');
  await expectText(os.getByTestId('price-basis'), 'prix Co-Managed : −15 % (grille)');
  await expectText(os, /96,90 €/);
  await byId('open-proposal').click();
  await byId('proposal-cover').waitFor();
  assert.equal(await byId('proposal-comparison').count(), 0, 'not unless asked');
  await byId('proposal-with-comparison').check();
  await expectText(byId('proposal-comparison'), /Effort estimé du client.*jamais|Ce n'est pas une facture/s);
  await byId('proposal-back').click();
  await byId('model').selectOption('fully_managed');
});
