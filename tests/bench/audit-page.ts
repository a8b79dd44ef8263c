/**
 * The page side of audit-page-bench.ts, bundled into a Chromium page: the real IndexedDB recall index
 * (db.ts) filled with synthetic recalls, then the audit page's own path on a synthetic catalog: the file
 * read (readCatalog), and the audit in chunks (audit-in-chunks.ts) with the page's lookup, while a
 * PerformanceObserver records every long task (over 50 ms) on the main thread. The lookup is one of:
 * - worker: the page's own, lookup-worker.ts (built by the bench, started from a blob URL) through
 *   lookup-off-thread.ts, which opens the index afresh and keeps the audit's candidates (record-cache.ts);
 * - page: lookupIdentities on the page's main thread with the audit's cache (the page's fallback);
 * - page-uncached: the same without a cache (the page before the cache).
 * Preact's rendering of the progress bar and of the findings is not in it.
 */

import { lookupOverWorker } from '../../entrypoints/audit/lookup-off-thread';
import type { BatchLookup } from '../../utils/audit/audit';
import { auditInChunks, PAGE_CHUNKING } from '../../utils/audit/audit-in-chunks';
import { readCatalog } from '../../utils/audit/read-catalog';
import { openRecallDb, type RecallDb } from '../../utils/recall-index/db';
import { lookupIdentities } from '../../utils/recall-index/query';
import { RecordCache } from '../../utils/recall-index/record-cache';
import { catalogCsv } from './audit-catalog';
import { fillIndex } from './fill-index';
import { withProductLines } from './match-core';
import { syntheticRecalls } from './synthetic-recalls';

export type LookupMode = 'worker' | 'page' | 'page-uncached';

export interface AuditPageFigures {
  recalls: number;
  rows: number;
  readMs: number;
  auditMs: number;
  /** The longest main-thread task while the file was read (one task: decode and papaparse). */
  longestReadTaskMs: number;
  /** The longest main-thread task while the audit ran, and how many tasks went over 50 ms. */
  longestAuditTaskMs: number;
  longAuditTasks: number;
  /** The longest gap between two progress updates (a chunk and its pause). */
  longestChunkGapMs: number;
  findings: { confirmed: number; likely: number; possible: number };
  cache?: { hits: number; misses: number; size: number };
}

let workerUrl = '';
let recalls: ReturnType<typeof syntheticRecalls> = [];

/** Fills the extension's own database name (the worker opens that one) in the bench's fresh profile. */
export async function fill(size: number, workerCode: string): Promise<void> {
  workerUrl = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
  recalls = withProductLines(syntheticRecalls(size));
  const db = await openRecallDb();
  await fillIndex(db, recalls);
  db.close();
}

/** The lookup of `mode`, opened afresh as the page opens it for each audit. */
function openLookup(mode: LookupMode): { lookup: BatchLookup; cache?: RecordCache; close(): void } {
  if (mode === 'worker') return lookupOverWorker(new Worker(workerUrl));
  const cache = mode === 'page' ? new RecordCache() : undefined;
  const db: Promise<RecallDb> = openRecallDb();
  return {
    lookup: async (identities) => lookupIdentities(await db, identities, cache),
    ...(cache && { cache }),
    close: () => void db.then((d) => d.close()),
  };
}

export async function measure(
  rows: number,
  recalledBrandShare: number,
  mode: LookupMode,
): Promise<AuditPageFigures> {
  const bytes = new TextEncoder().encode(catalogCsv(recalls, recalledBrandShare, rows));
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  // The read starts a task of its own, as a file input's change event does.
  await new Promise((r) => setTimeout(r, 100));
  const t0 = performance.now();
  const catalog = readCatalog(bytes, { name: 'bench.csv' });
  const t1 = performance.now();
  // A task boundary, so the read's long task is reported before the audit starts.
  await new Promise((r) => setTimeout(r, 100));
  const t2 = performance.now();
  const opened = openLookup(mode);
  const cache = opened.cache;
  let last = performance.now();
  let longestGap = 0;
  const result = await auditInChunks(catalog.rows, catalog.mapping, opened.lookup, catalog.problems, {
    ...PAGE_CHUNKING,
    onProgress: () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    },
  });
  const t3 = performance.now();
  opened.close();
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  const within = (from: number, to: number) =>
    tasks.filter((t) => t.startTime < to && t.startTime + t.duration > from);
  const longest = (list: PerformanceEntry[]) => Math.max(0, ...list.map((t) => t.duration));
  const auditTasks = within(t2, t3);
  return {
    recalls: recalls.length,
    rows,
    readMs: t1 - t0,
    auditMs: t3 - t2,
    longestReadTaskMs: longest(within(t0, t1)),
    longestAuditTaskMs: longest(auditTasks),
    longAuditTasks: auditTasks.length,
    longestChunkGapMs: longestGap,
    findings: result.counts,
    cache: cache && { hits: cache.hits, misses: cache.misses, size: cache.size },
  };
}

(globalThis as unknown as { __rsAuditPage: unknown }).__rsAuditPage = { fill, measure };
