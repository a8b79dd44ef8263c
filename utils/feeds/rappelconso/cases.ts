/**
 * The documents the RappelConso mapper must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. Field-level behaviour is tested in tests/unit/feeds/rappelconso.test.ts.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'maps an Opendatasoft records page, one record per fiche',
    fixture: 'rappelconso/records.json',
    expectAllIds: [
      'rappelconso:2026-11-0101',
      'rappelconso:2026-11-0102',
      'rappelconso:2026-11-0103',
      'rappelconso:2026-11-0104',
      'rappelconso:2026-11-0105',
    ],
    expectSkipReasons: ['duplicate of record 1'],
  },
  {
    name: 'skips each damaged record with its reason and keeps the rest',
    fixture: 'rappelconso/malformed-page.json',
    expectAllIds: ['rappelconso:2026-11-0101', 'rappelconso:2026-11-0105'],
    expectSkipReasons: [
      'not a recall record',
      'gtin: Invalid input',
      'numero_fiche, rappel_guid and id are missing',
    ],
  },
  {
    name: 'refuses an Opendatasoft error body',
    fixture: 'rappelconso/error.json',
    expectError: 'RappelConso (Opendatasoft) returned an error',
  },
  {
    name: 'maps the real sample of three non-food recalls',
    fixture: 'rappelconso/open-recall-format/non-food.json',
    shared: true,
    expectAllIds: ['rappelconso:2026-10-0007', 'rappelconso:2026-09-0234', 'rappelconso:2026-10-0003'],
    expectSkips: 0,
  },
];
