/**
 * The documents the Health Canada mapper must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. Field-level behaviour is tested in tests/unit/feeds/health-canada.test.ts.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'maps the open-data rows, keeping the English copy of a notice and consumer products only',
    fixture: 'health-canada/open-data-rows.json',
    expectAllIds: ['health-canada:90101', 'health-canada:90102', 'health-canada:90104'],
    expectSkipReasons: [
      'French copy of a notice',
      'Transport Canada vehicle recall',
      'NID is missing',
      'Title: Invalid input',
    ],
  },
  {
    name: 'maps the real sample, skipping only the Transport Canada row',
    fixture: 'health-canada/open-recall-format/sample.json',
    shared: true,
    expectAllIds: [
      'health-canada:82661',
      'health-canada:82676',
      'health-canada:82687',
      'health-canada:78484',
      'health-canada:82696',
      'health-canada:82684',
    ],
    expectSkipReasons: ['(NID 82705): Transport Canada vehicle recall'],
  },
];
