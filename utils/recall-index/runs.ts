/**
 * A run: one batch of records as the index stores it (see db.ts). Pure; nothing here touches IndexedDB.
 *
 *   pages    the records themselves, PAGE_SIZE to a row, each as its JSON text (a string is the cheapest
 *            value IndexedDB can copy, and a lookup parses only the record it needs)
 *   table    every (key, record) pair of the run as two parallel arrays sorted by the key's 32-bit hash:
 *            `hashes[i]` and `ordinals[i]`, the record's position in the run (page = ordinal / PAGE_SIZE)
 *
 * Why not a row per record with a multiEntry index: Chromium pays a fixed cost per put and per index
 * entry, and at 250,000 recalls (1.7 million keys) that came to minutes. A run of 4,000 records is 250
 * page rows and one run row. The tables of the live generations are held in memory by the lookup, so a
 * key the index does not hold (nearly every key on nearly every page) costs no database read at all, and
 * one that it holds costs one read of the page its record is on. A 32-bit hash can collide, so a record
 * found this way is checked for the key before it counts (the same idea as Safe Browsing's local list of
 * hash prefixes, confirmed before use).
 */
import { fnv1a } from '../fnv1a';
import type { Recall } from '../schemas';
import { KEY_RULES_VERSION, recallKeys } from './keys';

/** Every record is also filed under its id, so "is this id in the generation?" is a table question. */
export const idIndexKey = (id: string): string => `i:${id}`;

/** The hash a key is filed under in a run's table: FNV-1a, synchronous and identical in every runtime. */
export function keyHash(key: string): number {
  return fnv1a(key);
}

/** Records per page row: a page (about 30 KB) stays below Chromium's large-value threshold (64 KB). */
export const PAGE_SIZE = 16;

export interface RunRow {
  gen: string;
  run: string;
  /** Records in the run. */
  count: number;
  /** Key hashes, ascending; one entry per (key, record) pair. */
  hashes: Uint32Array;
  /** Record ordinal within the run, parallel to `hashes`. */
  ordinals: Uint32Array;
  /** The `KEY_RULES_VERSION` the table was built with; a table built under other rules is rebuilt. */
  keyRules: number;
}

export interface PageRow {
  gen: string;
  run: string;
  n: number;
  /** JSON text of each record. */
  records: string[];
}

export interface BuiltRun {
  run: RunRow;
  pages: PageRow[];
}

/** Where a record lives: its page and the slot within the page. */
export const pageOf = (ordinal: number): number => Math.floor(ordinal / PAGE_SIZE);
export const slotOf = (ordinal: number): number => ordinal % PAGE_SIZE;

