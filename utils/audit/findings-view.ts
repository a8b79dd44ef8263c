/**
 * What the audit page's findings table shows: the findings narrowed by tier, source and jurisdiction,
 * in risk order (the audit's own order, utils/audit/audit.ts) or in catalog order, and the choices each
 * filter offers with their counts. Pure, so the page and the tests agree on it.
 */
import type { MatchTier } from '../schemas';
import { compareFindings } from './audit';
import type { Finding } from './finding';

export interface FindingFilter {
  tier: MatchTier | 'all';
  source: string;
  jurisdiction: string;
}

export const ALL = 'all';
export const NO_FILTER: FindingFilter = { tier: ALL, source: ALL, jurisdiction: ALL };

export type FindingSort = 'risk' | 'row';

export interface FilterChoice {
  value: string;
  label: string;
  count: number;
}

function choices(findings: readonly Finding[], value: (f: Finding) => string, label: (f: Finding) => string) {
  const byValue = new Map<string, FilterChoice>();
  for (const f of findings) {
    const v = value(f);
    const had = byValue.get(v);
    if (had) had.count++;
    else byValue.set(v, { value: v, label: label(f), count: 1 });
  }
  return [...byValue.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export function filterChoices(findings: readonly Finding[]): {
  sources: FilterChoice[];
  jurisdictions: FilterChoice[];
} {
  return {
    sources: choices(
      findings,
      (f) => f.source,
      (f) => f.sourceLabel,
    ),
    jurisdictions: choices(
      findings,
      (f) => f.jurisdiction,
      (f) => f.jurisdiction,
    ),
  };
}

export function viewFindings(
  findings: readonly Finding[],
  filter: FindingFilter,
  sort: FindingSort = 'risk',
): Finding[] {
  const kept = findings.filter(
    (f) =>
      (filter.tier === ALL || f.tier === filter.tier) &&
      (filter.source === ALL || f.source === filter.source) &&
      (filter.jurisdiction === ALL || f.jurisdiction === filter.jurisdiction),
  );
  return sort === 'risk'
    ? kept.sort(compareFindings)
    : kept.sort((a, b) => a.row - b.row || compareFindings(a, b));
}

/**
 * Seconds left of a run that has done `done` of `total` in `elapsedMs`, at the pace so far; null until
 * there is a pace to go by.
 */
export function secondsLeft(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs <= 0 || total <= done) return done >= total && total > 0 ? 0 : null;
  return Math.ceil(((total - done) * elapsedMs) / done / 1000);
}
