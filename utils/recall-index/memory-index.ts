/**
 * The recall index in memory, for the CLI and offline evaluation: the same keys and the same matcher
 * as the IndexedDB index in the extension, without a database.
 */
import type { ProductIdentity, Recall, RecallMatch } from '../schemas';
import { identityKeys, recallKeys } from './keys';
import { matchIdentity } from './match';

export class MemoryIndex {
  private readonly byKey = new Map<string, Recall[]>();
  private readonly byId = new Map<string, Recall>();

  constructor(recalls: Iterable<Recall> = []) {
    for (const r of recalls) this.add(r);
  }

  /** Adds or replaces a recall (a newer version of the same id replaces the old one). */
  add(recall: Recall): void {
    const old = this.byId.get(recall.id);
    if (old) {
      if (old.version > recall.version) return;
      for (const k of recallKeys(old))
        this.byKey.set(
          k,
          (this.byKey.get(k) ?? []).filter((r) => r.id !== old.id),
        );
    }
    this.byId.set(recall.id, recall);
    for (const k of recallKeys(recall)) {
      const list = this.byKey.get(k) ?? [];
      list.push(recall);
      this.byKey.set(k, list);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Recall | undefined {
    return this.byId.get(id);
  }

  lookup(identity: ProductIdentity): RecallMatch[] {
    const candidates = new Map<string, Recall>();
    for (const k of identityKeys(identity)) for (const r of this.byKey.get(k) ?? []) candidates.set(r.id, r);
    return matchIdentity(identity, candidates.values());
  }
}
