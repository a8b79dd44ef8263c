/**
 * Amazon (amazon.com, .ca, .co.uk, .de, .fr, .it, .es, .co.jp, .com.au). Same DOM ids on every TLD;
 * only the labels are localised (marketplaces.md §2.1).
 *
 * Product pages carry no schema.org Product, so identity comes from the labelled detail sections,
 * read with the shared alias table. Every query is scoped to a main-product section by id: carousels,
 * sponsored tiles and the "compare with similar items" table describe other products (other ASINs,
 * brands and models), so a page-wide `[data-asin]` or `tr` harvest would mix them in.
 *
 * Orders pages: one identity per item link (`/dp/<ASIN>`, `/gp/product/<ASIN>`) inside the order cards,
 * with the link text as title. Order lines carry no brand, model or GTIN; resolving them (fetching each
 * product page) is left to the caller, as for cart rows.
 */
import { IdentityBuilder } from '../extract/identity-builder';
import { cleanText, factsFromPairs, harvestPairs } from '../extract/labels';
import type { PageType, ProductIdentity } from '../schemas';
import type { AdapterTestCase, ExtractResult, MarketplaceAdapter } from './adapter';

const TLDS = ['com', 'ca', 'co.uk', 'de', 'fr', 'it', 'es', 'co.jp', 'com.au'] as const;
const HOSTS = new Set<string>(TLDS.map((tld) => `www.amazon.${tld}`));

/** `/dp/<ASIN>`, `/<slug>/dp/<ASIN>`, `/gp/product/<ASIN>`, `/gp/aw/d/<ASIN>` (mobile). */
const PRODUCT_PATH = /(?:^|\/)(?:dp|gp\/product|gp\/aw\/d)\/([A-Z0-9]{10})(?=[/?#]|$)/i;

/** Ten upper-case letters or digits: `B0…` ASINs, and the ISBN-10s that serve as ASINs on book pages. */
const ASIN = /^(?:[A-Z0-9]{10})$/;

/**
 * Sections that hold the product's own label/value pairs, by layout:
 * - 2024–2026 "expander" layout: `#productDetails_expanderTables_depth{Left,Right}Sections`, tables
 *   inside collapsed `a-expander-content` blocks (display:none, still in the DOM);
 * - to 2023: `#productDetails_techSpec_section_{1,2}` and `#productDetails_detailBullets_sections1`;
 * - detail-bullets layout (books, most EU/JP pages): `#detailBullets_feature_div`, and its 2022+ wrapper;
 * - technical-specification tables of some categories;
 * - the product overview (`tr.po-brand`, `tr.po-model_name` ...) above the buy box.
 */
const DETAIL_SECTIONS = [
  '#productOverview_feature_div',
  '#productDetails_expanderTables_depthLeftSections',
  '#productDetails_expanderTables_depthRightSections',
  '#productDetails_techSpec_section_1',
  '#productDetails_techSpec_section_2',
  '#productDetails_detailBullets_sections1',
  '#detailBulletsWrapper_feature_div',
  '#detailBullets_feature_div',
  '#technicalSpecifications_section_1',
  '#product-specification-table',
];

function asinFromUrl(url: URL): string | null {
  return PRODUCT_PATH.exec(url.pathname)?.[1]?.toUpperCase() ?? null;
}

function claims(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname.toLowerCase());
}

function pageType(url: URL): PageType {
  const path = url.pathname;
  if (PRODUCT_PATH.test(path)) return 'product';
  if (/^\/gp\/cart\/view\.html/i.test(path) || /^\/cart\/?$/i.test(path)) return 'cart';
  if (/^\/gp\/your-account\/order-history/i.test(path) || /^\/your-orders(?:\/|$)/i.test(path))
    return 'orders';
  return 'other';
}

/** Root elements of the detail sections, without one nested in another (the bullets wrapper). */
function detailRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  for (const selector of DETAIL_SECTIONS) {
    const el = doc.querySelector(selector);
    if (el && !roots.some((r) => r.contains(el) || el.contains(r))) roots.push(el);
  }
  return roots;
}

