/**
 * Target (target.com). marketplaces.md §2.4; no real page was captured, so keys come from public code.
 *
 * An inline script defines `__TGT_DATA__` as `deepFreeze(JSON.parse("…escaped JSON…"))`; the string is
 * read from the script text. The product sits under `__PRELOADED_QUERIES__.queries[n][1].data.product`;
 * the one whose `tcin` equals the URL's is used (the data is stale after a client-side route change,
 * and other queries describe recommended products). `?preselect=<childTcin>` selects a variant among
 * `children[]`, with its own barcode. `product_description.bullet_descriptions` print specs as
 * `<B>Label:</B> value`.
 *
 * The DOM "Specifications" block prints `<div><b>UPC</b>: 0123…</div>` lines; it is read too, as the
 * fallback when the data is stale (it may be collapsed and not rendered: then the page says less).
 */
import { at, findDeep, jsonParseArgument, scriptText } from '../extract/embedded-json';
import { lineIdentities, lineItems, textPairs } from '../extract/embedded-lines';
import { IdentityBuilder } from '../extract/identity-builder';
import { cleanText, factsFromPairs, type LabelPair, normalizeLabel } from '../extract/labels';
import type { PageType } from '../schemas';
import type { AdapterTestCase, MarketplaceAdapter } from './adapter';

const tcinOf = (url: URL) =>
  url.pathname.startsWith('/p/') ? (/\/A-(\d{5,12})(?:[/?#]|$)/.exec(url.pathname)?.[1] ?? null) : null;

function pageType(url: URL): PageType {
  if (tcinOf(url)) return 'product';
  if (/^\/cart\/?$/.test(url.pathname)) return 'cart';
  if (/^\/orders(?:\/|$)/.test(url.pathname)) return 'orders';
  return 'other';
}

/** `<B>Label:</B> value` bullet lines as label pairs. */
function bulletPairs(bullets: unknown): LabelPair[] {
  const out: LabelPair[] = [];
  for (const line of Array.isArray(bullets) ? bullets : []) {
    const m = /^([^:]{1,40}):\s*(.+)$/.exec(cleanText(String(line).replace(/<[^>]*>/g, '')));
    if (m?.[1] && m[2]) out.push({ label: m[1], key: normalizeLabel(m[1]), value: m[2] });
  }
  return out;
}

function addItem(b: IdentityBuilder, item: unknown, label: string): void {
  b.add('gtin', at(item, 'primary_barcode'), 'embedded-json', `${label}.primary_barcode`);
  b.add('brand', at(item, 'primary_brand', 'name'), 'embedded-json', `${label}.primary_brand`);
  b.addFacts(
    factsFromPairs(bulletPairs(at(item, 'product_description', 'bullet_descriptions')), 'embedded-json'),
  );
}

const target: MarketplaceAdapter = {
  id: 'target',
  name: 'Target',
  countries: ['US'],
  matches: ['https://www.target.com/*'],
  claims: (url) => url.protocol === 'https:' && url.hostname === 'www.target.com',
  pageType,
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'cart' || type === 'orders') {
      // A line's variant is the link's `?preselect=` child TCIN, as on the product page.
      const lineId = (u: URL) => (tcinOf(u) ? (u.searchParams.get('preselect') ?? tcinOf(u)) : null);
      const skip = '[data-test*="carousel" i], [data-test*="saved" i]';
      const lines = lineItems(doc.querySelector('main') ?? doc.body, url, lineId, skip, type === 'cart');
      return { pageType: type, items: lineIdentities('target', type, url, lines) };
    }
    const tcin = tcinOf(url);
    const titleEl = doc.querySelector('h1[data-test="product-title"], #pdp-product-title-id');
    const text = scriptText(doc, '__TGT_DATA__');
    const data = text ? jsonParseArgument(text, '__TGT_DATA__') : undefined;
    const product = findDeep(at(data, '__PRELOADED_QUERIES__'), (o) => o.tcin === tcin && 'item' in o);
    if (!tcin || (!product && !titleEl)) return { pageType: 'other', items: [] };

    const b = new IdentityBuilder({ marketplace: 'target', pageType: 'product', url: url.href });
    const preselect = url.searchParams.get('preselect');
    const children = at(product, 'children');
    const child = Array.isArray(children) ? children.find((c) => at(c, 'tcin') === preselect) : undefined;
    b.add('itemId', child ? preselect : tcin, 'url');
    if (child) addItem(b, at(child, 'item'), 'child');
    if (product) {
      b.add('title', at(product, 'item', 'product_description', 'title'), 'embedded-json', 'title');
      // The parent's barcode is one variant's; with a variant selected only the child's counts.
      if (child)
        b.add('brand', at(product, 'item', 'primary_brand', 'name'), 'embedded-json', 'primary_brand');
      else addItem(b, at(product, 'item'), 'item');
    }
    const specs = textPairs(doc.querySelector('[data-test="item-details-specifications"]'), 'b');
    // TCIN/DPCI/UPC lines describe the variant on display; a different TCIN means stale markup.
    const shownTcin = specs.find((p) => p.key === 'tcin')?.value;
    if (!shownTcin || shownTcin === (child ? preselect : tcin)) b.addFacts(factsFromPairs(specs));
    b.add('title', titleEl?.textContent, 'title-text', 'product-title');
    return { pageType: 'product', items: [b.build()] };
  },
  // Swatches and client-side routes re-render the page body in place.
  observeSelectors: ['#pageBodyContainer'],
  // Cart and order lines name the item; its product page (same origin) carries the identifiers.
  productUrl: (itemId, page) => (/^\d{5,10}$/.test(itemId) ? `${page.origin}/p/-/A-${itemId}` : null),
};

export default target;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the preselected variant of the recalled demo stool from the __TGT_DATA__ string payload',
    url: 'https://www.target.com/p/kettlebrook-cozynest-toddler-step-stool/-/A-91234567?preselect=91234568#lnk=sametab',
    fixture: 'target/product.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '91234568',
        title: 'Kettlebrook CozyNest Toddler Step Stool',
        brand: 'Kettlebrook',
        models: [],
        gtins: ['00850012345671'],
        rawGtins: ['850012345671'],
      },
    ],
  },
  {
    name: 'keeps a variant barcode off the parent when no variant is preselected',
    url: 'https://www.target.com/p/kettlebrook-cozynest-toddler-step-stool/-/A-91234567',
    fixture: 'target/product.html',
    expectPageType: 'product',
    expectItems: [{ itemId: '91234567', brand: 'Kettlebrook', gtins: [], rawGtins: [] }],
  },
  {
    name: 'lists the cart lines with their TCINs and skips the carousel',
    url: 'https://www.target.com/cart',
    fixture: 'target/cart.html',
    expectPageType: 'cart',
    expectItems: [
      { itemId: '91234568', title: 'Kettlebrook CozyNest Toddler Step Stool' },
      { itemId: '88800077', title: 'Pebblestone Silicone Baby Bibs - 3pk' },
    ],
  },
  {
    name: 'treats the order history as an orders page',
    url: 'https://www.target.com/orders',
    expectPageType: 'orders',
  },
  {
    name: 'does not treat a search page as a product page',
    url: 'https://www.target.com/s?searchTerm=step+stool',
    expectPageType: 'other',
  },
  {
    name: 'does not treat a category page as a product page',
    url: 'https://www.target.com/c/step-stools/-/N-4yl6o',
    expectPageType: 'other',
  },
];
