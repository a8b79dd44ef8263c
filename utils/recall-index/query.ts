/**
 * Lookup: page identities in, matches out. The keys of every identity are asked of the index at once
 * (index-view.ts: in-memory tables, then at most one read transaction), then the pure matcher decides.
 * Candidates come only from identifier keys, so a brand that appears in a thousand recalls costs nothing
 * here.
 */
import type { IndexStatus, ProductIdentity, Recall, RecallMatch } from '../schemas';
import { type RecallDb, recallCount, sourceStatuses } from './db';
import { identityKeys } from './keys';
import { matchIdentity } from './match';
import type { RecordCache } from './record-cache';
import { allSyncStates } from './sync-state';

export interface LookupResult {
  /** One entry per identity, in order. */
  matches: RecallMatch[][];
  /** The matched recalls by id, so the caller can show them without another round trip. */
  recalls: Record<string, Recall>;
}

/**
 * A page model asks for up to eight prefixes of itself (stated prefix families are rare); the index's
 * in-memory tables answer the absent ones without a read, so no key needs filtering here.
 */
export async function lookupIdentities(
  db: RecallDb,
  identities: ProductIdentity[],
  /** An audit's records already read (record-cache.ts); page lookups pass none. */
  cache?: RecordCache,
): Promise<LookupResult> {
  const keysPerIdentity = identities.map(identityKeys);
  const { idsByKey, recalls: candidates } = await db.view.candidatesForKeys(
    [...new Set(keysPerIdentity.flat())],
    cache,
  );

  const recalls: Record<string, Recall> = {};
  const matches = keysPerIdentity.map((keys, i) => {
    const mine = new Set(keys.flatMap((k) => idsByKey.get(k) ?? []));
    const found = matchIdentity(
      identities[i] as ProductIdentity,
      [...mine].map((id) => candidates.get(id)).filter((r): r is Recall => r !== undefined),
    );
    for (const m of found) recalls[m.recallId] = candidates.get(m.recallId) as Recall;
    return found;
  });
  return { matches, recalls };
}

export async function indexStatus(db: RecallDb): Promise<IndexStatus> {
  const [records, sources, syncs] = await Promise.all([
    recallCount(db),
    sourceStatuses(db),
    allSyncStates(db),
  ]);
  const loaded = sources.map((s) => s.loadedAt).filter((d): d is string => d !== null);
  return {
    records,
    sources: sources.map(({ activeGen: _gen, ...status }) => status),
    updatedAt: loaded.sort().at(-1) ?? null,
    syncs: syncs.map(
      ({ source, lastSuccessAt, lastError, failingSince, nextAttemptAt, indexUrl, indexGeneratedAt }) => ({
        source,
        lastSuccessAt,
        lastError,
        failingSince,
        nextAttemptAt,
        ...(indexGeneratedAt && { indexGeneratedAt, indexUrl }),
      }),
    ),
  };
}
