/**
 * Which destinations suit a report: from the country of the marketplace the product was sold on (its
 * storefront, utils/storefront-country.ts, or an adapter's `countries`) and the shopper's own country
 * (from the browser's language, which the shopper can change). Both are shown; the shopper picks.
 *
 * Ranked: a destination that serves both countries first, then the shopper's own country's (where they
 * live, the product is, and an authority can act on the incident), then the marketplace's. Within one
 * country the table's order stands: the national route before the EU-wide one, 12315 before the SAMR
 * defect report. Every other destination follows, so a country we have no authority for still gets a
 * report (the shopper chooses where).
 */
import { DESTINATIONS, type Destination, nationalAuthority, SAFETY_GATE_COUNTRIES } from './destinations';

export type RouteReason = 'both' | 'user' | 'market';

export interface RankedDestination {
  destination: Destination;
  /** Why it is offered; null for the rest of the table, listed after the ranked ones. */
  reason: RouteReason | null;
}

/** The destinations that serve one country, in the order it should try them. */
export function destinationsFor(country: string | null): Destination[] {
  if (!country) return [];
  const c = country.toUpperCase();
  if (SAFETY_GATE_COUNTRIES.includes(c)) {
    return [nationalAuthority(c), ...DESTINATIONS.filter((d) => d.id === 'eu-gateway')];
  }
  return DESTINATIONS.filter((d) => d.countries.includes(c));
}

export function routeReport(input: {
  marketCountry: string | null;
  userCountry: string | null;
}): RankedDestination[] {
  const market = destinationsFor(input.marketCountry);
  const user = destinationsFor(input.userCountry);
  const ranked: RankedDestination[] = [];
  const add = (destination: Destination, reason: RouteReason | null) => {
    if (!ranked.some((r) => r.destination.id === destination.id)) ranked.push({ destination, reason });
  };
  for (const d of user) if (market.includes(d)) add(d, 'both');
  for (const d of user) add(d, 'user');
  for (const d of market) add(d, 'market');
  for (const d of DESTINATIONS) add(d, null);
  return ranked;
}

/** Browser language region defaults, for a language tag with no region ("fr", "zh"). */
const LANGUAGE_COUNTRY: Readonly<Record<string, string>> = {
  zh: 'CN',
  fr: 'FR',
  de: 'DE',
  it: 'IT',
  es: 'ES',
  nl: 'NL',
  pl: 'PL',
  sv: 'SE',
  en: 'US',
};

/**
 * The shopper's country from a BCP 47 language tag (`navigator.language`): its region where it has one
 * ("en-GB" → GB, "zh-Hans-CN" → CN), else the language's main country, else null (the shopper picks).
 */
export function countryFromLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const parts = tag.replace(/_/g, '-').split('-');
  const region = parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p));
  if (region) return region.toUpperCase();
  const lang = parts[0]?.toLowerCase() ?? '';
  return Object.hasOwn(LANGUAGE_COUNTRY, lang) ? (LANGUAGE_COUNTRY[lang] as string) : null;
}

/** The countries the report page offers in its selects: every one a destination serves, sorted. */
export const ROUTED_COUNTRIES: readonly string[] = [
  ...new Set(DESTINATIONS.flatMap((d) => d.countries)),
].sort();
