/**
 * Open Graph and Facebook catalogue meta tags (`og:type` product, `product:brand`, `product:upc` ...):
 * the product markup of shops that print no schema.org, and the source of `og:site_name`.
 */

import { own } from '../own';
import type { IdentityField } from '../schemas';
import { cleanText } from './labels';
import { FactList, gtinValue, type StructuredData } from './structured-facts';

const META_FIELDS: Record<string, IdentityField> = {
  'og:title': 'title',
  'product:brand': 'brand',
  'og:brand': 'brand',
  'product:mfr_part_no': 'model',
  'product:upc': 'gtin',
  'product:ean': 'gtin',
  'product:gtin': 'gtin',
  'product:isbn': 'gtin',
  'og:upc': 'gtin',
  'og:ean': 'gtin',
  'og:isbn': 'gtin',
  'product:retailer_item_id': 'itemId',
};

/** Open Graph / Facebook catalogue meta: `og:type` product, `product:brand`, `product:upc` ... */
export function readMetaTags(doc: Document): StructuredData {
  const out = new FactList('meta');
  let isProduct = false;
  let hasIdentity = false;
  let siteName: string | null = null;
  // Some sites misuse `name=` for Open Graph keys, so both attributes are read.
  for (const meta of Array.from(doc.querySelectorAll('meta[property], meta[name]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').trim().toLowerCase();
    const content = cleanText(meta.getAttribute('content'));
    if (!key || !content) continue;
    if (key === 'og:type') {
      if (/^(?:og:)?product(?:\.item|\.group)?$/i.test(content)) isProduct = true;
      continue;
    }
    if (key === 'og:site_name') {
      siteName ??= content;
      continue;
    }
    const field = own(META_FIELDS, key);
    if (!field) continue;
    if (field !== 'title' && field !== 'itemId') hasIdentity = true;
    out.add(field, field === 'gtin' ? gtinValue(content) : content, key);
  }
  const found = isProduct || hasIdentity;
  return { found, facts: found ? out.facts : [], variant: null, siteName };
}