/**
 * The seller: the third-party seller link (`#sellerProfileTriggerId`, every layout), then the 2023+
 * buy box's "Sold by" feature, then the older `#merchant-info` sentence ("Ships from and sold by X.",
 * "Verkauf und Versand durch X.").
 */
function seller(doc: Document): string | null {
  const link = cleanText(doc.querySelector('#sellerProfileTriggerId')?.textContent);
  if (link) return link;
  const feature = cleanText(
    // The feature's label ("Sold by", "Verkäufer") uses the same message class inside `-label`.
    doc.querySelector(
      '#merchantInfoFeature_feature_div .offer-display-feature-text .offer-display-feature-text-message',
    )?.textContent,
  );
  if (feature) return feature;
  const info = cleanText(doc.querySelector('#merchant-info')?.textContent);
  const m =
    /(?:sold by|verkauf(?:\s+und\s+versand)? durch|vendu(?:\s+et\s+expédié)? par|venduto(?:\s+e\s+spedito)? da|vendido(?:\s+y\s+enviado)? por)\s+(.+?)(?:\s+(?:and|und|et|e|y)\s+(?:fulfilled|ships|versand|expédié|spedito|enviado)\b.*)?\.?$/i.exec(
      info,
    );
  return m?.[1] ? cleanText(m[1]) : null;
}

/** The selected twister dimensions ("Natural Wood / Small"), from the variation rows' `.selection`. */
function variant(doc: Document): string | null {
  const parts = Array.from(doc.querySelectorAll('#twister [id^="variation_"] .selection'))
    .map((el) => cleanText(el.textContent))
    .filter(Boolean);
  return parts.length > 0 ? parts.join(' / ') : null;
}

function extractProduct(doc: Document, url: URL): ExtractResult {
  const titleEl = Array.from(doc.querySelectorAll('#productTitle')).find((el) => cleanText(el.textContent));
  const asinInput = doc.querySelector('input#ASIN');
  // Without the title or the ASIN field this is not a product page (robot check, interstitial, error).
  if (!titleEl && !asinInput) return { pageType: 'other', items: [] };

  const b = new IdentityBuilder({ marketplace: 'amazon', pageType: 'product', url: url.href });
  // input#ASIN follows twister variant swaps (the URL may still name the ASIN first loaded), so the URL
  // is only the fallback. The field occurs up to three times per page, always with the same value.
  const inputAsin = cleanText(asinInput?.getAttribute('value')).toUpperCase();
  if (ASIN.test(inputAsin)) b.add('itemId', inputAsin, 'embedded-json', 'input#ASIN');
  else b.add('itemId', asinFromUrl(url), 'url');
  b.add('title', titleEl?.textContent, 'title-text', 'productTitle');

  // The overview's brand row is read first by class: its label is localised ("Marke", "ブランド").
  const poBrand = doc.querySelector('#productOverview_feature_div tr.po-brand td:nth-child(2)');
  b.add('brand', poBrand?.textContent, 'spec-table', 'po-brand');
  for (const root of detailRoots(doc)) b.addFacts(factsFromPairs(harvestPairs(root)));

  // The byline names the brand ("Visit the X Store", "Brand: X", "Besuche den X-Store"), except on book
  // pages, where it lists authors. `#brand` is the 2017–2019 byline.
  const byline = doc.querySelector('#bylineInfo');
  if (byline && !byline.querySelector('.author')) b.add('brand', byline.textContent, 'byline', 'bylineInfo');
  b.add('brand', doc.querySelector('a#brand')?.textContent, 'byline', 'brand');

  b.add('seller', seller(doc), 'byline', 'seller');
  b.setVariant(variant(doc));
  return { pageType: 'product', items: [b.build()] };
}

/** Title of a cart row: the full text of a truncated title, else the title's text. */
function cartRowTitle(row: Element): string {
  const title = row.querySelector('.sc-product-title, .sc-grid-item-product-title');
  if (!title) return '';
  return cleanText(
    title.querySelector('.a-truncate-full')?.textContent ||
      title.querySelector('.a-truncate-cut')?.textContent ||
      title.textContent,
  );
}

