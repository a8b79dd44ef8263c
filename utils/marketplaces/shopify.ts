/**
 * Shopify storefronts, on any domain. No match patterns and no URL claim: a
 * `/products/<handle>` path is just as common on other shops (the generic adapter's own cases are
 * Shopify-shaped), so the URL cannot decide. Like the generic layer, this adapter runs only where the
 * user granted the optional permission, and `extract` decides from the DOM: a page is Shopify when an
 * inline script sets `Shopify.shop` or `ShopifyAnalytics`, or the theme embeds its product JSON. On any
 * other page it returns 'other' with no items, so the caller falls back to the generic layer.
 *
 * Product data, richest first: the theme's product JSON (`script[data-product-json]`, `#ProductJson-*`;
 * the `/products/<handle>.js` shape: `vendor`, `variants[] {id, title, sku, barcode}`), then
 * `ShopifyAnalytics.meta.product` (`var meta = {...}`: vendor and SKUs, no barcode), then JSON-LD
 * (Dawn's `structured_data`). The variant is the URL's `?variant=`, else Dawn's
 * `script[data-selected-variant]`, else the product form's `[name=id]`, else a lone variant.
 * `vendor` is the brand in most stores (sometimes the store's own name).
 */
import { IdentityBuilder } from '../extract/identity-builder';
import { literalAfter, parseJsLiteral, scriptText } from '../extract/js-literal';
import { parseJsonLenient, readStructuredData } from '../extract/structured-data';
import type { PageType } from '../schemas';
import type { AdapterTestCase, ExtractResult, MarketplaceAdapter } from './adapter';

type Obj = Record<string, unknown>;

/** `/products/<handle>`, `/<locale>/products/<handle>`, `/collections/<c>/products/<handle>`. */
const PRODUCT_PATH = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?(?:\/collections\/[^/]+)?\/products\/[^/.]+\/?$/i;
const MARKER = /\bShopify\.shop\s*=|\bShopifyAnalytics\b/;

function pageType(url: URL): PageType {
  if (PRODUCT_PATH.test(url.pathname)) return 'product';
  return /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/cart\/?$/i.test(url.pathname) ? 'cart' : 'other';
}

function json(el: Element | null): Obj | null {
  const v = el ? parseJsonLenient(el.textContent ?? '') : undefined;
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
}

function extractProduct(doc: Document, url: URL): ExtractResult {
  const themeJson = json(doc.querySelector('script[data-product-json], script[id^="ProductJson-"]'));
  const analytics = scriptText(doc, /ShopifyAnalytics\.meta\b|var\s+meta\s*=/);
  const meta = analytics
    ? (parseJsLiteral(literalAfter(analytics, /var\s+meta\s*=/) ?? '') as Obj | undefined)
    : undefined;
  if (!themeJson && !scriptText(doc, MARKER)) return { pageType: 'other', items: [] };

  const product = themeJson ?? ((meta?.product ?? null) as Obj | null);
  const variants = (Array.isArray(product?.variants) ? product.variants : []) as Obj[];
  const wanted =
    url.searchParams.get('variant') ??
    String(json(doc.querySelector('script[data-selected-variant]'))?.id ?? '') ??
    '';
  const formId = doc.querySelector('form[action*="/cart/add"] [name="id"]')?.getAttribute('value');
  const variant =
    variants.find((v) => String(v.id) === wanted) ??
    variants.find((v) => String(v.id) === (formId ?? String(meta?.selectedVariantId ?? ''))) ??
    (variants.length === 1 ? variants[0] : undefined);

  const b = new IdentityBuilder({ marketplace: 'shopify', pageType: 'product', url: url.href });
  const src = themeJson ? 'product json' : 'ShopifyAnalytics.meta';
  // The item is the variant the URL names; a URL without `?variant=` is the product's own page, so its
  // id is the product's (ShopifyAnalytics.meta.product.id), even when one variant is shown preselected.
  const urlVariant = url.searchParams.get('variant') && variant ? variant : undefined;
  b.add('itemId', String(urlVariant?.id ?? product?.id ?? variant?.id ?? ''), 'embedded-json', `${src} id`);
  b.add('title', product?.title as string, 'embedded-json', src);
  b.add('brand', product?.vendor as string, 'embedded-json', `${src} vendor`);
  b.add('gtin', variant?.barcode as string, 'embedded-json', `${src} barcode`);
  b.add('model', variant?.sku as string, 'embedded-json', `${src} sku`);
  const structured = readStructuredData(doc, url);
  b.addFacts(structured.facts);
  b.add('title', doc.querySelector('title')?.textContent, 'title-text', 'title');
  b.setVariant(((variant?.public_title ?? variant?.title) as string | undefined) ?? structured.variant);
  return { pageType: 'product', items: [b.build()] };
}

