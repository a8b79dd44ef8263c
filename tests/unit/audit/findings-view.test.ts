/**
 * The findings table's filters and sorts, on real catalogs audited against the starter index (real
 * CPSC and openFDA notices), so the sources and jurisdictions offered are the real ones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStarterIndex } from '../../../scripts/commands/audit-index';
import { auditRows, mergeAudits } from '../../../utils/audit/audit';
import type { Finding } from '../../../utils/audit/finding';
import { filterChoices, NO_FILTER, secondsLeft, viewFindings } from '../../../utils/audit/findings-view';
import { readFixture } from './read-fixture';

let findings: Finding[];
beforeAll(async () => {
  const { index } = await loadStarterIndex();
  const parts = ['generic.csv', 'merchant-center.xml', 'shopify-products.csv'].map((name) => {
    const catalog = readFixture(name);
    return auditRows(catalog.rows, catalog.mapping, index);
  });
  findings = mergeAudits(parts).findings;
}, 60_000);

describe('the findings table', () => {
  it('shows every finding in risk order when nothing is filtered', () => {
    expect(viewFindings(findings, NO_FILTER)).toEqual(findings);
    const tiers = viewFindings(findings, NO_FILTER).map((f) => f.tier);
    expect(tiers.indexOf('likely')).toBeGreaterThan(tiers.lastIndexOf('confirmed'));
  });

  it('keeps only the tier asked for', () => {
    const likely = viewFindings(findings, { ...NO_FILTER, tier: 'likely' });
    expect(likely.length).toBeGreaterThan(0);
    expect(likely.every((f) => f.tier === 'likely')).toBe(true);
    expect(likely.length).toBeLessThan(findings.length);
  });

  it('offers the sources and jurisdictions the findings have, with counts, and filters by them', () => {
    const { sources, jurisdictions } = filterChoices(findings);
    expect(sources.reduce((n, s) => n + s.count, 0)).toBe(findings.length);
    expect(sources.map((s) => s.value)).toContain('cpsc');
    expect(jurisdictions.map((j) => j.value)).toContain('US');
    const cpsc = viewFindings(findings, { ...NO_FILTER, source: 'cpsc' });
    expect(cpsc.length).toBe(sources.find((s) => s.value === 'cpsc')?.count);
    expect(viewFindings(findings, { ...NO_FILTER, jurisdiction: 'nowhere' })).toEqual([]);
  });

  it('sorts by catalog row when asked', () => {
    const rows = viewFindings(findings, NO_FILTER, 'row').map((f) => f.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});

describe('time left', () => {
  it('goes by the pace so far', () => {
    expect(secondsLeft(250, 1000, 2000)).toBe(6);
    expect(secondsLeft(1000, 1000, 2000)).toBe(0);
  });
  it('says nothing before there is a pace', () => {
    expect(secondsLeft(0, 1000, 0)).toBeNull();
  });
});
