/**
 * Etsy (etsy.com, `/listing/<id>` and `/<lang>/listing/<id>`).
 *
 * Listings carry a JSON-LD Product whose `brand` is the SHOP's name (real capture: "brand" =
 * "OliveCreativeCompany"), so it is recorded as the seller and never as a brand; a maker's brand is
 * rarely stated at all. GTIN and MPN are normally absent (handmade goods; Merchant Center's
 * `identifier_exists=false`), so most Etsy identities carry title and seller only. Variation selects
 * swap price in place; the listing's identity does not change.
 */
import { lineIdentities, lineItems } from '../extract/embedded-lines';
import { IdentityBuilder } from '../extract/identity-builder';
import { etsyShipsFrom } from '../extract/ships-from';
import { readStructuredData } from '../extract/structured-data';
import type { PageType } from '../schemas';
import type { AdapterTestCase, MarketplaceAdapter } from './adapter';

const LISTING_PATH = /^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/listing\/(\d{6,12})(?:[/?#]|$)/i;
/** A locale prefix (`/de`, `/en-gb`), only when a path segment follows: `/cart` is not `/ca` + `rt`. */
const LANG = /^\/[a-z]{2}(?:-[a-z]{2})?(?=\/)/i;
const listingIdOf = (url: URL) => LISTING_PATH.exec(url.pathname)?.[1] ?? null;

function pageType(url: URL): PageType {
  if (listingIdOf(url)) return 'product';
  const path = url.pathname.replace(LANG, '');
  if (/^\/cart\/?$/.test(path)) return 'cart';
  if (/^\/your\/purchases(?:\/|$)/.test(path)) return 'orders';
  return 'other';
}

const etsy: MarketplaceAdapter = {
  id: 'etsy',
  name: 'Etsy',
  countries: ['US', 'GB', 'DE', 'FR', 'CA', 'AU'],
  matches: ['https://www.etsy.com/*'],
  claims: (url) => url.protocol === 'https:' && url.hostname === 'www.etsy.com',
  pageType,
  extract(doc, url) {
    const type = pageType(url);
    if (type === 'cart' || type === 'orders') {
      const skip =
        '[class*="recommend" i], [class*="carousel" i], [class*="saved" i], [class*="favorites" i]';
      const lines = lineItems(
        doc.querySelector('main, #content') ?? doc.body,
        url,
        listingIdOf,
        skip,
        type === 'cart',
      );
      return { pageType: type, items: lineIdentities('etsy', type, url, lines) };
    }
    const id = listingIdOf(url);
    const structured = readStructuredData(doc, url);
    const titleEl = doc.querySelector('h1[data-buy-box-listing-title], h1');
    if (!id || (!structured.found && !titleEl)) return { pageType: 'other', items: [] };

    const b = new IdentityBuilder({ marketplace: 'etsy', pageType: 'product', url: url.href });
    b.add('itemId', id, 'url');
    // The JSON-LD sku is the listing id again; its brand is the shop.
    for (const f of structured.facts)
      b.add(
        f.field === 'brand' ? 'seller' : f.field,
        f.value,
        f.source,
        f.field === 'brand' ? 'brand (shop)' : f.label,
      );
    b.add(
      'seller',
      doc.querySelector('[data-shop-name], a[href*="/shop/"] span')?.textContent,
      'byline',
      'shop',
    );
    b.add('title', titleEl?.textContent, 'title-text', 'h1');
    // Etsy sellers ship from anywhere; the listing says where, and the popup says it on.
    b.setShipsFrom(etsyShipsFrom(doc));
    return { pageType: 'product', items: [b.build()] };
  },
  observeSelectors: ['[data-buy-box-region]'],
  // Cart and order lines name the item; its product page (same origin) carries the identifiers.
  productUrl: (itemId, page) => (/^\d{6,12}$/.test(itemId) ? `${page.origin}/listing/${itemId}` : null),
};

export default etsy;

export const testCases: AdapterTestCase[] = [
  {
    name: 'records the JSON-LD brand of a listing as the shop, not as a product brand',
    url: 'https://www.etsy.com/listing/1587654321/childrens-hooded-sweatshirt-with?ga_order=most_relevant&ref=sr_gallery-1-3',
    fixture: 'etsy/listing.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '1587654321',
        title: "Children's Hooded Sweatshirt With Drawstring, Organic Cotton, Ages 2-8",
        brand: null,
        models: [],
        gtins: [],
        rawGtins: [],
        seller: 'PebbleAndPineKids',
      },
    ],
  },
  {
    name: 'lists the cart lines of every shop and skips the recommendations',
    url: 'https://www.etsy.com/cart?ref=hdr-cart',
    fixture: 'etsy/cart.html',
    expectPageType: 'cart',
    expectItems: [
      {
        itemId: '1587654321',
        title: "Children's Hooded Sweatshirt With Drawstring, Organic Cotton, Ages 2-8",
      },
      { itemId: '1422223333', title: 'Walnut Serving Board, Hand Oiled' },
    ],
  },
  {
    name: 'treats a localised listing URL as a product page',
    url: 'https://www.etsy.com/de/listing/1587654321/kinder-kapuzenpullover',
    expectPageType: 'product',
  },
  {
    name: 'treats the purchases page as an orders page',
    url: 'https://www.etsy.com/your/purchases',
    expectPageType: 'orders',
  },
  {
    name: 'does not treat a search page as a product page',
    url: 'https://www.etsy.com/search?q=kids+hoodie',
    expectPageType: 'other',
  },
  {
    name: 'does not treat a shop page as a product page',
    url: 'https://www.etsy.com/shop/PebbleAndPineKids',
    expectPageType: 'other',
  },
];
