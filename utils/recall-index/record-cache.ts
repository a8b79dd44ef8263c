/**
 * Records already read and checked, kept for the length of one audit (issue 11): a catalog's rows bring
 * up the same candidates again and again (every listing of a brand asks for that brand's title keys), and
 * without this each chunk of the audit would read their pages from IndexedDB and parse each record (JSON
 * and the `Recall` schema) once more. Keyed by where a record is stored (generation, run, ordinal), which
 * never changes what it holds: a run's pages are written once, before its generation goes live, and later
 * edits go to the `changes` store, which the view applies on top (index-view.ts).
 *
 * Bounded: at most `limit` records, the least recently used dropped first, so an audit of any size holds
 * a fixed amount. Made by the audit and dropped with it; lookups for pages never use one.
 */
import type { Recall } from '../schemas';

/**
 * About 30 MB of real CPSC notices (1.5 KB each once parsed; 70 MB of the benches' larger synthetic ones).
 * In the 50,000-row bench against 250,000 recalls where every brand has recalls, three records in four
 * then come from here rather than from a read and a parse (BENCHMARKS.md).
 */
export const AUDIT_CACHE_RECORDS = 20_000;

export class RecordCache {
  /** A null entry is a damaged record: skipped again without another read. */
  private readonly records = new Map<string, Recall | null>();
  hits = 0;
  misses = 0;

  constructor(readonly limit = AUDIT_CACHE_RECORDS) {}

  private static key(gen: string, run: string, ordinal: number): string {
    return `${gen}\n${run}\n${ordinal}`;
  }

  /** The record (null: damaged), or undefined when it must be read. */
  get(gen: string, run: string, ordinal: number): Recall | null | undefined {
    const key = RecordCache.key(gen, run, ordinal);
    const found = this.records.get(key);
    if (found === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // A Map iterates in insertion order: moved to the end, the record is the last to be dropped.
    this.records.delete(key);
    this.records.set(key, found);
    return found;
  }

  set(gen: string, run: string, ordinal: number, recall: Recall | null): void {
    const key = RecordCache.key(gen, run, ordinal);
    this.records.delete(key);
    this.records.set(key, recall);
    while (this.records.size > this.limit) {
      const oldest = this.records.keys().next().value as string;
      this.records.delete(oldest);
    }
  }

  get size(): number {
    return this.records.size;
  }

  clear(): void {
    this.records.clear();
  }
}
