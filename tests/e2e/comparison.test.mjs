// The management model selector (what a switch sets aside and restores) and
// the comparison of scenarios side by side, used as a person would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
  await byId('start-date').fill('2027-01-01');
  for (const [item, qty] of [['OS-MGD', '10'], ['DEVOPS-EXP', '5']]) {
    await byId('add-item-select').selectOption(item);
    await byId('add-item-button').click();
    await byId('line-row').last().getByTestId('line-qty').fill(qty);
  }
  // 36 months: 10 x 114.00 + 900.00 support = 2 040.00 a month; access fee
  // 2 500.00 + 5 days x 1 150.00 = 8 250.00 once; 8 250 + 36 x 2 040 = 81 690.
  await expectText(byId('total-commitment'), '81 690,00 €');
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('switching to Full DevOps sets managed parts aside, and switching back restores them', async () => {
  await byId('model').selectOption('full_devops');
  const notice = byId('model-switch');
  await expectText(notice, /Full DevOps/);
  const aside = plain(await byId('set-aside-list').innerText());
  for (const part of ['OS-MGD', 'Support Production', 'Frais d\'accès', 'Minimum de facturation mensuel', 'Engagements de service']) {
    assert.ok(aside.includes(part), `${part} is listed as set aside in “${aside}”`);
  }
  assert.ok(!aside.includes('DEVOPS-EXP'), 'professional services stay priced');
  // §2: only the 5 expert days remain; the lines stay in the quote.
  await expectText(byId('total-commitment'), '5 750,00 €');
  assert.equal(await byId('line-row').count(), 2);
  await expectText(byId('set-aside-summary'), /OS-MGD/);
  // Only professional services can be added under Full DevOps.
  await byId('add-item-select').selectOption('DEVOPS-EXP');
  assert.equal(await byId('add-item-button').isDisabled(), false);
  assert.equal(await byId('add-item-select').locator('option[value="OS-MGD"]').isDisabled(), true);
  if (shots) await app.page.screenshot({ path: path.join(shots, 'model-switch.png'), fullPage: true });

  await byId('model-switch-back').click();
  await expectText(byId('total-commitment'), '81 690,00 €');
  await expectText(byId('restored-list'), /OS-MGD/);
  assert.equal(await byId('model').inputValue(), 'fully_managed');
  assert.equal(await byId('set-aside-summary').count(), 0);

  await byId('model').selectOption('co_managed');
  await expectText(byId('exclusions-note'), /§8\.4\.4/);
  await byId('model-switch-dismiss').click();
  assert.equal(await byId('model-switch').count(), 0);
  await byId('model').selectOption('fully_managed');
});

test('the three models side by side: each column is that scenario priced alone', async () => {
  await byId('tab-compare').click();
  // The comparison loads on first use (issue 18): wait for it.
  await byId('scenario').first().waitFor();
  assert.equal(await byId('scenario').count(), 3);
  const total = app.page.locator('[data-testid="compare-row"][data-figure="total"]');
  // SPEC §15, the book 2024.2: Co-Managed run units 15 % lower, 10 x 96.90
  // + 900.00 = 1 869.00 a month, raised to the 2 000.00 minimum (§9.2):
  // 8 250 + 36 x 2 000 = 80 250.
  await expectText(total, /81 690,00 €.*80 250,00 €.*5 750,00 €/s);
  // The cheapest is highlighted, with its difference to the first scenario.
  await expectText(total.locator('td.best'), /5 750,00 €\s*−?-?75 940,00 € \(-93 %\)/);
  await expectText(byId('scenario-note').nth(2), /mis de côté \(§2\).*OS-MGD/);
  // §9: the guarantees each scenario carries, differences marked.
  const row = (key) => app.page.locator(`[data-testid="compare-guarantee"][data-row="${key}"]`);
  await expectText(row('apply'), /Oui\s+Oui\s+Non/);
  await expectText(row('gtd'), /99,5 %\s+99,5 %\s+Aucun \(Full DevOps\)/);
  await expectText(row('exclusions'), /Non\s+Oui : pas de GTD\/GTR/);
  assert.equal(await row('exclusions').evaluate((tr) => tr.classList.contains('differs')), true);
  // §10: who does what, client / provider, for the activities that differ.
  const deploy = app.page.locator('[data-testid="compare-raci-row"][data-activity="deploy_software"]');
  await expectText(deploy, /C \/ RA\s+RA \/ R\s+RA \/ —/);
  assert.equal(await app.page.locator('[data-testid="compare-raci-row"][data-activity="landing_zone"]').count(), 0);
});

test('a copy with another support level, up to four scenarios, and back to the models', async () => {
  // Co-Managed on Initial support: 969.00 + 350.00 = 1 319.00 a month,
  // raised to the 2 000.00 minimum (§9.2): 8 250 + 36 x 2 000 = 80 250,
  // of which 36 x 681.00 = 24 516.00 of complement.
  await byId('scenario-support').nth(1).selectOption('initial');
  const total = app.page.locator('[data-testid="compare-row"][data-figure="total"]');
  await expectText(total, /81 690,00 €.*80 250,00 €.*5 750,00 €/s);
  const p2 = app.page.locator('[data-testid="compare-guarantee"][data-row="p2"]');
  await expectText(p2, /24 h 24h\/24 7j\/7\s+Pas de SLA/);
  await expectText(app.page.locator('[data-testid="compare-row"][data-figure="minimum_complement"]'), /24 516,00 €/);
  await byId('scenario-add').click();
  assert.equal(await byId('scenario').count(), 4);
  assert.equal(await byId('scenario-add').isDisabled(), true, 'at most four scenarios');
  await expectText(total, /5 750,00 €.*5 750,00 €/s);
  if (shots) await app.page.screenshot({ path: path.join(shots, 'comparison.png'), fullPage: true });
  await byId('scenario-remove').last().click();
  assert.equal(await byId('scenario').count(), 3);
  await byId('scenario-reset').click();
  await expectText(total, /81 690,00 €.*80 250,00 €.*5 750,00 €/s);
  // The comparison is part of the quote: the proposal is unchanged.
  await byId('tab-proposal').click();
  await expectText(byId('total-commitment'), '81 690,00 €');
});
