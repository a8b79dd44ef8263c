import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { matchIdentity } from '../../../utils/recall-index/match';
import type { ProductIdentity, Recall } from '../../../utils/schemas';
import { type Lookup, markAnnounced, matchWatched } from '../../../utils/watchlist/recheck';
import { WatchlistStore } from '../../../utils/watchlist/store';
import { watchedFrom } from '../../../utils/watchlist/watched-product';
import { identity, recall } from '../support/factories';

const GTIN = '00850012345671';
const DAY1 = new Date('2026-11-01T10:00:00Z');
const DAY2 = new Date('2026-11-20T10:00:00Z');

const stool = (pageType: ProductIdentity['pageType'], extra: Partial<ProductIdentity> = {}) =>
  identity({
    pageType,
    itemId: 'B0STOOL001',
    url: 'https://www.amazon.com/dp/B0STOOL001',
    brand: 'Kettlebrook',
    gtins: [GTIN],
    facts: [
      { field: 'gtin', value: '850012345671', source: 'spec-table', label: 'UPC' },
      { field: 'brand', value: 'Kettlebrook', source: 'byline' },
    ],
    ...extra,
  });

/** The real matcher over a fixed set of recalls, standing in for the index lookup. */
const lookupIn =
  (recalls: Recall[]): Lookup =>
  async (identities) => ({
    matches: identities.map((i) => matchIdentity(i, recalls)),
    recalls: Object.fromEntries(recalls.map((r) => [r.id, r])),
  });

describe('what the watchlist keeps', () => {
  it('keeps a viewed product with where and when it was seen', () => {
    const entry = watchedFrom(stool('product'), DAY1, undefined);
    expect(entry).toMatchObject({
      key: 'amazon|B0STOOL001',
      encounter: 'viewed',
      firstSeenAt: DAY1.toISOString(),
      boughtSeenAt: null,
      alerted: [],
    });
  });

  it('keeps nothing a later recall could not match: a brand and title alone', () => {
    expect(watchedFrom(identity({ itemId: null, brand: 'Kettlebrook' }), DAY1, undefined)).toBeNull();
  });

  it('keeps nothing from pages that are not products, carts or orders', () => {
    expect(watchedFrom(stool('other'), DAY1, undefined)).toBeNull();
  });

  it('upgrades a viewed product to bought when an order page shows it, and keeps its first sighting', () => {
    const viewed = watchedFrom(stool('product'), DAY1, undefined) ?? undefined;
    const bought = watchedFrom(stool('orders'), DAY2, viewed);
    expect(bought).toMatchObject({
      encounter: 'bought',
      firstSeenAt: DAY1.toISOString(),
      boughtSeenAt: DAY2.toISOString(),
    });
  });

  it('dates a purchase by the day the order page says it was placed, and keeps it when the product is viewed later', () => {
    const bought = watchedFrom(stool('orders', { orderedAt: '2026-10-02' }), DAY1, undefined) ?? undefined;
    expect(bought?.orderedAt).toBe('2026-10-02');
    expect(watchedFrom(stool('product'), DAY2, bought)?.orderedAt).toBe('2026-10-02');
  });

  it('does not downgrade a bought product when it is viewed again', () => {
    const bought = watchedFrom(stool('orders'), DAY1, undefined) ?? undefined;
    expect(watchedFrom(stool('product'), DAY2, bought)).toMatchObject({
      encounter: 'bought',
      boughtSeenAt: DAY1.toISOString(),
      lastSeenAt: DAY2.toISOString(),
    });
  });
});

describe('the watchlist store', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('drops the products seen longest ago once it holds more than its limit', async () => {
    const store = await WatchlistStore.open('test', 3);
    const entries = [1, 2, 3, 4, 5].map((n) => {
      const e = watchedFrom(
        stool('product', { itemId: `B0STOOL00${n}` }),
        new Date(Date.UTC(2026, 10, n)),
        undefined,
      );
      if (!e) throw new Error('not watchable');
      return e;
    });
    await store.put(entries);
    expect((await store.list()).map((e) => e.identity.itemId)).toEqual([
      'B0STOOL005',
      'B0STOOL004',
      'B0STOOL003',
    ]);
    store.close();
  });

  it('forgets everything when cleared', async () => {
    const store = await WatchlistStore.open('test');
    const entry = watchedFrom(stool('product'), DAY1, undefined);
    if (entry) await store.put([entry]);
    expect(await store.count()).toBe(1);
    await store.clear();
    expect(await store.list()).toEqual([]);
    store.close();
  });
});

describe('re-checking the watchlist after a sync', () => {
  const later = recall('26001', { brands: ['Kettlebrook'], gtins: [GTIN] });

  it('announces a recall published after the product was bought, once', async () => {
    const bought = watchedFrom(stool('orders'), DAY1, undefined);
    if (!bought) throw new Error('not watchable');
    const before = await matchWatched([bought], lookupIn([]));
    expect(before.found).toEqual([]);

    const after = await matchWatched([bought], lookupIn([later]));
    expect(after.found.map((f) => f.newRecallIds)).toEqual([['cpsc:26001']]);
    expect(after.recalls['cpsc:26001']?.title).toBe('Recall 26001');

    const [remembered] = markAnnounced(after.found);
    const again = await matchWatched(remembered ? [remembered] : [], lookupIn([later]));
    expect(again.found.map((f) => f.newRecallIds)).toEqual([[]]);
  });

  it('does not announce a possible match (a model with no brand to back it)', async () => {
    const modelOnly = recall('26002', { models: ['KB-TS100'] });
    const entry = watchedFrom(
      stool('product', { gtins: [], facts: [], brand: null, models: ['KB-TS100'] }),
      DAY1,
      undefined,
    );
    if (!entry) throw new Error('not watchable');
    expect((await matchWatched([entry], lookupIn([modelOnly]))).found).toEqual([]);
  });
});
