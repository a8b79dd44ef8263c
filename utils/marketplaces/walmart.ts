/**
 * Walmart (walmart.com; Next.js).
 *
 * Product pages serialise the product into `#__NEXT_DATA__` at
 * `props.pageProps.initialData.data.product` (2023 capture, page `/ip/[...itemParams]`). Only that key is
 * read: `contentLayout` holds sponsored and recommended modules with the same key names (`usItemId`,
 * `brand`, `upc`). Walmart moves between products with pushState, after which the inline JSON (and the
 * JSON-LD) still describe the first product, so both are used only when their id equals the URL's; the
 * DOM (title, brand link, specification section) is current either way.
 *
 * `model` is sometimes an internal code and `manufacturerProductId` sometimes the UPC without its check
 * digit (the milk capture); the latter is dropped when the UPC contains it.
 */
import { at, elementJson } from '../extract/embedded-json';
import { lineIdentities, lineItems, namedPairs, textPairs } from '../extract/embedded-lines';
import { IdentityBuilder } from '../extract/identity-builder';
import { cleanText, factsFromPairs } from '../extract/labels';
import { readStructuredData } from '../extract/structured-data';
import type { PageType } from '../schemas';
import type { AdapterTestCase, MarketplaceAdapter } from './adapter';

const ITEM_PATH = /^\/ip\/(?:[^/]+\/)?(\d{3,13})(?:[/?#]|$)/;

/** Specification section of the 2023+ layout (h3 label, value below it) (class names not seen on a saved page). */
const SPEC_SECTIONS = '[data-testid="product-specifications"], section[aria-describedby*="specification"]';

/** Recommendation and saved-for-later lists on the cart page describe items not in the cart. */
const NOT_IN_CART =
  '[data-testid*="carousel" i], [data-testid*="saved" i], section[aria-label*="recommend" i]';

const itemIdOf = (url: URL) => ITEM_PATH.exec(url.pathname)?.[1] ?? null;

function pageType(url: URL): PageType {
  if (itemIdOf(url)) return 'product';
  if (/^\/cart\/?$/.test(url.pathname)) return 'cart';
  if (/^\/orders(?:\/|$)/.test(url.pathname)) return 'orders';
  return 'other';
}

const walmart: MarketplaceAdapter = {
  id: 'walmart',
  name: 'Walmart',
  countries: ['US'],
  matches: ['https://www.walmart.com/*'],
  claims: (url) => url.protocol === 'https:' && url.hostname === 'www.walmart.com',
  pageType,
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'cart' || type === 'orders') {
      const root = doc.querySelector('main') ?? doc.body;
      return {
        pageType: type,
        items: lineIdentities(
          'walmart',
          type,
          url,
          lineItems(root, url, itemIdOf, NOT_IN_CART, type === 'cart'),
        ),
      };
    }
    const id = itemIdOf(url);
    const next = elementJson(doc, '#__NEXT_DATA__');
    const h1 = doc.querySelector('h1#main-title, main h1');
    if (!id || (at(next, 'page') !== '/ip/[...itemParams]' && !h1)) return { pageType: 'other', items: [] };

    const b = new IdentityBuilder({ marketplace: 'walmart', pageType: 'product', url: url.href });
    b.add('itemId', id, 'url');
    const data = at(next, 'props', 'pageProps', 'initialData', 'data');
    const p = at(data, 'product');
    const fresh = String(at(p, 'usItemId') ?? '') === id;
    if (fresh) {
      const upc = String(at(p, 'upc') ?? '');
      const mpn = String(at(p, 'manufacturerProductId') ?? '');
      b.add('title', at(p, 'name') as string, 'embedded-json', 'name')
        .add('brand', at(p, 'brand'), 'embedded-json', 'brand')
        .add('manufacturer', at(p, 'manufacturerName'), 'embedded-json', 'manufacturerName')
        .add('model', at(p, 'model'), 'embedded-json', 'model')
        .add('model', upc.includes(mpn) ? null : mpn, 'embedded-json', 'manufacturerProductId')
        .add('gtin', upc, 'embedded-json', 'upc')
        .add('seller', at(p, 'sellerDisplayName') ?? at(p, 'sellerName'), 'embedded-json', 'sellerName');
      // idml specifications repeat brand and model; their GTIN rows are not trusted over `upc`.
      b.addFacts(factsFromPairs(namedPairs(at(data, 'idml', 'specifications')), 'embedded-json'));
    }
    const structured = readStructuredData(doc, url);
    // JSON-LD `sku` is the usItemId; a different one is the stale first product of a client navigation.
    const ldSku = structured.facts.find((f) => f.source === 'json-ld' && f.field === 'itemId')?.value;
    if (!ldSku || ldSku === id) b.addFacts(structured.facts.filter((f) => f.field !== 'title' || fresh));
    b.addFacts(factsFromPairs(textPairs(doc.querySelector(SPEC_SECTIONS), 'h3')));
    b.add('brand', doc.querySelector('main a[href^="/c/brand/"]')?.textContent, 'byline', 'brand link');
    b.add('title', cleanText(h1?.textContent), 'title-text', 'main-title');
    return { pageType: 'product', items: [b.build()] };
  },
  // Variant chips and client navigation re-render the product column inside `main`.
  observeSelectors: ['main'],
  // Cart and order lines name the item; its product page (same origin) carries the identifiers.
  productUrl: (itemId, page) => (/^\d{3,13}$/.test(itemId) ? `${page.origin}/ip/${itemId}` : null),
};

