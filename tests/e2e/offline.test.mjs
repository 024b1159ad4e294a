// Offline (issue 6): after the first visit the app works with the network
// off; a Content-Security-Policy allows the app's own origin only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('the page declares a policy limited to its own origin', async () => {
  const policy = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /connect-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline|https?:/);
});

test('after the first visit the app works with the network off', async () => {
  await app.page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await byId('start-date').fill('2027-01-01');
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill('10');
  await expectText(byId('total-commitment'), '75 940,00 €');
  await app.page.context().setOffline(true);
  await server.close();
  await app.page.reload();
  await byId('total-commitment').waitFor();
  // The saved quote is back, priced by the cached engine.
  await expectText(byId('total-commitment'), '75 940,00 €');
  await byId('line-row').last().getByTestId('line-qty').fill('12');
  await expectText(byId('total-commitment'), '84 148,00 €');
  await app.page.context().setOffline(false);
});
