/**
 * Best Buy (bestbuy.com). Two URL families:
 * - to 2025: `/site/<slug>/<skuId>.p?skuId=<skuId>`;
 * - 2025+: `/product/<slug>/<BSIN>` and `/product/<slug>/<BSIN>/sku/<skuId>` (BSIN: 10 characters).
 * The page streams its data as `.push({…})` payloads in an inline script; the one holding
 * `productBySkuId` carries `skuId`, `brand`, `name.short` and `specificationGroups[].specifications[]
 * {displayName, value}` ("Brand", "Model Number", "UPC"), as scrapfly's Best Buy scraper reads it. When
 * the URL names a SKU, only a `productBySkuId` with that SKU is used (the "See All Specifications"
 * drawer in the DOM is not rendered until opened, so the data is the only full source).
 * Legacy pages (~2016) carry schema.org microdata (`#model-value[itemprop=model]`); 2019–2022 pages print
 * "Model:"/"SKU:" as `.product-data-label` + `.product-data-value` under the title, and their
 * Specifications tab as `.specs-table li` rows (`.title-container` label, `.row-value` value: "Brand",
 * "Model Number", "UPC"), rendered into the page body (a 2020 out-of-stock capture).
 */
import { at, findDeep, literalsAfter, scriptText } from '../extract/embedded-json';
import { lineIdentities, lineItems, namedPairs, textPairs } from '../extract/embedded-lines';
import { IdentityBuilder } from '../extract/identity-builder';
import { factsFromPairs } from '../extract/labels';
import { readStructuredData } from '../extract/structured-data';
import type { PageType } from '../schemas';
import type { AdapterTestCase, MarketplaceAdapter } from './adapter';

const OLD_PATH = /^\/site\/(?!reviews\/|searchpage)(?:[^/]+\/)?(\d{5,9})\.p(?:[/?#]|$)/;
const NEW_PATH = /^\/product\/[^/]+\/([A-Z0-9]{10})(?:\/sku\/(\d{5,9}))?\/?$/i;

/** The SKU id a URL names (`.p` path, `?skuId=`, `/sku/<id>`), or the BSIN of a `/product/` URL. */
function ids(url: URL): { sku: string | null; bsin: string | null } | null {
  const old = OLD_PATH.exec(url.pathname);
  if (old) return { sku: url.searchParams.get('skuId') ?? old[1] ?? null, bsin: null };
  const next = NEW_PATH.exec(url.pathname);
  return next ? { sku: next[2] ?? null, bsin: next[1] ?? null } : null;
}

const lineId = (u: URL) => {
  const id = ids(u);
  return id ? (id.sku ?? id.bsin) : null;
};

function pageType(url: URL): PageType {
  if (ids(url)) return 'product';
  if (/^\/cart\/?$/.test(url.pathname)) return 'cart';
  if (/^\/purchasehistory(?:\/|$)/.test(url.pathname)) return 'orders';
  return 'other';
}

const bestbuy: MarketplaceAdapter = {
  id: 'bestbuy',
  name: 'Best Buy',
  countries: ['US'],
  matches: ['https://www.bestbuy.com/*'],
  claims: (url) => url.protocol === 'https:' && url.hostname === 'www.bestbuy.com',
  pageType,
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'cart' || type === 'orders') {
      const lines = lineItems(
        doc.querySelector('main') ?? doc.body,
        url,
        lineId,
        '[class*="carousel" i], [class*="saved" i]',
        type === 'cart',
      );
      return { pageType: type, items: lineIdentities('bestbuy', type, url, lines) };
    }
    const id = ids(url);
    const text = scriptText(doc, 'productBySkuId');
    const product = findDeep(
      text ? literalsAfter(text, '.push(') : [],
      (o) => 'productBySkuId' in o,
    )?.productBySkuId;
    const sku = at(product, 'skuId');
    const data = sku !== undefined && (!id?.sku || String(sku) === id.sku) ? product : undefined;
    const titleEl = doc.querySelector('.sku-title h1, h1');
    if (!id || (!data && !titleEl)) return { pageType: 'other', items: [] };

    const b = new IdentityBuilder({ marketplace: 'bestbuy', pageType: 'product', url: url.href });
    b.add('itemId', id.sku, 'url');
    if (data) {
      b.add('itemId', String(sku), 'embedded-json', 'skuId')
        .add('title', at(data, 'name', 'short'), 'embedded-json', 'name.short')
        .add('brand', at(data, 'brand'), 'embedded-json', 'brand');
      const groups = at(data, 'specificationGroups');
      const specs = Array.isArray(groups)
        ? groups.flatMap((g) => namedPairs(at(g, 'specifications'), 'displayName'))
        : [];
      b.addFacts(factsFromPairs(specs, 'embedded-json'));
    }
    if (!id.sku && !data) b.add('itemId', id.bsin, 'url', 'BSIN');
    const structured = readStructuredData(doc, url);
    b.addFacts(structured.facts);
    b.addFacts(factsFromPairs(textPairs(doc, '.product-data-label')));
    b.addFacts(factsFromPairs(textPairs(doc, '.specs-table li > .title-container')));
    b.add('title', titleEl?.textContent, 'title-text', 'sku-title');
    return { pageType: 'product', items: [b.build()] };
  },
  // Variation buttons swap the SKU in place on 2025+ pages.
  observeSelectors: ['main'],
  // Cart and order lines name the item; its product page (same origin) carries the identifiers.
  productUrl: (itemId, page) =>
    /^\d{5,9}$/.test(itemId) ? `${page.origin}/site/${itemId}.p?skuId=${itemId}` : null,
};

