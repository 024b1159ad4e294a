// The screens loaded on demand (issue 18): the quote screen comes with the
// first load; finance, RACI, service levels, comparison, portfolio, price
// book and the printable proposal fetch their wasm chunk the first time they
// open, show that they are loading meanwhile, and never fetch it twice.
// The schedule itself is there at once; its card of credits and
// reversibility (issue 15), which needs the finance engine, comes on demand
// below it (its own chunk, `split_after_end_section`).
// After one visit, all of them open with the network off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, expectText } from './harness.mjs';

let server;
let app;
const byId = (id) => app.page.getByTestId(id);
// The page's own requests for a screen's chunk (`split_<screen>_screen.wasm`).
const fetched = [];

// Each screen: how to open it, what shows once it is in, and a use of it.
const screens = [
  {
    name: 'finance',
    open: () => byId('tab-finance').click(),
    use: async () => {
      await expectText(byId('revision-row').first().getByTestId('revision-increase'), '319,20 €');
    },
  },
  {
    name: 'raci',
    open: () => byId('tab-raci').click(),
    use: async () => {
      await byId('raci-row').first().waitFor();
      assert.equal(await byId('raci-row').count(), 25);
      await expectText(byId('raci-problem-count'), /Matrice valide/);
    },
  },
  {
    name: 'guarantees',
    open: () => byId('tab-guarantees').click(),
    use: async () => {
      await expectText(byId('guarantees-table').locator('[data-row="gtd"] td').first(), '99,5 %');
    },
  },
  {
    name: 'compare',
    open: () => byId('tab-compare').click(),
    use: async () => {
      await byId('scenario').first().waitFor();
      assert.equal(await byId('scenario').count(), 3);
      await expectText(app.page.locator('[data-testid="compare-row"][data-figure="total"]'), /52 036,00 €.*50 500,00 €/s);
    },
  },
  {
    name: 'portfolio',
    open: () => byId('tab-portfolio').click(),
    use: async () => {
      await byId('portfolio-at').fill('2026-03-15');
      await byId('portfolio-at').dispatchEvent('change');
      await expectText(byId('portfolio-totals'), /1 contrat\(s\)/);
    },
  },
  {
    name: 'price_book',
    open: () => byId('tab-pricebook').click(),
    use: async () => {
      await expectText(byId('pricebook-status'), /Grille intégrée.*illustrative/);
      assert.equal(await byId('pricebook-apply').isDisabled(), true);
    },
  },
  {
    name: 'proposal',
    open: () => byId('open-proposal').click(),
    use: async () => {
      await byId('proposal-cover').waitFor();
      await expectText(byId('proposal-cover'), /Client E2E/);
      await byId('proposal-back').click();
      await byId('total-commitment').waitFor();
    },
  },
];

// Whether "Chargement…" showed while the screen's chunk was on its way.
async function watchLoading() {
  await app.page.evaluate(() => {
    window.__loadingSeen = [];
    window.__loadingObserver?.disconnect();
    window.__loadingObserver = new MutationObserver(() => {
      const el = document.querySelector('[data-testid="screen-loading"]');
      if (el) window.__loadingSeen.push(el.textContent);
    });
    window.__loadingObserver.observe(document.body, { childList: true, subtree: true });
  });
}
const loadingSeen = () => app.page.evaluate(() => window.__loadingSeen);

before(async () => {
  server = await serveDist();
  app = await openApp(server.url);
  app.page.on('request', (r) => {
    const m = /\/split_([a-z_]+)_screen(?:_\d+)?\.wasm$/.exec(new URL(r.url()).pathname);
    if (m) fetched.push(m[1]);
  });
  await byId('client').fill('Client E2E');
  await byId('start-date').fill('2024-12-01');
  await byId('commitment').fill('24');
  await byId('add-item-select').selectOption('OS-MGD');
  await byId('add-item-button').click();
  await byId('line-row').last().getByTestId('line-qty').fill('10');
  await expectText(byId('total-commitment'), /€/);
});

after(async () => {
  assert.deepEqual(app?.problems() ?? [], []);
  await app?.close();
  await server?.close();
});

test('the quote screen needs no chunk: every tab of its own is there at once', async () => {
  for (const tab of ['build', 'support', 'tokens', 'schedule', 'proposal']) {
    await watchLoading();
    await byId(`tab-${tab}`).click();
    assert.deepEqual(await loadingSeen(), [], `${tab} showed a loading state`);
  }
  assert.deepEqual(fetched, [], 'no screen chunk before a lazy screen opens');
});

