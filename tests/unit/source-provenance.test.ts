import { describe, expect, it } from 'vitest';
import type { SourceStatus, SyncSummary } from '@/utils/schemas';
import { provenanceOf, publishedHost } from '@/utils/source-provenance';

const status = (origin: SourceStatus['origin'], loadedAt: string): SourceStatus => ({
  source: 'cpsc',
  records: 10,
  skipped: 0,
  skippedReasons: [],
  loadedAt,
  origin,
});
const synced = (source: string, lastSuccessAt: string | null): SyncSummary => ({
  source,
  lastSuccessAt,
  lastError: null,
  failingSince: null,
  nextAttemptAt: null,
});
const URL_ = 'https://recalls.example.org/index/manifest.json';

describe('where a source’s records came from', () => {
  it('is the bundled starter data until a sync replaces it', () => {
    expect(provenanceOf(status('bundled', '2026-12-05T10:00:00Z'), [synced('cpsc', null)])).toEqual({
      kind: 'bundled',
      loadedAt: '2026-12-05T10:00:00Z',
    });
  });

  it('is the published index when only the published index syncs, with the index’s host', () => {
    const syncs = [synced('published', '2026-12-05T10:00:01Z')];
    expect(provenanceOf(status('sync', '2026-12-05T10:00:00Z'), syncs, URL_)).toEqual({
      kind: 'published',
      host: 'recalls.example.org',
      syncedAt: '2026-12-05T10:00:01Z',
      // A sync state from before signed indexes holds no manifest date.
      generatedAt: null,
    });
  });

  it('is the authority’s own feed when only the feed syncs', () => {
    const syncs = [synced('cpsc', '2026-12-05T10:00:01Z')];
    expect(provenanceOf(status('sync', '2026-12-05T10:00:00Z'), syncs)).toEqual({
      kind: 'feed',
      syncedAt: '2026-12-05T10:00:01Z',
    });
  });

  it('is the published index when a later feed sync found nothing new and left the records alone', () => {
    const syncs = [synced('published', '2026-12-05T10:00:01Z'), synced('cpsc', '2026-12-05T10:00:05Z')];
    expect(provenanceOf(status('sync', '2026-12-05T10:00:00Z'), syncs).kind).toBe('published');
  });

  it('is the feed when the feed replaced what the published index had written', () => {
    const syncs = [synced('published', '2026-12-05T10:00:01Z'), synced('cpsc', '2026-12-05T10:00:05Z')];
    expect(provenanceOf(status('sync', '2026-12-05T10:00:04Z'), syncs).kind).toBe('feed');
  });

  it('is nothing for a source that holds no records', () => {
    expect(provenanceOf(undefined, [synced('cpsc', null)])).toEqual({ kind: 'none' });
  });
});

describe('the published index’s host', () => {
  it('is the URL’s host, or null for no URL or one that does not parse', () => {
    expect(publishedHost(URL_)).toBe('recalls.example.org');
    expect(publishedHost(null)).toBeNull();
    expect(publishedHost('not a url')).toBeNull();
  });
});
