/**
 * The documents the UK OPSS mapper must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. Field-level behaviour is tested in tests/unit/feeds/uk-opss.test.ts.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'maps a GOV.UK content item',
    fixture: 'uk-opss/content-item.json',
    expectAllIds: ['uk-opss:2610-0412'],
    expectSkips: 0,
  },
  {
    name: 'maps a bundle of content items, one without a PSD number by its path',
    fixture: 'uk-opss/bundle.json',
    expectAllIds: [
      'uk-opss:2609-0187',
      'uk-opss:product-safety-alerts-reports-recalls/product-safety-alert-heatwise-oil-filled-radiator',
    ],
    expectSkips: 0,
  },
  {
    name: 'skips each damaged item with its reason and keeps the rest',
    fixture: 'uk-opss/malformed-array.json',
    expectAllIds: ['uk-opss:2610-0412'],
    expectSkipReasons: [
      'superseded by item 5',
      'details.body: Invalid input',
      'a search result, not a content item',
      'not an OPSS content item',
      'neither a PSD notification number nor a base_path',
    ],
  },
  {
    name: 'refuses a search response, which lists notices without their product tables',
    fixture: 'uk-opss/search.json',
    expectError: 'this is a GOV.UK search response',
  },
  {
    name: 'maps the real content item of recall 2609-0229',
    fixture: 'uk-opss/open-recall-format/recall-baby-spinner.json',
    shared: true,
    expectAllIds: ['uk-opss:2609-0229'],
    expectSkips: 0,
  },
  {
    name: 'refuses the real search response',
    fixture: 'uk-opss/open-recall-format/search.json',
    shared: true,
    expectError: 'this is a GOV.UK search response',
  },
];
