/**
 * A feed as the publisher fetched it (`index fetch`), for `index build` to map: the documents the
 * feed's own sync walk (or single GET) returned, untouched, so a build can be rerun and checked against
 * exactly what the authority served.
 *
 *   { "format": "recall-sentinel-fetched-feed", "formatVersion": 1, "source": "uk-opss",
 *     "fetchedAt": ISO, "incremental": true, "documents": [...], "skipped": ["..."] }
 *
 * `incremental` says the documents hold only what changed since the last run (a feed whose walk is
 * bounded per run: ACCC, SAMR, UK OPSS...): the build keeps that source's earlier records and lays
 * these over them, as the extension's own incremental sync does. A whole download (CPSC) replaces the
 * source's records.
 */
import { z } from 'zod';
import { feedById } from '../../utils/feeds';
import type { FeedSkip } from '../../utils/feeds/feed';
import type { Recall } from '../../utils/schemas';

export const FETCHED_FEED_FORMAT = 'recall-sentinel-fetched-feed';

export const FetchedFeed = z.object({
  format: z.literal(FETCHED_FEED_FORMAT),
  formatVersion: z.literal(1),
  source: z.string().min(1),
  fetchedAt: z.iso.datetime({ offset: true }),
  incremental: z.boolean(),
  documents: z.array(z.unknown()),
  /** Items the walk could not fetch (a notice answering 404), in words. */
  skipped: z.array(z.string()),
});
export type FetchedFeed = z.infer<typeof FetchedFeed>;

export const isFetchedFeed = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { format?: unknown }).format === FETCHED_FEED_FORMAT;

export interface MappedFetchedFeed {
  source: string;
  recalls: Recall[];
  skipped: FeedSkip[];
  incremental: boolean;
}

/** Maps every document with the source's own mapper; one record per id, the latest version. */
export function mapFetchedFeed(data: unknown, now: Date): MappedFetchedFeed {
  const parsed = FetchedFeed.safeParse(data);
  if (!parsed.success) throw new Error(`not a readable fetched feed: ${parsed.error.issues[0]?.message}`);
  const fetched = parsed.data;
  const mapper = feedById(fetched.source);
  if (!mapper?.endpoint) throw new Error(`fetched feed of an unknown source: ${fetched.source}`);
  const byId = new Map<string, Recall>();
  const skipped: FeedSkip[] = fetched.skipped.map((reason) => ({ index: -1, nativeId: null, reason }));
  fetched.documents.forEach((doc, n) => {
    const result = mapper.map(doc, { now });
    for (const r of result.recalls) {
      const kept = byId.get(r.id);
      if (!kept || r.version >= kept.version) byId.set(r.id, r);
    }
    const where = fetched.documents.length > 1 ? `document ${n + 1}: ` : '';
    skipped.push(...result.skipped.map((s) => ({ ...s, reason: `${where}${s.reason}` })));
  });
  return { source: fetched.source, recalls: [...byId.values()], skipped, incremental: fetched.incremental };
}
