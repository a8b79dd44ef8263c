/**
 * The documents the CPSC mapper must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. Behaviour a case cannot state (mined fields, brands, firms) is
 * tested in tests/unit/feeds/cpsc.test.ts.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'maps a page of the Recalls API, every record kept',
    fixture: 'cpsc/recalls-page.json',
    expectAllIds: ['cpsc:91101', 'cpsc:91102', 'cpsc:91103', 'cpsc:91104', 'cpsc:91105', 'cpsc:3120'],
    expectSkips: 0,
  },
  {
    name: 'skips each damaged record with its reason and keeps the rest',
    fixture: 'cpsc/malformed-page.json',
    expectAllIds: ['cpsc:91101', 'cpsc:91104'],
    expectSkipReasons: [
      'superseded by record 7',
      'Title: Invalid input',
      'CPSC error record',
      'Products: Invalid input',
      'not a recall record',
      'RecallID is missing',
    ],
  },
  {
    name: 'refuses a response that is only an error record',
    fixture: 'cpsc/error-record.json',
    expectError: 'CPSC feed returned an error record instead of recalls',
  },
  {
    name: 'maps the real sample of seven 2025 recalls, the copied-retailer error included',
    fixture: 'cpsc/open-recall-format/sample.json',
    shared: true,
    expectAllIds: [
      'cpsc:10220',
      'cpsc:10166',
      'cpsc:10245',
      'cpsc:10165',
      'cpsc:10140',
      'cpsc:10222',
      'cpsc:10150',
    ],
    expectSkips: 0,
  },
  {
    name: 'maps the real raw response of recall 9986 (39 UPCs, one with a bad check digit)',
    fixture: 'cpsc/agent-data-oracle/recall-9986.json',
    shared: true,
    expectAllIds: ['cpsc:9986'],
    expectSkips: 0,
  },
  {
    name: 'maps the real raw response of recall 10191 (dashed UPCs in the description)',
    fixture: 'cpsc/agent-data-oracle/recall-10191.json',
    shared: true,
    expectAllIds: ['cpsc:10191'],
    expectSkips: 0,
  },
  {
    name: 'maps the real raw response of recall 10887 (no UPCs)',
    fixture: 'cpsc/agent-data-oracle/recall-10887.json',
    shared: true,
    expectAllIds: ['cpsc:10887'],
    expectSkips: 0,
  },
  {
    name: 'maps the real compact projection of recall 10915 (fields dropped, UPCs moved)',
    fixture: 'cpsc/agent-data-oracle/recall-10915.json',
    shared: true,
    expectAllIds: ['cpsc:10915'],
    expectSkips: 0,
  },
  {
    name: 'maps the real compact projection of recall 10329 (UPC only in the prose)',
    fixture: 'cpsc/agent-data-oracle/recall-10329.json',
    shared: true,
    expectAllIds: ['cpsc:10329'],
    expectSkips: 0,
  },
  {
    name: 'maps the real compact projection of recall 10687',
    fixture: 'cpsc/agent-data-oracle/recall-10687.json',
    shared: true,
    expectAllIds: ['cpsc:10687'],
    expectSkips: 0,
  },
  {
    name: 'maps a real 2018 response with records from 2003 and 2013 (images before captions)',
    fixture: 'cpsc/gsa-recalls_api/response_body_RecallDescription_BlueStar_2018-09-26.json',
    shared: true,
    expectAllIds: ['cpsc:8395', 'cpsc:1313', 'cpsc:2478'],
    expectSkips: 0,
  },
];
