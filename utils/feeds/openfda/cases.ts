/**
 * The documents the openFDA mapper must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. Behaviour a case cannot state (codes, dates, brands mined from the
 * prose) is tested in tests/unit/feeds/openfda.test.ts.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'maps a food enforcement page, an event without recall numbers split per product',
    fixture: 'openfda/food-enforcement.json',
    expectAllIds: [
      'openfda:H-2001-2026',
      'openfda:H-2002-2026',
      'openfda:event-99803-1',
      'openfda:event-99803-2',
      'openfda:H-2004-2026',
      'openfda:H-2005-2026',
    ],
    expectSkips: 0,
  },
  {
    name: 'maps a device enforcement page',
    fixture: 'openfda/device-enforcement.json',
    expectAllIds: ['openfda:Z-0101-2027', 'openfda:Z-0102-2027'],
    expectSkips: 0,
  },
  {
    name: 'maps a drug enforcement page',
    fixture: 'openfda/drug-enforcement.json',
    expectAllIds: ['openfda:D-0301-2027'],
    expectSkips: 0,
  },
  {
    name: 'skips each damaged record with its reason and keeps the rest',
    fixture: 'openfda/malformed-page.json',
    expectAllIds: ['openfda:H-2001-2026', 'openfda:H-2005-2026'],
    expectSkipReasons: [
      'superseded by record 4',
      'not a recall record',
      'product_description: Invalid input',
      'recall_number and event_id are missing',
    ],
  },
  {
    name: 'reads the 404 "No matches found" body as an empty page',
    fixture: 'openfda/not-found.json',
    expectRecords: 0,
    expectSkips: 0,
  },
  {
    name: 'refuses a server error body',
    fixture: 'openfda/server-error.json',
    expectError: 'openFDA returned an error instead of results',
  },
  {
    name: 'maps the real food enforcement response about listeria',
    fixture: 'openfda/open-recall-format/food-listeria.json',
    shared: true,
    expectAllIds: ['openfda:H-1219-2026', 'openfda:H-1206-2026', 'openfda:H-1213-2026'],
    expectSkips: 0,
  },
  {
    name: 'maps the real food enforcement response about undeclared allergens',
    fixture: 'openfda/open-recall-format/food-undeclared.json',
    shared: true,
    expectRecords: 8,
    expectIds: ['openfda:H-1259-2026', 'openfda:event-99517-1'],
    expectSkips: 0,
  },
];
