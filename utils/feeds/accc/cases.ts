/**
 * The documents the ACCC mapper must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. Notice pages and the sync walk are tested in tests/unit/feeds/accc.test.ts
 * and sync-walks.test.ts.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'maps the recalls RSS, one record per item',
    fixture: 'accc/recalls.xml',
    expectAllIds: ['accc:2026/21345', 'accc:2026/21299', 'accc:2026/21250'],
    expectSkips: 0,
  },
  {
    name: 'skips each damaged RSS item with its reason and keeps the rest',
    fixture: 'accc/malformed.xml',
    expectAllIds: ['accc:2026/21345', 'accc:2026/21299'],
    expectSkipReasons: [
      'no PRA number, guid or link',
      'neither a title nor a description',
      'duplicate of item 0',
    ],
  },
];
