/**
 * AliExpress (every language subdomain of aliexpress.com, aliexpress.us, aliexpress.ru).
 * The page's data is read from its inline script, by generation:
 * `window.runParams = { data: {...} }` (to 2022), `window._init_data_ = { data: {...} }` (2022–2023).
 * Both hold `productId`, `subject`, `storeName` and spec `props[] {attrNameId, attrName, attrValue}`;
 * the names are in the page's language ("Marke", "שם מותג"), so the attribute id decides where it can:
 * 2 is the brand name [E]; 3 is "Model Number" [I]. A prop named "<Brand> Model" is a model too.
 * The data is used only when its productId is the URL's. The 2023+ DOM spec list
 * (`[class*="specification--prop"]`) is read as labels after it.
 *
 * A server-rendered shell (2024 capture: `runParams` empty, the page built in the browser) prints no
 * title, price or specs; its Open Graph tags still name the item (`og:url` with the item id, `og:title`
 * "<name> - AliExpress <category id>"). Such a page yields the id and that title and nothing more: a
 * slider captcha at the item URL has no `og:url` for the item, so it still yields nothing.
 */
import { IdentityBuilder } from '../extract/identity-builder';
import { dig, scriptObject } from '../extract/js-literal';
import { cleanText, factsFromPairs, type LabelPair, labelKind, normalizeLabel } from '../extract/labels';
import { readStructuredData } from '../extract/structured-data';
import type { PageType, ProductIdentity } from '../schemas';
import type { AdapterTestCase, ExtractResult, MarketplaceAdapter } from './adapter';

type Obj = Record<string, unknown>;

const HOST = /(?:^|\.)aliexpress\.(?:com|us|ru)$/;
const ITEM_PATH = /^\/item\/(\d+)\.html$/;

function pageType(url: URL): PageType {
  const path = url.pathname;
  if (ITEM_PATH.test(path)) return 'product';
  if (path.startsWith('/p/shoppingcart/')) return 'cart';
  return path === '/p/order/index.html' ? 'orders' : 'other';
}

/** Open Graph titles end in the site name and a category id: "… 65W - AliExpress 509". */
const OG_TITLE_SUFFIX = /\s+[-–|]\s+AliExpress(?:\.com)?(?:\s+\d+)?\s*$/i;

/** True when the page's Open Graph URL is this item's (`//es.aliexpress.com/item/<id>.html?…`). */
function ogNamesItem(doc: Document, id: string | undefined): boolean {
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
  return !!id && new RegExp(`/item/${id}\\.html(?:[?#]|$)`).test(og);
}

function extractProduct(doc: Document, url: URL): ExtractResult {
  const id = ITEM_PATH.exec(url.pathname)?.[1];
  const data = dig(
    scriptObject(doc, /window\.runParams\s*=/) ?? scriptObject(doc, /_init_data_\s*=/),
    'data',
  );
  const fresh = String(dig(data, 'productId')) === id ? data : undefined;
  const h1 = doc.querySelector('h1[data-pl], .product-title-text');
  // A slider captcha ("punish" page) at the item URL has none of these.
  if (!fresh && !h1 && !ogNamesItem(doc, id)) return { pageType: 'other', items: [] };

  const b = new IdentityBuilder({ marketplace: 'aliexpress', pageType: 'product', url: url.href });
  b.add('itemId', id, 'url');
  // Module first: recommendation modules hold other products' `subject` and `props`.
  const read = (module: string, key: string) => dig(dig(fresh, module) ?? fresh, key);
  b.add('title', read('titleModule', 'subject') as string, 'embedded-json', 'subject');
  b.add('seller', read('storeModule', 'storeName') as string, 'embedded-json', 'storeName');
  const props = read('specsModule', 'props');
  for (const p of (Array.isArray(props) ? props : []) as Obj[]) {
    const name = cleanText(String(p?.attrName ?? ''));
    const kind =
      p?.attrNameId === 2
        ? 'brand'
        : p?.attrNameId === 3 || / model$/i.test(name)
          ? 'model'
          : labelKind(name);
    if (kind === 'brand' || kind === 'model' || kind === 'manufacturer' || kind === 'gtin')
      b.add(kind, p.attrValue as string, 'embedded-json', `${name} (${String(p.attrNameId)})`);
  }
  for (const f of readStructuredData(doc, url).facts)
    if (f.field !== 'itemId')
      b.add(f.field, f.field === 'title' ? f.value.replace(OG_TITLE_SUFFIX, '') : f.value, f.source, f.label);
  const pairs: LabelPair[] = [];
  for (const prop of Array.from(doc.querySelectorAll('[class*="specification--prop--"]'))) {
    const label = cleanText(prop.querySelector('[class*="specification--title"]')?.textContent);
    const value = cleanText(prop.querySelector('[class*="specification--desc"]')?.textContent);
    if (label && value)
      pairs.push({ label, key: / model$/i.test(label) ? 'model' : normalizeLabel(label), value });
  }
  b.addFacts(factsFromPairs(pairs));
  b.add('title', h1?.textContent, 'title-text', 'h1');
  return { pageType: 'product', items: [b.build()] };
}

