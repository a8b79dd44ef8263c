/**
 * After a sync: which watched products now have a recall they were not told about. The lookup is the
 * same one a page gets (query.ts `lookupIdentities`), asked in batches; only banner tiers (confirmed,
 * likely) are announced, since a notification about a "possible" match would be a false alarm more often
 * than not. Announced recalls are remembered per product, so each is announced once.
 */
import { BANNER_TIERS } from '../recall-index/tiers';
import type { ProductIdentity, Recall, RecallMatch } from '../schemas';
import type { WatchedProduct } from './watched-product';

export type Lookup = (
  identities: ProductIdentity[],
) => Promise<{ matches: RecallMatch[][]; recalls: Record<string, Recall> }>;

/** A watched product with its banner-tier matches, and which of them are new. */
export interface WatchedMatch {
  product: WatchedProduct;
  matches: RecallMatch[];
  newRecallIds: string[];
}

const BATCH = 200;

/** Every watched product that has a confirmed or likely recall now, with the recalls themselves. */
export async function matchWatched(
  products: readonly WatchedProduct[],
  lookup: Lookup,
): Promise<{ found: WatchedMatch[]; recalls: Record<string, Recall> }> {
  const found: WatchedMatch[] = [];
  const recalls: Record<string, Recall> = {};
  for (let i = 0; i < products.length; i += BATCH) {
    const batch = products.slice(i, i + BATCH);
    const result = await lookup(batch.map((p) => p.identity));
    batch.forEach((product, j) => {
      const matches = (result.matches[j] ?? []).filter((m) => BANNER_TIERS.includes(m.tier));
      if (matches.length === 0) return;
      const ids = [...new Set(matches.map((m) => m.recallId))];
      for (const id of ids) if (result.recalls[id]) recalls[id] = result.recalls[id];
      found.push({ product, matches, newRecallIds: ids.filter((id) => !product.alerted.includes(id)) });
    });
  }
  return { found, recalls };
}

/** The entries to write back once new matches have been announced: each remembers what it was told. */
export function markAnnounced(found: readonly WatchedMatch[]): WatchedProduct[] {
  return found
    .filter((f) => f.newRecallIds.length > 0)
    .map((f) => ({ ...f.product, alerted: [...f.product.alerted, ...f.newRecallIds].slice(-200) }));
}
