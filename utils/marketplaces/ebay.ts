/**
 * eBay (ebay.com, .co.uk, .de, .ca, .com.au; carts on cart.ebay.* and cart.payments.ebay.*).
 * Three product layouts, all read through the shared label table:
 * - 2021+ `/itm/` pages: item specifics as `ux-labels-values` blocks inside the "About this item"
 *   section (`.ux-layout-section-evo`, older `.ux-layout-section--features`, `#viTabs_0_is`);
 * - legacy (~2016) `/itm/` pages: schema.org microdata (`gtin13` holds a 12-digit UPC) and the
 *   `div.itemAttr` table, four cells a row (`td.attrLabels` + value cell);
 * - `/p/<ePID>` catalogue pages: "Product Identifiers" as `.x-prp-product-details_name/_value`, and
 *   JSON-LD nested under `WebPage.mainEntity.offers.itemOffered`. The ePID is the item id; no seller.
 * Sellers type "Does not apply" into MPN/UPC; the builder drops it.
 *
 * Purchase history, 2019–2020 My eBay (`/myb/PurchaseHistory`): one `.order-r` block per order, a header
 * naming the seller and the order's item count ("(2 items)"), one `.commitment-row` per line with its
 * `a.item-title` link. No per-line quantity is printed: a one-line order's count is its quantity, and an
 * order with as many lines as items has one of each. Recommendation carousels sit outside the blocks.
 * Other layouts are read by their `/itm/` links.
 *
 * Multi-variation (MSKU) listings swap the selection in place and put `?var=<variationId>` in the URL.
 * The inline `"MSKU"` model maps variation ids to menu values (`selectMenus`, `menuItemMap`,
 * `variationsMap`, as scrapfly's eBay scraper reads it); identifiers a variation carries there (label/
 * value aspects or `upc`/`mpn` keys: [I], not seen in a capture) are read for the selected one only.
 */
import { at, literalsAfter, scriptText } from '../extract/embedded-json';
import { lineIdentities, lineItems, textPairs } from '../extract/embedded-lines';
import { IdentityBuilder } from '../extract/identity-builder';
import { cleanText, factsFromPairs, harvestPairs, labelKind } from '../extract/labels';
import { readStructuredData } from '../extract/structured-data';
import type { PageType, ProductIdentity } from '../schemas';
import type { AdapterTestCase, MarketplaceAdapter } from './adapter';

