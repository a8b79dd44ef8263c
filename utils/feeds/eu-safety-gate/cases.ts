/**
 * The documents the EU Safety Gate mapper must read, and what it must make of them: run by
 * tests/unit/feeds/cases.test.ts. Field-level behaviour is tested in tests/unit/feeds/eu-safety-gate.test.ts.
 */
import type { FeedTestCase } from '../feed';

export const testCases: FeedTestCase[] = [
  {
    name: 'maps an alert detail',
    fixture: 'eu-safety-gate/alert-toy.json',
    expectAllIds: ['eu-safety-gate:SR/03001/26'],
    expectSkips: 0,
  },
  {
    name: 'maps an alert whose brand is a placeholder',
    fixture: 'eu-safety-gate/alert-placeholder-brand.json',
    expectAllIds: ['eu-safety-gate:SR/03002/26'],
    expectSkips: 0,
  },
  {
    name: 'maps an alert without a brand',
    fixture: 'eu-safety-gate/alert-no-brand.json',
    expectAllIds: ['eu-safety-gate:SR/03003/26'],
    expectSkips: 0,
  },
  {
    name: 'maps the full alerts of a list page and names the summaries and damaged entries it skips',
    fixture: 'eu-safety-gate/list-page.json',
    expectAllIds: ['eu-safety-gate:SR/03001/26', 'eu-safety-gate:SR/03002/26', 'eu-safety-gate:SR/03003/26'],
    expectSkipReasons: [
      'no product details (a list summary: fetch the alert detail)',
      'product.brands: Invalid input',
      'reference and id are missing',
    ],
  },
  {
    name: 'maps the weekly report XML and skips an alert without a case number',
    fixture: 'eu-safety-gate/weekly-report.xml',
    expectAllIds: ['eu-safety-gate:SR/03010/26', 'eu-safety-gate:SR/03011/26'],
    expectSkipReasons: ['caseNumber is missing'],
  },
  ...['10007492', '10118970', '10119096', '10119103', '10119139'].map(
    (id): FeedTestCase => ({
      name: `maps the real alert detail ${id}`,
      fixture: `eu-safety-gate/open-recall-format/${id}.json`,
      shared: true,
      expectRecords: 1,
      expectSkips: 0,
    }),
  ),
];
