/**
 * The page side of watchlist-recheck-bench.ts, bundled into a Chromium page: the real IndexedDB recall
 * index (db.ts, query.ts) filled with synthetic recalls, a real watchlist store (utils/watchlist/store.ts)
 * full to its limit, and the background's WatchlistService re-checking every kept product as it does
 * after a sync.
 */
import { WatchlistService } from '../../utils/background/watchlist-service';
import { gtinCheckDigit, toGtin14 } from '../../utils/identity/gtin';
import { openRecallDb } from '../../utils/recall-index/db';
import { lookupIdentities } from '../../utils/recall-index/query';
import { IDENTITY_SCHEMA_VERSION, type ProductIdentity, type Recall } from '../../utils/schemas';
import { WATCHLIST_LIMIT, WatchlistStore } from '../../utils/watchlist/store';
import { watchedFrom } from '../../utils/watchlist/watched-product';
import { fillIndex } from './fill-index';
import { syntheticRecalls } from './synthetic-recalls';

export interface RecheckFigures {
  recalls: number;
  watched: number;
  recalled: number;
  /** The first re-check after the index changed: it loads the lookup tables, as after a real sync. */
  firstMs: number;
  /** Later re-checks, median. */
  medianMs: number;
  announced: number;
}

/** A watched product: one in `every` carries a recalled barcode, the rest a barcode and model no recall has. */
function watchedIdentity(i: number, recalls: Recall[], every: number): ProductIdentity {
  const recall = recalls[Math.floor((i * recalls.length) / WATCHLIST_LIMIT) % recalls.length];
  const recalledGtin = i % every === 0 ? recall?.products[0]?.gtins[0] : undefined;
  const body = `79${String(i).padStart(10, '0')}`;
  const gtin = recalledGtin ?? toGtin14(`${body}${gtinCheckDigit(body)}`);
  return {
    schemaVersion: IDENTITY_SCHEMA_VERSION,
    marketplace: 'amazon',
    pageType: i % 3 === 0 ? 'orders' : 'product',
    url: `https://www.amazon.com/dp/B0W${String(i).padStart(7, '0')}`,
    itemId: `B0W${String(i).padStart(7, '0')}`,
    title: `Watched product ${i}`,
    brand: recalledGtin ? (recall?.products[0]?.brands[0] ?? null) : `Brand${i % 400}`,
    manufacturer: null,
    models: recalledGtin ? [] : [`WX-${i}Q`],
    gtins: [gtin],
    rawGtins: [gtin.slice(2)],
    seller: null,
    variant: null,
    quantity: null,
    facts: [],
  };
}

async function measure(size: number, watched: number, every: number, runs: number): Promise<RecheckFigures> {
  const recalls = syntheticRecalls(size, 1);
  const db = await openRecallDb(`bench-watch-${size}-${Date.now()}`);
  await fillIndex(db, recalls);

  const store = await WatchlistStore.open(`bench-watchlist-${Date.now()}`, watched);
  const now = new Date();
  const entries = Array.from({ length: watched }, (_, i) =>
    watchedFrom(watchedIdentity(i, recalls, every), now, undefined),
  );
  await store.put(entries.filter((e) => e !== null));

  let announced = 0;
  const service = new WatchlistService({
    store: async () => store,
    lookup: (identities) => lookupIdentities(db, identities),
    enabled: async () => true,
    notify: async (found) => {
      announced += found.length;
    },
  });
  let t = performance.now();
  await service.recheck();
  const firstMs = performance.now() - t;
  const recalled = announced;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    t = performance.now();
    await service.recheck();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  db.close();
  return {
    recalls: size,
    watched: (await store.list()).length,
    recalled,
    firstMs,
    medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    announced,
  };
}

(globalThis as unknown as { __rsRecheck: typeof measure }).__rsRecheck = measure;
