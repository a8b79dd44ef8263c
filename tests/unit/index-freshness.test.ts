import { describe, expect, it } from 'vitest';
import { freshnessSentence } from '@/components/IndexFreshness';
import type { IndexStatus, SourceStatus } from '@/utils/schemas';

const now = new Date('2026-12-05T12:00:00Z');
const fiveMinutesAgo = '2026-12-05T11:55:00Z';
const source = (id: string, records: number, origin: SourceStatus['origin'], skipped = 0): SourceStatus => ({
  source: id,
  records,
  skipped,
  skippedReasons: [],
  loadedAt: fiveMinutesAgo,
  origin,
});
const index = (sources: SourceStatus[], syncs: IndexStatus['syncs'] = []): IndexStatus => ({
  records: sources.reduce((n, s) => n + s.records, 0),
  sources,
  updatedAt: fiveMinutesAgo,
  syncs,
});
const success = (id: string, at: string) => ({
  source: id,
  lastSuccessAt: at,
  lastError: null,
  failingSince: null,
  nextAttemptAt: null,
});

describe('the freshness line', () => {
  it('names the starter data when nothing has synced yet', () => {
    expect(
      freshnessSentence(index([source('cpsc', 9953, 'bundled'), source('openfda', 1058, 'bundled')]), now),
    ).toBe('11,011 recalls from CPSC and openFDA, from the starter data bundled with the extension.');
  });

  it('says the recalls were downloaded from the Recall Sentinel index when it supplied all of them', () => {
    const status = index([source('cpsc', 9969, 'sync')], [success('published', '2026-12-05T11:55:01Z')]);
    expect(freshnessSentence(status, now, 'https://recalls.example.org/manifest.json')).toBe(
      'Downloaded 9,969 recalls from CPSC from the Recall Sentinel index at recalls.example.org, 5 minutes ago.',
    );
  });

  it('gives the count, the authorities and the age when the recalls came from several places', () => {
    const status = index(
      [source('cpsc', 9957, 'sync'), source('openfda', 1058, 'bundled')],
      [success('cpsc', '2026-12-05T11:55:01Z')],
    );
    expect(freshnessSentence(status, now)).toBe(
      '11,015 recalls from CPSC and openFDA, updated 5 minutes ago.',
    );
  });

  it('uses the singular for one recall and one unreadable record', () => {
    expect(freshnessSentence(index([source('cpsc', 1, 'bundled', 1)]), now)).toBe(
      '1 recall from CPSC, from the starter data bundled with the extension. 1 record could not be read and was left out.',
    );
  });

  it('says plainly when nothing is loaded', () => {
    expect(freshnessSentence(index([]), now)).toBe('No recalls are loaded yet.');
  });
});
