/**
 * Reading a page with a given set of adapters. The registry (index.ts) passes all of them; each
 * per-site content script passes only its own, so a site's bundle carries one adapter.
 *
 * Order: the adapter that claims the URL decides (its result stands even when empty: it knows the page
 * is a robot check or a review list). Otherwise adapters that recognise their pages by content rather
 * than URL (Shopify storefronts live on any domain) look at the document. Last, the generic layer looks
 * for a schema.org or Open Graph product.
 */

import type { MarketplaceAdapter } from '../marketplaces/adapter';
import type { PageType, ProductIdentity } from '../schemas';

export interface PageExtraction {
  /** The deciding adapter's id ('generic' for a schema.org product elsewhere), or null. */
  marketplace: string | null;
  pageType: PageType;
  items: ProductIdentity[];
}

export const GENERIC_ID = 'generic';

/** Adapters that decide by the document, not the URL: no match patterns, and not the generic layer. */
export const detectsByContent = (a: MarketplaceAdapter): boolean =>
  a.matches.length === 0 && a.id !== GENERIC_ID;

export function extractWith(
  adapters: readonly MarketplaceAdapter[],
  doc: Document,
  url: URL,
): PageExtraction {
  const claiming = adapters.find((a) => a.claims(url));
  if (claiming) {
    const result = claiming.extract(doc, url);
    return { marketplace: claiming.id, pageType: result.pageType, items: result.items };
  }
  for (const adapter of adapters.filter(detectsByContent)) {
    const result = adapter.extract(doc, url);
    if (result.items.length > 0 || result.pageType !== 'other') {
      return { marketplace: adapter.id, pageType: result.pageType, items: result.items };
    }
  }
  const generic = adapters.find((a) => a.id === GENERIC_ID);
  const result = generic?.extract(doc, url);
  if (!generic || !result || result.items.length === 0)
    return { marketplace: null, pageType: 'other', items: [] };
  return { marketplace: generic.id, pageType: result.pageType, items: result.items };
}
