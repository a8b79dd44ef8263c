/**
 * The on-device recall index as the rest of the extension holds it: the database (stores.ts, with its
 * versioned upgrades) and the lookups' view of it in memory (index-view.ts), opened and closed together,
 * and every write, which drops that view so the next lookup reads the new data.
 *
 * Generations make replacement atomic and resumable. A full reload of a source writes a new generation
 * beside the live one, run by run, in as many transactions as it needs (a service worker may be stopped
 * between them: the next run resumes the same staging generation, and a batch written again overwrites
 * its own rows); nothing reads it until one small transaction flips `meta.activeGen`. The old generation
 * is then deleted. Incremental changes (a cursor sync, a delta) go to `changes`, one transaction each.
 * Records are checked against the `Recall` schema when they are read, so a damaged row is skipped, never
 * shown.
 */
import type { IDBPTransaction } from 'idb';
import type { Recall, SourceStatus } from '../schemas';
import { IndexView } from './index-view';
import { entriesFor, type ReadTx, recordsForEntries } from './page-reads';
import { idIndexKey, type PageRow, type RunRow, runsTable } from './runs';
import { completeWrite } from './storage-full';
import {
  DB_NAME,
  generationTag,
  INDEX_STORES,
  type IndexDatabase,
  type IndexStore,
  ofGeneration,
  openIndexDatabase,
  putRuns,
  type RecallIndexSchema,
  type SourceMeta,
} from './stores';

/** The open index: its database and the lookups' view of it, which every write below invalidates. */
export interface RecallDb {
  readonly idb: IndexDatabase;
  readonly view: IndexView;
  /**
   * Generations this worker is writing right now and will activate or drop itself (`replaceSource`):
   * kept from the sweep. In memory on purpose: a worker that stops stops writing them.
   */
  readonly writing: Set<string>;
  /** Sync targets this worker is running right now (sync.ts): a run recorded as begun but not here was stopped. */
  readonly syncing: Set<string>;
  /** Stops the view's timers, drops what it holds, and closes the database. */
  close(): void;
}

/** `terminated`: the browser closed the connection itself (a full disk); open a new one to go on. */
export async function openRecallDb(name = DB_NAME, terminated?: () => void): Promise<RecallDb> {
  const idb = await openIndexDatabase(name, () => {
    // The view's timers and tables go with the closed connection.
    view.dispose();
    terminated?.();
  });
  const view = new IndexView(idb);
  return {
    idb,
    view,
    writing: new Set(),
    syncing: new Set(),
    close() {
      view.dispose();
      idb.close();
    },
  };
}

/** The active generation of a source, or null when the source was never loaded. */
export async function activeGeneration(db: RecallDb, source: string): Promise<string | null> {
  return (await db.idb.get('meta', source))?.activeGen ?? null;
}

/** The tag's number: "cpsc#12" → 12. */
const generationNumber = (gen: string): number => Number(gen.slice(gen.lastIndexOf('#') + 1)) || 0;
const sourceOfGeneration = (gen: string): string => gen.slice(0, gen.lastIndexOf('#'));

/**
 * Every generation that has rows in `stores`, one key read per generation: the cursor jumps from a
 * generation's first row past its last ([gen, []] sorts after every [gen, string or number]).
 */
async function storedGenerations(
  tx: IDBPTransaction<RecallIndexSchema, IndexStore[], 'readonly' | 'readwrite'>,
  stores: readonly IndexStore[] = INDEX_STORES,
): Promise<Set<string>> {
  const gens = new Set<string>();
  for (const store of stores) {
    let cursor = await tx.objectStore(store).openKeyCursor();
    while (cursor) {
      const gen = (cursor.key as [string, ...unknown[]])[0];
      gens.add(gen);
      cursor = await cursor.continue([gen, []] as unknown as typeof cursor.key);
    }
  }
  return gens;
}

