/**
 * The audit page's lookups keep the candidates they read for the length of the audit (record-cache.ts)
 * and run in a worker (entrypoints/audit/lookup-worker.ts); neither may change a single finding. Checked
 * on real CPSC notices (../shared/data/real-recalls: the cpsc.gov export's full notices, and the compact
 * list's notices that print UPCs) written to the IndexedDB index in several runs, with a corrected notice
 * and a withdrawn one on top, against a catalog made of those notices' own barcodes, models and names,
 * each listing twice so later chunks ask for what earlier ones read.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupOverWorker } from '../../../entrypoints/audit/lookup-off-thread';
import type { LookupAnswer, LookupRequest } from '../../../entrypoints/audit/lookup-protocol';
import { findSharedData } from '../../../scripts/lib/shared-data';
import { type AuditResult, auditRows, type BatchLookup } from '../../../utils/audit/audit';
import { auditInChunks } from '../../../utils/audit/audit-in-chunks';
import type { Catalog } from '../../../utils/audit/read-catalog';
import {
  activateGeneration,
  applyChanges,
  nextGeneration,
  type RecallDb,
  writeGeneration,
} from '../../../utils/recall-index/db';
import { MemoryIndex } from '../../../utils/recall-index/memory-index';
import { lookupIdentities } from '../../../utils/recall-index/query';
import { RecordCache } from '../../../utils/recall-index/record-cache';
import type { Recall } from '../../../utils/schemas';
import { catalogOf, realRecalls } from '../../support/real-catalog';
import { closeIndexes, openIndex } from '../recall-index/open-index';

const DATA = findSharedData('real-recalls');
const NOW = new Date('2026-12-01T00:00:00Z');
const RUN = 150;
const CHUNK = { chunkSize: 40 };

/** The worker's own module, run in this process behind a Worker-shaped object (structured clone included). */
async function inProcessWorker(): Promise<Worker> {
  const scope = globalThis as unknown as {
    self?: { onmessage: ((e: { data: LookupRequest }) => void) | null; postMessage(a: LookupAnswer): void };
  };
  const worker = {
    onmessage: null as ((e: { data: LookupAnswer }) => void) | null,
    postMessage: (data: LookupRequest) => scope.self?.onmessage?.({ data: structuredClone(data) }),
    terminate: () => {},
  };
  scope.self = {
    onmessage: null,
    postMessage: (answer) => worker.onmessage?.({ data: structuredClone(answer) }),
  };
  await import('../../../entrypoints/audit/lookup-worker');
  return worker as unknown as Worker;
}

describe.skipIf(!DATA)('the audit with its candidates cached, on real CPSC notices', () => {
  let recalls: Recall[] = [];
  let current: Recall[] = [];
  let catalog: Catalog;
  let db: RecallDb;
  const audit = (lookup: BatchLookup): Promise<AuditResult> =>
    auditInChunks(catalog.rows, catalog.mapping, lookup, catalog.problems, CHUNK);

  beforeAll(async () => {
    recalls = realRecalls(DATA as string, NOW);
    catalog = catalogOf(recalls);
    globalThis.indexedDB = new IDBFactory();
    db = await openIndex();
    const gen = await nextGeneration(db, 'cpsc');
    for (let i = 0; i < recalls.length; i += RUN) await writeGeneration(db, gen, recalls.slice(i, i + RUN));
    const status = {
      source: 'cpsc',
      records: recalls.length,
      skipped: 0,
      skippedReasons: [],
      loadedAt: NOW.toISOString(),
      origin: 'sync' as const,
    };
    await activateGeneration(db, gen, status);
    // A corrected notice (its remedy reworded) and a withdrawn one, both matched by the catalog.
    const matched = recalls.filter((r) => r.products[0]?.gtins[0] && r.products[0]?.brands[0]);
    const corrected = {
      ...(matched[0] as Recall),
      remedy: 'Stop using it and contact the firm (corrected).',
    };
    const withdrawn = matched[1] as Recall;
    await applyChanges(db, 'cpsc', [corrected], [withdrawn.id], () => status);
    current = recalls
      .filter((r) => r.id !== withdrawn.id)
      .map((r) => (r.id === corrected.id ? corrected : r));
  }, 120_000);

  it('finds the same as the uncached lookup, with a cache too small to hold them all', async () => {
    const uncached = await audit((ids) => lookupIdentities(db, ids));
    const cache = new RecordCache(25);
    const cached = await audit((ids) => lookupIdentities(db, ids, cache));
    expect(cached).toEqual(uncached);
    // Not a vacuous comparison: real findings of every identifier, and the cache was used and bounded.
    expect(uncached.counts.confirmed).toBeGreaterThan(50);
    expect(uncached.counts.likely).toBeGreaterThan(50);
    expect(cache.hits).toBeGreaterThan(0);
    expect(cache.size).toBeLessThanOrEqual(25);
  });

  it('shows the corrected notice and not the withdrawn one from the cache', async () => {
    const cache = new RecordCache();
    const result = await audit((ids) => lookupIdentities(db, ids, cache));
    const ids = new Set(result.findings.map((f) => f.recallId));
    const corrected = current.find((r) => r.remedy?.endsWith('(corrected).'));
    expect(ids.has(corrected?.id as string)).toBe(true);
    expect(result.findings.find((f) => f.recallId === corrected?.id)?.remedy).toBe(corrected?.remedy);
    expect(recalls.filter((r) => !current.some((c) => c.id === r.id)).some((r) => ids.has(r.id))).toBe(false);
  });

  it('finds the same as the CLI does with the same notices in memory', async () => {
    const cached = await audit((ids) => lookupIdentities(db, ids, new RecordCache()));
    const memory = auditRows(catalog.rows, catalog.mapping, new MemoryIndex(current), catalog.problems);
    expect(cached).toEqual(memory);
  });

  it("finds the same through the page's lookup worker", async () => {
    const uncached = await audit((ids) => lookupIdentities(db, ids));
    const worker = lookupOverWorker(await inProcessWorker());
    try {
      expect(await audit(worker.lookup)).toEqual(uncached);
    } finally {
      worker.close();
    }
  });

  afterAll(closeIndexes);
});
