// The browser's refusals reach the user as sentences (issue 20): a full
// storage while saving, then saving again once there is room.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await byId('client').fill('Mutuelle Atlantique');
  await expectText(byId('save-status'), /Enregistré dans ce navigateur/);
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('a full storage is said in words, and saving resumes once there is room', async () => {
  // Fill this site's storage up to the browser's quota with filler keys.
  const filled = await app.page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    for (let size = chunk.length; size >= 16; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${n}`, chunk.slice(0, size));
          n += 1;
        } catch (e) {
          break;
        }
      }
    }
    return n;
  });
  assert.ok(filled > 0);
  await byId('client').fill('Mutuelle Atlantique et Associés, groupe');
  const status = byId('save-status');
  await expectText(status, /Enregistrement impossible\. L'espace de ce navigateur pour l'application est plein/);
  const text = await status.textContent();
  assert.doesNotMatch(text, /JsValue|QuotaExceededError|DOMException/);
  assert.match(text, /exportez/);

  await app.page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('filler-')) localStorage.removeItem(key);
    }
  });
  await byId('client').fill('Mutuelle Atlantique');
  await expectText(status, /Enregistré dans ce navigateur/);
  await app.page.reload();
  await byId('client').waitFor();
  assert.equal(await byId('client').inputValue(), 'Mutuelle Atlantique');
});

test('in English the same refusal is an English sentence', async () => {
  await byId('lang-en').click();
  await app.page.evaluate(() => {
    const chunk = 'y'.repeat(64 * 1024);
    let n = 0;
    for (let size = chunk.length; size >= 16; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${n}`, chunk.slice(0, size));
          n += 1;
        } catch (e) {
          break;
        }
      }
    }
  });
  await byId('client').fill('Atlantic Mutual and Partners, group');
  await expectText(byId('save-status'), /Cannot save\. This browser's space for the app is full; delete quotes/);
  await app.page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('filler-')) localStorage.removeItem(key);
    }
  });
});