/** One identity per row that links to an item page; `quantity` reads the row's stepper or "x2" text. */
function lines(doc: Document, url: URL, type: PageType, rows: string, quantity: string): ExtractResult {
  const items: ProductIdentity[] = [];
  for (const row of Array.from(doc.querySelectorAll(rows))) {
    const links = Array.from(row.querySelectorAll('a[href*="/item/"]'));
    const link = links.find((a) => cleanText(a.textContent)) ?? links[0];
    const id = /\/item\/(\d+)\.html/.exec(link?.getAttribute('href') ?? '')?.[1];
    if (!id || items.some((i) => i.itemId === id)) continue;
    const q = row.querySelector(quantity);
    const b = new IdentityBuilder({ marketplace: 'aliexpress', pageType: type, url: url.href });
    b.add('itemId', id, 'url', 'item link');
    b.add('title', link?.getAttribute('title') || link?.textContent, 'title-text', 'item link');
    b.setQuantity((q?.getAttribute('value') ?? q?.textContent ?? '').replace(/\D/g, ''));
    items.push(b.build());
  }
  return { pageType: type, items };
}

const aliexpress: MarketplaceAdapter = {
  id: 'aliexpress',
  name: 'AliExpress',
  countries: ['CN'],
  matches: ['https://*.aliexpress.com/*', 'https://*.aliexpress.us/*', 'https://*.aliexpress.ru/*'],
  claims: (url) => url.protocol === 'https:' && HOST.test(url.hostname),
  pageType,
  extract(doc, url) {
    switch (pageType(url)) {
      case 'product':
        return extractProduct(doc, url);
      // 2023+ cart rows (`.cart-product`, comet number input) (class names seen in one public extension's code only);
      // "More to love" below the cart is a separate list.
      case 'cart':
        return lines(doc, url, 'cart', '.cart-product', 'input');
      // 2023+ order list: `.order-item` cards, "x1" in `.order-item-content-info-number-quantity`.
      case 'orders':
        return lines(doc, url, 'orders', '.order-item', '[class*="info-number-quantity"]');
      default:
        return { pageType: 'other', items: [] };
    }
  },
  // SKU pickers swap price and images in place; brand and model do not change, the selected SKU does.
  observeSelectors: ['.product-main', '#root'],
};

export default aliexpress;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads brand and model from runParams by attribute id on a Hebrew page, not the recommendations',
    url: 'https://he.aliexpress.com/item/1005006123456789.html?spm=a2g0o.productlist.main.1',
    fixture: 'aliexpress/product-runparams-he.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '1005006123456789',
        title: 'Lumora Rechargeable Hand Warmer 5000mAh LM-HW5000 Double-Sided Heating',
        brand: 'Lumora',
        models: ['LM-HW5000'],
        gtins: [],
        seller: 'Lumora Official Store',
      },
    ],
  },
  {
    name: 'reads the 2023 specification list when the page data is for another item',
    url: 'https://www.aliexpress.com/item/1005007000000001.html',
    fixture: 'aliexpress/product-2023.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '1005007000000001',
        title: 'Kettlebrook Toddler Learning Tower Step Stool KB-TS100 Natural Wood',
        brand: 'Kettlebrook',
        models: ['KB-TS100'],
      },
    ],
  },
  {
    name: 'lists the cart rows with quantities and skips More to love',
    url: 'https://www.aliexpress.com/p/shoppingcart/index.html',
    fixture: 'aliexpress/cart.html',
    expectPageType: 'cart',
    expectItems: [
      {
        itemId: '1005006123456789',
        title: 'Lumora Rechargeable Hand Warmer 5000mAh LM-HW5000 Double-Sided Heating',
      },
    ],
  },
  {
    name: 'lists ordered items from the order list',
    url: 'https://www.aliexpress.com/p/order/index.html',
    fixture: 'aliexpress/orders.html',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: '1005007000000001',
        title: 'Kettlebrook Toddler Learning Tower Step Stool KB-TS100 Natural Wood',
      },
    ],
  },
  {
    name: 'treats aliexpress.us items as product pages',
    url: 'https://www.aliexpress.us/item/3256806123456789.html',
    expectPageType: 'product',
  },
  {
    name: 'does not treat a store page as a product page',
    url: 'https://www.aliexpress.com/store/1101234567',
    expectPageType: 'other',
  },
  {
    name: 'does not treat search as a product page',
    url: 'https://www.aliexpress.com/w/wholesale-step-stool.html',
    expectPageType: 'other',
  },
];
