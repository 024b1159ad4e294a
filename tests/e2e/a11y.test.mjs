// Accessibility (issue 6): axe-core run in the browser on every screen, with
// no serious or critical violation; keyboard reachability of the main tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, openApp, expectText } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server;
let app;
let axeSource;
const byId = (id) => app.page.getByTestId(id);

before(async () => {
  axeSource = await fs.readFile(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('start-date').fill('2027-01-01');
  for (const [item, qty] of [['OS-MGD', '10'], ['K8S-MGD', '1'], ['DEVOPS-EXP', '5']]) {
    await byId('add-item-select').selectOption(item);
    await byId('add-item-button').click();
    await byId('line-row').last().getByTestId('line-qty').fill(qty);
  }
  // Injected through the debugging protocol, which the page's CSP does not govern.
  await app.page.evaluate(axeSource);
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

async function serious(where) {
  const result = await app.page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('no serious or critical axe violation on any screen', async () => {
  const found = [];
  for (const tab of ['proposal', 'build', 'support', 'tokens', 'schedule', 'finance', 'raci', 'guarantees', 'compare', 'pricebook']) {
    await byId(`tab-${tab}`).click();
    await app.page.waitForTimeout(50);
    found.push(...await serious(tab));
  }
  await byId('tab-guarantees').click();
  await byId('sla-fn-add').click();
  await byId('sla-inc-add').click();
  await byId('sla-chg-add').click();
  await byId('catalogue-003-toggle').click();
  found.push(...await serious('guarantees with a simulation'));
  await byId('open-proposal').click();
  await byId('proposal').waitFor();
  found.push(...await serious('printable proposal'));
  await byId('proposal-back').click();
  assert.deepEqual(found, []);
});

test('the tabs are reachable and usable by keyboard', async () => {
  await byId('tab-proposal').focus();
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.press('Shift+Tab');
  await app.page.keyboard.press('Enter');
  await expectText(byId('tab-proposal'), /Proposition/);
  assert.equal(await byId('tab-proposal').getAttribute('aria-selected'), 'true');
});
