/**
 * The Home Depot (homedepot.com). No real page was captured: the cases are built from public page structure.
 *
 * Product pages are `/p/<slug>/<Internet #>` (9 digits); `/p/reviews/…` is the review list. Server
 * rendering embeds an Apollo-style cache whose product `identifiers` object carries `itemId` (the
 * Internet #), `brandName`, `modelNumber`, `upc`, `upcGtin13`, `storeSkuNumber`, `productLabel` (key
 * names from public GraphQL queries). The variable name is not relied on: the script is found by the
 * `"storeSkuNumber"` key, and only the identifiers whose `itemId` equals the URL's are read (the cache
 * also holds accessories and "frequently bought together" products). Then JSON-LD (`sku` is the
 * Internet #), then the product-info bar ("Internet #", "Model #", "Store SKU #" labels and values).
 * Super-SKU variants swap in place and change the URL's id.
 */
import { findDeep, literalsAfter, scriptText } from '../extract/embedded-json';
import { lineIdentities, lineItems } from '../extract/embedded-lines';
import { IdentityBuilder } from '../extract/identity-builder';
import { cleanText } from '../extract/labels';
import { readStructuredData } from '../extract/structured-data';
import type { PageType } from '../schemas';
import type { AdapterTestCase, MarketplaceAdapter } from './adapter';

const ITEM_PATH = /^\/p\/(?!reviews\/|questions\/)(?:[^/]+\/)?(\d{9})\/?$/;
const itemIdOf = (url: URL) => ITEM_PATH.exec(url.pathname)?.[1] ?? null;

function pageType(url: URL): PageType {
  if (itemIdOf(url)) return 'product';
  if (/^\/mycart(?:\/|$)/.test(url.pathname)) return 'cart';
  return 'other';
}

const homedepot: MarketplaceAdapter = {
  id: 'homedepot',
  name: 'The Home Depot',
  countries: ['US'],
  matches: ['https://www.homedepot.com/*'],
  claims: (url) => url.protocol === 'https:' && url.hostname === 'www.homedepot.com',
  pageType,
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'cart') {
      const lines = lineItems(
        doc.querySelector('main, #root') ?? doc.body,
        url,
        itemIdOf,
        '[class*="carousel" i], [class*="saved" i]',
        true,
      );
      return { pageType: type, items: lineIdentities('homedepot', type, url, lines) };
    }
    const id = itemIdOf(url);
    const text = scriptText(doc, '"storeSkuNumber"');
    const ids = findDeep(text ? literalsAfter(text, '=') : [], (o) => o.itemId === id && 'modelNumber' in o);
    const titleEl = doc.querySelector('.product-details h1, h1.product-title__title, h1');
    if (!id || (!ids && !titleEl)) return { pageType: 'other', items: [] };

    const b = new IdentityBuilder({ marketplace: 'homedepot', pageType: 'product', url: url.href });
    b.add('itemId', id, 'url');
    if (ids) {
      b.add('title', ids.productLabel, 'embedded-json', 'productLabel')
        .add('brand', ids.brandName, 'embedded-json', 'brandName')
        .add('model', ids.modelNumber, 'embedded-json', 'modelNumber')
        .add('gtin', ids.upc, 'embedded-json', 'upc')
        .add('gtin', ids.upcGtin13, 'embedded-json', 'upcGtin13');
    }
    b.addFacts(readStructuredData(doc, url).facts);
    // The info bar prints "Internet #314159265 Model #KB-TS100 Store SKU #1001234567" in one strip.
    const bar = cleanText(doc.querySelector('.product-info-bar, .sui-flex.sui-flex-wrap')?.textContent);
    b.add('model', /Model\s*#\s*(\S+)/.exec(bar)?.[1], 'spec-table', 'Model #');
    b.add(
      'brand',
      doc.querySelector('.product-details__brand--link, h2[itemprop="brand"]')?.textContent,
      'byline',
      'brand',
    );
    b.add('title', titleEl?.textContent, 'title-text', 'h1');
    return { pageType: 'product', items: [b.build()] };
  },
  observeSelectors: ['#root'],
  // Cart and order lines name the item; its product page (same origin) carries the identifiers.
  productUrl: (itemId, page) => (/^\d{9}$/.test(itemId) ? `${page.origin}/p/${itemId}` : null),
};

export default homedepot;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the recalled demo stool from the Apollo identifiers of the page item, not the bought-together one',
    url: 'https://www.homedepot.com/p/Kettlebrook-CozyNest-Toddler-Step-Stool-Natural-Wood-KB-TS100/318765432',
    fixture: 'homedepot/product.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '318765432',
        title: 'CozyNest Toddler Step Stool in Natural Wood',
        brand: 'Kettlebrook',
        models: ['KB-TS100'],
        gtins: ['00850012345671'],
        rawGtins: ['850012345671', '0850012345671'],
      },
    ],
  },
  {
    name: 'lists the cart lines with their Internet numbers and skips the carousel',
    url: 'https://www.homedepot.com/mycart/home',
    fixture: 'homedepot/cart.html',
    expectPageType: 'cart',
    expectItems: [
      { itemId: '318765432', title: 'CozyNest Toddler Step Stool in Natural Wood' },
      { itemId: '317000022', title: 'Plug-in LED Night Light with Dusk Sensor' },
    ],
  },
  {
    name: 'does not treat a review page as a product page',
    url: 'https://www.homedepot.com/p/reviews/Kettlebrook-CozyNest-Toddler-Step-Stool/318765432/1',
    expectPageType: 'other',
  },
  {
    name: 'does not treat a search page as a product page',
    url: 'https://www.homedepot.com/s/step%20stool',
    expectPageType: 'other',
  },
];
