/**
 * What lookups keep in memory between data changes: the key tables of the active generations and their
 * changed records. A lookup asks these tables first, so a key the index does not hold costs no read, and
 * then reads only the pages their entries point to (page-reads.ts).
 *
 * One view per open database (db.ts holds it beside the database), dropped by `invalidate()` after every
 * write and loaded again by the next lookup. Writes happen in the service worker that also answers
 * lookups, so the view cannot go stale behind its back. It owns timers (the merge of a generation's runs
 * and the rebuild of tables made under older key rules); `dispose()` stops them and drops what it holds,
 * so a closed database leaves nothing running.
 */
import { withOfficialLinks } from '../official-hosts';
import type { Recall } from '../schemas';
import { isIndexable } from './indexable';
import { KEY_RULES_VERSION, recallKeys } from './keys';
import { entriesFor, type ReadTx, recordsForEntries } from './page-reads';
import type { RecordCache } from './record-cache';
import { type KeyTable, keyTable, mergedTable, type RunRow, runsTable } from './runs';
import { type IndexDatabase, ofGeneration } from './stores';

/** How long after loading a generation its runs are merged into one table (see `read`). */
const MERGE_DELAY_MS = 500;

interface GenerationView {
  /** All of the generation's runs as one table. */
  table: KeyTable;
  /** Changed records by id (null: withdrawn); they replace the runs' copies. */
  changed: Map<string, Recall | null>;
  /** Changed records under each of their keys. */
  changedByKey: Map<string, Recall[]>;
}

type Generations = Map<string, GenerationView>;

/** A stored record as far as indexing needs it (the full schema is for records shown, page-reads.ts). */
function readIndexable(text: string): Recall | null {
  try {
    const value: unknown = JSON.parse(text);
    return isIndexable(value) ? value : null;
  } catch {
    return null;
  }
}

export class IndexView {
  private loaded: Promise<Generations> | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Generations whose tables are being rebuilt, so a reload of the view does not start a second pass. */
  private readonly rekeying = new Set<string>();
  private disposed = false;
  private readonly links = new WeakMap<Recall, Recall>();

  constructor(private readonly db: IndexDatabase) {}

  /** Drops what is held after a write; the next lookup reads the tables again. */
  invalidate(): void {
    this.loaded = null;
  }

  /** Stops every timer and pending table rebuild and drops what is held; the view answers no more. */
  dispose(): void {
    this.disposed = true;
    this.loaded = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /**
   * The recall ids filed under each key and the recalls themselves, from the active generations. A key
   * no table holds costs nothing; the rest is one round of page reads in one transaction, because each
   * extra transaction or round trip costs milliseconds on every page load. An audit passes its `cache`
   * (record-cache.ts): records it holds are not read again, and no transaction opens when it holds all.
   */
  async candidatesForKeys(
    keys: string[],
    cache?: RecordCache,
  ): Promise<{ idsByKey: Map<string, string[]>; recalls: Map<string, Recall> }> {
    const generations = await this.generations();
    const idsByKey = new Map<string, string[]>(keys.map((k) => [k, []]));
    const recalls = new Map<string, Recall>();
    const add = (key: string, recall: Recall) => {
      const ids = idsByKey.get(key) as string[];
      if (!ids.includes(recall.id)) ids.push(recall.id);
      // Every record that leaves the index passes here, whichever origin wrote it (finding 3 of issue 14).
      // A record under several keys is one record (an id is in one run or change of one generation).
      if (!recalls.has(recall.id)) recalls.set(recall.id, this.linked(recall));
    };
    const mayHold = [...generations]
      .map(([gen, g]) => ({ gen, g, entries: entriesFor(g.table, keys) }))
      .filter(({ entries }) => entries.length > 0);
    if (mayHold.length > 0) {
      let tx: ReadTx | null = null;
      const open = () => {
        tx ??= this.db.transaction(['pages'], 'readonly');
        return tx;
      };
      const found = await Promise.all(
        mayHold.map(async ({ gen, g, entries }) => ({
          g,
          byKey: await recordsForEntries(open, gen, entries, cache),
        })),
      );
      for (const { g, byKey } of found) {
        for (const [key, list] of byKey) {
          // A changed record's run copy is out of date: its current version (if any) comes below.
          for (const recall of list) if (!g.changed.has(recall.id)) add(key, recall);
        }
      }
    }
    for (const g of generations.values()) {
      for (const key of keys) for (const recall of g.changedByKey.get(key) ?? []) add(key, recall);
    }
    return { idsByKey, recalls };
  }

  /**
   * `withOfficialLinks` of a record, once per record object: an audit's cache hands out the same object
   * chunk after chunk, and the check parses each URL. Weak, so it holds nothing the cache dropped.
   */
  private linked(recall: Recall): Recall {
    let out = this.links.get(recall);
    if (!out) {
      out = withOfficialLinks(recall);
      this.links.set(recall, out);
    }
    return out;
  }

  private generations(): Promise<Generations> {
    if (this.disposed) return Promise.reject(new Error('the index view was disposed'));
    if (!this.loaded) {
      const loading = this.read();
      this.loaded = loading;
      loading.catch(() => {
        if (this.loaded === loading) this.loaded = null;
      });
    }
    return this.loaded;
  }

  /** Runs `task` after `ms` unless the view is disposed first. */
  private later(ms: number, task: () => void): void {
    if (this.disposed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.disposed) task();
    }, ms);
    this.timers.add(timer);
  }

  private async read(): Promise<Generations> {
    const tx = this.db.transaction(['meta', 'runs', 'changes'], 'readonly');
    const metas = await tx.objectStore('meta').getAll();
    const generations: Generations = new Map();
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
        const view: GenerationView = { table: runsTable(runs), changed, changedByKey };
        generations.set(gen, view);
        // The merged table answers in one binary search per key instead of one per run, but building it
        // takes a few hundred milliseconds at 250,000 recalls: the lookup that woke the worker is answered
        // from the runs as read, and the merge follows half a second later, once that answer is out.
        if (runs.length > 1) this.later(MERGE_DELAY_MS, () => (view.table = mergedTable(runs)));
        const stale = runs.filter((r) => r.keyRules !== KEY_RULES_VERSION);
        if (stale.length > 0) this.later(MERGE_DELAY_MS, () => void this.rekeyRuns(gen, stale));
      }),
    );
    return generations;
  }

  /**
   * Rebuilds the tables of runs built under older key rules from the records their pages hold, one run
   * per transaction, then has the view reloaded. Until then lookups use the old tables, which still find
   * everything the old rules filed. A run dropped meanwhile (a sync replaced its generation) is left alone.
   */
  private async rekeyRuns(gen: string, runs: readonly RunRow[]): Promise<void> {
    if (this.rekeying.has(gen)) return;
    this.rekeying.add(gen);
    try {
      for (const run of runs) {
        if (this.disposed) return;
        const tx = this.db.transaction(['pages', 'runs'], 'readwrite');
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
      this.invalidate();
    } catch (e) {
      if (!this.disposed) console.warn('recall-sentinel: could not rebuild the index tables', e);
    } finally {
      this.rekeying.delete(gen);
    }
  }
}
