/**
 * Where watched products are kept: their own IndexedDB database, apart from the recall index (which is
 * rebuilt and cleared on its own schedule). Bounded: past `limit` entries the ones seen longest ago are
 * dropped first, so the list never grows without end.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { WatchedProduct } from './watched-product';

export const WATCHLIST_DB = 'recall-sentinel-watchlist';
/** Enough for years of ordinary shopping; re-checking this many after a sync stays under 2 s (BENCHMARKS.md). */
export const WATCHLIST_LIMIT = 5_000;

interface WatchlistSchema extends DBSchema {
  products: { key: string; value: WatchedProduct; indexes: { lastSeenAt: string } };
}

export class WatchlistStore {
  private constructor(
    private readonly db: IDBPDatabase<WatchlistSchema>,
    private readonly limit: number,
  ) {}

  /** `terminated`: the browser closed the connection itself (a full disk, utils/background/reopening.ts). */
  static async open(
    name = WATCHLIST_DB,
    limit = WATCHLIST_LIMIT,
    terminated?: () => void,
  ): Promise<WatchlistStore> {
    const db = await openDB<WatchlistSchema>(name, 1, {
      ...(terminated ? { terminated } : {}),
      upgrade(db) {
        const products = db.createObjectStore('products', { keyPath: 'key' });
        products.createIndex('lastSeenAt', 'lastSeenAt');
      },
    });
    return new WatchlistStore(db, limit);
  }

  async get(key: string): Promise<WatchedProduct | undefined> {
    return this.read(await this.db.get('products', key));
  }

  /** Every entry, most recently seen first; an entry that no longer parses is left out, not thrown. */
  async list(): Promise<WatchedProduct[]> {
    const all = await this.db.getAllFromIndex('products', 'lastSeenAt');
    return all
      .map((v) => this.read(v))
      .filter((v): v is WatchedProduct => v !== undefined)
      .reverse();
  }

  async count(): Promise<number> {
    return this.db.count('products');
  }

  /** Writes entries, then drops the oldest past the limit. */
  async put(entries: readonly WatchedProduct[]): Promise<void> {
    if (entries.length === 0) return;
    const tx = this.db.transaction('products', 'readwrite');
    await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
    await this.trim();
  }

  async clear(): Promise<void> {
    await this.db.clear('products');
  }

  close(): void {
    this.db.close();
  }

  private async trim(): Promise<void> {
    const excess = (await this.count()) - this.limit;
    if (excess <= 0) return;
    const tx = this.db.transaction('products', 'readwrite');
    let cursor = await tx.store.index('lastSeenAt').openCursor();
    for (let dropped = 0; cursor && dropped < excess; dropped++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  private read(value: unknown): WatchedProduct | undefined {
    const parsed = WatchedProduct.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }
}
