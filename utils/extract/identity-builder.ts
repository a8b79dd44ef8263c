/**
 * Accumulates what a page says about one product (facts: field, value, source, label) and folds it into
 * a ProductIdentity. Adapters only observe; the decisions live here, once for every marketplace:
 * - single-valued fields take the first fact by source trust (SOURCE_PRIORITY), then page order;
 * - GTINs become GTIN-14 keys only with a valid check digit, and every printed code is kept raw;
 * - models are cleaned, de-duplicated by key, and only distinctive ones reach `models` (the rest stay in
 *   `facts`, where they still document the page);
 * - a "model" equal to the page's own item id (an ASIN in "Part Number") is the marketplace id echoed
 *   back, never a manufacturer model;
 * - every list and string is capped to the schema's limits, so the result always parses.
 * Runs in the content script, so it imports types only (no zod at runtime).
 */

import { escapeRegExp } from '../escape-regexp';
import { cleanBrand } from '../identity/brand';
import { readGtin, splitCodes } from '../identity/gtin';
import { cleanModel, isDistinctiveModel, modelKey } from '../identity/model';
import { IDENTITY_LIMITS } from '../identity-limits';
import type { IdentityFact, IdentityField, IdentitySource, PageType, ProductIdentity } from '../schemas';
import { cleanText, isSentinelValue } from './labels';

/**
 * Trust order of sources for single-valued fields. Page-embedded machine data first, labelled tables
 * next, prose last; `url` leads because an id in the URL is what the page is about.
 */
export const SOURCE_PRIORITY: readonly IdentitySource[] = [
  'url',
  'embedded-json',
  'json-ld',
  'microdata',
  'spec-table',
  'meta',
  'byline',
  'title-text',
];

/** The sizes utils/schemas.ts ProductIdentity clips to (one table, utils/identity-limits.ts). */
const LIMITS = IDENTITY_LIMITS;

/**
 * Amazon's document title in the US: "Amazon.com: <title> : <category>"; in Europe the site name
 * comes after the title instead ("<title> : Amazon.de: <category>", in TITLE_SUFFIXES).
 */
const AMAZON_PREFIXED_TITLE = /^Amazon\.[a-z.]{2,6}\s*:\s*(.+?)(?:\s+:\s+[^:]{1,60})?$/i;

/**
 * Site names that marketplaces append to a product title. Separators need spaces around them, and
 * Target only counts in its own " : Target" form, so a product named "Foam Archery Block - Target" keeps
 * its last word.
 */
const TITLE_SUFFIXES: RegExp[] = [
  /\s*[:|]\s*Amazon\.[a-z.]{2,6}(?:\s*:.*)?$/i,
  /\s+[-–—|:]\s+(?:Walmart\.com|Temu|eBay|Etsy|Best Buy|The Home Depot|AliExpress(?:\.com)?)$/i,
  /\s+:\s+Target$/,
  /\s*【行情\s*报价\s*价格\s*评测】\s*-\s*京东$/u,
  /\s*-\s*tmall\.com天猫$/u,
  /\s*-\s*淘宝网$/u,
];

/** Removes a marketplace or shop name printed around a product title ("X | Oak & Ash Home"). */
export function stripTitleAffixes(title: string, siteName?: string | null): string {
  let t = cleanText(title);
  t = AMAZON_PREFIXED_TITLE.exec(t)?.[1] ?? t;
  for (const re of TITLE_SUFFIXES) t = t.replace(re, '');
  const site = cleanText(siteName);
  if (site && t.length > site.length) {
    const name = escapeRegExp(site);
    t = t
      .replace(new RegExp(`\\s+[-–—|:·•]\\s+${name}\\s*$`, 'i'), '')
      .replace(new RegExp(`^${name}\\s+[-–—|:·•]\\s+`, 'i'), '');
  }
  return t.trim();
}

function cap(value: string, max: number): string {
  return value.length > max ? value.slice(0, max).trimEnd() : value;
}

export interface IdentityBuilderInit {
  marketplace: string | null;
  pageType: PageType;
  url: string;
  /** The shop's own name (og:site_name), stripped from the end of titles. */
  siteName?: string | null;
}

export class IdentityBuilder {
  private readonly facts: IdentityFact[] = [];
  private readonly seen = new Set<string>();
  private quantity: number | null = null;
  private variant: string | null = null;
  private orderedAt: string | null = null;
  private shipsFrom: string | null = null;

  constructor(private readonly init: IdentityBuilderInit) {}

