/**
 * The on-device recall index (IndexedDB through idb).
 *
 *   runs     { gen, run, count, hashes, ordinals, keyRules }: one row per batch of records written
 *            (runs.ts), with the table of its keys' hashes and the records they lead to
 *   pages    { gen, run, n, records }: the records of a run, sixteen to a row, as JSON text
 *   changes  { gen, id, recall | null }: incremental changes on top of a generation's runs; a row
 *            replaces the run copy of its id, and a null recall is a withdrawal
 *   meta     per-source status by `source`, including which generation is active
 *   sync     per-source sync state (cursor, validators, back-off, a staging generation in progress)
 *
 * Generations make replacement atomic and resumable. A full reload of a source writes a new generation
 * beside the live one, run by run, in as many transactions as it needs (a service worker may be stopped
 * between them: the next run resumes the same staging generation, and a batch written again overwrites
 * its own rows); nothing reads it until one small transaction flips `meta.activeGen`. The old generation
 * is then deleted. Incremental changes (a cursor sync, a delta) go to `changes`, one transaction each.
 *
 * A lookup asks the in-memory tables of the active generations (loaded once after each data change, and
 * once when the service worker starts), then reads only the pages their entries point to. Records are
 * checked against the `Recall` schema when they are read, so a damaged row is skipped, never shown.
 *
 * Every schema change is a numbered step in `upgrade`, applied in order from the stored version, and has a
 * migration test.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { Recall, type SourceStatus } from '../schemas';
import { isIndexable } from './indexable';
import { KEY_RULES_VERSION, recallKeys } from './keys';
import {
  buildRun,
  idIndexKey,
  type KeyTable,
  keyHash,
  keyTable,
  mergedTable,
  type PageRow,
  pageOf,
  type RunRow,
  runsTable,
  slotOf,
  type TableHit,
} from './runs';

export const DB_NAME = 'recall-sentinel';
export const DB_VERSION = 4;

/** How long after loading a generation its runs are merged into one table (see readView). */
const MERGE_DELAY_MS = 500;
/** Records per run when version-3 rows are rewritten in the upgrade. */
const MIGRATION_BATCH = 4_000;
/** Records per run when a caller hands over more at once (a large feed reloaded whole). */
const RUN_SIZE = 20_000;

