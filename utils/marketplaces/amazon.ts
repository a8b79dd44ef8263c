/**
 * Amazon, every retail storefront (amazon.com, .ca, .com.mx, .com.br, .co.uk, .de, .fr, .it, .es, .nl,
 * .se, .pl, .com.be, .ie, .co.jp, .com.au, .in, .sg, .ae, .sa, .com.tr, .eg). Same DOM ids on every TLD;
 * only the labels are localised.
 *
 * Product pages carry no schema.org Product: identity comes from the labelled detail sections, read by
 * utils/extract/amazon-product.ts.
 *
 * Order pages (history and details): one identity per printed order line, read by
 * utils/extract/amazon-orders.ts. Order lines carry no brand, model or GTIN; resolving them (fetching
 * each product page) is left to the caller, as for cart rows.
 */
import { amazonOrderLines } from '../extract/amazon-orders';
import { AMAZON_ITEM_ID, amazonProduct } from '../extract/amazon-product';
import { IdentityBuilder } from '../extract/identity-builder';
import { cleanText } from '../extract/labels';
import type { PageType, ProductIdentity } from '../schemas';
import type { AdapterTestCase, ExtractResult, MarketplaceAdapter } from './adapter';

/** Retail storefronts, each with its country (for reports) in the same order. */
const STOREFRONTS = [
  ['com', 'US'],
  ['ca', 'CA'],
  ['com.mx', 'MX'],
  ['com.br', 'BR'],
  ['co.uk', 'GB'],
  ['de', 'DE'],
  ['fr', 'FR'],
  ['it', 'IT'],
  ['es', 'ES'],
  ['nl', 'NL'],
  ['se', 'SE'],
  ['pl', 'PL'],
  ['com.be', 'BE'],
  ['ie', 'IE'],
  ['co.jp', 'JP'],
  ['com.au', 'AU'],
  ['in', 'IN'],
  ['sg', 'SG'],
  ['ae', 'AE'],
  ['sa', 'SA'],
  ['com.tr', 'TR'],
  ['eg', 'EG'],
] as const;
const HOSTS = new Set<string>(STOREFRONTS.map(([tld]) => `www.amazon.${tld}`));