/**
 * A fresh generation tag for `source`: greater than the active one, than any `reserved` (staging)
 * generation, and than any generation with rows left behind by a write that stopped before its
 * activation, so a new run never writes into a generation that is live, half-written or stale.
 */
export async function nextGeneration(db: RecallDb, source: string, reserved: string[] = []): Promise<string> {
  const active = await activeGeneration(db, source);
  const tx = db.idb.transaction(['runs', 'changes'], 'readonly');
  const stored = await storedGenerations(tx, ['runs', 'changes']);
  const numbers = [active, ...reserved, ...stored, ...db.writing]
    .filter((g): g is string => g !== null && sourceOfGeneration(g) === source)
    .map(generationNumber);
  return generationTag(source, Math.max(0, ...numbers) + 1);
}

/**
 * Writes records into a staging generation, as one run per batch. Safe to repeat after an interruption:
 * the same batch is written to the same rows, never duplicated. Batches of one generation must not
 * share ids (a published shard holds every record of its ids; a feed reload is one call).
 */
export async function writeGeneration(db: RecallDb, gen: string, recalls: readonly Recall[]): Promise<void> {
  if (recalls.length === 0) return;
  // Relaxed durability: a staging generation that a crash loses is rewritten on resume, and nothing
  // reads it before activation, so waiting for a disk flush per batch buys nothing.
  const tx = db.idb.transaction(['runs', 'pages'], 'readwrite', { durability: 'relaxed' });
  await completeWrite(tx, () =>
    putRuns({ put: (store, value) => tx.objectStore(store).put(value as RunRow & PageRow) }, gen, recalls),
  );
  db.view.invalidate();
}

/**
 * Makes each `gen` the one lookups read for its source and deletes the generations they retire, all in
 * one transaction: a published index that spans several sources goes live at once, and a worker stopped
 * at any point leaves either the old generations live or the new ones, never a retired one behind.
 * `syncState`, when given, is saved in the same transaction (the sync that staged them is then done).
 * Returns the retired generations (already deleted).
 */
