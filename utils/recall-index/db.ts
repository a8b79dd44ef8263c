/**
 * The on-device recall index (IndexedDB through idb).
 *
 *   recalls  { gen, id, recall, keys } by [gen, id]: every record belongs to a generation of its source;
 *            `keys` (gtin / raw-gtin / model keys from keys.ts) carries a multiEntry index, so one put
 *            files a record under all its keys and a lookup is one index read per key, filtered to the
 *            active generations
 *   meta     per-source status by `source`, including which generation is active
 *   sync     per-source sync state (cursor, validators, back-off, a staging generation in progress)
 *
 * Generations make replacement atomic and resumable. A full reload of a source writes a new generation
 * beside the live one, in as many transactions as it needs (a service worker may be stopped between
 * them: the next run resumes the same staging generation); nothing reads it until one small transaction
 * flips `meta.activeGen`. The old generation is then deleted. Incremental changes (a cursor sync, a
 * delta) are applied to the active generation in one transaction each.
 *
 * Every schema change is a numbered step in `upgrade`, applied in order from the stored version, and has a
 * migration test.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { Recall, SourceStatus } from '../schemas';
import { recallKeys } from './keys';

export const DB_NAME = 'recall-sentinel';
export const DB_VERSION = 3;

export interface RecallRow {
  gen: string;
  id: string;
  recall: Recall;
  /** The record's index keys (keys.ts); a multiEntry index makes each one findable. */
  keys: string[];
}

const row = (gen: string, recall: Recall): RecallRow => ({
  gen,
  id: recall.id,
  recall,
  keys: recallKeys(recall),
});

/** Status of one source, plus the generation lookups read. */
export interface SourceMeta extends SourceStatus {
  activeGen: string;
}

export interface RecallIndexSchema extends DBSchema {
  recalls: { key: [string, string]; value: RecallRow; indexes: { keys: string } };
  meta: { key: string; value: SourceMeta };
  sync: { key: string; value: { source: string } & Record<string, unknown> };
}

export type RecallDb = IDBPDatabase<RecallIndexSchema>;

/** A generation tag: the source and a counter, e.g. "cpsc#3". */
export const generationTag = (source: string, n: number): string => `${source}#${n}`;
const generationNumber = (gen: string): number => Number(gen.slice(gen.lastIndexOf('#') + 1)) || 0;

export function openRecallDb(name = DB_NAME): Promise<RecallDb> {
  return openDB<RecallIndexSchema>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      // The upgrade transaction is typed for the current schema; version-1 stores are reached untyped.
      const raw = db as unknown as IDBPDatabase;
      const rawTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      if (oldVersion < 1) {
        // Version 1: recalls by id, keys by [k, r], meta by source.
        const recalls = raw.createObjectStore('recalls', { keyPath: 'id' });
        recalls.createIndex('source', 'source');
        raw.createObjectStore('keys', { keyPath: ['k', 'r'] });
        raw.createObjectStore('meta', { keyPath: 'source' });
      }
      if (oldVersion < 2) {
        // Version 2: generations, with a separate store of (key, generation, recall id) rows.
        const oldRecalls = (await rawTx.objectStore('recalls').getAll()) as Recall[];
        const oldMeta = (await rawTx.objectStore('meta').getAll()) as SourceStatus[];
        raw.deleteObjectStore('recalls');
        raw.deleteObjectStore('keys');
        raw.deleteObjectStore('meta');
        raw.createObjectStore('recalls', { keyPath: ['gen', 'id'] });
        raw.createObjectStore('keys', { keyPath: ['k', 'gen', 'r'] }).createIndex('gen', 'gen');
        raw.createObjectStore('meta', { keyPath: 'source' });
        raw.createObjectStore('sync', { keyPath: 'source' });
        for (const recall of oldRecalls) {
          await rawTx
            .objectStore('recalls')
            .put({ gen: generationTag(recall.source, 1), id: recall.id, recall });
        }
        for (const status of oldMeta) {
          await rawTx.objectStore('meta').put({ ...status, activeGen: generationTag(status.source, 1) });
        }
      }
      if (oldVersion < 3) {
        // Version 3: keys live on the record under a multiEntry index; the keys store goes. Writing a
        // record is one put instead of one per key, which made full syncs several times faster.
        const rows = (await rawTx.objectStore('recalls').getAll()) as Array<{ gen: string; recall: Recall }>;
        raw.deleteObjectStore('keys');
        raw.deleteObjectStore('recalls');
        const recalls = db.createObjectStore('recalls', { keyPath: ['gen', 'id'] });
        recalls.createIndex('keys', 'keys', { multiEntry: true });
        for (const r of rows) await tx.objectStore('recalls').put(row(r.gen, r.recall));
      }
    },
  });
}

