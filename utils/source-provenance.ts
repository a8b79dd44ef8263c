/**
 * Where a source's records came from: the starter data bundled with the extension, a published Recall
 * Sentinel index, or the authority's own feed. The options table and the freshness line say it in words,
 * so an unticked feed whose records a published index supplies no longer reads "last synced: never".
 *
 * IndexStatus records only `origin: 'bundled' | 'sync'`, so which sync wrote a source is inferred from
 * the times: a sync files its sources' `loadedAt` and then, when it finishes, its own `lastSuccessAt`.
 * The sync whose success is the first at or after the source's `loadedAt` is the one that wrote it (the
 * published index runs before the feeds, and a feed that found nothing new leaves `loadedAt` alone).
 */
import type { IndexStatus, SourceStatus, SyncSummary } from './schemas';

/** The sync state id of a published index (utils/recall-index/published-sync.ts). */
const PUBLISHED = 'published';

export type Provenance =
  /** Loaded from the starter index packaged with the extension, at `loadedAt`. */
  | { kind: 'bundled'; loadedAt: string | null }
  /** Downloaded from a published index (at `host`, when known), last checked at `syncedAt`; the live
   * index was built at `generatedAt` (its signed manifest's own date: a frozen index shows its age). */
  | { kind: 'published'; host: string | null; syncedAt: string | null; generatedAt: string | null }
  /** Read from the authority's own feed, last checked at `syncedAt`. */
  | { kind: 'feed'; syncedAt: string | null }
  /** No records held (a feed that has never synced successfully). */
  | { kind: 'none' };

/** The host of a published index's URL, or null when there is none or it does not parse. */
export function publishedHost(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  return new URL(url).host;
}

function succeededAfter(sync: SyncSummary | undefined, loadedAt: string): number | null {
  const at = sync?.lastSuccessAt ? Date.parse(sync.lastSuccessAt) : Number.NaN;
  return at >= Date.parse(loadedAt) ? at : null;
}

export function provenanceOf(
  status: SourceStatus | undefined,
  syncs: readonly SyncSummary[],
  publishedIndexUrl: string | null = null,
): Provenance {
  if (!status) return { kind: 'none' };
  if (status.origin === 'bundled') return { kind: 'bundled', loadedAt: status.loadedAt };
  const feed = syncs.find((s) => s.source === status.source);
  const published = syncs.find((s) => s.source === PUBLISHED);
  const asPublished: Provenance = {
    kind: 'published',
    // The address the live index was verified from, before the one now in the settings.
    host: publishedHost(published?.indexUrl ?? publishedIndexUrl),
    syncedAt: published?.lastSuccessAt ?? null,
    generatedAt: published?.indexGeneratedAt ?? null,
  };
  const asFeed: Provenance = { kind: 'feed', syncedAt: feed?.lastSuccessAt ?? status.loadedAt };
  if (!published) return asFeed;
  if (!feed) return asPublished;
  if (!status.loadedAt) return asFeed;
  const byFeed = succeededAfter(feed, status.loadedAt);
  const byPublished = succeededAfter(published, status.loadedAt);
  if (byPublished === null) return asFeed;
  if (byFeed === null) return asPublished;
  return byPublished <= byFeed ? asPublished : asFeed;
}

/** Every held source's provenance, by source id. */
export function provenances(
  index: IndexStatus,
  publishedIndexUrl: string | null = null,
): Map<string, Provenance> {
  return new Map(index.sources.map((s) => [s.source, provenanceOf(s, index.syncs, publishedIndexUrl)]));
}
