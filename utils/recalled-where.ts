/**
 * Whether a recall was announced for the market a page sells to, and the words that say so: a product
 * recalled in the EU is often still sold on amazon.com, where no US recall warns about it, and a
 * shopper should know both that it was recalled and that it was recalled elsewhere. The evidence is the
 * same either way; only the line above it changes.
 *
 * "The same market" is not "the same code": an EU-wide recall (Safety Gate) covers every EU and EEA
 * member state, so it is local on amazon.de; a French national recall is not local in Germany, and the
 * UK left the EU's system, so an EU recall is foreign on amazon.co.uk and a UK one on amazon.de.
 *
 * Pure and Intl-free (country names are messages), so a content script may word the banner with it too.
 */

import type { Storefront } from './storefront-country';
import { i18n } from './ui-language/i18n';

/** EU member states, and the EEA states that take part in Safety Gate (Iceland, Liechtenstein, Norway). */
const EU_EEA = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
]);

/**
 * Names as they read after "in": every storefront country and recall jurisdiction we know (the test
 * checks both lists are covered); anything else is shown as its code.
 */
const NAMES: Readonly<Record<string, () => string>> = {
  EU: () => i18n.t('place.EU'),
  US: () => i18n.t('place.US'),
  GB: () => i18n.t('place.GB'),
  AE: () => i18n.t('place.AE'),
  NL: () => i18n.t('place.NL'),
  CA: () => i18n.t('place.CA'),
  MX: () => i18n.t('place.MX'),
  BR: () => i18n.t('place.BR'),
  DE: () => i18n.t('place.DE'),
  FR: () => i18n.t('place.FR'),
  IT: () => i18n.t('place.IT'),
  ES: () => i18n.t('place.ES'),
  SE: () => i18n.t('place.SE'),
  PL: () => i18n.t('place.PL'),
  BE: () => i18n.t('place.BE'),
  IE: () => i18n.t('place.IE'),
  JP: () => i18n.t('place.JP'),
  AU: () => i18n.t('place.AU'),
  IN: () => i18n.t('place.IN'),
  SG: () => i18n.t('place.SG'),
  SA: () => i18n.t('place.SA'),
  TR: () => i18n.t('place.TR'),
  EG: () => i18n.t('place.EG'),
  CN: () => i18n.t('place.CN'),
  HK: () => i18n.t('place.HK'),
};

/** "the EU", "Canada"; an unknown code as it is. */
export function placeName(code: string): string {
  const upper = code.toUpperCase();
  return Object.hasOwn(NAMES, upper) ? (NAMES[upper] as () => string)() : upper;
}

/** Whether a recall issued for `jurisdiction` was announced for shoppers in `country`. */
export function announcedFor(jurisdiction: string, country: string): boolean {
  const j = jurisdiction.toUpperCase();
  const c = country.toUpperCase();
  return j === c || (j === 'EU' && EU_EEA.has(c));
}

export type RecalledWhereKind =
  /** Announced for another market than the page's, and no recall of this listing from its own. */
  | 'elsewhere'
  /** Announced for another market, and a recall from the page's own market matched this listing too. */
  | 'also-here'
  /** Announced for another market, whose recalls we hold none of, so we cannot say it was not. */
  | 'not-covered'
  /** The page's market is not known from its address: only where the recall was announced. */
  | 'market-unknown';

export interface RecalledWhere {
  kind: RecalledWhereKind;
  /** The line above the evidence: "Recalled in the EU — not announced in the US". */
  text: string;
}

export interface RecalledWhereInput {
  /** The recall's `jurisdiction`. */
  jurisdiction: string;
  /** The page's market (utils/storefront-country.ts). */
  country: string | null;
  /** Jurisdictions of every recall that matched the same listing (this one's included or not). */
  matchedJurisdictions: readonly string[];
  /** Jurisdictions our sources cover (the feed catalogue's). */
  covered: readonly string[];
}

/**
 * What to say about where a recall was announced, or null when it was announced for the page's own
 * market (nothing to add: the authority's name is on the card).
 */
export function recalledWhere(input: RecalledWhereInput): RecalledWhere | null {
  const { jurisdiction, country } = input;
  const there = placeName(jurisdiction);
  if (!country) return { kind: 'market-unknown', text: i18n.t('recalledWhere.there', [there]) };
  if (announcedFor(jurisdiction, country)) return null;
  const here = placeName(country);
  if (input.matchedJurisdictions.some((j) => announcedFor(j, country)))
    return { kind: 'also-here', text: i18n.t('recalledWhere.alsoHere', [there, here]) };
  // Without a source for the page's market, "not announced" would be a claim we cannot check.
  if (!input.covered.some((j) => announcedFor(j, country)))
    return { kind: 'not-covered', text: i18n.t('recalledWhere.notCovered', [there, here]) };
  return { kind: 'elsewhere', text: i18n.t('recalledWhere.elsewhere', [there, here]) };
}

/** The line for a cross-border import store: "Tmall Global listing: imported into China from abroad". */
export function crossBorderNote(storefront: Storefront): string | null {
  if (!storefront.crossBorder) return null;
  return storefront.country
    ? i18n.t('recalledWhere.importedInto', [storefront.crossBorder, placeName(storefront.country)])
    : i18n.t('recalledWhere.imported', [storefront.crossBorder]);
}

/** The line for a listing that states where it ships from ("The listing says it ships from Türkiye"). */
export function shipsFromNote(shipsFrom: string | null | undefined): string | null {
  const place = shipsFrom?.trim();
  return place ? i18n.t('recalledWhere.shipsFrom', [place]) : null;
}
