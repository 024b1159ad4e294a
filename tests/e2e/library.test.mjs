// The proposal workflow (issue 6) used as a person would: autosave and
// reload, the library (new, rename, duplicate, delete and undo), undo/redo,
// share links in a fresh browser, bad links and files, two tabs, damaged
// storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { serveDist, openApp, expectText, plain } from './harness.mjs';

let server;
let app;
const shots = process.env.SCREENSHOTS;
const byId = (id) => app.page.getByTestId(id);
const others = [];

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('client').fill('Mutuelle Atlantique');
  await byId('start-date').fill('2027-01-01');
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill('10');
  // 36 months: 10 x 114.00 + 900.00 support = 2 040.00 a month, access fee 2 500.00.
  await expectText(byId('total-commitment'), '75 940,00 €');
});

after(async () => {
  for (const other of others) {
    assert.deepEqual(other.problems().filter((p) => !p.includes('404')), []);
    await other.close();
  }
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('every change is saved: a reload gives the same quote', async () => {
  await expectText(byId('save-status'), /Enregistré dans ce navigateur/);
  await app.page.reload();
  await byId('total-commitment').waitFor();
  await expectText(byId('total-commitment'), '75 940,00 €');
  assert.equal(await byId('client').inputValue(), 'Mutuelle Atlantique');
  assert.equal(await byId('line-row').count(), 1);
});

test('undo and redo, by button and keyboard', async () => {
  await byId('line-row').first().getByTestId('line-qty').fill('12');
  await expectText(byId('total-commitment'), '84 148,00 €');
  await byId('undo').click();
  await expectText(byId('total-commitment'), '75 940,00 €');
  // The editors show the restored value.
  assert.equal(await byId('line-row').first().getByTestId('line-qty').inputValue(), '10');
  await byId('redo').click();
  await expectText(byId('total-commitment'), '84 148,00 €');
  await app.page.locator('body').click({ position: { x: 5, y: 300 } });
  await app.page.keyboard.press('Control+z');
  await expectText(byId('total-commitment'), '75 940,00 €');
  assert.equal(await byId('redo').isDisabled(), false);
});

test('the library: new, rename, switch, duplicate, delete and undo the deletion', async () => {
  await byId('library-name').fill('Portail adhérents');
  await byId('library-name').press('Enter');
  await byId('library-new').click();
  // A new quote: access fee 2 500.00 + Standard support 36 x 900.00.
  await expectText(byId('total-commitment'), '74 500,00 €');
  assert.equal(await byId('line-row').count(), 0);
  assert.equal(await byId('library-select').locator('option').count(), 2);
  await byId('library-select').selectOption({ label: 'Portail adhérents' });
  await expectText(byId('total-commitment'), '75 940,00 €');
  await byId('library-duplicate').click();
  await expectText(byId('library-select').locator('option:checked'), 'Portail adhérents (copie)');
  await byId('library-delete').click();
  await expectText(byId('notice').last(), /Devis supprimé : « Portail adhérents \(copie\) »/);
  assert.equal(await byId('library-select').locator('option').count(), 2);
  await byId('notice').last().getByTestId('notice-restore').click();
  assert.equal(await byId('library-select').locator('option').count(), 3);
  await expectText(byId('library-select').locator('option:checked'), 'Portail adhérents (copie)');
  await expectText(byId('total-commitment'), '75 940,00 €');
  if (shots) await app.page.screenshot({ path: path.join(shots, 'library.png') });
});

test('a share link opens the same quote in a fresh browser; a damaged one changes nothing', async () => {
  await byId('share-link').click();
  const url = await byId('share-url').inputValue();
  assert.match(url, /#q1\./);
  const fresh = await openApp(url);
  others.push(fresh);
  await expectText(fresh.page.getByTestId('total-commitment'), '75 940,00 €');
  assert.equal(await fresh.page.getByTestId('client').inputValue(), 'Mutuelle Atlantique');
  await expectText(fresh.page.getByTestId('library-select').locator('option:checked'), /\(lien\)/);
  assert.ok(!fresh.page.url().includes('#q1.'), 'the fragment is cleared once read');

  // The same browser, a tampered link: an error, and the work is still there.
  const tampered = url.slice(0, -12) + 'AAAAAAAAAAAA';
  await fresh.page.goto(tampered);
  await fresh.page.reload();
  await fresh.page.getByTestId('total-commitment').waitFor();
  await expectText(fresh.page.getByTestId('notice').first(), /Le lien est abîmé ou a été modifié/);
  await expectText(fresh.page.getByTestId('total-commitment'), '75 940,00 €');
  assert.equal(await fresh.page.getByTestId('library-select').locator('option').count(), 1);
});

test('export then import a quote file; a bad file is refused with its place', async () => {
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    byId('export-quote').click(),
  ]);
  const file = await download.path();
  const json = JSON.parse(await fs.readFile(file, 'utf8'));
  assert.equal(json.client, 'Mutuelle Atlantique');
  assert.equal(json.schema_version, 3);

  const before = await byId('library-select').locator('option').count();
  await byId('import-quote').setInputFiles({ name: 'casse.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 2,\n "client": }') });
  await expectText(byId('notice').last(), /Fichier refusé « casse\.json ».*line 2 column/);
  assert.equal(await byId('library-select').locator('option').count(), before);
  await expectText(byId('total-commitment'), '75 940,00 €');

  json.client = 'Importé SA';
  await byId('import-quote').setInputFiles({ name: 'importe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await expectText(byId('library-select').locator('option:checked'), 'importe');
  assert.equal(await byId('client').inputValue(), 'Importé SA');

  const [csv] = await Promise.all([
    app.page.waitForEvent('download'),
    (async () => { await app.page.locator('details.exports summary').click(); await byId('export-lines-csv').click(); })(),
  ]);
  const text = await fs.readFile(await csv.path(), 'utf8');
  assert.match(text, /OS-MGD/);
  assert.match(text, /;/);
});

test('two tabs on the same quote never overwrite each other silently', async () => {
  const second = await app.page.context().newPage();
  await second.goto(server.url);
  await second.getByTestId('total-commitment').waitFor();
  await second.getByTestId('client').fill('Changé dans l’onglet 2');
  await expectText(byId('conflict'), /modifié dans un autre onglet/);
  // This tab's edits are not written while the conflict stands.
  await byId('client').fill('Changé dans l’onglet 1');
  await byId('conflict-theirs').click();
  assert.equal(await byId('client').inputValue(), 'Changé dans l’onglet 2');
  assert.equal(await byId('conflict').count(), 0);
  await second.close();
});

test('damaged storage: what reads is recovered, the rest set aside and reported', async () => {
  await app.page.evaluate(() => {
    localStorage.setItem('cloudquote.quote.q99', '{"revision": 1, "quote": {"schema_version": 2, "client": 7}}');
    localStorage.setItem('cloudquote.library.v1', '{"version":1,"entries":[{"id":"q1"}]}');
  });
  await app.page.reload();
  await byId('total-commitment').waitFor();
  await expectText(byId('notices'), /Données illisibles dans « cloudquote\.quote\.q99 »/);
  const aside = await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cloudquote.aside.')));
  assert.ok(aside.some((k) => k.endsWith('.q99')), `kept aside: ${aside}`);
  assert.ok((await byId('library-select').locator('option').count()) >= 3, 'the readable quotes are still listed');
});
