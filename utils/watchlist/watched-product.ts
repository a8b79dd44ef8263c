/**
 * A product the shopper viewed, carted or bought, kept on this device so that a recall published later
 * can still reach them ("tell me later"). Only what matching needs is kept: the identity the page gave
 * (identifiers, brand, title, and the facts that say where each came from), where it was seen and when.
 * Nothing here leaves the device.
 */
import { z } from 'zod';
import { listingOf } from '../listing';
import { type IdentityFact, type PageType, ProductIdentity } from '../schemas';

/** How the shopper met the product, weakest first: a purchase outranks a cart, a cart a view. */
export const Encounter = z.enum(['viewed', 'carted', 'bought']);
export type Encounter = z.infer<typeof Encounter>;

export const WATCHED_SCHEMA_VERSION = 1;

export const WatchedProduct = z.object({
  schemaVersion: z.literal(WATCHED_SCHEMA_VERSION),
  /** `<marketplace>|<listing>`: one entry per listing, however often it is seen. */
  key: z.string().max(4100),
  identity: ProductIdentity,
  /** The strongest encounter so far. */
  encounter: Encounter,
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** When an order page showed it (the day we saw the order, the purchase itself may be older). */
  boughtSeenAt: z.string().nullable(),
  /** The day the order was placed, when the order page printed it (kept when a later view replaces the identity). */
  orderedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional(),
  /** Recalls already announced for this product, so a later sync does not announce them again. */
  alerted: z.array(z.string().max(200)).max(200),
});
export type WatchedProduct = z.infer<typeof WatchedProduct>;

const ENCOUNTER_OF: Partial<Record<PageType, Encounter>> = {
  product: 'viewed',
  cart: 'carted',
  orders: 'bought',
};

const RANK: Record<Encounter, number> = { viewed: 0, carted: 1, bought: 2 };

/** Facts worth keeping: the ones the matcher reads to say where a value came from. */
const KEPT_FACTS = new Set<IdentityFact['field']>([
  'itemId',
  'brand',
  'manufacturer',
  'model',
  'gtin',
  'title',
]);

/** Whether an identity can be matched at all later: a barcode, a model or an item id, not a brand alone. */
export function worthWatching(identity: ProductIdentity): boolean {
  return (
    identity.gtins.length > 0 ||
    identity.models.length > 0 ||
    identity.rawGtins.length > 0 ||
    !!identity.itemId
  );
}

export function watchKey(identity: Pick<ProductIdentity, 'marketplace' | 'itemId' | 'url'>): string {
  return `${identity.marketplace ?? ''}|${listingOf(identity)}`;
}

/**
 * The entry an identity seen on a page makes, merged into what was kept before: the strongest encounter
 * and the newest identity win, the first sighting and the recalls already announced are kept.
 */
export function watchedFrom(
  identity: ProductIdentity,
  now: Date,
  previous: WatchedProduct | undefined,
): WatchedProduct | null {
  const encounter = ENCOUNTER_OF[identity.pageType];
  if (!encounter || !worthWatching(identity)) return null;
  const at = now.toISOString();
  const kept: ProductIdentity = {
    ...identity,
    facts: identity.facts.filter((f) => KEPT_FACTS.has(f.field)).slice(0, 60),
  };
  const stronger = !previous || RANK[encounter] >= RANK[previous.encounter];
  return {
    schemaVersion: WATCHED_SCHEMA_VERSION,
    key: watchKey(identity),
    identity: kept,
    encounter: stronger ? encounter : (previous?.encounter ?? encounter),
    firstSeenAt: previous?.firstSeenAt ?? at,
    lastSeenAt: at,
    boughtSeenAt: encounter === 'bought' ? at : (previous?.boughtSeenAt ?? null),
    orderedAt: identity.orderedAt ?? previous?.orderedAt ?? null,
    alerted: previous?.alerted ?? [],
  };
}
