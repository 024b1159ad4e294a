// The finance rulings of SPEC §14 shown next to their figures: a line
// ordered later is a scope change of G, the initial contract (§9.4); the
// specific revision without an electricity value is said not computed
// (§9.3.2); both also in the printable proposal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const shots = process.env.SCREENSHOTS;
const byId = (id) => app.page.getByTestId(id);

async function addLine(item, qty) {
  await byId('add-item-select').selectOption(item);
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill(qty);
}

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('start-date').fill('2027-01-01');
  await byId('commitment').fill('36');
  await addLine('OS-MGD', '20');
  // 10 OS-MGD more, ordered a year after signature.
  await addLine('OS-MGD', '10');
  await byId('line-row').last().getByTestId('line-ordered-on').fill('2028-01-01');
  await byId('tab-finance').click();
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('a later order is a scope change of G, the initial contract, and raises the MRG above 15 %', async () => {
  // §9.4: G = 36 x (20 x 114.00 + 900.00) = 114 480.00 (without the order);
  // the order adds 24 x 10 x 116.40 = 27 936.00 = 24.4 % of G: the MRG
  // rises by 0.8 x 27 936.00 = 22 348.80 to 113 932.80.
  await expectText(byId('mrg-g'), '114 480,00 €');
  await expectText(byId('mrg-global'), '91 584,00 €');
  await expectText(byId('mrg-global-final'), '113 932,80 €');
  const row = byId('scope-effect-row');
  assert.equal(await row.count(), 1);
  await expectText(row, /Commande ultérieure : OS managé \(OS-MGD, ligne 2\)/);
  await expectText(row.getByTestId('scope-effect-text'), '24,4 % de G : au-delà de 15 %, le MRG global augmente de 22 348,80 € (§9.4)');
});

test('without an electricity value the specific revision is said not computed, next to the prices', async () => {
  // §9.3.2: SEC-FW needs physical hosting; the built-in book has no
  // electricity value: the revised cells carry † and the note says why.
  await byId('tab-proposal').click();
  await addLine('SEC-FW', '1');
  await byId('tab-finance').click();
  await expectText(byId('revision-specific-state'), /Révision spécifique non calculée \(§9\.3\.2\) au 01\/01\/2028, 01\/01\/2029 : aucune valeur, même à projeter, de l'indice électricité/);
  await expectText(byId('revision-cell-specific-missing').first(), /†$/);
  await expectText(byId('clauses-fr'), /Révision spécifique non calculée/);
  if (shots) await app.page.screenshot({ path: path.join(shots, 'finance-rulings.png'), fullPage: true });
});

test('the proposal lists the scope change and the specific revision state', async () => {
  await byId('open-proposal').click();
  await expectText(byId('proposal-scope-row'), /OS-MGD.*27 936,00 €.*le MRG global augmente de 22 348,80 €/s);
  await expectText(byId('proposal-clauses'), /Révision spécifique non calculée \(§9\.3\.2\)/);
  await byId('proposal-back').click();
});
