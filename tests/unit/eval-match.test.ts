/**
 * The matching evaluation as assertions (issue 6, "Done when"): on the labelled set of tests/eval, the
 * banner tiers (confirmed + likely) reach 99.5% precision and 95% recall, brand-only pairs never match,
 * and every match carries its evidence; matches by title alone stay possible (popup only). `npm run
 * eval:match` prints the same figures as a table.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, runEvaluation } from '../eval/harness';

const report = runEvaluation();
/** On failure, the whole table and the list of wrong pairs say what moved. */
const table = formatReport(report);

describe('the labelled set', () => {
  it('is large enough for percentages to mean something', () => {
    expect(report.pairs).toBeGreaterThan(1000);
    expect(report.handMadePairs).toBeGreaterThan(100);
    expect(report.banner.relevant, table).toBeGreaterThanOrEqual(60);
  });
});

describe('matching on the labelled set', () => {
  it('puts a banner only on the recalled product: confirmed + likely precision is at least 99.5%', () => {
    expect(report.banner.precision, table).toBeGreaterThanOrEqual(0.995);
  });

  it('finds the recalled product: confirmed + likely recall is at least 95%', () => {
    expect(report.banner.recall, table).toBeGreaterThanOrEqual(0.95);
  });

  it('never matches a pair that shares only the brand, at any tier', () => {
    expect(report.brandOnlyPairs).toBeGreaterThan(0);
    expect(report.brandOnlyMatches.map((r) => r.pair.id)).toEqual([]);
  });

  it('gives every match evidence beyond the brand, with its page source and notice origin', () => {
    expect(report.evidenceFailures.map((r) => `${r.pair.id}: ${r.evidenceProblems.join('; ')}`)).toEqual([]);
  });

  it('carries the caveat a lot-, date- or status-limited notice calls for', () => {
    expect(report.caveatFailures.map((r) => `${r.pair.id} lacks ${r.missingCaveats.join(', ')}`)).toEqual([]);
  });

  it('keeps matches by title alone in the popup, saying so, and right on at least 90% of the labelled pairs', () => {
    expect(report.titleOnly.length, table).toBeGreaterThan(0);
    expect(report.titleOnly.filter((r) => r.match?.tier !== 'possible').map((r) => r.pair.id)).toEqual([]);
    expect(
      report.titleOnly
        .filter((r) => !r.match?.caveats.some((c) => c.kind === 'title-only'))
        .map((r) => r.pair.id),
    ).toEqual([]);
    expect(report.title.precision, table).toBeGreaterThanOrEqual(0.9);
    expect(report.title.recall, table).toBeGreaterThanOrEqual(0.9);
  });

  it('is reachable through the keyed index for every match but a model family (keys.ts files no families yet)', () => {
    const outside = report.unreachable.filter((r) => r.pair.category !== 'model-family');
    expect(outside.map((r) => r.pair.id)).toEqual([]);
  });
});
