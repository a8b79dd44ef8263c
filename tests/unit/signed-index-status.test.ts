/**
 * Issue 14, finding 1: the status shows a published index's own generation date (its signed manifest's
 * `generatedAt`) and the host it was verified from, so a host serving a frozen index cannot make it read
 * "updated just now".
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { freshnessSentence } from '@/components/IndexFreshness';
import { SyncStatusTable } from '@/components/SyncStatusTable';
import type { IndexStatus } from '@/utils/schemas';

const now = new Date('2026-12-05T12:00:00Z');

/** CPSC's records from an index built three days ago and checked (unchanged) a minute ago. */
const frozen: IndexStatus = {
  records: 9969,
  sources: [
    {
      source: 'cpsc',
      records: 9969,
      skipped: 0,
      skippedReasons: [],
      loadedAt: '2026-12-02T12:05:00Z',
      origin: 'sync',
    },
  ],
  updatedAt: '2026-12-02T12:05:00Z',
  syncs: [
    {
      source: 'published',
      lastSuccessAt: '2026-12-05T11:59:00Z',
      lastError: null,
      failingSince: null,
      nextAttemptAt: null,
      indexGeneratedAt: '2026-12-02T12:00:00Z',
      indexUrl: 'https://verified.example.org/index/manifest.json',
    },
  ],
};

function rows(index: IndexStatus, publishedIndexUrl: string | null): Record<string, string[]> {
  const { document } = parseHTML('<!doctype html><div id="root"></div>');
  const root = document.getElementById('root') as unknown as Element;
  const previous = globalThis.document;
  globalThis.document = document as unknown as Document;
  try {
    render(h(SyncStatusTable, { index, now, publishedIndexUrl }), root);
  } finally {
    globalThis.document = previous;
  }
  return Object.fromEntries(
    [...root.querySelectorAll('tbody tr')].map((tr) => [
      tr.getAttribute('data-source') ?? '',
      [...tr.children].map((cell) => cell.textContent ?? ''),
    ]),
  );
}

describe('a signed index’s status', () => {
  it('dates a published index by when it was built, then when it was checked, at the host it came from', () => {
    // The settings now name another address; the live index is still the verified one's.
    const table = rows(frozen, 'https://next.example.org/manifest.json');
    expect(table.cpsc?.[3]).toBe('Recall Sentinel index at verified.example.org');
    expect(table.cpsc?.[4]).toBe('built 3 days ago, checked 1 minute ago');
    expect(table.published?.[3]).toBe('Supplies CPSC, from verified.example.org');
    expect(table.published?.[4]).toBe('built 3 days ago, checked 1 minute ago');
  });

  it('says how old the index is in the freshness line, not when it was last fetched', () => {
    expect(freshnessSentence(frozen, now)).toBe(
      'Downloaded 9,969 recalls from CPSC from the Recall Sentinel index at verified.example.org, built 3 days ago.',
    );
  });
});