export default bestbuy;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the recalled demo hand warmer from productBySkuId on a 2025 /product/ page',
    url: 'https://www.bestbuy.com/product/lumora-rechargeable-hand-warmer-5000mah-2-pack-charcoal/J7GSL57HTY/sku/6581234',
    fixture: 'bestbuy/product-2025.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '6581234',
        title: 'Lumora - Rechargeable Hand Warmer 5000mAh (2-Pack) - Charcoal',
        brand: 'Lumora',
        models: ['LM-HW5000'],
        gtins: ['00850043210016'],
        rawGtins: ['850043210016'],
      },
    ],
  },
  {
    name: 'takes the SKU from productBySkuId when the /product/ URL names only the BSIN',
    url: 'https://www.bestbuy.com/product/lumora-rechargeable-hand-warmer-5000mah-2-pack-charcoal/J7GSL57HTY',
    fixture: 'bestbuy/product-2025.html',
    expectPageType: 'product',
    expectItems: [{ itemId: '6581234', models: ['LM-HW5000'], gtins: ['00850043210016'] }],
  },
  {
    name: 'reads a legacy .p page from its microdata and not the accessory tile',
    url: 'https://www.bestbuy.com/site/corbel-audio-wireless-over-ear-headphones-black/4471234.p?skuId=4471234',
    fixture: 'bestbuy/product-legacy.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '4471234',
        title: 'Corbel Audio - Wireless Over-Ear Headphones - Black',
        brand: 'Corbel Audio',
        models: ['CA-700/BK'],
        gtins: [],
      },
    ],
  },
  {
    name: 'lists the cart lines of both URL forms and skips saved items',
    url: 'https://www.bestbuy.com/cart',
    fixture: 'bestbuy/cart.html',
    expectPageType: 'cart',
    expectItems: [
      { itemId: '6581234', title: 'Lumora - Rechargeable Hand Warmer 5000mAh (2-Pack) - Charcoal' },
      { itemId: '4471234', title: 'Corbel Audio - Wireless Over-Ear Headphones - Black' },
    ],
  },
  {
    name: 'treats the purchase history as an orders page',
    url: 'https://www.bestbuy.com/purchasehistory/purchases',
    expectPageType: 'orders',
  },
  {
    name: 'does not treat a review page as a product page',
    url: 'https://www.bestbuy.com/site/reviews/corbel-audio-wireless-over-ear-headphones-black/4471234',
    expectPageType: 'other',
  },
  {
    name: 'does not treat a search page as a product page',
    url: 'https://www.bestbuy.com/site/searchpage.jsp?st=hand+warmer',
    expectPageType: 'other',
  },
];
