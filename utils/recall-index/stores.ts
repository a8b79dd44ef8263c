/**
 * The recall index's IndexedDB database: its stores, and the numbered upgrades that bring a database of
 * any earlier version to this one. Separate from the handle the rest of the extension uses (db.ts) and
 * from the lookups' memory (index-view.ts) because a migration must stay readable on its own: every
 * schema change is a numbered step in `upgrade`, applied in order from the stored version, and has a
 * migration test.
 *
 *   runs     { gen, run, count, hashes, ordinals, keyRules }: one row per batch of records written
 *            (runs.ts), with the table of its keys' hashes and the records they lead to
 *   pages    { gen, run, n, records }: the records of a run, sixteen to a row, as JSON text
 *   changes  { gen, id, recall | null }: incremental changes on top of a generation's runs; a row
 *            replaces the run copy of its id, and a null recall is a withdrawal
 *   meta     per-source status by `source`, including which generation is active
 *   sync     per-source sync state (cursor, validators, back-off, a staging generation in progress)
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { Recall, SourceStatus } from '../schemas';
import { recallKeys } from './keys';
import { buildRun, type PageRow, type RunRow } from './runs';

export const DB_NAME = 'recall-sentinel';
export const DB_VERSION = 4;

/** Records per run when version-3 rows are rewritten in the upgrade. */
const MIGRATION_BATCH = 4_000;
/** Records per run when a caller hands over more at once (a large feed reloaded whole). */
const RUN_SIZE = 20_000;

export interface ChangeRow {
  gen: string;
  id: string;
  /** The record as changed, or null when it was withdrawn. */
  recall: Recall | null;
}

/** Status of one source, plus the generation lookups read. */
export interface SourceMeta extends SourceStatus {
  activeGen: string;
}

export interface RecallIndexSchema extends DBSchema {
  runs: { key: [string, string]; value: RunRow };
  pages: { key: [string, string, number]; value: PageRow };
  changes: { key: [string, string]; value: ChangeRow };
  meta: { key: string; value: SourceMeta };
  sync: { key: string; value: { source: string } & Record<string, unknown> };
}

/** The database itself, as idb types it. */
export type IndexDatabase = IDBPDatabase<RecallIndexSchema>;
export type IndexStore = 'runs' | 'pages' | 'changes';
export const INDEX_STORES: IndexStore[] = ['runs', 'pages', 'changes'];

/** A generation tag: the source and a counter, e.g. "cpsc#3". */
export const generationTag = (source: string, n: number): string => `${source}#${n}`;
/** Every row of a generation, in any store keyed by [gen, ...]. */
export const ofGeneration = (gen: string) => IDBKeyRange.bound([gen], [gen, []]);

/** Stores a batch's rows through whatever transaction the caller holds (a write, or the upgrade). */
export interface RunSink {
  put(store: 'runs' | 'pages', value: RunRow | PageRow): Promise<unknown>;
}

/** Writes records as runs of at most RUN_SIZE, each its pages and its table. */
export async function putRuns(sink: RunSink, gen: string, recalls: readonly Recall[]): Promise<void> {
  const writes: Array<Promise<unknown>> = [];
  for (let i = 0; i < recalls.length; i += RUN_SIZE) {
    const { run, pages } = buildRun(gen, recalls.slice(i, i + RUN_SIZE));
    for (const page of pages) writes.push(sink.put('pages', page));
    writes.push(sink.put('runs', run));
  }
  await Promise.all(writes);
}

/**
 * Opens (and upgrades, when older) the index database. `terminated` is called when the browser closes
 * the connection itself: Chromium does when a write fails on a full disk, and every transaction on it
 * throws "the database connection is closing" from then on.
 */
export function openIndexDatabase(name = DB_NAME, terminated?: () => void): Promise<IndexDatabase> {
  return openDB<RecallIndexSchema>(name, DB_VERSION, {
    ...(terminated ? { terminated } : {}),
    async upgrade(db, oldVersion, _newVersion, tx) {
      // The upgrade transaction is typed for the current schema; older stores are reached untyped.
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
        // Version 3: keys live on the record under a multiEntry index; the keys store goes.
        const rows = (await rawTx.objectStore('recalls').getAll()) as Array<{ gen: string; recall: Recall }>;
        raw.deleteObjectStore('keys');
        raw.deleteObjectStore('recalls');
        const recalls = raw.createObjectStore('recalls', { keyPath: ['gen', 'id'] });
        recalls.createIndex('keys', 'keys', { multiEntry: true });
        for (const r of rows) {
          await rawTx
            .objectStore('recalls')
            .put({ gen: r.gen, id: r.recall.id, recall: r.recall, keys: recallKeys(r.recall) });
        }
      }
      if (oldVersion < 4) {
        // Version 4: records in runs of pages with a hash table per run (runs.ts); a row per record
        // with a multiEntry index cost minutes at 250,000 recalls. The old rows are read with a cursor
        // (ordered by generation) and written a run at a time, so memory stays bounded however large
        // the old index was.
        db.createObjectStore('runs', { keyPath: ['gen', 'run'] });
        db.createObjectStore('pages', { keyPath: ['gen', 'run', 'n'] });
        db.createObjectStore('changes', { keyPath: ['gen', 'id'] });
        const sink: RunSink = { put: (store, value) => rawTx.objectStore(store).put(value) };
        let batch: Recall[] = [];
        let batchGen = '';
        const flush = async () => {
          if (batch.length > 0) await putRuns(sink, batchGen, batch);
          batch = [];
        };
        let cursor = await rawTx.objectStore('recalls').openCursor();
        while (cursor) {
          const { gen, recall } = cursor.value as { gen: string; recall: Recall };
          if (gen !== batchGen || batch.length >= MIGRATION_BATCH) {
            await flush();
            batchGen = gen;
          }
          batch.push(recall);
          cursor = await cursor.continue();
        }
        await flush();
        raw.deleteObjectStore('recalls');
      }
    },
  });
}
