/**
 * Reading records through a generation's key table: which (run, ordinal) entries a key may lead to, and
 * the records on the pages those entries point to, one read per page. Shared by lookups (index-view.ts)
 * and by the writes that need to know which ids a generation holds (db.ts).
 */
import type { IDBPTransaction } from 'idb';
import { Recall } from '../schemas';
import type { RecordCache } from './record-cache';
import { idIndexKey, type KeyTable, keyHash, type PageRow, pageOf, slotOf, type TableHit } from './runs';
import type { RecallIndexSchema } from './stores';

export type ReadTx = IDBPTransaction<RecallIndexSchema, Array<'pages'>, 'readonly' | 'readwrite'>;

export type TableEntry = { key: string } & TableHit;

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

/**
 * False when `recall` came up under an id key by a hash collision. Other keys are not re-derived here (it
 * costs a model normalisation per candidate): a record that came up by a collision is an extra candidate,
 * and the matcher rejects it like any other that does not match.
 */
function mayHoldKey(recall: Recall, key: string): boolean {
  return !key.startsWith('i:') || key === idIndexKey(recall.id);
}

/** Where each key may be filed in a generation's table: pure, in memory. */
export function entriesFor(table: KeyTable, keys: readonly string[]): TableEntry[] {
  const out: TableEntry[] = [];
  for (const key of keys) for (const hit of table.hits(keyHash(key))) out.push({ key, ...hit });
  return out;
}

/**
 * The records the table entries point to, by key: one read per page however many keys lead to it, all in
 * the caller's transaction, and one parse per record however many keys lead to it. A record that came up
 * under an id key by a hash collision is dropped. With a `cache` (an audit's, record-cache.ts), records it
 * holds are neither read nor parsed again, and those read here are added to it. `tx` may be a function
 * that opens the transaction: it is then called only when something must be read.
 */
export async function recordsForEntries(
  tx: ReadTx | (() => ReadTx),
  gen: string,
  wanted: readonly TableEntry[],
  cache?: RecordCache,
): Promise<Map<string, Recall[]>> {
  const out = new Map<string, Recall[]>();
  if (wanted.length === 0) return out;
  const slotId = (run: string, ordinal: number) => `${run}\n${ordinal}`;
  const pageId = (run: string, ordinal: number) => `${run}\n${pageOf(ordinal)}`;
  let opened = typeof tx === 'function' ? null : tx;
  const open = () => {
    opened ??= (tx as () => ReadTx)();
    return opened;
  };
  const records = new Map<string, Recall | null>();
  const reads = new Map<string, Promise<PageRow | undefined>>();
  for (const w of wanted) {
    const slot = slotId(w.run, w.ordinal);
    if (records.has(slot)) continue;
    const cached = cache?.get(gen, w.run, w.ordinal);
    if (cached !== undefined) {
      records.set(slot, cached);
      continue;
    }
    const id = pageId(w.run, w.ordinal);
    if (reads.has(id)) continue;
    reads.set(
      id,
      open()
        .objectStore('pages')
        .get([gen, w.run, pageOf(w.ordinal)]),
    );
  }
  const pages = new Map<string, PageRow | undefined>();
  await Promise.all([...reads].map(async ([id, read]) => pages.set(id, await read)));
  for (const w of wanted) {
    const slot = slotId(w.run, w.ordinal);
    let recall = records.get(slot);
    if (recall === undefined) {
      recall = readRecord(pages.get(pageId(w.run, w.ordinal))?.records[slotOf(w.ordinal)]);
      records.set(slot, recall);
      cache?.set(gen, w.run, w.ordinal, recall);
    }
    if (!recall || !mayHoldKey(recall, w.key)) continue;
    const list = out.get(w.key);
    if (list) list.push(recall);
    else out.set(w.key, [recall]);
  }
  return out;
}