  /**
   * Records one observed value. Empty and placeholder values are ignored; brands are cleaned of byline
   * wrappers ("Visit the X Store"), models of invisible marks, and a GTIN field holding several codes
   * ("0123…, 0456…") becomes one fact per code. Non-string values (JSON numbers) are stringified.
   */
  add(field: IdentityField, value: unknown, source: IdentitySource, label?: string): this {
    if (typeof value !== 'string' && typeof value !== 'number') return this;
    const text = cleanText(String(value));
    if (!text || isSentinelValue(text)) return this;
    switch (field) {
      case 'brand':
      case 'manufacturer': {
        const brand = cleanBrand(text);
        if (brand) this.push({ field, value: brand, source, label });
        break;
      }
      case 'model': {
        const model = cleanModel(text);
        if (model) this.push({ field, value: model, source, label });
        break;
      }
      case 'gtin':
        for (const code of splitCodes(text)) this.push({ field, value: code, source, label });
        break;
      default:
        this.push({ field, value: text, source, label });
    }
    return this;
  }

  /** Records facts gathered elsewhere (structured data, label harvesting), applying the same cleaning. */
  addFacts(facts: readonly IdentityFact[]): this {
    for (const f of facts) this.add(f.field, f.value, f.source, f.label);
    return this;
  }

  setQuantity(quantity: number | string | null | undefined): this {
    const n = typeof quantity === 'string' ? Number.parseInt(quantity.trim(), 10) : quantity;
    this.quantity = typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
    return this;
  }

  setVariant(variant: string | null | undefined): this {
    const v = cleanText(variant);
    this.variant = v ? cap(v, LIMITS.variant) : null;
    return this;
  }

  /** The day the order was placed (ISO `YYYY-MM-DD`), from an order page. */
  setOrderedAt(day: string | null | undefined): this {
    this.orderedAt = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
    return this;
  }

  /** Where the listing says it ships from, as it says it. */
  setShipsFrom(place: string | null | undefined): this {
    const p = cleanText(place);
    this.shipsFrom = p ? cap(p, LIMITS.shipsFrom) : null;
    return this;
  }

  private push(fact: IdentityFact): void {
    const key = `${fact.field}\u0000${fact.source}\u0000${fact.value}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const f: IdentityFact = {
      field: fact.field,
      value: cap(fact.value, LIMITS.factValue),
      source: fact.source,
    };
    if (fact.label) f.label = cap(cleanText(fact.label), LIMITS.factLabel);
    this.facts.push(f);
  }

  /** Facts of one field, most trusted source first, page order within a source. */
  private ranked(field: IdentityField): IdentityFact[] {
    const rank = (s: IdentitySource) => SOURCE_PRIORITY.indexOf(s);
    return this.facts.filter((f) => f.field === field).sort((a, b) => rank(a.source) - rank(b.source));
  }

  private first(field: IdentityField, max: number): string | null {
    const fact = this.ranked(field)[0];
    return fact ? cap(fact.value, max) : null;
  }

  build(): ProductIdentity {
    const itemId = this.first('itemId', LIMITS.itemId);
    const title = this.ranked('title')
      .map((f) => stripTitleAffixes(f.value, this.init.siteName))
      .find((t) => t.length > 0);

    const idKey = itemId ? modelKey(itemId) : null;
    const models: string[] = [];
    const modelKeys = new Set<string>();
    for (const f of this.ranked('model')) {
      const key = modelKey(f.value);
      if (modelKeys.has(key) || key === idKey) continue;
      if (!isDistinctiveModel(f.value) || f.value.length > LIMITS.model) continue;
      modelKeys.add(key);
      models.push(f.value);
    }

    const gtins: string[] = [];
    const rawGtins: string[] = [];
    for (const f of this.ranked('gtin')) {
      const reading = readGtin(f.value);
      if (reading.gtin14 && !gtins.includes(reading.gtin14)) gtins.push(reading.gtin14);
      const raw = cap(reading.raw, LIMITS.rawGtin);
      if (raw && !rawGtins.includes(raw)) rawGtins.push(raw);
    }

    // schemaVersion is IDENTITY_SCHEMA_VERSION written as a literal: importing the constant from
    // utils/schemas.ts would pull zod into the content script.
    return {
      schemaVersion: 1,
      marketplace: this.init.marketplace === null ? null : cap(this.init.marketplace, LIMITS.marketplace),
      pageType: this.init.pageType,
      url: cap(this.init.url, LIMITS.url),
      itemId,
      title: title ? cap(title, LIMITS.title) : null,
      brand: this.first('brand', LIMITS.brand),
      manufacturer: this.first('manufacturer', LIMITS.manufacturer),
      models: models.slice(0, LIMITS.models),
      gtins: gtins.slice(0, LIMITS.gtins),
      rawGtins: rawGtins.slice(0, LIMITS.rawGtins),
      seller: this.first('seller', LIMITS.seller),
      variant: this.variant,
      quantity: this.quantity,
      facts: this.facts.slice(0, LIMITS.facts),
      // Only when known, so identities of pages without them stay as they were.
      ...(this.orderedAt && { orderedAt: this.orderedAt }),
      ...(this.shipsFrom && { shipsFrom: this.shipsFrom }),
    };
  }
}
