/**
 * "Any shop" in real Chromium: the background registers the any-shop reader for the sites the user
 * allowed, and only for them. A test cannot answer the browser's permission prompt (headless Chromium
 * leaves `permissions.request` pending), so the demo build lists one shop, `http://shop.test/*`, as a
 * required host permission: the state a user reaches by clicking "Check this shop" there. Withdrawing
 * and granting it again goes through the browser's own site-access control. The pages are our
 * fixtures, served at those addresses through Playwright routing; `.test` never resolves for real.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { amazonListing } from './listing';

test.use({ build: 'chrome-mv3-demo' });

const ALLOWED = 'http://shop.test/products/kettlebrook-cozynest-step-stool';
const NOT_ALLOWED = 'http://other-shop.test/products/kettlebrook-cozynest-step-stool';
const PRODUCT = { file: 'generic/jsonld-graph.html' };

interface Registered {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
}

/** The any-shop registration as the browser holds it, once the background has settled it. */
async function registered(worker: Worker, expectAny: boolean): Promise<Registered[]> {
  let scripts: Registered[] = [];
  await expect
    .poll(async () => {
      scripts = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
      return scripts.length > 0;
    })
    .toBe(expectAny);
  return scripts;
}

/** The extension's tab id for the page at `url` (the demo build has `tabs`). */
async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? null, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

async function hasVerdict(worker: Worker, url: string): Promise<boolean> {
  return worker.evaluate(async (target) => {
    const all = await chrome.storage.session.get(null);
    return Object.values(all).some((v) => (v as { page?: { url?: string } })?.page?.url === target);
  }, url);
}

/**
 * A positive control for "nothing happened" checks: a marketplace product page opened after the page
 * under test, in the same browser, read by a content script with the same runtime. Once its verdict is
 * filed, a content script on the earlier page has had as long to act as this one needed; a fixed wait
 * would pass vacuously on a slow run, this one waits as long as the machine needs.
 */
async function afterAControlPageIsRead(
  worker: Worker,
  openAt: (url: string, fixture: { html: string }) => Promise<Page>,
): Promise<void> {
  const control = 'https://www.amazon.com/dp/B0CONTROL0';
  await openAt(control, { html: amazonListing('B0CONTROL0', '850012345671') });
  await expect.poll(() => hasVerdict(worker, control), { timeout: 20_000 }).toBe(true);
}

test('registers the reader for the allowed shop only, next to the marketplaces', async ({ worker }) => {
  const [script] = await registered(worker, true);
  expect(script).toMatchObject({
    id: 'any-shop',
    matches: ['http://shop.test/*'],
    js: ['content-scripts/any-shop.js'],
  });
  // A single site overlaps no marketplace, so nothing needs excluding.
  expect(script?.excludeMatches ?? []).toEqual([]);
});

test('warns on a schema.org product page of an allowed shop', async ({ worker, openAt }) => {
  await registered(worker, true);
  const page = await openAt(ALLOWED, PRODUCT);
  await expect(page.locator('recall-sentinel-banner')).toHaveAttribute('data-tier', 'confirmed');
  expect(await hasVerdict(worker, ALLOWED)).toBe(true);
});

test('does nothing on the same page of a shop the user did not allow', async ({ worker, openAt }) => {
  await registered(worker, true);
  const page = await openAt(NOT_ALLOWED, PRODUCT);
  await afterAControlPageIsRead(worker, openAt);
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
  expect(await hasVerdict(worker, NOT_ALLOWED)).toBe(false);
});

/** A product page of a shop on its own domain, schema.org JSON-LD only (no product container to watch). */
const shopPage = (name: string, brand: string, gtin13: string, mpn: string) => `<!doctype html><html><head>
<title>${name}</title><script type="application/ld+json" id="product-data">${productJson(name, brand, gtin13, mpn)}</script>
</head><body><h1>${name}</h1></body></html>`;
const productJson = (name: string, brand: string, gtin13: string, mpn: string) =>
  JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name,
    gtin13,
    mpn,
    brand: { '@type': 'Brand', name: brand },
  });

test('re-checks an allowed shop after it moves to another product with history.pushState', async ({
  worker,
  openAt,
}) => {
  await registered(worker, true);
  const first = 'http://shop.test/products/pebble-pine-fleece-vest';
  const second = 'http://shop.test/products/kettlebrook-cozynest-step-stool';
  const page = await openAt(first, {
    html: shopPage('Pebble Pine Fleece Vest', 'Pebble Pine', '0850022222221', 'PP-FV10'),
  });
  await expect.poll(() => hasVerdict(worker, first)).toBe(true);
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);

  // The shop renders the next product client-side: new JSON-LD, a new address, no reload.
  await page.evaluate(
    ([url, json]) => {
      (document.getElementById('product-data') as HTMLScriptElement).textContent = json;
      history.pushState({}, '', url);
    },
    [
      second,
      productJson('Kettlebrook CozyNest Toddler Step Stool', 'Kettlebrook', '0850012345671', 'KB-TS100'),
    ] as const,
  );
  await expect(page.locator('recall-sentinel-banner')).toHaveAttribute('data-tier', 'confirmed');
  expect(await hasVerdict(worker, second)).toBe(true);
});