export async function activateGenerations(
  db: RecallDb,
  entries: Array<{ gen: string; status: SourceStatus }>,
  options: { syncState?: { source: string } & Record<string, unknown> } = {},
): Promise<string[]> {
  const tx = db.idb.transaction(['meta', 'sync', ...INDEX_STORES], 'readwrite');
  const meta = tx.objectStore('meta');
  const retired: string[] = [];
  await completeWrite(tx, async () => {
    for (const { gen, status } of entries) {
      const previous = (await meta.get(status.source))?.activeGen;
      if (previous && previous !== gen) retired.push(previous);
      await meta.put({ ...status, activeGen: gen });
    }
    const deletes: Array<Promise<unknown>> = retired.flatMap((gen) =>
      INDEX_STORES.map((store) => tx.objectStore(store).delete(ofGeneration(gen))),
    );
    if (options.syncState) deletes.push(tx.objectStore('sync').put(options.syncState));
    await Promise.all(deletes);
  });
  for (const { gen } of entries) db.writing.delete(gen);
  db.view.invalidate();
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

/** Deletes every row of a generation (after it was retired, or when a staging run is abandoned). */
export async function dropGeneration(db: RecallDb, gen: string): Promise<void> {
  await dropGenerations(db, [gen]);
}

async function dropGenerations(db: RecallDb, gens: readonly string[]): Promise<void> {
  if (gens.length === 0) return;
  const tx = db.idb.transaction(INDEX_STORES, 'readwrite');
  await completeWrite(tx, () =>
    Promise.all(
      gens.flatMap((gen) => INDEX_STORES.map((store) => tx.objectStore(store).delete(ofGeneration(gen)))),
    ),
  );
  for (const gen of gens) db.writing.delete(gen);
  db.view.invalidate();
}

/**
 * Deletes every generation that nothing will read or finish: not active, not in `keep` (the staging
 * generations a sync state names, which a later run resumes), and not being written by this worker.
 * What is left is what a worker stopped mid-write left behind. Returns the generations deleted.
 */
export async function sweepOrphanGenerations(db: RecallDb, keep: Iterable<string>): Promise<string[]> {
  const tx = db.idb.transaction(['meta', ...INDEX_STORES], 'readwrite');
  const live = new Set([...keep, ...db.writing]);
  const orphans = await completeWrite(tx, async () => {
    for (const m of await tx.objectStore('meta').getAll()) live.add(m.activeGen);
    const stored = await storedGenerations(
      tx as unknown as IDBPTransaction<RecallIndexSchema, IndexStore[], 'readwrite'>,
    );
    const found = [...stored].filter((gen) => !live.has(gen));
    await Promise.all(
      found.flatMap((gen) => INDEX_STORES.map((store) => tx.objectStore(store).delete(ofGeneration(gen)))),
    );
    return found;
  });
  if (orphans.length > 0) db.view.invalidate();
  return orphans;
}

/**
 * Replaces every record of `status.source` with `recalls`: a new generation, written, then activated.
 * Other sources are untouched. Used for bundled data and full reloads that fit in memory.
 */
export async function replaceSource(db: RecallDb, recalls: Recall[], status: SourceStatus): Promise<void> {
  const gen = await nextGeneration(db, status.source);
  db.writing.add(gen);
  try {
    await writeGeneration(db, gen, recalls);
    await activateGeneration(db, gen, status);
  } catch (e) {
    // A write that failed (storage full, most often) takes its rows with it; the old generation stays.
    await dropGeneration(db, gen).catch(() => undefined);
    throw e;
  } finally {
    db.writing.delete(gen);
  }
}

type WriteTx = IDBPTransaction<
  RecallIndexSchema,
  Array<'runs' | 'pages' | 'changes' | 'meta' | 'sync'>,
  'readwrite'
>;

/** Of `ids`, those a generation holds: changed records by their change row, the rest by their runs. */
async function presentIds(tx: WriteTx, gen: string, ids: readonly string[]): Promise<Set<string>> {
  const changes = await Promise.all(ids.map((id) => tx.objectStore('changes').get([gen, id])));
  const present = new Set<string>();
  const unchanged: string[] = [];
  ids.forEach((id, i) => {
    const row = changes[i];
    if (!row) unchanged.push(id);
    else if (row.recall) present.add(id);
  });
  if (unchanged.length > 0) {
    const runs = await tx.objectStore('runs').getAll(ofGeneration(gen));
    const found = await recordsForEntries(
      tx as unknown as ReadTx,
      gen,
      entriesFor(runsTable(runs), unchanged.map(idIndexKey)),
    );
    for (const id of unchanged) if (found.has(idIndexKey(id))) present.add(id);
  }
  return present;
}

/** One source's part of an incremental change (see `applyChanges`). */
export interface SourceChanges {
  source: string;
  upserts: Recall[];
  removals: string[];
  status: (current: SourceMeta | undefined) => SourceStatus;
  /** The source's record count after the change, when the caller knows it (a published manifest says). */
  records?: number;
}

async function applyChangesIn(tx: WriteTx, change: SourceChanges): Promise<void> {
  const { source, upserts, removals, status } = change;
  const meta = await tx.objectStore('meta').get(source);
  const gen = meta?.activeGen ?? generationTag(source, 1);
  const latest = [...new Map(upserts.map((r) => [r.id, r])).values()];
  const upserted = new Set(latest.map((r) => r.id));
  const withdrawn = [...new Set(removals)].filter((id) => !upserted.has(id));
  // Without a known count, the presence of each id decides both the count and which withdrawals need
  // a marker; with one, every withdrawal gets a marker (harmless for an id the generation lacks).
  const known = change.records;
  const present =
    known === undefined ? await presentIds(tx, gen, [...upserted, ...withdrawn]) : new Set(withdrawn);
  const added = [...upserted].filter((id) => !present.has(id)).length;
  const removed = withdrawn.filter((id) => present.has(id));
  const changes = tx.objectStore('changes');
  await Promise.all([
    ...latest.map((recall) => changes.put({ gen, id: recall.id, recall })),
    ...removed.map((id) => changes.put({ gen, id, recall: null })),
    tx.objectStore('meta').put({
      ...status(meta),
      records: known ?? Math.max(0, (meta?.records ?? 0) + added - removed.length),
      activeGen: gen,
    }),
  ]);
}

/**
 * Applies an incremental change to a source's active generation in one transaction: upserts replace
 * records by id (a corrected notice replaces the old version), removals withdraw them. The source's
 * record count moves by what was added and removed, counted here rather than by scanning the generation,
 * unless the caller knows the new count (`options.records`, from a published manifest).
 */
export async function applyChanges(
  db: RecallDb,
  source: string,
  upserts: Recall[],
  removals: string[],
  status: (current: SourceMeta | undefined) => SourceStatus,
  options: { records?: number } = {},
): Promise<void> {
  await applyChangeSet(db, [{ source, upserts, removals, status, records: options.records }]);
}

/**
 * Applies the changes of several sources in one transaction (a published delta: every source moves to
 * the new version at once, or none does), with `syncState` saved in the same transaction when given.
 */
export async function applyChangeSet(
  db: RecallDb,
  changes: readonly SourceChanges[],
  options: { syncState?: { source: string } & Record<string, unknown> } = {},
): Promise<void> {
  const tx = db.idb.transaction(['runs', 'pages', 'changes', 'meta', 'sync'], 'readwrite');
  await completeWrite(tx, async () => {
    for (const change of changes) await applyChangesIn(tx, change);
    if (options.syncState) await tx.objectStore('sync').put(options.syncState);
  });
  db.view.invalidate();
}

/** How many records a generation holds: its runs, plus what its changes added, minus what they withdrew. */
export async function generationCount(db: RecallDb, gen: string): Promise<number> {
  const tx = db.idb.transaction(['runs', 'pages', 'changes'], 'readonly');
  const [runs, changes] = await Promise.all([
    tx.objectStore('runs').getAll(ofGeneration(gen)),
    tx.objectStore('changes').getAll(ofGeneration(gen)),
  ]);
  let count = runs.reduce((n, r) => n + r.count, 0);
  if (changes.length > 0) {
    const found = await recordsForEntries(
      tx as unknown as ReadTx,
      gen,
      entriesFor(
        runsTable(runs),
        changes.map((c) => idIndexKey(c.id)),
      ),
    );
    for (const c of changes) {
      const inRuns = found.has(idIndexKey(c.id));
      if (c.recall && !inRuns) count++;
      if (!c.recall && inRuns) count--;
    }
  }
  return count;
}

/** Change rows on top of the active generations (each is read into memory when lookups start). */
export async function changeCount(db: RecallDb): Promise<number> {
  const tx = db.idb.transaction(['meta', 'changes'], 'readonly');
  const metas = await tx.objectStore('meta').getAll();
  const counts = await Promise.all(
    metas.map((m) => tx.objectStore('changes').count(ofGeneration(m.activeGen))),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export async function sourceStatuses(db: RecallDb): Promise<SourceMeta[]> {
  return db.idb.getAll('meta');
}

/**
 * Records in active generations, as each source's status counts them (kept exact by every write; counting
 * the generations themselves would read every changed record's page on each status request).
 */
export async function recallCount(db: RecallDb): Promise<number> {
  const metas = await db.idb.getAll('meta');
  return metas.reduce((n, m) => n + m.records, 0);
}

/** Empties the index and every sync state ("clear and rebuild"); the stores stay. */
export async function clearIndex(db: RecallDb): Promise<void> {
  const stores = [...INDEX_STORES, 'meta', 'sync'] as const;
  const tx = db.idb.transaction([...stores], 'readwrite');
  await completeWrite(tx, () => Promise.all(stores.map((store) => tx.objectStore(store).clear())));
  db.view.invalidate();
}