/** The active generation of a source, or null when the source was never loaded. */
export async function activeGeneration(db: RecallDb, source: string): Promise<string | null> {
  return (await db.get('meta', source))?.activeGen ?? null;
}

/**
 * A fresh generation tag for `source`, greater than the active one and than any `reserved` (staging)
 * generation, so a new run never writes into a generation that is live or half-written.
 */
export async function nextGeneration(db: RecallDb, source: string, reserved: string[] = []): Promise<string> {
  const active = await activeGeneration(db, source);
  const numbers = [active, ...reserved]
    .filter((g): g is string => g?.startsWith(`${source}#`) === true)
    .map(generationNumber);
  return generationTag(source, Math.max(0, ...numbers) + 1);
}

/**
 * Writes records into a staging generation. Safe to repeat after an interruption: the same record is
 * put again under the same keys, never duplicated.
 */
export async function writeGeneration(db: RecallDb, gen: string, recalls: Recall[]): Promise<void> {
  // Relaxed durability: a staging generation that a crash loses is rewritten on resume, and nothing
  // reads it before activation, so waiting for a disk flush per batch buys nothing.
  const tx = db.transaction('recalls', 'readwrite', { durability: 'relaxed' });
  await Promise.all(recalls.map((recall) => tx.store.put(row(gen, recall))));
  await tx.done;
}

/**
 * Makes each `gen` the one lookups read for its source, all in one transaction: a published index that
 * spans several sources goes live at once. Returns the retired generations, to be dropped afterwards.
 */
export async function activateGenerations(
  db: RecallDb,
  entries: Array<{ gen: string; status: SourceStatus }>,
): Promise<string[]> {
  const tx = db.transaction('meta', 'readwrite');
  const retired: string[] = [];
  for (const { gen, status } of entries) {
    const previous = (await tx.store.get(status.source))?.activeGen;
    if (previous && previous !== gen) retired.push(previous);
    await tx.store.put({ ...status, activeGen: gen });
  }
  await tx.done;
  return retired;
}

/** Makes `gen` the one lookups read for `status.source`. Returns the retired generation, if any. */
export async function activateGeneration(
  db: RecallDb,
  gen: string,
  status: SourceStatus,
): Promise<string | null> {
  return (await activateGenerations(db, [{ gen, status }]))[0] ?? null;
}

/** Deletes every record of a generation (after it was retired, or when a staging run is abandoned). */
export async function dropGeneration(db: RecallDb, gen: string): Promise<void> {
  await db.delete('recalls', IDBKeyRange.bound([gen, ''], [gen, '\uffff']));
}

/**
 * Replaces every record of `status.source` with `recalls`: a new generation, written, then activated.
 * Other sources are untouched. Used for bundled data and full reloads that fit in memory.
 */
export async function replaceSource(db: RecallDb, recalls: Recall[], status: SourceStatus): Promise<void> {
  const gen = await nextGeneration(db, status.source);
  await writeGeneration(db, gen, recalls);
  const retired = await activateGeneration(db, gen, status);
  if (retired) await dropGeneration(db, retired);
}

/**
 * Applies an incremental change to a source's active generation in one transaction: upserts replace
 * records by id (a corrected notice replaces the old version), removals delete withdrawn ones. The
 * source's record count moves by what was added and removed, counted here rather than by scanning the
 * generation afterwards (a scan of 250,000 records took seconds).
 */