test('each lazy screen loads on first use, shows that it is loading, and works', async () => {
  for (const s of screens) {
    await watchLoading();
    await s.open();
    await s.use();
    const seen = await loadingSeen();
    assert.ok(seen.length > 0, `${s.name}: no loading state`);
    assert.ok(seen.every((t) => t === 'Chargement…'), `${s.name}: ${seen}`);
    assert.equal(fetched.filter((n) => n === s.name).length, 1, `${s.name} fetched once`);
    await byId('tab-proposal').click();
  }
});

test('a screen opened again comes at once, without a second fetch', async () => {
  for (const s of screens) {
    await watchLoading();
    await s.open();
    await s.use();
    assert.deepEqual(await loadingSeen(), [], `${s.name} loaded twice`);
    await byId('tab-proposal').click();
  }
  assert.equal(fetched.length, screens.length, `fetched: ${fetched}`);
});

test('the loading state speaks the language of the screen', async () => {
  const fresh = await openApp(server.url);
  try {
    await fresh.page.getByTestId('lang-en').click();
    await fresh.page.evaluate(() => {
      window.__seen = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="screen-loading"]');
        if (el) window.__seen.push(el.textContent);
      }).observe(document.body, { childList: true, subtree: true });
    });
    await fresh.page.getByTestId('tab-raci').click();
    await fresh.page.getByTestId('raci-row').first().waitFor();
    const seen = await fresh.page.evaluate(() => window.__seen);
    assert.ok(seen.length > 0 && seen.every((t) => t === 'Loading…'), `seen: ${seen}`);
    assert.deepEqual(fresh.problems(), []);
  } finally {
    await fresh.close();
  }
});

test('after one visit, every lazy screen opens with the network off', async () => {
  const fresh = await openApp(server.url);
  try {
    const page = fresh.page;
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('total-commitment').waitFor();
    const id = (t) => page.getByTestId(t);
    await id('add-item-select').selectOption('OS-MGD');
    await id('add-item-button').click();
    await id('line-row').last().getByTestId('line-qty').fill('10');
    await expectText(id('total-commitment'), /€/);
    const shown = {
      finance: 'revision-row',
      raci: 'raci-row',
      guarantees: 'guarantees-table',
      compare: 'scenario',
      portfolio: 'portfolio-at',
      pricebook: 'pricebook-status',
    };
    for (const [tab, testid] of Object.entries(shown)) {
      await id(`tab-${tab}`).click();
      await id(testid).first().waitFor({ timeout: 5000 });
    }
    await id('open-proposal').click();
    await id('proposal-cover').waitFor({ timeout: 5000 });
    await page.context().setOffline(false);
    assert.deepEqual(fresh.problems(), []);
  } finally {
    await fresh.close();
  }
});

test('a chunk that does not arrive is said on the screen, and the next open tries again', async () => {
  const fresh = await openApp(server.url);
  try {
    const page = fresh.page;
    const refuse = (route) => route.abort();
    await page.context().route(/\/split_raci_screen(?:_\d+)?\.wasm$/, refuse);
    await page.getByTestId('tab-raci').click();
    await expectText(page.getByTestId('screen-not-loaded'), /n'a pas pu être chargé/);
    // The rest of the app still works: the chunk's failure is not a crash.
    await page.getByTestId('tab-proposal').click();
    await page.getByTestId('add-item-select').selectOption('OS-MGD');
    await page.getByTestId('add-item-button').click();
    await page.getByTestId('line-row').last().getByTestId('line-qty').fill('10');
    await expectText(page.getByTestId('total-commitment'), /€/);
    await page.context().unroute(/\/split_raci_screen(?:_\d+)?\.wasm$/, refuse);
    await page.getByTestId('tab-raci').click();
    await page.getByTestId('raci-row').first().waitFor();
    assert.equal(await page.getByTestId('screen-not-loaded').count(), 0);
    // Only the refused fetch was reported (the browser's and the loader's messages).
    assert.deepEqual(fresh.problems().filter((p) => !/split_raci_screen|Failed to fetch|net::ERR_FAILED|TypeError/.test(p)), []);
  } finally {
    await fresh.close();
  }
});
