/**
 * Temu (www.temu.com; regional stores are path prefixes: /uk/, /de/ ...).
 * Product pages (`/<slug>-g-<goodsId>.html`, `/goods.html?goods_id=`) serialise their store into
 * `window.rawData = {store: {goods: {goodsId, goodsName}, goodsProperty: [{key, values}]}}`; it is used
 * only when its goodsId is the URL's (Temu navigates as an SPA, and the first product's data stays).
 * "Product details" keys are in the store's language and go through the shared label table. GTINs are
 * rarely published, so brand + model + title is what Temu gives.
 *
 * Cart and orders are React pages with hashed classes (not seen on a saved page): one identity per goods link
 * (`-g-<id>.html`) outside recommendation lists; quantities are not read.
 */
import { IdentityBuilder } from '../extract/identity-builder';
import { dig, scriptObject } from '../extract/js-literal';
import { cleanText, factsFromPairs, normalizeLabel } from '../extract/labels';
import { readStructuredData } from '../extract/structured-data';
import type { PageType, ProductIdentity } from '../schemas';
import type { AdapterTestCase, ExtractResult, MarketplaceAdapter } from './adapter';

type Obj = Record<string, unknown>;

const GOODS = /-g-(\d+)\.html/;

function goodsId(url: URL): string | null {
  return (
    GOODS.exec(url.pathname)?.[1] ??
    (url.pathname.endsWith('/goods.html') ? url.searchParams.get('goods_id') : null)
  );
}

function pageType(url: URL): PageType {
  if (goodsId(url)) return 'product';
  if (/\/(?:bgc_|bgt_)?cart\.html$/.test(url.pathname)) return 'cart';
  return /\/(?:bgt_)?orders?\.html$/.test(url.pathname) ? 'orders' : 'other';
}

function extractProduct(doc: Document, url: URL): ExtractResult {
  const id = goodsId(url);
  const store = dig(scriptObject(doc, /window\.rawData\s*=/), 'store');
  const fresh = String(dig(dig(store, 'goods'), 'goodsId')) === id ? (store as Obj) : undefined;
  const structured = readStructuredData(doc, url);
  // A login bounce or "item unavailable" shell has neither this item's data nor product markup.
  if (!fresh && !structured.found) return { pageType: 'other', items: [] };

  const b = new IdentityBuilder({ marketplace: 'temu', pageType: 'product', url: url.href });
  b.add('itemId', id, 'url');
  b.add('title', dig(fresh, 'goodsName') as string, 'embedded-json', 'goods.goodsName');
  b.add('seller', dig(fresh, 'mallName') as string, 'embedded-json', 'mallName');
  const props = dig(fresh, 'goodsProperty');
  b.addFacts(
    factsFromPairs(
      (Array.isArray(props) ? (props as Obj[]) : []).map((p) => {
        const label = cleanText(String(p?.key ?? ''));
        return {
          label,
          key: normalizeLabel(label),
          value: cleanText((p?.values as string[] | undefined)?.join(', ')),
        };
      }),
      'embedded-json',
    ),
  );
  b.addFacts(structured.facts.filter((f) => f.field !== 'itemId'));
  b.add('title', doc.querySelector('h1')?.textContent, 'title-text', 'h1');
  return { pageType: 'product', items: [b.build()] };
}

function extractLinks(doc: Document, url: URL, type: PageType): ExtractResult {
  const items: ProductIdentity[] = [];
  for (const link of Array.from(doc.querySelectorAll('a[href*="-g-"]'))) {
    if (link.closest('[class*="ecommend"], [class*="youMayLike"]')) continue;
    const id = GOODS.exec(link.getAttribute('href') ?? '')?.[1];
    const title = link.getAttribute('title') || cleanText(link.textContent);
    const known = items.find((i) => i.itemId === id);
    if (!id || (known && (known.title || !title))) continue;
    const b = new IdentityBuilder({ marketplace: 'temu', pageType: type, url: url.href });
    b.add('itemId', id, 'url', 'goods link').add('title', title, 'title-text', 'goods link');
    if (known) items.splice(items.indexOf(known), 1, b.build());
    else items.push(b.build());
  }
  return { pageType: type, items };
}

const temu: MarketplaceAdapter = {
  id: 'temu',
  name: 'Temu',
  countries: ['US', 'GB', 'DE', 'FR', 'AU', 'CA'],
  matches: ['https://www.temu.com/*'],
  claims: (url) => url.protocol === 'https:' && url.hostname === 'www.temu.com',
  pageType,
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'product') return extractProduct(doc, url);
    return type === 'other' ? { pageType: 'other', items: [] } : extractLinks(doc, url, type);
  },
  // The app root: SKU swaps and SPA navigation re-render inside it.
  observeSelectors: ['#main', '#container'],
};

export default temu;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads brand and model from rawData goodsProperty and ignores a stale item and the recommendations',
    url: 'https://www.temu.com/kettlebrook-toddler-learning-tower-g-601099512345678.html?_oak_mp_inf=demo&top_gallery_url=x',
    fixture: 'temu/product.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '601099512345678',
        title: 'Kettlebrook Toddler Learning Tower Step Stool, CozyNest KB-TS100, Natural Wood',
        brand: 'Kettlebrook',
        models: ['KB-TS100'],
        gtins: [],
      },
    ],
  },
  {
    name: 'lists the cart goods by link and skips the recommendations',
    url: 'https://www.temu.com/cart.html',
    fixture: 'temu/cart.html',
    expectPageType: 'cart',
    expectItems: [
      {
        itemId: '601099512345678',
        title: 'Kettlebrook Toddler Learning Tower Step Stool, CozyNest KB-TS100, Natural Wood',
      },
    ],
  },
  {
    name: 'treats goods.html?goods_id= as a product page',
    url: 'https://www.temu.com/goods.html?goods_id=601099512345678',
    expectPageType: 'product',
  },
  {
    name: 'treats a regional product path as a product page',
    url: 'https://www.temu.com/uk/lumora-hand-warmer-g-601099500000001.html',
    expectPageType: 'product',
  },
  {
    name: 'treats the order list as an orders page',
    url: 'https://www.temu.com/bgt_orders.html',
    expectPageType: 'orders',
  },
  {
    name: 'does not treat search as a product page',
    url: 'https://www.temu.com/search_result.html?search_key=step%20stool',
    expectPageType: 'other',
  },
];