/** The first index in the ascending `hashes` whose value is not below `h` (binary search). */
function lowerBound(hashes: Uint32Array, h: number): number {
  let lo = 0;
  let hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((hashes[mid] as number) < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A run's name, derived from its records' ids: writing the same batch again (a sync resumed after the
 * service worker stopped) overwrites the same rows instead of adding a copy. The hash is over each id
 * followed by a newline; names are stored row keys, pinned by a golden test.
 */
function runName(recalls: readonly Recall[]): string {
  const ids = recalls.map((r) => `${r.id}\n`).join('');
  return `${recalls.length.toString(36)}-${fnv1a(ids).toString(36)}`;
}

/** A run's table: every (key hash, ordinal) pair of `records`, sorted by hash; a null record files nothing. */
export function keyTable(
  records: ReadonlyArray<Recall | null>,
): Pick<RunRow, 'hashes' | 'ordinals' | 'keyRules'> {
  const hashList: number[] = [];
  const ordinalList: number[] = [];
  records.forEach((recall, ordinal) => {
    if (!recall) return;
    for (const key of [idIndexKey(recall.id), ...recallKeys(recall)]) {
      hashList.push(keyHash(key));
      ordinalList.push(ordinal);
    }
  });
  const hashes = Uint32Array.from(hashList);
  const ordinals = Uint32Array.from(ordinalList);
  // Stable: equal hashes keep ordinal order, so equal input lays out equal rows.
  radixSort(hashes, [ordinals]);
  return { hashes, ordinals, keyRules: KEY_RULES_VERSION };
}

/** Lays out a batch of records (one id once: the last copy wins) as pages and a hash table. */
export function buildRun(gen: string, batch: readonly Recall[]): BuiltRun {
  const recalls = [...new Map(batch.map((r) => [r.id, r])).values()];
  const run = runName(recalls);
  const pages: PageRow[] = [];
  recalls.forEach((recall, ordinal) => {
    if (slotOf(ordinal) === 0) pages.push({ gen, run, n: pageOf(ordinal), records: [] });
    (pages[pageOf(ordinal)] as PageRow).records.push(JSON.stringify(recall));
  });
  return { run: { gen, run, count: recalls.length, ...keyTable(recalls) }, pages };
}

/** Where a key may lead: a run (by name) and a record ordinal within it. */
export interface TableHit {
  run: string;
  ordinal: number;
}

/** Anything that answers "which records may be filed under this hash?". */
export interface KeyTable {
  hits(h: number): TableHit[];
}

/** The runs of a generation searched one by one, as read: no set-up cost, one binary search per run. */
export function runsTable(runs: readonly RunRow[]): KeyTable {
  return {
    hits(h) {
      const out: TableHit[] = [];
      for (const run of runs) {
        const { hashes, ordinals } = run;
        for (let i = lowerBound(hashes, h); i < hashes.length && hashes[i] === h; i++) {
          out.push({ run: run.run, ordinal: ordinals[i] as number });
        }
      }
      return out;
    },
  };
}

/**
 * Sorts `keys` ascending and moves each payload entry with its key: an LSD radix sort, four passes of a
 * byte, linear in the entry count (a comparison sort of two million entries took seconds).
 */
function radixSort(keys: Uint32Array, payloads: Uint32Array[]): void {
  const n = keys.length;
  let k: Uint32Array = keys;
  let kSpare: Uint32Array = new Uint32Array(n);
  let p: Uint32Array[] = payloads;
  let pSpare: Uint32Array[] = payloads.map(() => new Uint32Array(n));
  const count = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const b = ((k[i] as number) >>> shift) & 255;
      count[b] = (count[b] as number) + 1;
    }
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = count[b] as number;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const b = ((k[i] as number) >>> shift) & 255;
      const at = count[b] as number;
      count[b] = at + 1;
      kSpare[at] = k[i] as number;
      for (let j = 0; j < p.length; j++) (pSpare[j] as Uint32Array)[at] = (p[j] as Uint32Array)[i] as number;
    }
    [k, kSpare] = [kSpare, k];
    [p, pSpare] = [pSpare, p];
  }
  // Four passes swap the buffers an even number of times: the sorted data is back in the caller's arrays.
}

/**
 * Every run of a generation merged into one table, built once when the lookup loads the generation:
 * a key costs one binary search however many runs (shards) the generation was written in.
 */
export function mergedTable(runs: readonly RunRow[]): KeyTable {
  const total = runs.reduce((n, r) => n + r.hashes.length, 0);
  const hashes = new Uint32Array(total);
  const runIndex = new Uint32Array(total);
  const ordinals = new Uint32Array(total);
  let at = 0;
  runs.forEach((run, r) => {
    hashes.set(run.hashes, at);
    ordinals.set(run.ordinals, at);
    runIndex.fill(r, at, at + run.hashes.length);
    at += run.hashes.length;
  });
  radixSort(hashes, [runIndex, ordinals]);
  const names = runs.map((r) => r.run);
  return {
    hits(h) {
      const out: TableHit[] = [];
      for (let i = lowerBound(hashes, h); i < total && hashes[i] === h; i++) {
        out.push({ run: names[runIndex[i] as number] as string, ordinal: ordinals[i] as number });
      }
      return out;
    },
  };
}