interface ChangeRow {
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

export type RecallDb = IDBPDatabase<RecallIndexSchema>;
type IndexStore = 'runs' | 'pages' | 'changes';
const INDEX_STORES: IndexStore[] = ['runs', 'pages', 'changes'];

/** A generation tag: the source and a counter, e.g. "cpsc#3". */
export const generationTag = (source: string, n: number): string => `${source}#${n}`;
const generationNumber = (gen: string): number => Number(gen.slice(gen.lastIndexOf('#') + 1)) || 0;
/** Every row of a generation, in any store keyed by [gen, ...]. */
const ofGeneration = (gen: string) => IDBKeyRange.bound([gen], [gen, []]);

/** Stores a batch's rows through whatever transaction the caller holds (a write, or the upgrade). */
interface RunSink {
  put(store: 'runs' | 'pages', value: RunRow | PageRow): Promise<unknown>;
}

async function putRuns(sink: RunSink, gen: string, recalls: readonly Recall[]): Promise<void> {
  const writes: Array<Promise<unknown>> = [];
  for (let i = 0; i < recalls.length; i += RUN_SIZE) {
    const { run, pages } = buildRun(gen, recalls.slice(i, i + RUN_SIZE));
    for (const page of pages) writes.push(sink.put('pages', page));
    writes.push(sink.put('runs', run));
  }
  await Promise.all(writes);
}

export function openRecallDb(name = DB_NAME): Promise<RecallDb> {
  return openDB<RecallIndexSchema>(name, DB_VERSION, {
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

// ---------------------------------------------------------------------------------------------------
// What lookups keep in memory between data changes

interface GenerationView {
  /** All of the generation's runs as one table. */
  table: KeyTable;
  /** Changed records by id (null: withdrawn); they replace the runs' copies. */
  changed: Map<string, Recall | null>;
  /** Changed records under each of their keys. */
  changedByKey: Map<string, Recall[]>;
}

interface IndexView {
  generations: Map<string, GenerationView>;
}

/**
 * One view per open database, rebuilt after every write through this module. Writes happen in the
 * service worker that also answers lookups, so the view cannot go stale behind its back.
 */
const views = new WeakMap<RecallDb, Promise<IndexView>>();

function dataChanged(db: RecallDb): void {
  views.delete(db);
}

async function readView(db: RecallDb): Promise<IndexView> {
  const tx = db.transaction(['meta', 'runs', 'changes'], 'readonly');
  const metas = await tx.objectStore('meta').getAll();
  const generations = new Map<string, GenerationView>();
  await Promise.all(
    metas.map(async ({ activeGen: gen }) => {
      const [runs, changes] = await Promise.all([
        tx.objectStore('runs').getAll(ofGeneration(gen)),
        tx.objectStore('changes').getAll(ofGeneration(gen)),
      ]);
      const changed = new Map<string, Recall | null>();
      const changedByKey = new Map<string, Recall[]>();
      for (const row of changes) {
        changed.set(row.id, row.recall);
        if (!row.recall) continue;
        // Keys of changed records are derived here, under the current rules, rather than stored.
        for (const key of recallKeys(row.recall)) {
          changedByKey.set(key, [...(changedByKey.get(key) ?? []), row.recall]);
        }
      }
      const view: GenerationView = {
        table: runsTable(runs),
        changed,
        changedByKey,
      };
      generations.set(gen, view);
      // The merged table answers in one binary search per key instead of one per run, but building it
      // takes a few hundred milliseconds at 250,000 recalls: the lookup that woke the worker is answered
      // from the runs as read, and the merge follows half a second later, once that answer is out.
      if (runs.length > 1) setTimeout(() => (view.table = mergedTable(runs)), MERGE_DELAY_MS);
      const stale = runs.filter((r) => r.keyRules !== KEY_RULES_VERSION);
      if (stale.length > 0) setTimeout(() => void rekeyRuns(db, gen, stale), MERGE_DELAY_MS);
    }),
  );
  return { generations };
}

/** Generations whose tables are being rebuilt, so a reload of the view does not start a second pass. */
const rekeying = new Set<string>();

/**
 * Rebuilds the tables of runs built under older key rules from the records their pages hold, one run
 * per transaction, then has the view reloaded. Until then lookups use the old tables, which still find
 * everything the old rules filed. A run dropped meanwhile (a sync replaced its generation) is left alone.
 */
async function rekeyRuns(db: RecallDb, gen: string, runs: readonly RunRow[]): Promise<void> {
  if (rekeying.has(gen)) return;
  rekeying.add(gen);
  try {
    for (const run of runs) {
      const tx = db.transaction(['pages', 'runs'], 'readwrite');
      const [pages, current] = await Promise.all([
        tx.objectStore('pages').getAll(IDBKeyRange.bound([gen, run.run], [gen, run.run, []])),
        tx.objectStore('runs').get([gen, run.run]),
      ]);
      if (current) {
        const records = pages.sort((a, b) => a.n - b.n).flatMap((page) => page.records.map(readIndexable));
        await tx.objectStore('runs').put({ ...current, ...keyTable(records) });
      }
      await tx.done;
    }
    dataChanged(db);
  } catch (e) {
    console.warn('recall-sentinel: could not rebuild the index tables', e);
  } finally {
    rekeying.delete(gen);
  }
}

/** A stored record as far as indexing needs it (the full schema is for records shown, see readRecord). */
function readIndexable(text: string): Recall | null {
  try {
    const value: unknown = JSON.parse(text);
    return isIndexable(value) ? value : null;
  } catch {
    return null;
  }
}

function indexView(db: RecallDb): Promise<IndexView> {
  let view = views.get(db);
  if (!view) {
    view = readView(db);
    views.set(db, view);
    view.catch(() => views.delete(db));
  }
  return view;
}

/** A record as stored, checked again on the way out: a damaged row is skipped rather than shown. */
function readRecord(text: string | undefined): Recall | null {
  if (text === undefined) return null;
  try {
    const parsed = Recall.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type ReadTx = IDBPTransaction<RecallIndexSchema, Array<'pages'>, 'readonly' | 'readwrite'>;

/**
 * False when `recall` came up under an id key by a hash collision. Other keys are not re-derived here (it
 * costs a model normalisation per candidate): a record that came up by a collision is an extra candidate,
 * and the matcher rejects it like any other that does not match.
 */
function mayHoldKey(recall: Recall, key: string): boolean {
  return !key.startsWith('i:') || key === idIndexKey(recall.id);
}

type TableEntry = { key: string } & TableHit;

/** Where each key may be filed in a generation's table: pure, in memory. */
function entriesFor(table: KeyTable, keys: readonly string[]): TableEntry[] {
  const out: TableEntry[] = [];
  for (const key of keys) for (const hit of table.hits(keyHash(key))) out.push({ key, ...hit });
  return out;
}

/**
 * The records the table entries point to, by key: one read per page however many keys lead to it, all in
 * the caller's transaction. A record that came up under an id key by a hash collision is dropped.
 */
async function recordsForEntries(
  tx: ReadTx,
  gen: string,
  wanted: readonly TableEntry[],
): Promise<Map<string, Recall[]>> {
  const out = new Map<string, Recall[]>();
  if (wanted.length === 0) return out;
  const pageId = (run: string, ordinal: number) => `${run}\n${pageOf(ordinal)}`;
  const reads = new Map<string, Promise<PageRow | undefined>>();
  for (const w of wanted) {
    const id = pageId(w.run, w.ordinal);
    if (!reads.has(id)) reads.set(id, tx.objectStore('pages').get([gen, w.run, pageOf(w.ordinal)]));
  }
  const pages = new Map<string, PageRow | undefined>();
  await Promise.all([...reads].map(async ([id, read]) => pages.set(id, await read)));
  for (const w of wanted) {
    const recall = readRecord(pages.get(pageId(w.run, w.ordinal))?.records[slotOf(w.ordinal)]);
    if (!recall || !mayHoldKey(recall, w.key)) continue;
    const list = out.get(w.key);
    if (list) list.push(recall);
    else out.set(w.key, [recall]);
  }
  return out;
}

/**
 * The recall ids filed under each key and the recalls themselves, from the active generations. A key
 * no table holds costs nothing; the rest is one round of page reads in one transaction, because each
 * extra transaction or round trip costs milliseconds on every page load.
 */
export async function candidatesForKeys(
  db: RecallDb,
  keys: string[],
): Promise<{ idsByKey: Map<string, string[]>; recalls: Map<string, Recall> }> {
  const view = await indexView(db);
  const idsByKey = new Map<string, string[]>(keys.map((k) => [k, []]));
  const recalls = new Map<string, Recall>();
  const add = (key: string, recall: Recall) => {
    const ids = idsByKey.get(key) as string[];
    if (!ids.includes(recall.id)) ids.push(recall.id);
    recalls.set(recall.id, recall);
  };
  const mayHold = [...view.generations]
    .map(([gen, g]) => ({ gen, g, entries: entriesFor(g.table, keys) }))
    .filter(({ entries }) => entries.length > 0);
  if (mayHold.length > 0) {
    const tx = db.transaction(['pages'], 'readonly');
    const found = await Promise.all(
      mayHold.map(async ({ gen, g, entries }) => ({ g, byKey: await recordsForEntries(tx, gen, entries) })),
    );
    for (const { g, byKey } of found) {
      for (const [key, list] of byKey) {
        // A changed record's run copy is out of date: its current version (if any) comes below.
        for (const recall of list) if (!g.changed.has(recall.id)) add(key, recall);
      }
    }
  }
  for (const g of view.generations.values()) {
    for (const key of keys) for (const recall of g.changedByKey.get(key) ?? []) add(key, recall);
  }
  return { idsByKey, recalls };
}

// ---------------------------------------------------------------------------------------------------
// Generations

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
 * Writes records into a staging generation, as one run per batch. Safe to repeat after an interruption:
 * the same batch is written to the same rows, never duplicated. Batches of one generation must not
 * share ids (a published shard holds every record of its ids; a feed reload is one call).
 */
export async function writeGeneration(db: RecallDb, gen: string, recalls: readonly Recall[]): Promise<void> {
  if (recalls.length === 0) return;
  // Relaxed durability: a staging generation that a crash loses is rewritten on resume, and nothing
  // reads it before activation, so waiting for a disk flush per batch buys nothing.
  const tx = db.transaction(['runs', 'pages'], 'readwrite', { durability: 'relaxed' });
  await putRuns(
    { put: (store, value) => tx.objectStore(store).put(value as RunRow & PageRow) },
    gen,
    recalls,
  );
  await tx.done;
  dataChanged(db);
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
  dataChanged(db);
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
  const tx = db.transaction(INDEX_STORES, 'readwrite');
  await Promise.all(INDEX_STORES.map((store) => tx.objectStore(store).delete(ofGeneration(gen))));
  await tx.done;
  dataChanged(db);
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

type WriteTx = IDBPTransaction<
  RecallIndexSchema,
  Array<'runs' | 'pages' | 'changes' | 'meta'>,
  'readonly' | 'readwrite'
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
  const tx = db.transaction(['runs', 'pages', 'changes', 'meta'], 'readwrite');
  const meta = await tx.objectStore('meta').get(source);
  const gen = meta?.activeGen ?? generationTag(source, 1);
  const latest = [...new Map(upserts.map((r) => [r.id, r])).values()];
  const upserted = new Set(latest.map((r) => r.id));
  const withdrawn = [...new Set(removals)].filter((id) => !upserted.has(id));
  // Without a known count, the presence of each id decides both the count and which withdrawals need
  // a marker; with one, every withdrawal gets a marker (harmless for an id the generation lacks).
  const known = options.records;
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
  await tx.done;
  dataChanged(db);
}

/** How many records a generation holds: its runs, plus what its changes added, minus what they withdrew. */
export async function generationCount(db: RecallDb, gen: string): Promise<number> {
  const tx = db.transaction(['runs', 'pages', 'changes'], 'readonly');
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
  const tx = db.transaction(['meta', 'changes'], 'readonly');
  const metas = await tx.objectStore('meta').getAll();
  const counts = await Promise.all(
    metas.map((m) => tx.objectStore('changes').count(ofGeneration(m.activeGen))),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export async function sourceStatuses(db: RecallDb): Promise<SourceMeta[]> {
  return db.getAll('meta');
}

/**
 * Records in active generations, as each source's status counts them (kept exact by every write; counting
 * the generations themselves would read every changed record's page on each status request).
 */
export async function recallCount(db: RecallDb): Promise<number> {
  const metas = await db.getAll('meta');
  return metas.reduce((n, m) => n + m.records, 0);
}

/** Empties the index and every sync state ("clear and rebuild"); the stores stay. */
export async function clearIndex(db: RecallDb): Promise<void> {
  const stores = [...INDEX_STORES, 'meta', 'sync'] as const;
  const tx = db.transaction([...stores], 'readwrite');
  await Promise.all(stores.map((store) => tx.objectStore(store).clear()));
  await tx.done;
  dataChanged(db);
}
