/**
 * The any-shop script's first look, before any adapter runs: does this page carry product data at all?
 * It runs on every page of the sites the user allowed (every site, if they chose so), so on most pages
 * it is all that runs: a few selector queries and substring tests, no parsing, no message to the
 * background. It errs towards yes (a JSON-LD block that merely mentions a Product type); the adapters
 * decide after.
 *
 * Looked for: a JSON-LD block naming a schema.org product type, microdata with a product item type,
 * Open Graph / `product:*` product tags (what the generic layer reads, utils/extract/structured-data.ts),
 * and Shopify's storefront markers (the theme's product JSON, `Shopify.shop` / `ShopifyAnalytics` in an
 * inline script, its CDN), which the Shopify adapter needs.
 */

const TYPES = [
  'Product',
  'ProductGroup',
  'IndividualProduct',
  'ProductModel',
  'SomeProducts',
  'Book',
  'Vehicle',
  'Car',
];

/** `"@type": "Product"`, `"@type": ["Product", "Thing"]`, `"@type": "http://schema.org/Product"`. */
const JSON_LD_TYPE = new RegExp(`"@type"\\s*:\\s*(?:\\[[^\\]]*?)?"(?:[^"]*[/#:])?(?:${TYPES.join('|')})"`);

/** A microdata item type (`http://schema.org/Product`, data-vocabulary.org's too); a space separates several. */
const ITEM_TYPE = new RegExp(`(?:schema\\.org|data-vocabulary\\.org)/(?:${TYPES.join('|')})/?(?:\\s|$)`, 'i');

const MARKUP = [
  // Some sites put Open Graph keys in `name=`; the generic layer reads both.
  'meta[property="og:type" i][content*="product" i], meta[name="og:type" i][content*="product" i]',
  'meta[property^="product:" i], meta[name^="product:" i]',
  'meta[property="og:upc" i], meta[property="og:ean" i], meta[property="og:isbn" i]',
  'script[data-product-json], script[id^="ProductJson-"]',
  'meta[name="shopify-digital-wallet"], link[href*="cdn.shopify.com"], script[src*="cdn.shopify.com"]',
].join(', ');

export function hasProductMarkup(doc: Document): boolean {
  if (doc.querySelector(MARKUP)) return true;
  for (const item of Array.from(doc.querySelectorAll('[itemscope][itemtype]')))
    if (ITEM_TYPE.test(item.getAttribute('itemtype') ?? '')) return true;
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const type = script.getAttribute('type')?.trim().toLowerCase() ?? '';
    if (
      type.startsWith('application/ld+json')
        ? JSON_LD_TYPE.test(text)
        : /Shopify\.shop|ShopifyAnalytics/.test(text)
    )
      return true;
  }
  return false;
}
