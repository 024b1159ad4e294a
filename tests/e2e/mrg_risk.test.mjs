// The MRG risk (§9.4, issue 15) in the finance tab: with no uncertainty the
// draws show the MRG table's figures; an uncertainty moves them, the same
// seed gives the same figures and another seed others; a line certain to
// end leaves a known shortfall; bad input is refused in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, expectText, plain } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);
const figures = async () => plain(await byId('risk-table').innerText());

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  await app.page.setViewportSize({ width: 1280, height: 1000 });
  await byId('start-date').fill('2024-12-01');
  await byId('commitment').fill('24');
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill('10');
  await byId('tab-finance').click();
  await byId('mrg-risk').scrollIntoViewIfNeeded();
});

after(async () => {
  await app?.close();
  await server?.close();
});

test('with no uncertainty the draws show the MRG table', async () => {
  // G = 49 536.00, 19 814.40 a year; billed 24 768.00 in year 1: 125 %.
  await expectText(byId('risk-row').first(), /19 814,40 €/);
  assert.equal(await byId('risk-row').count(), 2);
  await expectText(byId('risk-row').first().getByTestId('risk-probability'), '0 %');
  await expectText(byId('risk-row').first().getByTestId('risk-expected'), '0,00 €');
  await expectText(byId('risk-row').first().getByTestId('risk-p50'), '125 %');
  await expectText(byId('risk-summary'), /10 000 tirages, graine 1 ; incertains : 0 ligne/);
  // A simulated year below its MRG: the same shortfall, in every draw.
  await byId('mrg-billed').first().fill('10000');
  await expectText(byId('mrg-shortfall').first(), /^9 814,40 €/);
  const year1 = byId('risk-row').first();
  await expectText(year1.getByTestId('risk-expected'), '9 814,40 €');
  await expectText(year1.getByTestId('risk-probability'), '100 %');
  await expectText(year1.getByTestId('risk-p5'), plain(await year1.getByTestId('risk-p95').innerText()));
  await byId('mrg-billed').first().fill('');
  await expectText(year1.getByTestId('risk-expected'), '0,00 €');
  assert.equal(await byId('risk-bar').count(), 1, 'every draw in one bar');
});

test('a line certain to end at the first anniversary leaves a known shortfall', async () => {
  // Year 2 bills the support alone, 10 800.00, plus the 4 953.60 carried:
  // 19 814.40 − 15 753.60 = 4 060.80 in every draw.
  await byId('risk-line-end').first().fill('100');
  const year2 = byId('risk-row').nth(1);
  await expectText(year2.getByTestId('risk-expected'), '4 060,80 €');
  await expectText(year2.getByTestId('risk-probability'), '100 %');
  await expectText(byId('risk-summary'), /incertains : 1 ligne/);
  await byId('risk-line-end').first().fill('');
  await expectText(year2.getByTestId('risk-expected'), '0,00 €');
});

test('an uncertainty moves the figures; the same seed gives the same ones', async () => {
  const certain = await figures();
  await byId('risk-line-down').first().fill('30');
  await byId('risk-line-up').first().fill('10');
  await byId('risk-line-end').first().fill('20');
  await expectText(byId('risk-total').getByTestId('risk-probability'), /^(?!0 %)\d/);
  const drawn = await figures();
  assert.notEqual(drawn, certain);
  const p5 = plain(await byId('risk-total').getByTestId('risk-p5').innerText());
  const p95 = plain(await byId('risk-total').getByTestId('risk-p95').innerText());
  assert.notEqual(p5, p95);
  assert.ok((await byId('risk-bar').count()) > 1, 'the draws spread over bars');
  await byId('risk-seed').fill('2');
  await expectText(byId('risk-summary'), /graine 2/);
  assert.notEqual(await figures(), drawn);
  await byId('risk-seed').fill('1');
  await expectText(byId('risk-summary'), /graine 1/);
  assert.equal(await figures(), drawn);
  // Nothing certain again: the table's figures.
  for (const part of ['down', 'up', 'end']) await byId(`risk-line-${part}`).first().fill('0');
  await expectText(byId('risk-table'), certain);
});

test('bad input is refused next to its field and keeps the last value', async () => {
  await byId('risk-line-end').first().fill('100');
  await expectText(byId('risk-row').nth(1).getByTestId('risk-expected'), '4 060,80 €');
  await byId('risk-line-end').first().fill('abc');
  await expectText(byId('risk-line-end-error').first(), /n'est pas un nombre/);
  await byId('risk-line-end').first().fill('150');
  await expectText(byId('risk-line-end-error').first(), /de 0 à 100/);
  await expectText(byId('risk-row').nth(1).getByTestId('risk-expected'), '4 060,80 €');
  await byId('risk-draws').fill('0');
  await expectText(byId('risk-draws-error'), /de 1 à 100000/);
  await byId('risk-draws').fill('1000');
  await expectText(byId('risk-summary'), /^1 000 tirages/);
  await byId('risk-line-end').first().fill('0');
});

test('an uncertainty applied to every line, and the reading in English', async () => {
  await byId('risk-all-down').fill('10');
  await byId('risk-all-end').fill('5');
  await byId('risk-apply-all').click();
  assert.equal(await byId('risk-line-down').first().inputValue(), '10');
  assert.equal(await byId('risk-line-end').first().inputValue(), '5');
  await expectText(byId('risk-summary'), /incertains : 1 ligne/);
  await byId('lang-en').click();
  await expectText(byId('risk-reading'), /compound year after year/);
  await expectText(byId('risk-summary'), /1,000 draws, seed 1; uncertain: 1 line/);
  await byId('lang-fr').click();
  assert.deepEqual(app.problems(), []);
});
