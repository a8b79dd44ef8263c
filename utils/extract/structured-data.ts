/**
 * The generic layer: schema.org Product read from JSON-LD (json-ld.ts) and microdata (microdata.ts),
 * and Open Graph / `product:*` meta tags (meta-tags.ts), merged into one answer. It runs on pages no
 * adapter claims and is the structured fallback for adapters. Each layer lives in its own module; this
 * one merges them and is what adapters import.
 */
import type { IdentityFact } from '../schemas';
import { readJsonLd } from './json-ld';
import { readMetaTags } from './meta-tags';
import { readMicrodata } from './microdata';
import type { StructuredData } from './structured-facts';

export { jsonLdBlocks, readJsonLd } from './json-ld';
export { parseJsonLenient } from './lenient-json';
export { readMetaTags } from './meta-tags';
export { readMicrodata } from './microdata';
export { gtinFromDigitalLink, type StructuredData } from './structured-facts';

function identityKeys(facts: IdentityFact[]): Set<string> {
  const keys = new Set<string>();
  for (const f of facts) {
    if (f.field === 'title' || f.field === 'itemId' || f.field === 'model' || f.field === 'gtin') {
      keys.add(`${f.field}:${f.value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')}`);
    }
  }
  return keys;
}

/**
 * Every structured layer of the page, merged: JSON-LD, then microdata, then meta tags (the builder
 * ranks facts by source anyway). When JSON-LD found a product, microdata is kept only if it shares a
 * title, item id, model or GTIN with it: themes often mark up recommendation tiles as Products too, and
 * their GTINs must not join the main product's.
 */
export function readStructuredData(doc: Document, url: URL): StructuredData {
  const jsonLd = readJsonLd(doc, url);
  const microdata = readMicrodata(doc, url);
  const meta = readMetaTags(doc);
  let micro = microdata.facts;
  if (jsonLd.found && microdata.found) {
    const keys = identityKeys(jsonLd.facts);
    if (![...identityKeys(micro)].some((k) => keys.has(k))) micro = [];
  }
  return {
    found: jsonLd.found || microdata.found || meta.found,
    facts: [...jsonLd.facts, ...micro, ...meta.facts],
    variant: jsonLd.variant,
    siteName: meta.siteName,
  };
}
