import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SyncStatusTable } from '@/components/SyncStatusTable';
import type { IndexStatus } from '@/utils/schemas';

const now = new Date('2026-12-05T12:00:00Z');

/** The table's rows as text, one array of cells per row, keyed by the row's source. */
function rows(index: IndexStatus, publishedIndexUrl: string | null = null): Record<string, string[]> {
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

const ok = (source: string, lastSuccessAt: string | null) => ({
  source,
  lastSuccessAt,
  lastError: null,
  failingSince: null,
  nextAttemptAt: null,
});

describe('the options page’s status table', () => {
  it('says an unticked feed’s recalls came from the published index, never "last synced: never"', () => {
    const table = rows(
      {
        records: 9969,
        sources: [
          {
            source: 'cpsc',
            records: 9969,
            skipped: 0,
            skippedReasons: [],
            loadedAt: '2026-12-05T11:55:00Z',
            origin: 'sync',
          },
        ],
        updatedAt: '2026-12-05T11:55:00Z',
        syncs: [ok('published', '2026-12-05T11:55:01Z')],
      },
      'https://recalls.example.org/index/manifest.json',
    );
    expect(table.cpsc).toEqual([
      'CPSC',
      '9,969',
      '0',
      'Recall Sentinel index at recalls.example.org',
      '5 minutes ago',
      '',
    ]);
    expect(table.published).toEqual([
      'Recall Sentinel index',
      '—',
      '—',
      'Supplies CPSC, from recalls.example.org',
      '5 minutes ago',
      '',
    ]);
  });

  it('says bundled recalls are the starter data, installed when they were loaded', () => {
    const table = rows({
      records: 1058,
      sources: [
        {
          source: 'openfda',
          records: 1058,
          skipped: 0,
          skippedReasons: [],
          loadedAt: '2026-12-05T10:00:00Z',
          origin: 'bundled',
        },
      ],
      updatedAt: '2026-12-05T10:00:00Z',
      syncs: [],
    });
    expect(table.openfda).toEqual([
      'openFDA',
      '1,058',
      '0',
      'Starter data bundled with the extension',
      'installed 2 hours ago',
      '',
    ]);
  });

  it('says a feed that never loaded anything has nothing yet, and why', () => {
    const table = rows({
      records: 0,
      sources: [],
      updatedAt: null,
      syncs: [{ ...ok('accc', null), lastError: 'HTTP 500', failingSince: '2026-12-05T11:00:00Z' }],
    });
    expect(table.accc).toEqual([
      'ACCC',
      '—',
      '—',
      'Nothing loaded yet',
      'never',
      'HTTP 500 (failing since 1 hour ago)',
    ]);
  });
});
