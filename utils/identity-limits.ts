/**
 * How long a page's identity fields and how many lines a lookup may carry, and the functions that fit a
 * page's read to them. Fail closed (issue 14, finding 4): a recalled product at a 5,000-character URL or
 * an order page of 300 lines must still be checked, so nothing is rejected for its length. The content
 * script fits what it sends (`fitLookup`, zod-free for its bundle) and the background's schemas clip the
 * same fields to the same limits (utils/schemas.ts `clipped`, `capped`) instead of refusing the message.
 */
import type { IdentityFact, PageType, ProductIdentity } from './schemas';

export const IDENTITY_LIMITS = {
  marketplace: 40,
  url: 4000,
  itemId: 100,
  title: 1000,
  brand: 200,
  manufacturer: 200,
  model: 100,
  models: 50,
  gtins: 50,
  rawGtin: 100,
  rawGtins: 50,
  seller: 300,
  variant: 300,
  facts: 200,
  factValue: 500,
  factLabel: 200,
  shipsFrom: 120,
} as const;

/** The lines one lookup checks: the first this many of a page's, in page order. */
export const LOOKUP_MAX_IDENTITIES = 200;

/** `text` cut to `max` UTF-16 units, never leaving half a surrogate pair at the end. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const clipOrNull = (text: string | null, max: number): string | null =>
  text === null ? null : clip(text, max);

function fitFact(fact: IdentityFact): IdentityFact {
  const fitted: IdentityFact = { ...fact, value: clip(fact.value, IDENTITY_LIMITS.factValue) };
  if (fact.label !== undefined) fitted.label = clip(fact.label, IDENTITY_LIMITS.factLabel);
  return fitted;
}

/** An identity whose every field fits the lookup's limits: long text cut, long lists cut to their first entries. */
export function fitIdentity(identity: ProductIdentity): ProductIdentity {
  const L = IDENTITY_LIMITS;
  return {
    ...identity,
    marketplace: clipOrNull(identity.marketplace, L.marketplace),
    url: clip(identity.url, L.url),
    itemId: clipOrNull(identity.itemId, L.itemId),
    title: clipOrNull(identity.title, L.title),
    brand: clipOrNull(identity.brand, L.brand),
    manufacturer: clipOrNull(identity.manufacturer, L.manufacturer),
    models: identity.models.slice(0, L.models).map((m) => clip(m, L.model)),
    gtins: identity.gtins.slice(0, L.gtins),
    rawGtins: identity.rawGtins.slice(0, L.rawGtins).map((g) => clip(g, L.rawGtin)),
    seller: clipOrNull(identity.seller, L.seller),
    variant: clipOrNull(identity.variant, L.variant),
    facts: identity.facts.slice(0, L.facts).map(fitFact),
    ...(identity.shipsFrom != null && { shipsFrom: clip(identity.shipsFrom, L.shipsFrom) }),
  };
}

export interface LookupPage {
  marketplace: string | null;
  pageType: PageType;
  url: string;
  /** Set when the page has more lines than one lookup checks, so the popup can say how many were. */
  linesOnPage?: number;
}

/** A page and its lines as one lookup may carry them. */
export function fitLookup(
  page: LookupPage,
  identities: readonly ProductIdentity[],
): { page: LookupPage; identities: ProductIdentity[] } {
  return {
    page: {
      ...page,
      marketplace: clipOrNull(page.marketplace, IDENTITY_LIMITS.marketplace),
      url: clip(page.url, IDENTITY_LIMITS.url),
      ...(identities.length > LOOKUP_MAX_IDENTITIES && { linesOnPage: identities.length }),
    },
    identities: identities.slice(0, LOOKUP_MAX_IDENTITIES).map(fitIdentity),
  };
}
