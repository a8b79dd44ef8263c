/**
 * The documents the snapshot reader must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. The fixtures were written by `buildSnapshot` from the CPSC and
 * RappelConso fixtures (the damaged one then edited by hand); tests/unit/feeds/snapshot.test.ts tests
 * the writer and the reader together.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'reads a one-source snapshot, each record under the source it was written with',
    fixture: 'snapshot/one-source.json',
    expectAllIds: ['cpsc:91101', 'cpsc:91102'],
    expectSkips: 0,
  },
  {
    name: 'reads the valid records of a mixed snapshot and names each damaged one',
    fixture: 'snapshot/mixed-with-damaged-records.json',
    expectAllIds: ['cpsc:91101', 'cpsc:91102', 'rappelconso:2026-11-0101'],
    expectSkipReasons: [
      'title: Invalid input',
      'duplicate id, already read as recall 0',
      'recall 5: Invalid input',
    ],
  },
  {
    name: 'refuses a snapshot in a newer format version than it knows',
    fixture: 'snapshot/newer-format.json',
    expectError: 'newer than this build reads',
  },
];