export default walmart;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the recalled demo stool from __NEXT_DATA__ and not from the sponsored modules',
    url: 'https://www.walmart.com/ip/Kettlebrook-CozyNest-Toddler-Step-Stool-Natural-Wood/5550001234?classType=REGULAR&athbdg=L1600',
    fixture: 'walmart/product.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '5550001234',
        title: 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood',
        brand: 'Kettlebrook',
        manufacturer: 'Kettlebrook Home Goods',
        models: ['KB-TS100'],
        gtins: ['00850012345671'],
        rawGtins: ['850012345671'],
        seller: 'Walmart.com',
      },
    ],
  },
  {
    name: 'ignores __NEXT_DATA__ and JSON-LD left over from the first product after a client navigation',
    url: 'https://www.walmart.com/ip/Kettlebrook-CozyNest-Toddler-Step-Stool-Natural-Wood/5550001234',
    fixture: 'walmart/product-after-client-navigation.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '5550001234',
        title: 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood',
        brand: 'Kettlebrook',
        manufacturer: 'Kettlebrook Home Goods',
        models: ['KB-TS100'],
        gtins: [],
        rawGtins: [],
        seller: null,
      },
    ],
  },
  {
    name: 'lists the cart lines and skips saved-for-later and the recommendation carousel',
    url: 'https://www.walmart.com/cart',
    fixture: 'walmart/cart.html',
    expectPageType: 'cart',
    expectItems: [
      { itemId: '5550001234', title: 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood' },
      { itemId: '5550002468', title: 'Pebblestone Silicone Baby Bibs, 3 Count, Sage' },
    ],
  },
  {
    name: 'treats /ip/<id> without a slug as a product page',
    url: 'https://www.walmart.com/ip/5550001234',
    expectPageType: 'product',
  },
  {
    name: 'treats the purchase history as an orders page',
    url: 'https://www.walmart.com/orders',
    expectPageType: 'orders',
  },
  {
    name: 'does not treat a review page as a product page',
    url: 'https://www.walmart.com/reviews/product/5550001234',
    expectPageType: 'other',
  },
  {
    name: 'does not treat a search page as a product page',
    url: 'https://www.walmart.com/search?q=step+stool',
    expectPageType: 'other',
  },
];
