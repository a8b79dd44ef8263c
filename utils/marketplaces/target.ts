/**
 * Target (target.com). No real product page was captured, so keys come from public code.
 *
 * An inline script defines `__TGT_DATA__` as `deepFreeze(JSON.parse("…escaped JSON…"))`; the string is
 * read from the script text. The product sits under `__PRELOADED_QUERIES__.queries[n][1].data.product`;
 * the one whose `tcin` equals the URL's is used (the data is stale after a client-side route change,
 * and other queries describe recommended products). `?preselect=<childTcin>` selects a variant among
 * `children[]`, with its own barcode. `product_description.bullet_descriptions` print specs as
 * `<B>Label:</B> value`.
 *
 * The DOM "Specifications" block prints `<div><b>UPC</b>: 0123…</div>` lines; it is read too, as the
 * fallback when the data is stale (it may be collapsed and not rendered: then the page says less). The
 * data's title is HTML-escaped ("Pok&#233;mon"). Without the data (a saved page whose scripts were
 * emptied, 2026) the brand is the "Shop all <brand>" link above the title.
 *
 * The order history (/orders, 2024–2025 layout) lists orders as cards (`styles_orderCard__<hash>`) of
 * item thumbnails (`styles_imageBox__<hash>`) that name the item only in the image's alt text; in-store
 * cards add " - quantity: 3" to it, online cards a `--quantity-content:"2"` badge style. A card links to
 * its order (/orders/<number>), not to the items, so such lines have a title and no TCIN; a thumbnail
 * that does link to /p/…/A-<tcin> gives the TCIN. Order detail pages and older lists link each item.
 */
import { decodeEntities } from '../extract/decode-entities';
import { at, findDeep, jsonParseArgument, scriptText } from '../extract/embedded-json';
import { lineIdentities, lineItems, textPairs } from '../extract/embedded-lines';
import { IdentityBuilder } from '../extract/identity-builder';
import { cleanText, factsFromPairs, type LabelPair, normalizeLabel } from '../extract/labels';
import type { PageType, ProductIdentity } from '../schemas';
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

/**
 * Order cards of the 2024–2025 order history, outermost first. Class names are CSS-module hashes
 * (`styles_orderCard__Xy12a`); the data-test names are kept for the layouts before and after.
 */
const ORDER_CARDS = '[class*="orderCard"], [data-test="order-card"], [data-test="@web/account/OrderCard"]';
/** One thumbnail per line inside a card (2024–2025). */
const ITEM_BOXES = '[class*="imageBox"]';
/** Where a card keeps its thumbnails when they are not in boxes: online and in-store cards. */
const CARD_IMAGES =
  '[data-test="order-images-component"] img[alt], [class*="packageImagesContainer"] img[alt]';
/** In-store thumbnails print the count after the name: "Fresh Mandarin Orange - each - quantity: 4". */
const QUANTITY_SUFFIX = /\s*-\s*quantity:\s*(\d{1,3})\s*$/i;
const QUANTITY_BADGE = /--quantity-content\s*:\s*["'\\]*(\d{1,3})/;

const outermost = (els: Element[]): Element[] =>
  els.filter((el) => !els.some((o) => o !== el && o.contains(el)));

const tcinOfLink = (a: Element | null, base: URL): string | null => {
  try {
    return a ? tcinOf(new URL(a.getAttribute('href') ?? '', base)) : null;
  } catch {
    return null;
  }
};

/** The lines of the order cards, or null when the page has no order cards. */
function orderCardLines(doc: Document, url: URL): ProductIdentity[] | null {
  const root = doc.querySelector('main') ?? doc.body;
  const cards = outermost(Array.from(root?.querySelectorAll(ORDER_CARDS) ?? []));
  if (cards.length === 0) return null;
  const items: ProductIdentity[] = [];
  for (const card of cards) {
    const boxes = outermost(Array.from(card.querySelectorAll(ITEM_BOXES)));
    const units = boxes.length > 0 ? boxes : Array.from(card.querySelectorAll(CARD_IMAGES));
    for (const unit of units) {
      const img = unit.matches('img') ? unit : unit.querySelector('img[alt]:not([alt=""])');
      const alt = cleanText(decodeEntities(img?.getAttribute('alt') ?? ''));
      if (!alt) continue;
      const suffix = QUANTITY_SUFFIX.exec(alt);
      const styled = [unit, ...Array.from(unit.querySelectorAll('[style]'))]
        .map((el) => QUANTITY_BADGE.exec(el.getAttribute('style') ?? '')?.[1])
        .find(Boolean);
      // A thumbnail without a badge or suffix stands for one unit: the badge is drawn only above one.
      const quantity = suffix?.[1] ?? styled ?? '1';
      // The link around or inside the thumbnail; the card's own link goes to the order, not an item.
      const link = [unit.closest('a[href]'), ...Array.from(unit.querySelectorAll('a[href]'))].find(
        (a) => a && card.contains(a) && tcinOfLink(a, url),
      );
      const b = new IdentityBuilder({ marketplace: 'target', pageType: 'orders', url: url.href });
      b.add('itemId', tcinOfLink(link ?? null, url), 'url', 'item link');
      b.add('title', suffix ? alt.slice(0, suffix.index) : alt, 'title-text', 'item image alt');
      b.setQuantity(quantity);
      items.push(b.build());
    }
  }
  return items;
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
    if (type === 'orders') {
      const lines = orderCardLines(doc, url);
      if (lines) return { pageType: type, items: lines };
    }
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
      const title = at(product, 'item', 'product_description', 'title');
      b.add('title', typeof title === 'string' ? decodeEntities(title) : null, 'embedded-json', 'title');
      // The parent's barcode is one variant's; with a variant selected only the child's counts.
      if (child)
        b.add('brand', at(product, 'item', 'primary_brand', 'name'), 'embedded-json', 'primary_brand');
      else addItem(b, at(product, 'item'), 'item');
    }
    const specs = textPairs(doc.querySelector('[data-test="item-details-specifications"]'), 'b');
    // TCIN/DPCI/UPC lines describe the variant on display; a different TCIN means stale markup.
    const shownTcin = specs.find((p) => p.key === 'tcin')?.value;
    if (!shownTcin || shownTcin === (child ? preselect : tcin)) b.addFacts(factsFromPairs(specs));
    // "Shop all <brand>" above the title (2025–2026); the first one is the product's, a sticky bar repeats it.
    const shopAll = cleanText(doc.querySelector('a[data-test="shopAllBrandLink"]')?.textContent);
    b.add('brand', /^Shop all\s+(.+)$/i.exec(shopAll)?.[1], 'byline', 'shop all brand link');
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
    name: 'lists every thumbnail of the 2025 order cards by its alt text, with badge and suffix quantities, and skips Buy it again',
    url: 'https://www.target.com/orders',
    fixture: 'target/orders-2025.html',
    expectPageType: 'orders',
    expectItems: [
      { itemId: null, title: 'Kettlebrook CozyNest Toddler Step Stool' },
      { itemId: null, title: 'Pebblestone Silicone Baby Bibs - 3pk' },
      { itemId: '88800123', title: 'Saltmarsh Insulated Water Bottle 24oz - Sage' },
      { itemId: null, title: 'Brightwick Plug-in LED Night Light 2pk' },
    ],
  },
  {
    name: 'treats an order detail page as an orders page',
    url: 'https://www.target.com/orders/912001234567890',
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