/** `/dp/<ASIN>`, `/<slug>/dp/<ASIN>`, `/gp/product/<ASIN>`, `/gp/aw/d/<ASIN>` (mobile). */
const PRODUCT_PATH = /(?:^|\/)(?:dp|gp\/product|gp\/aw\/d)\/([A-Z0-9]{10})(?=[/?#]|$)/i;

function asinFromUrl(url: URL): string | null {
  return PRODUCT_PATH.exec(url.pathname)?.[1]?.toUpperCase() ?? null;
}

function claims(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname.toLowerCase());
}

/** Cart: desktop `/gp/cart/view.html` and `/cart`, mobile `/gp/aw/c`. */
const CART_PATH = /^\/(?:gp\/cart\/view\.html|cart\/?$|gp\/aw\/c(?:\/|$))/i;

/**
 * Order pages, by the URLs they have been served at:
 * - history: `/gp/css/order-history` (to 2020, still the nav link of some locales and Amazon Business),
 *   `/gp/your-account/order-history` and `/gp/legacy/order-history` (2015–2023), `/your-account/
 *   order-history` (the Your Account page's link, 2021+), `/your-orders/orders` (2023+);
 * - details: `/gp/css/summary/edit.html` (to 2017), `/gp/your-account/order-details` and
 *   `/gp/css/order-details` (2017–2026), `/your-orders/order-details` (2024+), `/uff/your-account/
 *   order-details` (Amazon Fresh), `/gp/digital/your-account/order-summary.html` (digital orders);
 * - package tracking, which lists the package's items: `/gp/your-account/ship-track` and
 *   `/progress-tracker/` (2019+).
 */
const ORDERS_PATH =
  /^\/(?:(?:gp\/)?(?:css|your-account|legacy)\/order-(?:history|details)|your-orders(?:\/|$)|uff\/your-account\/order-details|gp\/css\/summary\/edit\.html|gp\/digital\/your-account\/order-summary|gp\/your-account\/ship-track|progress-tracker\/)/i;

function pageType(url: URL): PageType {
  const path = url.pathname;
  if (PRODUCT_PATH.test(path)) return 'product';
  if (CART_PATH.test(path)) return 'cart';
  if (ORDERS_PATH.test(path)) return 'orders';
  return 'other';
}

function extractProduct(doc: Document, url: URL): ExtractResult {
  const item = amazonProduct(doc, url, asinFromUrl(url));
  // No product read: a robot check, interstitial or error page served at a product URL.
  return item ? { pageType: 'product', items: [item] } : { pageType: 'other', items: [] };
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

const ACTIVE_CART_ROWS = '#sc-active-cart .sc-list-item[data-asin]';

/** The title link of a line's row in the active cart (a saved-for-later row may repeat its ASIN). */
function cartLineElement(doc: Document, item: ProductIdentity): Element | null {
  if (item.pageType !== 'cart' || !item.itemId) return null;
  for (const row of Array.from(doc.querySelectorAll(ACTIVE_CART_ROWS))) {
    if (cleanText(row.getAttribute('data-asin')).toUpperCase() !== item.itemId) continue;
    // The title's link, not the thumbnail's (both are a.sc-product-link).
    const title = row.querySelector('.sc-product-title, .sc-grid-item-product-title');
    const link = title?.closest('a');
    return link && row.contains(link) ? link : title;
  }
  return null;
}

/** One identity per active cart row; saved-for-later (`#sc-saved-cart`) uses the same markup and is skipped. */
function extractCart(doc: Document, url: URL): ExtractResult {
  const items: ProductIdentity[] = [];
  const seen = new Set<string>();
  for (const row of Array.from(doc.querySelectorAll(ACTIVE_CART_ROWS))) {
    const asin = cleanText(row.getAttribute('data-asin')).toUpperCase();
    if (!AMAZON_ITEM_ID.test(asin) || seen.has(asin)) continue;
    seen.add(asin);
    const b = new IdentityBuilder({ marketplace: 'amazon', pageType: 'cart', url: url.href });
    b.add('itemId', asin, 'embedded-json', 'data-asin');
    b.add('title', cartRowTitle(row), 'title-text', 'sc-product-title');
    b.setQuantity(cartRowQuantity(row));
    items.push(b.build());
  }
  return { pageType: 'cart', items };
}

function extractOrders(doc: Document, url: URL): ExtractResult {
  return { pageType: 'orders', items: amazonOrderLines(doc, url, asinFromUrl) };
}

const amazon: MarketplaceAdapter = {
  id: 'amazon',
  name: 'Amazon',
  countries: STOREFRONTS.map(([, country]) => country),
  matches: STOREFRONTS.map(([tld]) => `https://www.amazon.${tld}/*`),
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
  lineElement: cartLineElement,
  // The twister swaps title, #ASIN and the detail tables in place inside these containers.
  observeSelectors: ['#ppd', '#centerCol', '#prodDetails'],
  // Cart and order lines name the item; its product page (same origin) carries the identifiers.
  productUrl: (itemId, page) => (AMAZON_ITEM_ID.test(itemId) ? `${page.origin}/dp/${itemId}` : null),
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
    name: 'lists every line of a 2019 amazon.co.uk order history at /gp/css/order-history, one per printed line',
    url: 'https://www.amazon.co.uk/gp/css/order-history?ref_=nav_orders_first',
    fixture: 'amazon/order-history-2019-uk.html',
    expectPageType: 'orders',
    expectItems: [
      { itemId: 'B0DEMO0011', title: 'Hollin Cordless Kettle 1.7 L, Brushed Steel, HK-1700' },
      { itemId: 'B0DEMO0012', title: 'Pebblestone Silicone Teething Ring, BPA Free, Sage' },
      { itemId: 'B0DEMO0013', title: 'Brightwick Night Light Plug-In, Warm White' },
      { itemId: 'B0DEMO0013', title: 'Brightwick Night Light Plug-In, Warm White' },
    ],
  },
  {
    name: 'reads an amazon.in cart, whose rows use the same markup as every storefront',
    url: 'https://www.amazon.in/gp/cart/view.html?ref_=nav_cart',
    fixture: 'amazon/cart.html',
    expectPageType: 'cart',
    expectItems: [{ itemId: 'B0DEMO0001' }, { itemId: 'B0DEMO0002' }, { itemId: 'B0DEMO0004' }],
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
    name: 'treats /dp/ on amazon.in as a product page',
    url: 'https://www.amazon.in/Sony-PlayStation-Digital-Edition-slim/dp/B0CY5QW186',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.com.br as a product page',
    url: 'https://www.amazon.com.br/dp/B0F1KTWXVW',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.com.mx as a product page',
    url: 'https://www.amazon.com.mx/dp/B099NZPC9H',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.nl as a product page',
    url: 'https://www.amazon.nl/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.se as a product page',
    url: 'https://www.amazon.se/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.pl as a product page',
    url: 'https://www.amazon.pl/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.com.be as a product page',
    url: 'https://www.amazon.com.be/fr/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.ie as a product page',
    url: 'https://www.amazon.ie/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.sg as a product page',
    url: 'https://www.amazon.sg/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.ae as a product page',
    url: 'https://www.amazon.ae/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.sa as a product page',
    url: 'https://www.amazon.sa/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.com.tr as a product page',
    url: 'https://www.amazon.com.tr/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats /dp/ on amazon.eg as a product page',
    url: 'https://www.amazon.eg/-/en/dp/B0DEMO0001',
    expectPageType: 'product',
  },
  {
    name: 'treats the English-UI /-/en/dp/ path on amazon.co.jp as a product page',
    url: 'https://www.amazon.co.jp/-/en/dp/B07WXL5YPW',
    expectPageType: 'product',
  },
  {
    name: 'treats the mobile /gp/aw/c cart as a cart page',
    url: 'https://www.amazon.in/gp/aw/c?ref_=navm_hdr_cart',
    expectPageType: 'cart',
  },
  {
    name: 'treats /gp/css/order-history as an orders page',
    url: 'https://www.amazon.co.uk/gp/css/order-history?ref_=nav_orders_first',
    expectPageType: 'orders',
  },
  {
    name: 'treats the Your Account link /your-account/order-history as an orders page',
    url: 'https://www.amazon.co.uk/your-account/order-history?ref_=ya_d_c_yo',
    expectPageType: 'orders',
  },
  {
    name: 'treats /your-orders/orders as an orders page',
    url: 'https://www.amazon.com.mx/your-orders/orders?timeFilter=year-2025',
    expectPageType: 'orders',
  },
  {
    name: 'treats /gp/your-account/order-details as an orders page',
    url: 'https://www.amazon.com/gp/your-account/order-details?ie=UTF8&orderID=112-0399923-3070642',
    expectPageType: 'orders',
  },
  {
    name: 'treats /gp/css/order-details as an orders page',
    url: 'https://www.amazon.com/gp/css/order-details?orderID=112-9397985-4521836',
    expectPageType: 'orders',
  },
  {
    name: 'treats /your-orders/order-details as an orders page',
    url: 'https://www.amazon.ca/your-orders/order-details?orderID=701-0633616-0122637',
    expectPageType: 'orders',
  },
  {
    name: 'treats the pre-2017 /gp/css/summary/edit.html order details as an orders page',
    url: 'https://www.amazon.de/gp/css/summary/edit.html?orderID=302-0000000-0000000',
    expectPageType: 'orders',
  },
  {
    name: 'treats Amazon Fresh order details as an orders page',
    url: 'https://www.amazon.com/uff/your-account/order-details?orderID=111-2072777-8279433',
    expectPageType: 'orders',
  },
  {
    name: 'treats the package tracker as an orders page',
    url: 'https://www.amazon.com/progress-tracker/package/ref=ppx_yo_dt_b_track_package?_encoding=UTF8&itemId=abc&orderId=111-1470863-4415403',
    expectPageType: 'orders',
  },
  {
    name: 'does not treat the invoice as an orders page',
    url: 'https://www.amazon.com/gp/css/summary/print.html?orderID=111-1470863-4415403',
    expectPageType: 'other',
  },
  {
    name: 'does not treat mobile reviews under /gp/aw/cr/ as a cart page',
    url: 'https://www.amazon.in/gp/aw/cr/B0CY5QW186',
    expectPageType: 'other',
  },
  {
    name: 'does not treat the buy-again page as an orders page',
    url: 'https://www.amazon.com/gp/buyagain?ref_=ppx_yo_dt_b_bia',
    expectPageType: 'other',
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
