/**
 * The audit in chunks, for the audit page (issue 11: a 50,000-row catalog with the UI responsive
 * throughout): a few hundred rows at a time, a pause for the event loop between chunks, progress after
 * each, and a stop when the signal aborts (the page's Cancel). Each chunk's identities go to the lookup
 * in one call, so an IndexedDB-backed lookup (`lookupIdentities`) reads once per chunk. The result equals
 * `auditRows` on all rows.
 */
import { type AuditResult, auditLookedUp, type BatchLookup, mergeAudits } from './audit';
import type { CatalogRow, ColumnMapping, RowProblem } from './catalog-fields';
import { rowIdentity } from './catalog-identity';

export interface ChunkOptions {
  /** Rows per chunk: 250 take about 10 ms against 250,000 recalls in Node, 45 ms when every brand has recalls (audit-bench.ts). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Adaptive chunks (the audit page): after each chunk the next is sized so that it takes about this
   * long, between MIN_CHUNK rows and `chunkSize`. Against an IndexedDB index a chunk's rows cost very
   * different amounts (a brand with many recalls reads and parses every one of them), and the part after
   * the last read is one main-thread task, so a fixed size either freezes the page or wastes reads.
   */
  targetMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export const MIN_CHUNK = 10;

/** What the audit page uses: the smallest chunks that keep each task near 40 ms. */
export const PAGE_CHUNKING = { chunkSize: 250, targetMs: 40 } as const;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function auditInChunks(
  rows: readonly CatalogRow[],
  mapping: ColumnMapping,
  lookup: BatchLookup,
  readProblems: readonly RowProblem[] = [],
  options: ChunkOptions = {},
): Promise<AuditResult> {
  const max = Math.max(1, options.chunkSize ?? 250);
  const now = options.now ?? (() => performance.now());
  const target = options.targetMs;
  let size = target ? Math.min(max, MIN_CHUNK * 5) : max;
  const parts: AuditResult[] = [];
  let start = 0;
  while (start < rows.length) {
    options.signal?.throwIfAborted();
    const began = now();
    const chunk = rows.slice(start, start + size);
    const identities = chunk.map((row) => rowIdentity(row, mapping));
    parts.push(auditLookedUp(chunk, identities, await lookup(identities.map((i) => i.identity))));
    start += chunk.length;
    options.onProgress?.(start, rows.length);
    if (target) {
      const perRow = Math.max(now() - began, 0.01) / chunk.length;
      // Sized by this chunk's pace, at most doubling at once, so one fast chunk does not overshoot.
      size = Math.min(max, size * 2, Math.max(MIN_CHUNK, Math.floor(target / perRow)));
    }
    await pause();
  }
  return mergeAudits(parts, readProblems);
}