/** Quantity of a cart row: `data-quantity`, then the stepper (2023+), the text field, the dropdown. */
function cartRowQuantity(row: Element): string | null {
  return (
    row.getAttribute('data-quantity') ??
    row
      .querySelector('fieldset[data-action="a-stepper"][data-steppervalue]')
      ?.getAttribute('data-steppervalue') ??
    row.querySelector('input.sc-quantity-textfield')?.getAttribute('value') ??
    row.querySelector('.a-dropdown-prompt')?.textContent ??
    null
  );
}

/** One identity per active cart row; saved-for-later (`#sc-saved-cart`) uses the same markup and is skipped. */
function extractCart(doc: Document, url: URL): ExtractResult {
  const items: ProductIdentity[] = [];
  const seen = new Set<string>();
  for (const row of Array.from(doc.querySelectorAll('#sc-active-cart .sc-list-item[data-asin]'))) {
    const asin = cleanText(row.getAttribute('data-asin')).toUpperCase();
    if (!ASIN.test(asin) || seen.has(asin)) continue;
    seen.add(asin);
    const b = new IdentityBuilder({ marketplace: 'amazon', pageType: 'cart', url: url.href });
    b.add('itemId', asin, 'embedded-json', 'data-asin');
    b.add('title', cartRowTitle(row), 'title-text', 'sc-product-title');
    b.setQuantity(cartRowQuantity(row));
    items.push(b.build());
  }
  return { pageType: 'cart', items };
}

/** Order cards: the 2023+ `.order-card` and the older `#ordersContainer .order` boxes. */
const ORDER_CARDS = '.order-card, .js-order-card, #ordersContainer .order';

function extractOrders(doc: Document, url: URL): ExtractResult {
  const titles = new Map<string, string>();
  for (const card of Array.from(doc.querySelectorAll(ORDER_CARDS))) {
    for (const link of Array.from(card.querySelectorAll('a[href*="/dp/"], a[href*="/gp/product/"]'))) {
      let href: URL;
      try {
        href = new URL(link.getAttribute('href') ?? '', url);
      } catch {
        continue;
      }
      const asin = asinFromUrl(href);
      if (!asin) continue;
      // The image link comes first and has no text; the title link of the same item follows it.
      const text = cleanText(link.textContent);
      if (!titles.has(asin) || (!titles.get(asin) && text)) titles.set(asin, text);
    }
  }
  const items = [...titles].map(([asin, title]) =>
    new IdentityBuilder({ marketplace: 'amazon', pageType: 'orders', url: url.href })
      .add('itemId', asin, 'url', 'order item link')
      .add('title', title, 'title-text', 'order item link')
      .build(),
  );
  return { pageType: 'orders', items };
}

const amazon: MarketplaceAdapter = {
  id: 'amazon',
  name: 'Amazon',
  countries: ['US', 'CA', 'GB', 'DE', 'FR', 'IT', 'ES', 'JP', 'AU'],
  matches: TLDS.map((tld) => `https://www.amazon.${tld}/*`),
  claims,
  pageType,
  extract(doc, url) {
    switch (pageType(url)) {
      case 'product':
        return extractProduct(doc, url);
      case 'cart':
        return extractCart(doc, url);
      case 'orders':
        return extractOrders(doc, url);
      default:
        return { pageType: 'other', items: [] };
    }
  },
  // The twister swaps title, #ASIN and the detail tables in place inside these containers.
  observeSelectors: ['#ppd', '#centerCol', '#prodDetails'],
  // Cart and order lines name the item; its product page (same origin) carries the identifiers.
  productUrl: (itemId, page) => (/^[A-Z0-9]{10}$/.test(itemId) ? `${page.origin}/dp/${itemId}` : null),
};

