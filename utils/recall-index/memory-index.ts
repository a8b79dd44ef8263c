/**
 * The recall index in memory, for the CLI and offline evaluation: the same keys and the same matcher
 * as the IndexedDB index in the extension, without a database.
 *
 * Laid out for 250,000 recalls (issue 11's audit budget): records in one array, and each key filed to
 * a record's position, a plain number for the many keys that one record files (a barcode, a model) and
 * a list only where several share it. An array per key made 1.7 million small arrays, which cost seconds
 * of allocation and garbage collection on every load.
 */
import type { ProductIdentity, Recall, RecallMatch } from '../schemas';
import { identityKeys, recallKeys } from './keys';
import { matchIdentity } from './match';

export class MemoryIndex {
  /** Records by position; a replaced record's old keys are unfiled, its position reused. */
  private readonly records: Recall[] = [];
  private readonly byKey = new Map<string, number | number[]>();
  private readonly positions = new Map<string, number>();

  constructor(recalls: Iterable<Recall> = []) {
    for (const r of recalls) this.add(r);
  }

  /**
   * Adds or replaces a recall (a newer version of the same id replaces the old one). `keys`: its keys
   * when the caller has them (a published index's key file, built by the same rules).
   */
  add(recall: Recall, keys: readonly string[] = recallKeys(recall)): void {
    let at = this.positions.get(recall.id);
    if (at !== undefined) {
      const old = this.records[at] as Recall;
      if (old.version > recall.version) return;
      for (const k of recallKeys(old)) this.unfile(k, at);
    } else {
      at = this.records.length;
      this.positions.set(recall.id, at);
    }
    this.records[at] = recall;
    for (const k of keys) this.file(k, at);
  }

  private file(key: string, at: number): void {
    const filed = this.byKey.get(key);
    if (filed === undefined) this.byKey.set(key, at);
    else if (typeof filed === 'number') this.byKey.set(key, [filed, at]);
    else filed.push(at);
  }

  private unfile(key: string, at: number): void {
    const filed = this.byKey.get(key);
    if (filed === at) this.byKey.delete(key);
    else if (Array.isArray(filed)) {
      const rest = filed.filter((p) => p !== at);
      if (rest.length === 0) this.byKey.delete(key);
      else this.byKey.set(key, rest.length === 1 ? (rest[0] as number) : rest);
    }
  }

  get size(): number {
    return this.records.length;
  }

  get(id: string): Recall | undefined {
    const at = this.positions.get(id);
    return at === undefined ? undefined : this.records[at];
  }

  /** `keys`: the identity's keys when the caller has them already (the CLI's audit works them out first). */
  lookup(identity: ProductIdentity, keys: readonly string[] = identityKeys(identity)): RecallMatch[] {
    const candidates = new Map<string, Recall>();
    for (const k of keys) {
      const filed = this.byKey.get(k);
      if (filed === undefined) continue;
      for (const at of typeof filed === 'number' ? [filed] : filed) {
        const r = this.records[at] as Recall;
        candidates.set(r.id, r);
      }
    }
    return matchIdentity(identity, candidates.values());
  }
}
