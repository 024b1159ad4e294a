// The RACI tab used as a person would, by keyboard first: the grid has one
// tab stop, arrows move, R/A/C/I toggle, Delete clears; rows are validated;
// edits are kept per model; the diff between two models.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, openApp, expectText, plain } from './harness.mjs';

let server;
let app;
const shots = process.env.SCREENSHOTS;
const byId = (id) => app.page.getByTestId(id);
const row = (activity) => app.page.locator(`[data-testid="raci-row"][data-activity="${activity}"]`);
const cellOf = (activity, party) => row(activity).locator(`[data-testid="raci-cell"][data-party="${party}"]`);
const focused = () => app.page.evaluate(() => {
  const el = document.activeElement;
  return el?.dataset?.testid === 'raci-cell' ? `${el.closest('tr').dataset.activity}/${el.dataset.party}` : null;
});

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('tab-raci').click();
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('defaults follow the model and the build model, each with its seed passage', async () => {
  await expectText(byId('raci-basis'), /Fully Managed.*No Build/);
  assert.equal(await byId('raci-row').count(), 25);
  await expectText(byId('raci-problem-count'), /Matrice valide/);
  await expectText(cellOf('monitoring_24x7', 'provider'), 'RA');
  await expectText(cellOf('iac', 'client'), 'RA');
  // The source shows on hover…
  await cellOf('patching_system', 'client').hover();
  await expectText(byId('raci-source'), /§5\.9\.2[\s\S]*Le Client valide l’application ou non des patchs|§5\.9\.2[\s\S]*Le Client valide l'application ou non des patchs/);
  await app.page.mouse.move(0, 0);
  // A Full Build line puts infrastructure as code on the provider (§4.1).
  await byId('tab-proposal').click();
  await byId('line-row').first().getByTestId('line-build').selectOption('full');
  await byId('tab-raci').click();
  await expectText(byId('raci-basis'), /Full Build/);
  await expectText(cellOf('iac', 'provider'), 'RA');
  await expectText(cellOf('iac', 'client'), 'C');
});

test('editing by keyboard only, with validation on the row', async () => {
  // Tab into the grid: the first cell has the only tab stop.
  await byId('raci-add-label').focus();
  await cellOf('landing_zone', 'client').focus();
  assert.equal(await focused(), 'landing_zone/client');
  // Down 7 rows to 24x7 monitoring, right to the provider.
  for (let i = 0; i < 7; i += 1) await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'monitoring_24x7/provider');
  assert.equal(await cellOf('monitoring_24x7', 'provider').getAttribute('tabindex'), '0');
  assert.equal(await cellOf('landing_zone', 'client').getAttribute('tabindex'), '-1');
  // The source follows the focus.
  await expectText(byId('raci-source'), /24x7 monitoring|Surveillance 24x7/);
  await expectText(byId('raci-source'), /§5\.9\.3/);
  // Remove the A: the row says why it is wrong.
  await app.page.keyboard.press('a');
  await expectText(cellOf('monitoring_24x7', 'provider'), 'R');
  await expectText(row('monitoring_24x7').getByTestId('raci-problem'), /Aucun A/);
  await expectText(byId('raci-problem-count'), /1 problème/);
  assert.equal(await focused(), 'monitoring_24x7/provider', 'focus stays on the edited cell');
  // Delete clears: no R either.
  await app.page.keyboard.press('Delete');
  await expectText(cellOf('monitoring_24x7', 'provider'), '');
  assert.equal(await row('monitoring_24x7').getByTestId('raci-problem').count(), 2);
  // R then A puts it back; it is no longer an edit.
  await app.page.keyboard.press('r');
  await app.page.keyboard.press('A');
  await expectText(cellOf('monitoring_24x7', 'provider'), 'RA');
  assert.equal(await row('monitoring_24x7').getByTestId('raci-problem').count(), 0);
  await expectText(byId('raci-edited-count'), /^0 /);
  // A real edit: the client is also informed → consulted on capacity.
  await app.page.keyboard.press('ArrowLeft');
  await app.page.keyboard.press('i');
  await app.page.keyboard.press('c');
  await expectText(cellOf('monitoring_24x7', 'client'), 'C');
  await expectText(byId('raci-edited-count'), /^1 /);
  if (shots) await app.page.screenshot({ path: path.join(shots, 'raci.png'), fullPage: true });
});

test('edits are kept per model: switching away and back restores them', async () => {
  await byId('tab-proposal').click();
  await byId('model').selectOption('co_managed');
  await byId('tab-raci').click();
  await expectText(byId('raci-basis'), /Co-Managed/);
  await expectText(cellOf('monitoring_24x7', 'client'), 'I');
  await byId('tab-proposal').click();
  await byId('model').selectOption('fully_managed');
  await byId('tab-raci').click();
  await expectText(cellOf('monitoring_24x7', 'client'), 'C');
  // Mouse editing through the panel, and back to the default.
  await cellOf('antivirus', 'client').click();
  await byId('raci-letter-R').click();
  await expectText(cellOf('antivirus', 'client'), 'RI');
  await byId('raci-default').click();
  await expectText(cellOf('antivirus', 'client'), 'I');
});

test('custom activities and the third party column', async () => {
  await byId('raci-add-label').fill('Revue FinOps mensuelle');
  await byId('raci-add').click();
  const custom = row('custom-1');
  await expectText(custom.locator('th'), /Revue FinOps mensuelle/);
  assert.equal(await custom.getByTestId('raci-problem').count(), 2);
  await cellOf('custom-1', 'client').focus();
  await app.page.keyboard.press('r');
  await app.page.keyboard.press('a');
  assert.equal(await custom.getByTestId('raci-problem').count(), 0);
  await byId('raci-third-party').check();
  await expectText(cellOf('support_l3_business', 'third_party'), 'R');
  await byId('raci-third-party-name').fill('Éditeur ERP');
  await expectText(byId('raci-table').locator('thead'), /Éditeur ERP/);
  await custom.getByTestId('raci-remove').click();
  assert.equal(await row('custom-1').count(), 0);
  await byId('raci-third-party').uncheck();
});

test('the diff between two models lists the cells that differ', async () => {
  await expectText(byId('raci-diff-a'), /Fully Managed/);
  const deploy = app.page.locator('[data-testid="raci-diff-row"][data-activity="deploy_software"]');
  assert.equal(await deploy.count(), 2);
  await expectText(deploy.first(), /Client\s+C\s+RA/);
  // The user's edit of Fully Managed shows in the diff too.
  await expectText(app.page.locator('[data-testid="raci-diff-row"][data-activity="monitoring_24x7"]'), /Client\s+C\s+I/);
  await byId('raci-diff-b').selectOption('fully_managed');
  await expectText(byId('raci-diff-none'), /Aucune différence/);
  await byId('raci-diff-b').selectOption('full_devops');
  const n = Number(plain(await byId('raci-diff-count').innerText()).split(' ')[0]);
  assert.ok(n > 20, `Full DevOps differs on most cells (${n})`);
});
