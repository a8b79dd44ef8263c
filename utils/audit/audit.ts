/**
 * The audit: every listing of a catalog looked up with the extension's matcher, one finding per listing
 * × recall, sorted by risk. The lookup is injected (the CLI's MemoryIndex, the audit page's IndexedDB
 * view), so this file holds no index and no I/O and runs the same in Node, a page or a worker.
 * Risk order: the tier (confirmed, likely, possible); then a notice still open before a completed one
 * (a withdrawn one last); then the newest notice; then the catalog's own order.
 * A brand alone never matches: the matcher needs a barcode, a model, an ASIN or (possible only) a title.
 */

import {
  authorityName,
  describeCaveat,
  describeEvidence,
  matchMeaning,
  sourceLabel,
  TIER_LABEL,
} from '../recall-index/explain';
import { tierRank } from '../recall-index/match';
import { BANNER_TIERS } from '../recall-index/tiers';
import type { ProductIdentity, Recall, RecallMatch, RecallStatus } from '../schemas';
import { findingActions } from './actions';
import type { CatalogRow, ColumnMapping, RowProblem } from './catalog-fields';
import { type RowIdentity, rowIdentity } from './catalog-identity';
import { completenessSummary, missingItems } from './completeness';
import type { Finding } from './finding';

export interface AuditLookup {
  lookup(identity: ProductIdentity): RecallMatch[];
  get(id: string): Recall | undefined;
}

export interface AuditResult {
  listings: number;
  findings: Finding[];
  /** Per tier, how many findings. */
  counts: Record<'confirmed' | 'likely' | 'possible', number>;
  /** Listings per missing completeness item, and how many are complete. */
  completeness: { complete: number; missing: Record<string, number> };
  /** Row problems from reading plus per-row barcode warnings, by row. */
  problems: RowProblem[];
}

const STATUS_RANK: Record<RecallStatus, number> = { active: 3, other: 2, completed: 1, withdrawn: 0 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    tierRank(b.tier) - tierRank(a.tier) ||
    STATUS_RANK[b.recallStatus] - STATUS_RANK[a.recallStatus] ||
    (b.published ?? '').localeCompare(a.published ?? '') ||
    a.row - b.row ||
    a.recallId.localeCompare(b.recallId)
  );
}

/** Whether the audit found something the merchant must act on (the CLI's exit code 1). */
export const needsAction = (result: Pick<AuditResult, 'findings'>): boolean =>
  result.findings.some((f) => BANNER_TIERS.includes(f.tier) && f.recallStatus !== 'withdrawn');

/**
 * What a batch lookup answers: per identity its matches, and the matched recalls by id. The shape of the
 * extension's `lookupIdentities` (utils/recall-index/query.ts), so the audit page can hand that over.
 */
export interface BatchLookupResult {
  matches: RecallMatch[][];
  recalls: Record<string, Recall>;
}

export type BatchLookup = (identities: ProductIdentity[]) => Promise<BatchLookupResult>;

/** A synchronous index (the CLI's MemoryIndex) as a batch lookup. */
export function memoryBatchLookup(index: AuditLookup): BatchLookup {
  return async (identities) => lookUpAll(index, identities);
}

function lookUpAll(index: AuditLookup, identities: readonly ProductIdentity[]): BatchLookupResult {
  const recalls: Record<string, Recall> = {};
  const matches = identities.map((identity) =>
    index.lookup(identity).filter((m) => {
      const recall = index.get(m.recallId);
      if (recall) recalls[m.recallId] = recall;
      return recall !== undefined;
    }),
  );
  return { matches, recalls };
}

/** Every row of a catalog, looked up in a synchronous index. */
export function auditRows(
  rows: readonly CatalogRow[],
  mapping: ColumnMapping,
  index: AuditLookup,
  readProblems: readonly RowProblem[] = [],
): AuditResult {
  return auditIdentities(
    rows,
    rows.map((row) => rowIdentity(row, mapping)),
    index,
    readProblems,
  );
}

/** Rows whose identities are already read (the CLI reads them first, to load only what they look up). */
export function auditIdentities(
  rows: readonly CatalogRow[],
  identities: readonly RowIdentity[],
  index: AuditLookup,
  readProblems: readonly RowProblem[] = [],
): AuditResult {
  return auditLookedUp(
    rows,
    identities,
    lookUpAll(
      index,
      identities.map((i) => i.identity),
    ),
    readProblems,
  );
}

/** The findings, completeness and problems of rows whose identities have been looked up. */
export function auditLookedUp(
  rows: readonly CatalogRow[],
  identities: readonly RowIdentity[],
  looked: BatchLookupResult,
  readProblems: readonly RowProblem[] = [],
): AuditResult {
  const findings: Finding[] = [];
  const problems: RowProblem[] = [...readProblems];
  const missing: Record<string, number> = {};
  let complete = 0;
  rows.forEach((row, i) => {
    for (const w of identities[i]?.warnings ?? [])
      problems.push({ row: row.row, message: `row ${row.row}: ${w}`, skipped: false });
    const gaps = missingItems(row);
    if (gaps.length === 0) complete++;
    for (const id of gaps) missing[id] = (missing[id] ?? 0) + 1;
    const matches = looked.matches[i] ?? [];
    const summary = matches.length > 0 ? completenessSummary(gaps) : '';
    for (const match of matches) {
      const recall = looked.recalls[match.recallId];
      if (!recall) continue;
      const v = row.values;
      findings.push({
        row: row.row,
        sku: v.sku ?? null,
        title: v.title ?? null,
        brand: v.brand ?? null,
        barcode: v.barcode ?? null,
        model: v.model ?? null,
        asin: v.asin ?? null,
        listingUrl: v.url ?? null,
        tier: match.tier,
        tierLabel: TIER_LABEL[match.tier],
        meaning: matchMeaning(match),
        evidence: match.evidence.map(describeEvidence),
        caveats: match.caveats.map(describeCaveat),
        recallId: recall.id,
        recallNumber: recall.recallNumber,
        recallTitle: recall.title,
        recallStatus: recall.status,
        published: recall.published,
        source: recall.source,
        sourceLabel: sourceLabel(recall.source),
        authority: authorityName(recall),
        jurisdiction: recall.jurisdiction,
        officialUrl: recall.url,
        hazard: recall.hazard,
        remedy: recall.remedy,
        actions: findingActions(match, recall),
        completeness: summary,
      });
    }
  });
  findings.sort(compareFindings);
  problems.sort((a, b) => a.row - b.row);
  const counts = { confirmed: 0, likely: 0, possible: 0 };
  for (const f of findings) counts[f.tier]++;
  return { listings: rows.length, findings, counts, completeness: { complete, missing }, problems };
}

/** Audits of parts of one catalog as one: findings re-sorted by risk, counts and completeness summed. */
export function mergeAudits(
  parts: readonly AuditResult[],
  readProblems: readonly RowProblem[] = [],
): AuditResult {
  const missing: Record<string, number> = {};
  for (const p of parts)
    for (const [id, n] of Object.entries(p.completeness.missing)) missing[id] = (missing[id] ?? 0) + n;
  const findings = parts.flatMap((p) => p.findings).sort(compareFindings);
  const counts = { confirmed: 0, likely: 0, possible: 0 };
  for (const f of findings) counts[f.tier]++;
  return {
    listings: parts.reduce((n, p) => n + p.listings, 0),
    findings,
    counts,
    completeness: { complete: parts.reduce((n, p) => n + p.completeness.complete, 0), missing },
    problems: [...readProblems, ...parts.flatMap((p) => p.problems)].sort((a, b) => a.row - b.row),
  };
}