const TLDS = ['com', 'co.uk', 'de', 'ca', 'com.au'];
const HOST = /^(www|cart|cart\.payments)\.ebay\.(com|co\.uk|de|ca|com\.au)$/;
const ITEM_PATH = /^\/itm\/(?:[^/]+\/)?(\d{9,15})(?:[/?#]|$)/;
const EPID_PATH = /^\/p\/(?:[^/]+\/)?(\d{5,15})(?:[/?#]|$)/;

/** Item specifics, newest layout first; the first match is the outermost section. */
const SPECIFICS =
  '.x-about-this-item, .ux-layout-section-evo, .ux-layout-section--features, #viTabs_0_is, div.itemAttr';

const DETAILS_ABOUT = /^Details about\s*/i;

const itemIdOf = (url: URL) => ITEM_PATH.exec(url.pathname)?.[1] ?? null;

function pageType(url: URL): PageType {
  if (url.hostname.startsWith('cart.')) return 'cart';
  if (itemIdOf(url) || EPID_PATH.test(url.pathname)) return 'product';
  if (/^\/(?:mye\/myebay\/purchase|myb\/PurchaseHistory)/i.test(url.pathname)) return 'orders';
  return 'other';
}

type Obj = Record<string, unknown>;
const values = (v: unknown): Obj[] =>
  v && typeof v === 'object' ? (Object.values(v).filter((x) => x && typeof x === 'object') as Obj[]) : [];

/** The MSKU selection named by `?var=`: its menu values ("Slate Grey / Large") and the facts it carries. */
function msku(doc: Document, b: IdentityBuilder, varId: string): void {
  const text = scriptText(doc, '"MSKU"');
  const model = text ? literalsAfter(text, '"MSKU"')[0] : undefined;
  const variation = at(model, 'variationsMap', varId);
  if (!variation) return;
  const parts: string[] = [];
  for (const item of values(at(model, 'menuItemMap'))) {
    const ids = Array.isArray(item.matchingVariationIds) ? item.matchingVariationIds.map(String) : [];
    if (ids.includes(varId)) parts.push(cleanText(String(item.valueName ?? '')));
  }
  b.setVariant(parts.filter(Boolean).join(' / '));
  const visit = (o: unknown, depth: number): void => {
    if (!o || typeof o !== 'object' || depth > 6) return;
    const r = o as Obj;
    const name = r.name ?? r.label ?? r.displayName;
    const value = Array.isArray(r.values) ? r.values[0] : r.value;
    const kind = typeof name === 'string' ? labelKind(name) : null;
    if (kind && kind !== 'sku') b.add(kind === 'mpn' ? 'model' : kind, value, 'embedded-json', String(name));
    for (const [k, v] of Object.entries(r)) {
      const keyKind = labelKind(k);
      if (keyKind === 'gtin' || keyKind === 'mpn')
        b.add(keyKind === 'gtin' ? 'gtin' : 'model', v, 'embedded-json', k);
      else visit(v, depth + 1);
    }
  };
  visit(variation, 0);
}

/** Lines of the 2019–2020 purchase history's order blocks, or null when the page has none. */
function purchaseHistoryLines(doc: Document, url: URL): ProductIdentity[] | null {
  const orders = Array.from(doc.querySelectorAll('.order-r')).filter((o) =>
    o.querySelector('.commitment-row'),
  );
  if (orders.length === 0) return null;
  const items: ProductIdentity[] = [];
  for (const order of orders) {
    const header = order.querySelector('.order-row') ?? order;
    const count = /\((\d{1,3})\s+items?\)/i.exec(cleanText(header.textContent))?.[1];
    const seller = header.querySelector('a.seller-id')?.textContent;
    const rows = Array.from(order.querySelectorAll('.commitment-row'));
    for (const row of rows) {
      const link = row.querySelector('a.item-title[href], a.vip[href]');
      let href: URL | null = null;
      try {
        href = link ? new URL(link.getAttribute('href') ?? '', url) : null;
      } catch {
        href = null;
      }
      const id = (href && itemIdOf(href)) ?? row.querySelector('[data-itemid]')?.getAttribute('data-itemid');
      const title = cleanText(link?.textContent) || row.querySelector('.item-name')?.textContent;
      if (!id || !/^\d{9,15}$/.test(id)) continue;
      const printed = /\b(?:qty|quantity)\D{0,12}?(\d{1,3})\b/i.exec(cleanText(row.textContent))?.[1];
      const quantity =
        printed ?? (rows.length === 1 ? count : count && Number(count) === rows.length ? '1' : undefined);
      const b = new IdentityBuilder({ marketplace: 'ebay', pageType: 'orders', url: url.href })
        .add('itemId', id, 'url', 'line item link')
        .add('title', title, 'title-text', 'line item link')
        .add('seller', seller, 'byline', 'sold by')
        .setQuantity(quantity);
      const v = href?.searchParams.get('var');
      if (v && v !== '0') b.setVariant(`var ${v}`);
      items.push(b.build());
    }
  }
  return items;
}

const ebay: MarketplaceAdapter = {
  id: 'ebay',
  name: 'eBay',
  countries: ['US', 'GB', 'DE', 'CA', 'AU'],
  matches: TLDS.flatMap((tld) => [
    `https://www.ebay.${tld}/*`,
    `https://cart.ebay.${tld}/*`,
    `https://cart.payments.ebay.${tld}/*`,
  ]),
  claims: (url) => url.protocol === 'https:' && HOST.test(url.hostname),
  pageType,
  // Cart and order lines link to `/itm/<id>` on the site's www host: the same origin for the purchase
  // history, another origin for the carts (cart.payments.ebay.com → www.ebay.com), which the background
  // reads. The cart's own TLD picks the site.
  productUrl(itemId, page) {
    const tld = HOST.exec(page.hostname)?.[2];
    return tld && /^\d{9,15}$/.test(itemId) ? `https://www.ebay.${tld}/itm/${itemId}` : null;
  },
  productHosts: TLDS.map((tld) => `www.ebay.${tld}`),
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'orders') {
      const lines = purchaseHistoryLines(doc, url);
      if (lines) return { pageType: type, items: lines };
    }
    if (type === 'cart' || type === 'orders') {
      const root = doc.querySelector('#mainContent, main') ?? doc.body;
      const skip = '[class*="merch" i], [class*="recommend" i], [data-test-id*="saved" i]';
      const lines = lineItems(root, url, itemIdOf, skip, type === 'cart');
      const items = lineIdentities('ebay', type, url, lines);
      // The variation bought or carted: `?var=` on the row's item link.
      items.forEach((item, i) => {
        const v = lines[i]?.href.searchParams.get('var');
        if (v) item.variant = `var ${v}`;
      });
      return { pageType: type, items };
    }
    const titleEl = doc.querySelector('h1.x-item-title__mainTitle, h1#itemTitle, .x-prp-product h1, main h1');
    const structured = readStructuredData(doc, url);
    if (type !== 'product' || (!titleEl && !structured.found)) return { pageType: 'other', items: [] };

    const b = new IdentityBuilder({ marketplace: 'ebay', pageType: 'product', url: url.href });
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    b.add('itemId', itemIdOf(url) ?? EPID_PATH.exec(url.pathname)?.[1], 'url');
    b.add('itemId', /\/itm\/(?:[^/]+\/)?(\d{9,15})/.exec(canonical)?.[1], 'url', 'canonical');
    const varId = url.searchParams.get('var');
    if (varId && varId !== '0') msku(doc, b, varId);
    // Item listings mark up the listing itself; its `sku` is the seller's own code, not an eBay id.
    // Legacy titles (microdata `name` on the h1 too) start with a hidden "Details about" span.
    for (const f of structured.facts)
      if (f.field !== 'itemId') b.add(f.field, f.value.replace(DETAILS_ABOUT, ''), f.source, f.label);
    const specifics = doc.querySelector(SPECIFICS);
    b.addFacts(factsFromPairs(harvestPairs(specifics ?? doc.createElement('i'))));
    b.addFacts(factsFromPairs(textPairs(specifics, 'td.attrLabels')));
    b.addFacts(
      factsFromPairs(textPairs(doc.querySelector('.x-prp-product-details'), '.x-prp-product-details_name')),
    );
    b.add(
      'seller',
      doc.querySelector(
        '.x-sellercard-atf__info__about-seller a span, div.info__about-seller a span, .mbg-nw',
      )?.textContent,
      'byline',
      'seller card',
    );
    b.add('title', cleanText(titleEl?.textContent).replace(DETAILS_ABOUT, ''), 'title-text', 'h1');
    return { pageType: 'product', items: [b.build()] };
  },
  // MSKU selections swap price, quantity and specifics in place inside the main column.
  observeSelectors: ['#mainContent', '.x-msku__box'],
};

export default ebay;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the recalled demo hand warmer from modern item specifics and drops "Does not apply"',
    url: 'https://www.ebay.com/itm/305512345678?_trkparms=amclksrc%3DITM&itmmeta=01DEMO',
    fixture: 'ebay/item-modern.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '305512345678',
        title: 'Lumora Rechargeable Hand Warmer 5000mAh USB-C Reusable 2 Pack',
        brand: 'Lumora',
        manufacturer: null,
        // "Model" on eBay is free text typed by the seller; it stays a (weaker) model after the MPN.
        models: ['LM-HW5000', 'Lumora 5000'],
        gtins: [],
        rawGtins: [],
        seller: 'northridge_outfitters',
      },
    ],
  },
  {
    name: 'reads the UPC of the MSKU variation that ?var= selects',
    url: 'https://www.ebay.com/itm/Kettlebrook-CozyNest-Toddler-Step-Stool/305598765432?var=401234567890',
    fixture: 'ebay/item-msku.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '305598765432',
        brand: 'Kettlebrook',
        models: ['KB-TS100-NW', 'KB-TS100'],
        gtins: ['00850012345671'],
        rawGtins: ['850012345671'],
        seller: 'kettlebrook_direct',
      },
    ],
  },
  {
    name: 'reads the other MSKU variation with its own UPC',
    url: 'https://www.ebay.com/itm/305598765432?var=401234567891',
    fixture: 'ebay/item-msku.html',
    expectPageType: 'product',
    expectItems: [{ itemId: '305598765432', models: ['KB-TS100-WH', 'KB-TS100'], gtins: ['00850012345688'] }],
  },
  {
    name: 'keeps to the parent listing when no MSKU variation is selected',
    url: 'https://www.ebay.com/itm/305598765432',
    fixture: 'ebay/item-msku.html',
    expectPageType: 'product',
    expectItems: [{ itemId: '305598765432', models: ['KB-TS100'], gtins: [], rawGtins: [] }],
  },
  {
    name: 'reads a legacy item page: microdata with a 12-digit gtin13 and the four-cell attribute table',
    url: 'https://www.ebay.com/itm/Brightwick-NL-220-Plug-in-LED-Night-Light/181234567890?hash=item2a3b4c5d6e',
    fixture: 'ebay/item-legacy.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '181234567890',
        title: 'Brightwick NL-220 Plug-in LED Night Light Dusk Sensor',
        brand: 'Brightwick',
        models: ['NL-220'],
        gtins: ['00850034123455'],
        rawGtins: ['850034123455'],
        seller: 'brightwick_outlet',
      },
    ],
  },
  {
    name: 'reads a /p/ catalogue page by its ePID and product identifiers',
    url: 'https://www.ebay.com/p/23047511?iid=305500000001',
    fixture: 'ebay/catalog-product.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '23047511',
        title: 'Saltmarsh Insulated Water Bottle 750 ml',
        brand: 'Saltmarsh',
        models: ['SM-IB750'],
        gtins: ['00850045678906'],
        seller: null,
      },
    ],
  },
  {
    name: 'lists the cart lines and skips saved-for-later and related items',
    url: 'https://cart.payments.ebay.com/sc/view',
    fixture: 'ebay/cart.html',
    expectPageType: 'cart',
    expectItems: [
      { itemId: '305512345678', title: 'Lumora Rechargeable Hand Warmer 5000mAh USB-C Reusable 2 Pack' },
      { itemId: '305598765432', title: 'Kettlebrook CozyNest Toddler Step Stool - Natural or White' },
    ],
  },
  {
    name: 'lists past purchases and skips the buy-it-again strip',
    url: 'https://www.ebay.com/mye/myebay/purchase',
    fixture: 'ebay/purchase-history.html',
    expectPageType: 'orders',
    expectItems: [
      { itemId: '305512345678', title: 'Lumora Rechargeable Hand Warmer 5000mAh USB-C Reusable 2 Pack' },
      { itemId: '181234567890', title: 'Brightwick NL-220 Plug-in LED Night Light Dusk Sensor' },
    ],
  },
  { name: 'treats cart.ebay.co.uk as a cart page', url: 'https://cart.ebay.co.uk/', expectPageType: 'cart' },
  {
    name: 'treats an ebay.de item as a product page',
    url: 'https://www.ebay.de/itm/305512345678',
    expectPageType: 'product',
  },
  {
    name: 'does not treat a search page as a product page',
    url: 'https://www.ebay.com/sch/i.html?_nkw=hand+warmer',
    expectPageType: 'other',
  },
  {
    name: 'does not treat a review page as a product page',
    url: 'https://www.ebay.com/urw/Lumora-Hand-Warmer/product-reviews/23047511',
    expectPageType: 'other',
  },
];