test('stops after a quick look on an allowed shop page without product data', async ({ worker, openAt }) => {
  await registered(worker, true);
  const url = 'http://shop.test/blogs/news/spring';
  const page = await openAt(url, {
    html: '<!doctype html><html><head><title>Spring news</title></head><body><h1>News</h1></body></html>',
  });
  await afterAControlPageIsRead(worker, openAt);
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
  // No lookup was sent: nothing was filed for the tab.
  expect(await hasVerdict(worker, url)).toBe(false);
});

/**
 * The browser's own site-access control (chrome://extensions, "Site access: On specific sites"), driven
 * through the API that page uses. It can withhold and grant the demo build's required shop; the options
 * page's Remove (`permissions.remove`) cannot, as Chrome refuses to remove a required permission. Both
 * reach the background as `permissions.onRemoved` / `onAdded`.
 */
async function siteAccess(
  context: BrowserContext,
  extensionId: string,
  change: 'withhold all' | 'grant shop.test' | 'withdraw shop.test',
): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(
    async ([id, what]) => {
      // biome-ignore lint/suspicious/noExplicitAny: chrome.developerPrivate is typed nowhere; only chrome://extensions has it.
      const dp = (globalThis as any).chrome.developerPrivate;
      if (what === 'withhold all')
        await dp.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
      else if (what === 'grant shop.test') await dp.addHostPermission(id, 'http://shop.test/*');
      else await dp.removeHostPermission(id, 'http://shop.test/*');
    },
    [extensionId, change] as const,
  );
  await page.close();
}

test('unregisters the reader when the site is withdrawn, and the options page follows', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  await registered(worker, true);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const site = options.locator('[data-site="http://shop.test/*"]');
  await expect(site).toContainText('http://shop.test');

  await siteAccess(context, extensionId, 'withdraw shop.test');
  expect(await registered(worker, false)).toEqual([]);
  await expect(site).toHaveCount(0);
  await expect(options.getByTestId('no-sites')).toBeVisible();

  const page = await openAt(ALLOWED, PRODUCT);
  await afterAControlPageIsRead(worker, openAt);
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
  expect(await hasVerdict(worker, ALLOWED)).toBe(false);
});

test('reads an open tab as soon as its site is allowed, without a reload', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  await siteAccess(context, extensionId, 'withhold all');
  // With every site withheld no page can be read, so no control page can show the reader had its
  // chance; what makes this test able to fail is that nothing is registered (checked by the browser)
  // and that the page, never reloaded, is warned once the site is granted.
  await registered(worker, false);
  const page = await openAt(ALLOWED, PRODUCT);
  expect(await hasVerdict(worker, ALLOWED)).toBe(false);

  let loads = 0;
  page.on('load', () => loads++);
  await siteAccess(context, extensionId, 'grant shop.test');
  await expect(page.locator('recall-sentinel-banner')).toHaveAttribute('data-tier', 'confirmed');
  expect(loads).toBe(0);
  const [script] = await registered(worker, true);
  expect(script?.matches).toEqual(['http://shop.test/*']);
});

test('the popup offers "Check this shop" on a shop the user did not allow', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  await registered(worker, true);
  await openAt(NOT_ALLOWED, PRODUCT);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(worker, NOT_ALLOWED)}`);
  const offer = popup.locator('[data-status="not-checked"]');
  await expect(offer).toContainText("This shop isn't checked yet");
  await expect(offer).toContainText('http://other-shop.test');
  await expect(offer.getByRole('button', { name: 'Check this shop' })).toBeEnabled();
});

test('the popup says so when an allowed shop page has no product data', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  await registered(worker, true);
  const url = 'http://shop.test/pages/about';
  await openAt(url, { html: '<!doctype html><title>About us</title><h1>About</h1>' });
  await afterAControlPageIsRead(worker, openAt);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(worker, url)}`);
  await expect(popup.locator('[data-status="no-product-data"]')).toContainText(
    'No product data on this page',
  );
});

test('the popup shows the verdict, not the offer, on a marketplace page', async ({
  openAt,
  openPopupFor,
}) => {
  const url = 'https://www.amazon.com/dp/B0DEMO0001';
  await openAt(url, { file: 'amazon/product-expander.html' });
  const popup = await openPopupFor(url);
  await expect(popup.locator('[data-status="warning"]')).toBeVisible();
  await expect(popup.locator('[data-status="not-checked"]')).toHaveCount(0);
});
