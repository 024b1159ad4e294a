// The service-levels tab used as a person would: what applies, the credit
// simulator of a month (§8.5), the helpers and seed 003's catalogue.
//
// Workload: signed 2027-01-01 for 12 months, access fee waived, production at
// Standard: 10 OS-MGD (1 200,00 € a month) and 1 K8S-MGD (950,00 €), support
// 900,00 €; the simulated month (January 2027) has 31 days = 44 640 minutes.
// Both lines are No Build and already onboarded (§4.1: taken over from an
// earlier contract), so they carry the guarantees; the managed functions
// (§10) are "OS managé" (line 1) and "Kubernetes" (line 2).
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
  await byId('commitment').fill('12');
  await byId('access-fee-waived').check();
  for (const [item, qty] of [['OS-MGD', '10'], ['K8S-MGD', '1']]) {
    await byId('add-item-select').selectOption(item);
    await byId('add-item-button').click();
    await byId('line-row').last().getByTestId('line-qty').fill(qty);
    // §4.1: No Build is flagged next to the line until it is onboarded.
    await expectText(byId('line-row').last().getByTestId('line-issue'), /la ressource n'est pas managée/);
    await byId('line-row').last().getByTestId('line-onboarded').check();
    await expectText(byId('line-row').last().getByTestId('line-issue'), '');
  }
  await byId('tab-guarantees').click();
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('the table shows what applies to each environment, and Full DevOps has none', async () => {
  const table = byId('guarantees-table');
  await expectText(byId('guarantee-env').first(), /Production\s*Standard/);
  await expectText(table.locator('[data-row="gtd"] td').first(), '99,5 %');
  await expectText(table.locator('[data-row="gtd_k8s"] td').first(), '99,9 %');
  await expectText(table.locator('[data-row="p1"] td').first(), '8 h 24h/24 7j/7');
  await expectText(table.locator('[data-row="p3"] td').first(), '48 h ouvrées (9h–18h)');
  assert.ok(!plain(await byId('guarantee-conditions').innerText()).includes('§8.4.4'));

  await byId('tab-proposal').click();
  await byId('model').selectOption('co_managed');
  await byId('tab-guarantees').click();
  await expectText(byId('guarantee-conditions'), /§8\.4\.4 a/);

  await byId('tab-proposal').click();
  await byId('model').selectOption('full_devops');
  await byId('tab-guarantees').click();
  await expectText(byId('guarantees-none'), /Full DevOps/);
  assert.equal(await byId('guarantees-table').count(), 0);

  await byId('tab-proposal').click();
  await byId('model').selectOption('fully_managed');
  await byId('tab-guarantees').click();
  await byId('guarantees-table').waitFor();
});

test('a month of outages, incidents and changes gives the credits clause by clause', async () => {
  // §8.5.2: OS-MGD down 700 min: 98.43 % against 99.5 %, gap 1.07 points -> 5 % of 1 200,00.
  await byId('sla-fn-add').click();
  const fn = byId('sla-fn').first();
  await fn.getByTestId('sla-fn-minutes').fill('700');
  await expectText(fn.getByTestId('sla-fn-credit'), '60,00 €');
  await expectText(byId('sla-total'), '60,00 €');

  // A letter in a field is refused there; the simulation keeps its value.
  await fn.getByTestId('sla-fn-minutes').fill('7OO');
  await expectText(byId('sla-fn-minutes-error'), /n'est pas un nombre/);
  await expectText(byId('sla-total'), '60,00 €');
  await fn.getByTestId('sla-fn-minutes').fill('700');

  // More excluded minutes than the outage: a located error, nothing lost.
  await fn.getByTestId('sla-fn-iaas').fill('800');
  await expectText(byId('sla-error'), /Interruption 1/);
  await expectText(fn.getByTestId('sla-row-error'), /dépassent/);
  await fn.getByTestId('sla-fn-iaas').fill('100');
  // §8.4.6: 600 min counted -> gap 0.84 point -> 2 %.
  await expectText(byId('sla-total'), '24,00 €');
  await fn.getByTestId('sla-fn-iaas').fill('0');
  await expectText(byId('sla-total'), '60,00 €');

  // §8.5.3 and §8.4.10: one late P1 incident on that function. Alone it
  // would earn 1 / 5 = 20 % -> 2 % of 2 150,00 = 43,00; the higher (GTD 60,00) applies.
  await byId('sla-inc-add').click();
  const inc = byId('sla-inc').first();
  await inc.getByTestId('sla-inc-line').selectOption({ index: 1 });
  await inc.getByTestId('sla-inc-hours').fill('10');
  await expectText(inc.getByTestId('sla-inc-status'), 'hors délai');
  await expectText(byId('sla-higher-of'), /le plus élevé s'applique : GTD/);
  await expectText(byId('sla-total'), '60,00 €');
  // Unlinked, both clauses pay.
  await inc.getByTestId('sla-inc-line').selectOption({ index: 0 });
  await expectText(byId('sla-gtr-total'), '43,00 €');
  await expectText(byId('sla-total'), '103,00 €');

  // §8.5.4: a complex accelerated change (3 tokens x2, off hours x2 = 12 x
  // 55,00 = 660,00) done in 37 h against 36 h earns 330,00; the 15 % cap of
  // 3 050,00 = 457,50 binds.
  await byId('sla-chg-add').click();
  const chg = byId('sla-chg').first();
  await chg.getByTestId('sla-chg-tokens').fill('3');
  await chg.getByTestId('sla-chg-accelerated').check();
  await chg.getByTestId('sla-chg-off-hours').check();
  await chg.getByTestId('sla-chg-hours').fill('37');
  await expectText(chg.getByTestId('sla-chg-credit'), '330,00 €');
  await expectText(byId('sla-subtotal'), '433,00 €');
  await expectText(byId('sla-total'), '433,00 €');
  await byId('sla-fn').first().getByTestId('sla-fn-minutes').fill('2000');
  await expectText(byId('sla-subtotal'), '493,00 €');
  await expectText(byId('sla-cap'), /457,50 €[\s\S]*atteint/);
  await expectText(byId('sla-total'), '457,50 €');

  // §8.4.3: marked non-production, OS-MGD earns nothing and leaves the GTR base.
  await byId('sla-unit-production').first().uncheck();
  await expectText(byId('sla-fn').first().getByTestId('sla-fn-credit'), '0,00 €');
  if (shots) await app.page.screenshot({ path: path.join(shots, 'guarantees.png'), fullPage: true });
  await byId('sla-unit-production').first().check();
  await expectText(byId('sla-total'), '457,50 €');

  // The simulation is part of the quote: it survives a visit to another tab.
  await byId('tab-proposal').click();
  await byId('tab-guarantees').click();
  await expectText(byId('sla-total'), '457,50 €');
  assert.equal(await byId('sla-fn-minutes').inputValue(), '2000');
});

test('an outage is entered for a managed function, and a No Build unit carries no guarantee', async () => {
  // §10: the functions of the quote, with their units and GTD.
  const functions = byId('guarantee-function');
  assert.equal(await functions.count(), 2);
  await expectText(functions.nth(0), /OS managé\s*#1 OS-MGD\s*99,5 %/);
  await expectText(functions.nth(1), /Kubernetes managé avec Caascad\s*#2 K8S-MGD\s*99,9 %/);
  await expectText(byId('sla-unit-function').first(), /OS managé\s*base GTD 1 200,00 €/);

  // A second outage goes to the next function not entered: Kubernetes,
  // 99.9 % (§8.5.2): 45 min down -> gap 0.0008 point -> 2 % of 950,00 = 19,00.
  await byId('sla-fn-add').click();
  const k8s = byId('sla-fn').nth(1);
  assert.equal(await k8s.getByTestId('sla-fn-function').inputValue(), 'kubernetes');
  await k8s.getByTestId('sla-fn-minutes').fill('45');
  await expectText(k8s.getByTestId('sla-fn-credit'), '19,00 €');
  await expectText(k8s.getByTestId('sla-fn-base'), /950,00 € \(#2\)/);
  // The same function twice is refused on the row, nothing lost.
  await k8s.getByTestId('sla-fn-function').selectOption('os');
  await expectText(k8s.getByTestId('sla-row-error'), /saisie deux fois/);
  await k8s.getByTestId('sla-fn-function').selectOption('kubernetes');
  await expectText(k8s.getByTestId('sla-fn-credit'), '19,00 €');

  // §4.1: the cluster no longer onboarded is not managed: no guarantee.
  await byId('tab-proposal').click();
  await byId('line-row').nth(1).getByTestId('line-onboarded').uncheck();
  await expectText(byId('line-row').nth(1).getByTestId('line-issue'), /No Build/);
  await byId('tab-guarantees').click();
  await expectText(byId('guarantee-function').nth(1).getByTestId('guarantee-function-gtd'), 'aucune');
  await expectText(byId('guarantee-function-note').first(), /§4\.1[\s\S]*#2 K8S-MGD/);
  await expectText(byId('sla-unit-not-managed'), /non managée/);
  await expectText(byId('sla-fn').nth(1).getByTestId('sla-fn-credit'), '0,00 €');
  await expectText(byId('sla-fn').nth(1), /§4\.1/);
  if (shots) await app.page.screenshot({ path: path.join(shots, 'guarantees-functions.png'), fullPage: true });

  // Back as it was.
  await byId('tab-proposal').click();
  await byId('line-row').nth(1).getByTestId('line-onboarded').check();
  await byId('tab-guarantees').click();
  await byId('sla-fn').nth(1).getByRole('button', { name: 'Retirer' }).click();
  assert.equal(await byId('sla-fn').count(), 1);
});

test('helpers: allowed downtime, deadlines in covered hours, seed 003', async () => {
  await byId('downtime-percent').fill('99,9');
  await expectText(byId('downtime-month'), '43 min 12 s');
  await expectText(byId('downtime-year'), '8 h 45 min 36 s');
  await byId('downtime-percent').fill('abc');
  await expectText(byId('downtime-percent-error'), /n'est pas un nombre/);
  await expectText(byId('downtime-month'), '43 min 12 s');

  // P3 in production at Standard (48 business hours) opened Friday 7 May
  // 2027 at 17:00: Whit Monday 17 May is skipped -> Tuesday 18 May, 11:00.
  await byId('deadline-start').fill('2027-05-07T17:00');
  await byId('deadline-kind').selectOption('p3');
  await expectText(byId('deadline-result'), /18\/05\/2027 11:00/);
  await byId('deadline-kind').selectOption('p1');
  await expectText(byId('deadline-result'), /08\/05\/2027 01:00/);
  await byId('deadline-env').selectOption('development');
  await expectText(byId('deadline-result'), /n'est pas souscrit/);

  await byId('catalogue-003-toggle').click();
  const offers = byId('catalogue-003-offer');
  assert.equal(await offers.count(), 3);
  await expectText(offers.nth(1).locator('td').first(), '4 h ouvrées (9h–19h)');
});
