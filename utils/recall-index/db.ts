/**
 * The on-device recall index (IndexedDB through idb).
 *
 *   recalls  Recall records by id, with a `source` index so one source can be replaced as a whole
 *   keys     one row per (key, recallId): gtin / raw-gtin / model keys from keys.ts; a lookup is a key-range
 *            scan on the compound primary key, so many identities resolve in one read transaction
 *   meta     per-source status (records, skipped counts and reasons, when loaded, from where)
 *
 * Every schema change is a numbered step in `upgrade`, applied in order from the stored version, and has a
 * migration test. Writes for one source happen in one transaction: a reader sees the old set or the new
 * one, never half of each, and a crash mid-write leaves the old set.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Recall, SourceStatus } from '../schemas';
import { recallKeys } from './keys';

export const DB_NAME = 'recall-sentinel';
export const DB_VERSION = 1;

export interface KeyRow {
  k: string;
  r: string;
}

export interface RecallIndexSchema extends DBSchema {
  recalls: { key: string; value: Recall; indexes: { source: string } };
  keys: { key: [string, string]; value: KeyRow };
  meta: { key: string; value: SourceStatus };
}

export type RecallDb = IDBPDatabase<RecallIndexSchema>;

export function openRecallDb(name = DB_NAME): Promise<RecallDb> {
  return openDB<RecallIndexSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const recalls = db.createObjectStore('recalls', { keyPath: 'id' });
        recalls.createIndex('source', 'source');
        db.createObjectStore('keys', { keyPath: ['k', 'r'] });
        db.createObjectStore('meta', { keyPath: 'source' });
      }
    },
  });
}

/**
 * Replaces every record of `status.source` with `recalls` in one transaction, re-deriving the index keys.
 * Records of other sources are untouched.
 */
export async function replaceSource(db: RecallDb, recalls: Recall[], status: SourceStatus): Promise<void> {
  const tx = db.transaction(['recalls', 'keys', 'meta'], 'readwrite');
  const recallStore = tx.objectStore('recalls');
  const keyStore = tx.objectStore('keys');
  const old = await recallStore.index('source').getAll(status.source);
  const pending: Promise<unknown>[] = [];
  for (const recall of old) {
    for (const k of recallKeys(recall)) pending.push(keyStore.delete([k, recall.id]));
    pending.push(recallStore.delete(recall.id));
  }
  for (const recall of recalls) {
    pending.push(recallStore.put(recall));
    for (const k of recallKeys(recall)) pending.push(keyStore.put({ k, r: recall.id }));
  }
  pending.push(tx.objectStore('meta').put(status));
  await Promise.all(pending);
  await tx.done;
}

/**
 * The recall ids filed under each key and the recalls themselves, read in one transaction: a lookup is
 * on every page load, and each extra transaction costs a few milliseconds in a service worker.
 */
export async function candidatesForKeys(
  db: RecallDb,
  keys: string[],
): Promise<{ idsByKey: Map<string, string[]>; recalls: Map<string, Recall> }> {
  const tx = db.transaction(['keys', 'recalls'], 'readonly');
  const keyStore = tx.objectStore('keys');
  const recallStore = tx.objectStore('recalls');
  const found = await Promise.all(
    keys.map((k) => keyStore.getAllKeys(IDBKeyRange.bound([k, ''], [k, '\uffff']))),
  );
  const idsByKey = new Map<string, string[]>();
  keys.forEach((k, i) => {
    idsByKey.set(
      k,
      (found[i] ?? []).map(([, r]) => r),
    );
  });
  const ids = [...new Set([...idsByKey.values()].flat())];
  const records = await Promise.all(ids.map((id) => recallStore.get(id)));
  await tx.done;
  const recalls = new Map(records.filter((r): r is Recall => r !== undefined).map((r) => [r.id, r]));
  return { idsByKey, recalls };
}

export async function sourceStatuses(db: RecallDb): Promise<SourceStatus[]> {
  return db.getAll('meta');
}

export async function recallCount(db: RecallDb): Promise<number> {
  return db.count('recalls');
}
