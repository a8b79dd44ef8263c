/**
 * The audit as JSON: a versioned document (`format`, `formatVersion`) so a merchant's CI can rely on it;
 * fields may be added, none renamed without a new version. Each finding carries `review`: the merchant's
 * latest decision on it from the review log (decision, note, time), or null (always null from the CLI).
 */
import type { AuditResult } from './audit';
import type { ColumnMapping } from './catalog-fields';
import type { CatalogFormat } from './read-catalog';
import { type LatestReviews, reviewOf } from './review-log';

export const AUDIT_JSON_FORMAT = 'recall-sentinel-audit';
export const AUDIT_JSON_VERSION = 1;

export interface AuditMeta {
  catalog: string;
  catalogFormat: CatalogFormat;
  encoding: string;
  mapping: ColumnMapping;
  /** The recall data audited against: per source, records. */
  sources: { source: string; records: number }[];
  generatedAt: string;
  /**
   * A store scanned rather than a file read (`audit <store URL>`, the page's store scan): how far the
   * scan got. `complete: false` means the findings cover only the listings read before it stopped.
   */
  scan?: StoreScanMeta;
}

export interface StoreScanMeta {
  origin: string;
  pages: number;
  complete: boolean;
  /** Why the scan stopped before the store's last page, in words; null when it read every page. */
  stoppedBecause: string | null;
}

export function auditJson(result: AuditResult, meta: AuditMeta, reviews?: LatestReviews): string {
  return JSON.stringify(
    {
      format: AUDIT_JSON_FORMAT,
      formatVersion: AUDIT_JSON_VERSION,
      ...meta,
      listings: result.listings,
      counts: result.counts,
      completeness: result.completeness,
      problems: result.problems,
      findings: result.findings.map((f) => ({ ...f, review: reviewOf(f, reviews) })),
    },
    null,
    2,
  );
}