export default amazon;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the recalled demo stool from a 2026 expander layout without leaking carousel products',
    url: 'https://www.amazon.com/Kettlebrook-CozyNest-Toddler-Natural-Kitchen/dp/B0DEMO0001/ref=sr_1_3?keywords=toddler+step+stool',
    fixture: 'amazon/product-expander.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0DEMO0001',
        title: 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood, Kitchen Helper',
        brand: 'Kettlebrook',
        manufacturer: 'Kettlebrook Home Goods',
        models: ['KB-TS100'],
        gtins: ['00850012345671'],
        rawGtins: ['850012345671'],
        seller: 'Kettlebrook Direct',
      },
    ],
  },
  {
    name: 'reads a 2021 tech-spec layout with no UPC and ignores a part number equal to the ASIN',
    url: 'https://www.amazon.com/dp/B0DEMO0002',
    fixture: 'amazon/product-techspec-2021.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0DEMO0002',
        title: 'Lumora Rechargeable Hand Warmer 5000mAh, 2 Pack',
        brand: 'Lumora',
        manufacturer: 'Lumora Outdoor',
        models: ['LM-HW5000'],
        gtins: [],
        rawGtins: [],
        seller: 'Lumora Outdoor',
      },
    ],
  },
  {
    name: 'reads German detail bullets whose labels carry direction marks',
    url: 'https://www.amazon.de/Brunnwald-Babyphone-Kamera-Display-BW-320/dp/B0DEMO0003?th=1',
    fixture: 'amazon/product-detail-bullets-de.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0DEMO0003',
        title: 'Brunnwald Babyphone mit Kamera BW-320, 2,8 Zoll Farbdisplay, Gegensprechfunktion',
        brand: 'Brunnwald',
        manufacturer: 'Brunnwald GmbH',
        models: ['BW-320'],
        gtins: ['04260123456788'],
        rawGtins: ['4260123456788'],
        seller: 'Brunnwald Direkt',
      },
    ],
  },
  {
    name: 'lists the active cart rows and skips saved-for-later and recommendations',
    url: 'https://www.amazon.com/gp/cart/view.html?ref_=nav_cart',
    fixture: 'amazon/cart.html',
    expectPageType: 'cart',
    expectItems: [
      {
        itemId: 'B0DEMO0001',
        title: 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood, Kitchen Helper',
      },
      { itemId: 'B0DEMO0002', title: 'Lumora Rechargeable Hand Warmer 5000mAh, 2 Pack' },
      { itemId: 'B0DEMO0004', title: 'Pebblestone Silicone Baby Bibs, Set of 3, Waterproof, Sage/Sand/Clay' },
    ],
  },
  {
    name: 'lists one identity per ordered item and ignores the buy-again carousel',
    url: 'https://www.amazon.com/your-orders/orders?timeFilter=months-3',
    fixture: 'amazon/orders.html',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B0DEMO0001',
        title: 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood, Kitchen Helper',
      },
      { itemId: 'B0DEMO0005', title: 'Tidewell Stainless Steel Sippy Cup with Handles, 8 oz' },
    ],
  },
  {
    name: 'returns nothing for a robot check served at a product URL',
    url: 'https://www.amazon.com/dp/B0DEMO0001',
    fixture: 'amazon/robot-check.html',
    expectPageType: 'other',
    expectItems: [],
  },
  {
    name: 'treats /gp/product/ as a product page',
    url: 'https://www.amazon.com/gp/product/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats the mobile /gp/aw/d/ path as a product page',
    url: 'https://www.amazon.com/gp/aw/d/B0DEMO0001/',
    expectPageType: 'product',
  },
  {
    name: 'treats amazon.co.jp /dp/ as a product page',
    url: 'https://www.amazon.co.jp/dp/B0DEMO0001?psc=1',
    expectPageType: 'product',
  },
  {
    name: 'treats amazon.com.au /dp/ as a product page',
    url: 'https://www.amazon.com.au/Some-Product/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  { name: 'treats /cart as a cart page', url: 'https://www.amazon.co.uk/cart', expectPageType: 'cart' },
  {
    name: 'treats the order history as an orders page',
    url: 'https://www.amazon.de/gp/your-account/order-history?ref_=ya_d_c_yo',
    expectPageType: 'orders',
  },
  {
    name: 'does not treat a review page as a product page',
    url: 'https://www.amazon.com/product-reviews/B0DEMO0001/ref=cm_cr_dp_d_show_all_btm',
    expectPageType: 'other',
  },
  {
    name: 'does not treat a search page as a product page',
    url: 'https://www.amazon.com/s?k=toddler+step+stool',
    expectPageType: 'other',
  },
];