export async function applyChanges(
  db: RecallDb,
  source: string,
  upserts: Recall[],
  removals: string[],
  status: (current: SourceMeta | undefined) => SourceStatus,
): Promise<void> {
  const tx = db.transaction(['recalls', 'meta'], 'readwrite');
  const meta = await tx.objectStore('meta').get(source);
  const gen = meta?.activeGen ?? generationTag(source, 1);
  const recallStore = tx.objectStore('recalls');
  const ids = [...new Set([...removals, ...upserts.map((r) => r.id)])];
  const present = new Set(
    (await Promise.all(ids.map((id) => recallStore.getKey([gen, id]))))
      .filter((k): k is [string, string] => k !== undefined)
      .map(([, id]) => id),
  );
  const upserted = new Set(upserts.map((r) => r.id));
  const removed = removals.filter((id) => present.has(id) && !upserted.has(id)).length;
  const added = [...upserted].filter((id) => !present.has(id)).length;
  // A put replaces the record and, through the multiEntry index, all of its keys.
  await Promise.all([
    ...removals.filter((id) => !upserted.has(id)).map((id) => recallStore.delete([gen, id])),
    ...upserts.map((recall) => recallStore.put(row(gen, recall))),
    tx
      .objectStore('meta')
      .put({ ...status(meta), records: Math.max(0, (meta?.records ?? 0) + added - removed), activeGen: gen }),
  ]);
  await tx.done;
}

/** How many records a generation holds. */
export async function generationCount(db: RecallDb, gen: string): Promise<number> {
  return db.count('recalls', IDBKeyRange.bound([gen, ''], [gen, '\uffff']));
}

/**
 * The recall ids filed under each key and the recalls themselves, read in one transaction and limited
 * to active generations: a lookup is on every page load, and each extra transaction costs milliseconds.
 */
export async function candidatesForKeys(
  db: RecallDb,
  keys: string[],
  activeGenerations?: ReadonlySet<string>,
): Promise<{ idsByKey: Map<string, string[]>; recalls: Map<string, Recall> }> {
  const tx = db.transaction(['recalls', 'meta'], 'readonly');
  // The caller may know the active generations already (the background caches them); reading them here
  // is one more round trip to the database before the key reads can start.
  const active =
    activeGenerations ?? new Set((await tx.objectStore('meta').getAll()).map((m) => m.activeGen));
  const byKey = tx.objectStore('recalls').index('keys');
  // A read-only transaction has nothing to commit: the results are final once the requests succeed, so
  // the lookup does not wait for the transaction's completion event.
  const found = await Promise.all(keys.map((k) => byKey.getAll(k)));
  const idsByKey = new Map<string, string[]>();
  const recalls = new Map<string, Recall>();
  keys.forEach((k, i) => {
    const live = (found[i] ?? []).filter((r) => active.has(r.gen));
    idsByKey.set(
      k,
      live.map((r) => r.id),
    );
    for (const r of live) recalls.set(r.id, r.recall);
  });
  return { idsByKey, recalls };
}

/** Every model-prefix key (`p:…`) in the index, of any generation: a small set, read once per data change. */
export async function storedPrefixKeys(db: RecallDb): Promise<Set<string>> {
  const out = new Set<string>();
  const tx = db.transaction('recalls', 'readonly');
  let cursor = await tx.store.index('keys').openKeyCursor(IDBKeyRange.bound('p:', 'p:\uffff'));
  while (cursor) {
    out.add(String(cursor.key));
    cursor = await cursor.continue();
  }
  await tx.done;
  return out;
}

export async function sourceStatuses(db: RecallDb): Promise<SourceMeta[]> {
  return db.getAll('meta');
}

/** Records in active generations. */
export async function recallCount(db: RecallDb): Promise<number> {
  const metas = await db.getAll('meta');
  const counts = await Promise.all(metas.map((m) => generationCount(db, m.activeGen)));
  return counts.reduce((a, b) => a + b, 0);
}

/** Empties the index and every sync state ("clear and rebuild"); the stores stay. */
export async function clearIndex(db: RecallDb): Promise<void> {
  const tx = db.transaction(['recalls', 'meta', 'sync'], 'readwrite');
  await Promise.all([
    tx.objectStore('recalls').clear(),
    tx.objectStore('meta').clear(),
    tx.objectStore('sync').clear(),
  ]);
  await tx.done;
}
