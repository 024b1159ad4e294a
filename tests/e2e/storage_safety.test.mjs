// Nothing a user opens can lose their work (issue 19): storage at its
// quota while deleting, undoing, importing and opening a link with its own
// price book; an unreadable record that cannot be copied aside; two tabs
// saving at the same moment, 50 times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);

/** Fills this site's storage up to the quota; returns the filler count. */
const fill = (page) => page.evaluate(() => {
  const chunk = 'x'.repeat(512 * 1024);
  let n = Object.keys(localStorage).filter((k) => k.startsWith('filler-')).length;
  for (let size = chunk.length; size >= 8; size = Math.floor(size / 2)) {
    for (;;) {
      try { localStorage.setItem(`filler-${n}`, chunk.slice(0, size)); n += 1; } catch { break; }
    }
  }
  return n;
});
const unfill = (page) => page.evaluate(() => {
  for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
});
const stored = (page, prefix) => page.evaluate((p) => Object.fromEntries(
  Object.entries(localStorage).filter(([k]) => k.startsWith(p))), prefix);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('client').fill('Premier client');
  await byId('library-new').click();
  await byId('client').fill('Second client');
  await expectText(byId('save-status'), /Enregistré dans ce navigateur/);
});

after(async () => {
  await unfill(app.page).catch(() => {});
  assert.deepEqual((app?.problems() ?? []).filter((p) => !p.includes('404')), []);
  await app?.close();
  await server?.close();
});

test('at the quota, Undo of a deletion that cannot be written keeps the quote, offers it as a file, and works once there is room', async () => {
  await byId('library-delete').click();
  await expectText(byId('notices'), /Devis supprimé : « Second client »|Devis supprimé/);
  await fill(app.page);
  await byId('notice-restore').last().click();
  await expectText(byId('notices'), /Impossible de rétablir/);
  // The deletion notice is still there, with its quote.
  assert.equal(await byId('notice-restore').count(), 1);
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    byId('notice-export').click(),
  ]);
  const file = await fs.readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(file).client, 'Second client');
  await unfill(app.page);
  await byId('notice-restore').click();
  await expectText(byId('library-select').locator('option[selected]'), /Nouveau devis/);
  assert.equal(await byId('client').inputValue(), 'Second client');
  const quotes = await stored(app.page, 'cloudquote.quote.');
  assert.ok(Object.values(quotes).some((raw) => raw.includes('Second client')), 'the quote is stored again');
});

test('at the quota, an import stays open in memory and the status says it is not saved, with the way out', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cq-import-'));
  const json = await fs.readFile(new URL('../../examples/specific-lines.json', import.meta.url), 'utf8');
  const file = path.join(dir, 'import-full.json');
  await fs.writeFile(file, json);
  await fill(app.page);
  await byId('import-quote').setInputFiles(file);
  await expectText(byId('save-status'), /Enregistrement impossible\. L'espace de ce navigateur pour l'application est plein.*exportez/);
  assert.equal(await byId('client').inputValue(), JSON.parse(json).client);
  await unfill(app.page);
  // The next edit saves it.
  await byId('project').fill('Projet importé');
  await expectText(byId('save-status'), /Enregistré dans ce navigateur/);
  const quotes = await stored(app.page, 'cloudquote.quote.');
  assert.ok(Object.values(quotes).some((raw) => raw.includes('Projet importé')));
});

test('an unreadable record that cannot be copied aside is left in place, and the notice says so', async () => {
  await app.page.evaluate(() => localStorage.setItem('cloudquote.quote.q77', '{"revision": 1, "quote": "damaged"'));
  await fill(app.page);
  await app.page.reload();
  await byId('total-commitment').waitFor();
  await expectText(byId('notices'), /Données illisibles dans « cloudquote\.quote\.q77 ».*restent donc où elles sont, intactes/);
  const raw = await app.page.evaluate(() => localStorage.getItem('cloudquote.quote.q77'));
  assert.equal(raw, '{"revision": 1, "quote": "damaged"');
  await unfill(app.page);
  await app.page.reload();
  await byId('total-commitment').waitFor();
  await expectText(byId('notices'), /Données illisibles dans « cloudquote\.quote\.q77 ».*mises de côté sous/);
  assert.equal(await app.page.evaluate(() => localStorage.getItem('cloudquote.quote.q77')), null);
  const aside = await stored(app.page, 'cloudquote.aside.');
  assert.ok(Object.values(aside).includes('{"revision": 1, "quote": "damaged"'));
});

test('at the quota, a link with its own book uses it for this visit and leaves the user book saved', async () => {
  // The user's book: the built-in one with OS-MGD at 130.
  await byId('tab-pricebook').click();
  await app.page.locator('[data-testid="pricebook-item"][data-code="OS-MGD"]').getByTestId('pricebook-item-price').fill('130');
  await byId('pricebook-version').fill('2027.1-a');
  await byId('pricebook-apply').click();
  await expectText(byId('pricebook-status'), /v2027\.1-a/);
  await byId('share-link').click();
  const link = await byId('share-url').inputValue();
  // Another book of the user's replaces it.
  await app.page.locator('[data-testid="pricebook-item"][data-code="OS-MGD"]').getByTestId('pricebook-item-price').fill('140');
  await byId('pricebook-version').fill('2027.1-b');
  await byId('pricebook-apply').click();
  await expectText(byId('pricebook-status'), /v2027\.1-b/);
  const mine = await app.page.evaluate(() => localStorage.getItem('cloudquote.pricebook.v1'));
  assert.match(mine, /2027\.1-b/);
  await fill(app.page);
  await app.page.goto('about:blank');
  await app.page.goto(link);
  await byId('total-commitment').waitFor();
  await expectText(byId('notices'), /pour cette visite seulement.*Votre grille reste enregistrée, inchangée/);
  await expectText(byId('pricebook-label'), /v2027\.1-a/);
  assert.equal(await app.page.evaluate(() => localStorage.getItem('cloudquote.pricebook.v1')), mine);
  await unfill(app.page);
  await app.page.reload();
  await byId('total-commitment').waitFor();
  await expectText(byId('pricebook-label'), /v2027\.1-b/);
});

test('two tabs saving at the same moment never lose an edit silently (50 rounds)', async () => {
  await byId('tab-proposal').click();
  const second = await app.page.context().newPage();
  await second.goto(server.url);
  await second.getByTestId('total-commitment').waitFor();
  const tabs = [app.page, second];
  for (let round = 0; round < 50; round += 1) {
    const values = [`Onglet A ${round}`, `Onglet B ${round}`];
    await Promise.all(tabs.map((p, i) => p.getByTestId('client').evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, values[i])));
    // Let both saves and the storage events settle.
    await new Promise((r) => setTimeout(r, 150));
    const current = await app.page.evaluate(() => localStorage.getItem('cloudquote.current'));
    const raw = await app.page.evaluate((id) => localStorage.getItem(`cloudquote.quote.${id}`), current);
    const client = JSON.parse(raw).quote.client;
    assert.ok(values.includes(client), `round ${round}: stored ${client}`);
    for (let i = 0; i < 2; i += 1) {
      if (values[i] === client) continue;
      // This tab's edit is not the stored one: it must say so.
      await expectText(tabs[i].getByTestId('conflict'), /modifié dans un autre onglet/);
    }
    for (const p of tabs) {
      if (await p.getByTestId('conflict').count()) await p.getByTestId('conflict-theirs').click();
    }
    for (const p of tabs) assert.equal(await p.getByTestId('client').inputValue(), client, `round ${round}`);
  }
  await second.close();
});
