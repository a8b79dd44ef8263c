/**
 * The documents the SAMR mapper must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. Field-level behaviour is tested in tests/unit/feeds/samr.test.ts.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'maps a notice page with labelled fields',
    fixture: 'samr/notice-labelled.html',
    expectAllIds: ['samr:SAMR-XF-2026-0412'],
    expectSkips: 0,
  },
  {
    name: 'maps a notice page in prose, with an id made from its text',
    fixture: 'samr/notice-prose.html',
    expectAllIds: ['samr:h-8e9de030'],
    expectSkips: 0,
  },
  {
    name: 'maps a notice page served in GBK',
    fixture: 'samr/notice-gbk.html',
    expectRecords: 1,
    expectSkips: 0,
  },
  {
    name: 'maps a structured notices document',
    fixture: 'samr/notices.json',
    expectAllIds: ['samr:SAMR-XF-2026-0388', 'samr:SAMR-XF-2026-0391', 'samr:h-b1f86df4'],
    expectSkips: 0,
  },
  {
    name: 'skips each damaged notice with its reason and keeps the rest',
    fixture: 'samr/malformed-notices.json',
    expectAllIds: ['samr:SAMR-XF-2026-0391', 'samr:SAMR-XF-2026-0388'],
    expectSkipReasons: [
      'products: Too small',
      'published is not a date',
      'expected object, received string',
      'title: Invalid input',
      'duplicate of notice 0',
    ],
  },
];