const shopify: MarketplaceAdapter = {
  id: 'shopify',
  name: 'Shopify store',
  countries: [],
  matches: [],
  claims: () => false,
  pageType,
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'product') return extractProduct(doc, url);
    if (type === 'other' || !scriptText(doc, MARKER)) return { pageType: 'other', items: [] };
    // Dawn-family cart rows: `.cart-item`, the title link carries `?variant=<id>`, `updates[]` the quantity.
    const items = Array.from(doc.querySelectorAll('.cart-item')).flatMap((row) => {
      // The named title link first: a selector list would return the image link that precedes it.
      const link = row.querySelector('a.cart-item__name') ?? row.querySelector('a[href*="/products/"]');
      const id = /[?&]variant=(\d+)/.exec(link?.getAttribute('href') ?? '')?.[1];
      if (!id) return [];
      const b = new IdentityBuilder({ marketplace: 'shopify', pageType: 'cart', url: url.href });
      b.add('itemId', id, 'url', 'variant link').add(
        'title',
        link?.textContent,
        'title-text',
        'cart-item__name',
      );
      b.setQuantity(row.querySelector('input[name="updates[]"]')?.getAttribute('value'));
      return [b.build()];
    });
    return { pageType: 'cart', items };
  },
  // Dawn re-renders the product info section on a variant change (and rewrites `?variant=`).
  observeSelectors: ['product-info', '[id^="MainProduct-"]', 'form[action*="/cart/add"]'],
};

export default shopify;

export const testCases: AdapterTestCase[] = [
  {
    name: 'reads the natural variant of the recalled demo stool with its barcode',
    url: 'https://harborlane.example/products/cozynest-step-stool?variant=44100000000001',
    fixture: 'shopify/product.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '44100000000001',
        title: 'Kettlebrook CozyNest Step Stool',
        brand: 'Kettlebrook',
        models: ['KB-TS100-NAT'],
        gtins: ['00850012345671'],
        rawGtins: ['850012345671'],
      },
    ],
  },
  {
    name: 'follows ?variant= to the white variant and its own barcode',
    url: 'https://harborlane.example/products/cozynest-step-stool?variant=44100000000002',
    fixture: 'shopify/product.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '44100000000002',
        models: ['KB-TS100-WHT'],
        gtins: ['00850012345688'],
        rawGtins: ['850012345688'],
      },
    ],
  },
  {
    name: 'treats a localized collection product path as a product page',
    url: 'https://harborlane.example/en-ca/collections/nursery/products/cozynest-step-stool',
    expectPageType: 'product',
  },
  {
    name: 'lists the cart lines by variant with quantities',
    url: 'https://harborlane.example/cart',
    fixture: 'shopify/cart.html',
    expectPageType: 'cart',
    expectItems: [{ itemId: '44100000000002', title: 'Kettlebrook CozyNest Step Stool' }],
  },
  {
    name: 'does not treat the product JSON endpoint as a product page',
    url: 'https://harborlane.example/products/cozynest-step-stool.js',
    expectPageType: 'other',
  },
];
