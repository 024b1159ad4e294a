// No input can make the app unusable (issue 19): a stored quote the engine
// could not compute, a hostile file, a tampered or oversized link, a value
// out of bounds typed in a field, English number entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);

// The quote of finding 1: two milestones of 5e28 % (an overflow that used
// to trap the wasm at every visit once stored).
const hostile = async () => {
  const q = JSON.parse(await fs.readFile(new URL('../../examples/build-milestones-lots.json', import.meta.url), 'utf8'));
  q.build_billing.lots[0].percent = '50000000000000000000000000000';
  q.build_billing.lots[1].percent = '50000000000000000000000000000';
  q.client = 'Client hostile';
  return q;
};

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await byId('client').fill('Mon travail');
  await expectText(byId('save-status'), /Enregistré dans ce navigateur/);
});

after(async () => {
  assert.deepEqual((app?.problems() ?? []).filter((p) => !p.includes('404')), []);
  await app?.close();
  await server?.close();
});

test('a stored quote out of bounds, current at start: an empty quote opens, the other is listed with why, untouched', async () => {
  const raw = JSON.stringify({ revision: 1, saved_at: '2026-12-01T10:00:00Z', quote: await hostile() });
  await app.page.evaluate((raw) => {
    localStorage.setItem('cloudquote.quote.q50', raw);
    localStorage.setItem('cloudquote.current', 'q50');
  }, raw);
  await app.page.reload();
  await byId('total-commitment').waitFor();
  await expectText(byId('notices'), /Le devis « q50 » ne peut pas être ouvert : Lot de build 1, pourcentage : .* est hors limites \(de 0 à 100\)/);
  assert.notEqual(await byId('client').inputValue(), 'Client hostile');
  const option = byId('library-select').locator('option[data-failing="true"]');
  await expectText(option, /⚠.*ne peut pas être ouvert/);
  // Picking it says why and keeps the open quote.
  const before = await byId('client').inputValue();
  await byId('library-select').selectOption('q50');
  await expectText(byId('notices'), /Ce devis ne peut pas être ouvert/);
  assert.equal(await byId('client').inputValue(), before);
  assert.equal(await app.page.evaluate(() => localStorage.getItem('cloudquote.quote.q50')), raw);
  // The app is usable: the other quotes open and edits save.
  await byId('library-select').selectOption({ label: 'Mon travail' }).catch(async () => {
    const labels = await byId('library-select').locator('option').allTextContents();
    await byId('library-select').selectOption({ label: labels.find((l) => !l.includes('⚠')) });
  });
  await byId('project').fill('Toujours utilisable');
  await expectText(byId('save-status'), /Enregistré dans ce navigateur/);
  await app.page.evaluate(() => localStorage.removeItem('cloudquote.quote.q50'));
});

test('a hostile file is refused with a located message, the open quote unchanged', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cq-hostile-'));
  const file = path.join(dir, 'hostile.json');
  await fs.writeFile(file, JSON.stringify(await hostile()));
  const before = await byId('client').inputValue();
  await byId('import-quote').setInputFiles(file);
  await expectText(byId('notices'), /Fichier refusé « hostile\.json » : Lot de build 1, pourcentage : .* est hors limites \(de 0 à 100\)\..*Le devis ouvert n'a pas changé/);
  assert.equal(await byId('client').inputValue(), before);
});

test('a link too long, or with data after it, is refused in words', async () => {
  await byId('share-link').click();
  const link = await byId('share-url').inputValue();
  await app.page.goto('about:blank');
  await app.page.goto(`${link}AAAA`);
  await byId('total-commitment').waitFor();
  await expectText(byId('notices'), /lien/i);
  const text = await byId('notices').textContent();
  assert.doesNotMatch(text, /Adler32|HasMoreOutput|FailedDecompression|InvalidByte/);
  await app.page.goto('about:blank');
  await app.page.goto(`${server.url}#q1.${'A'.repeat(17000)}`);
  await byId('total-commitment').waitFor();
  await expectText(byId('notices'), /16 ?000|16,000/);
});

test('a value out of bounds typed in a field is not stored; the message is located; the last version opens again', async () => {
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill('3');
  await expectText(byId('save-status'), /Enregistré dans ce navigateur/);
  await byId('line-row').last().getByTestId('line-qty').fill('2000000');
  await expectText(byId('save-status'), /Enregistrement impossible\. Ligne 1, quantité : 2\s?000\s?000 est hors limites \(de 0 à 1\s?000\s?000\)\. La dernière version enregistrée est gardée/);
  await app.page.reload();
  await byId('total-commitment').waitFor();
  assert.equal(await byId('line-row').last().getByTestId('line-qty').inputValue(), '3');
});

test('in English, 1,000 is one thousand', async () => {
  await byId('lang-en').click();
  await byId('line-row').last().getByTestId('line-qty').fill('1,000');
  await expectText(byId('line-row').last().getByTestId('line-amount'), /114,000\.00/);
  await byId('line-row').last().getByTestId('line-qty').fill('1,00');
  await expectText(byId('line-row').last().getByTestId('line-qty-error'), /.+/);
  await byId('lang-fr').click();
});
