/**
 * What the three structured-data readers (json-ld.ts, microdata.ts, meta-tags.ts) share: their result
 * type, the schema.org vocabulary they look for, and the fact list that routes a value to an identity
 * field. A key's name never decides a GTIN's length (Walmart puts 12 digits under `gtin13`): values go
 * to the identity builder, which validates the digits.
 */
import type { IdentityFact, IdentityField, IdentitySource } from '../schemas';
import { cleanText, labelKind } from './labels';

/** What one layer (or all of them) found. */
export interface StructuredData {
  /** True when the layer found a product: a schema.org Product node, or Open Graph product markup. */
  found: boolean;
  /** Facts in the order they were found; the identity builder ranks them by source. */
  facts: IdentityFact[];
  /** The selected variant's distinguishing label ("Medium / Sage"), when a ProductGroup was resolved. */
  variant: string | null;
  /** `og:site_name`, which shops append to their titles. */
  siteName: string | null;
}

/** A layer's answer when the page has no product it can read (a fresh object: callers may extend it). */
export const notFound = (): StructuredData => ({ found: false, facts: [], variant: null, siteName: null });

/** schema.org types that are a product (in JSON-LD `@type` and microdata `itemtype`). */
export const PRODUCT_TYPES: readonly string[] = [
  'Product',
  'ProductGroup',
  'IndividualProduct',
  'ProductModel',
  'SomeProducts',
  'Book',
  'Vehicle',
  'Car',
];

export const GTIN_KEYS = ['gtin', 'gtin8', 'gtin12', 'gtin13', 'gtin14', 'isbn'] as const;

/** "isbn:9780316133548", "upc:012345678905", "mpn:KB-TS100" (productID, data-vocabulary identifier). */
const PREFIXED_ID = /^(isbn|upc|ean|jan|gtin(?:8|12|13|14)?|mpn|model)\s*[:：]\s*(.+)$/i;

/** The GTIN inside a GS1 Digital Link URI (`https://id.gs1.org/01/09506000134352/10/ABC`), else null. */
export function gtinFromDigitalLink(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  const m = /\/01\/(\d{8,14})(?=[/?#]|$)/.exec(value);
  return m?.[1] ?? null;
}

/** A printed GTIN value, with a Digital Link URI reduced to its GTIN. */
export function gtinValue(value: string): string {
  return gtinFromDigitalLink(value) ?? value;
}

/** `host + path` of a URL for "is this node about this page" comparisons. */
export function pageKey(u: URL): string {
  return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '').toLowerCase()}`;
}

export function toUrl(value: string | null, base: URL): URL | null {
  if (!value) return null;
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/** Facts of one source, cleaned, with the property they came from as their label. */
export class FactList {
  readonly facts: IdentityFact[] = [];
  constructor(private readonly source: IdentitySource) {}

  add(field: IdentityField, value: string | null | undefined, label?: string): void {
    const v = cleanText(value);
    if (!v) return;
    const fact: IdentityFact = { field, value: v, source: this.source };
    if (label) fact.label = label;
    this.facts.push(fact);
  }

  /** A "scheme:value" identifier (productID, identifier) routed by its scheme. */
  addPrefixed(value: string, label: string): boolean {
    const m = PREFIXED_ID.exec(value);
    if (!m?.[1] || !m[2]) return false;
    const scheme = m[1].toLowerCase();
    if (scheme === 'mpn' || scheme === 'model') this.add('model', m[2], `${label}:${scheme}`);
    else this.add('gtin', gtinValue(m[2].trim()), `${label}:${scheme}`);
    return true;
  }

  /** A name/value pair whose name is a label ("UPC", "Model", "Marke") from the shared alias table. */
  addLabelled(name: string, value: string): void {
    const kind = labelKind(name);
    if (kind === 'brand' || kind === 'manufacturer') this.add(kind, value, name);
    else if (kind === 'model' || kind === 'mpn') this.add('model', value, name);
    else if (kind === 'gtin') this.add('gtin', gtinValue(value), name);
  }
}
