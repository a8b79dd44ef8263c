/**
 * The watchlist, as the background runs it: every verdict a content script earns files the products
 * of its page (product, cart or order lines) when the setting is on; after every sync the kept products
 * are looked up again and a recall they were not yet told about raises a notification. Free of
 * `browser.*` (the notifier and the store arrive as dependencies) so it is tested directly.
 */
import type { TabVerdict } from '../messaging';
import { BANNER_TIERS } from '../recall-index/tiers';
import type { Recall } from '../schemas';
import { type Lookup, markAnnounced, matchWatched, type WatchedMatch } from '../watchlist/recheck';
import type { WatchlistStore } from '../watchlist/store';
import { type WatchedProduct, watchedFrom, watchKey } from '../watchlist/watched-product';

export interface WatchlistDeps {
  store: () => Promise<WatchlistStore>;
  lookup: Lookup;
  enabled: () => Promise<boolean>;
  /** Tells the shopper about products with a recall they were not told about (a browser notification). */
  notify: (found: WatchedMatch[], recalls: Record<string, Recall>) => Promise<void>;
  now?: () => Date;
}

export interface WatchlistView {
  enabled: boolean;
  products: WatchedProduct[];
  found: { key: string; matches: WatchedMatch['matches'] }[];
  recalls: Record<string, Recall>;
}

export class WatchlistService {
  /** Writes and re-checks run one after another, so a re-check never reads half a write. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: WatchlistDeps) {}

  /** Files the products a page showed (nothing when the setting is off or the page had none). */
  record(verdict: TabVerdict): Promise<void> {
    return this.serially(async () => {
      if (!(await this.deps.enabled())) return;
      const store = await this.deps.store();
      const now = this.deps.now?.() ?? new Date();
      const entries: WatchedProduct[] = [];
      for (const identity of verdict.identities) {
        const entry = watchedFrom(identity, now, await store.get(watchKey(identity)));
        if (entry) entries.push(entry);
      }
      // What the page's own banner already warned about needs no notification later.
      await store.put(
        entries.map((e) => ({ ...e, alerted: [...new Set([...e.alerted, ...this.shown(e, verdict)])] })),
      );
    });
  }

  /** After a sync: announces recalls that are new for a kept product; returns what was announced. */
  recheck(): Promise<WatchedMatch[]> {
    return this.serially(async () => {
      if (!(await this.deps.enabled())) return [];
      const store = await this.deps.store();
      const { found, recalls } = await matchWatched(await store.list(), this.deps.lookup);
      const fresh = found.filter((f) => f.newRecallIds.length > 0);
      if (fresh.length === 0) return [];
      await this.deps.notify(fresh, recalls);
      await store.put(markAnnounced(fresh));
      return fresh;
    });
  }

  /** What the watchlist page shows: every kept product, and those with a confirmed or likely recall now. */
  async view(): Promise<WatchlistView> {
    const [enabled, store] = await Promise.all([this.deps.enabled(), this.deps.store()]);
    const products = await store.list();
    const { found, recalls } = await matchWatched(products, this.deps.lookup);
    return {
      enabled,
      products,
      found: found.map((f) => ({ key: f.product.key, matches: f.matches })),
      recalls,
    };
  }

  clear(): Promise<void> {
    return this.serially(async () => (await this.deps.store()).clear());
  }

  /** The recalls the page's own banner already showed for this product (banner tiers only). */
  private shown(entry: WatchedProduct, verdict: TabVerdict): string[] {
    const i = verdict.identities.findIndex((identity) => watchKey(identity) === entry.key);
    return (verdict.matches[i] ?? []).filter((m) => BANNER_TIERS.includes(m.tier)).map((m) => m.recallId);
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
