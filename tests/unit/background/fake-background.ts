/**
 * The background's dependencies as fakes, and the senders it tells apart, for the tests that drive
 * `handleMessage` (the handler's own behaviour, and the message contract every type must keep). The
 * index holds one recall, `cpsc:1`, for the Kettlebrook barcode 00850012345671, and the watchlist one
 * product bought with that barcode.
 */
import type { BackgroundDeps } from '../../../utils/background/handle-message';
import { WatchlistService } from '../../../utils/background/watchlist-service';
import { adapters } from '../../../utils/marketplaces';
import type { RequestFor, TabVerdict } from '../../../utils/messaging';
import { openRecallDb, replaceSource } from '../../../utils/recall-index/db';
import { indexStatus, lookupIdentities } from '../../../utils/recall-index/query';
import { WatchlistStore } from '../../../utils/watchlist/store';
import { watchedFrom } from '../../../utils/watchlist/watched-product';
import { identity, recall } from '../support/factories';

export const ID = 'abcdefghijklmnopabcdefghijklmnop';
export const ORIGIN = `chrome-extension://${ID}/`;
/** Our content script on an Amazon product page, in tab 7's top frame. */
export const contentScript = { id: ID, url: 'https://www.amazon.com/dp/B0DEMO0001', tab: { id: 7 } };
/** Our content script on JD's cart, whose product pages are on another origin. */
export const jdCart = { id: ID, url: 'https://cart.jd.com/cart_index', tab: { id: 9 }, frameId: 0 };
/** Our popup. */
export const popup = { id: ID, url: `${ORIGIN}popup.html` };

export type FakeDeps = BackgroundDeps & { stored: Map<number, TabVerdict> };

/** Fresh fakes over a fresh index; call with a fresh `indexedDB` in place. */
export function fakeDeps(): FakeDeps {
  const stored = new Map<number, TabVerdict>();
  const dismissed = new Set<string>();
  const dbPromise = (async () => {
    const db = await openRecallDb();
    await replaceSource(db, [recall('1', { brands: ['Kettlebrook'], gtins: ['00850012345671'] })], {
      source: 'cpsc',
      records: 1,
      skipped: 0,
      skippedReasons: [],
      loadedAt: '2026-11-01T00:00:00.000Z',
      origin: 'bundled',
    });
    return db;
  })();
  const watchlistStore = (async () => {
    const store = await WatchlistStore.open();
    const bought = watchedFrom(
      identity({ pageType: 'orders', brand: 'Kettlebrook', gtins: ['00850012345671'] }),
      new Date('2026-11-01T00:00:00Z'),
      undefined,
    );
    if (bought) await store.put([bought]);
    return store;
  })();
  return {
    stored,
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    db: () => dbPromise,
    indexStatus: async () => indexStatus(await dbPromise),
    verdicts: {
      get: async (tabId) => stored.get(tabId) ?? null,
      set: async (tabId, v) => {
        stored.set(tabId, v);
      },
    },
    now: () => new Date('2026-11-28T12:00:00Z'),
    dismissals: {
      list: async () => new Set(dismissed),
      add: async (key) => {
        dismissed.add(key);
      },
      remove: async (key) => {
        dismissed.delete(key);
      },
    },
    sync: {
      runNow: async () => [{ source: 'cpsc', status: 'updated', message: '4 records' }],
      running: () => false,
      progress: () => null,
      clearAndRebuild: async () => [],
      storageBytes: async () => 1024,
    },
    watchlist: new WatchlistService({
      store: () => watchlistStore,
      lookup: async (identities) => lookupIdentities(await dbPromise, identities),
      enabled: async () => true,
      notify: async () => undefined,
    }),
    productPages: {
      adapters,
      fetch: async (url) => ({ ok: true, url: url.href, html: `<p>${url.href}</p>` }),
    },
    openReport: async () => undefined,
  };
}

/** A lookup from `contentScript`'s page; by default of the Kettlebrook barcode, which `cpsc:1` names. */
export const lookup = (identities = [identity({ gtins: ['00850012345671'] })]): RequestFor<'lookup'> => ({
  type: 'lookup',
  page: { marketplace: 'amazon', pageType: 'product', url: contentScript.url },
  identities,
});
