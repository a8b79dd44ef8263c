import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { recallNotification } from '../../../utils/background/recall-notification';
import { WatchlistService } from '../../../utils/background/watchlist-service';
import type { TabVerdict } from '../../../utils/messaging';
import { matchIdentity } from '../../../utils/recall-index/match';
import type { ProductIdentity, Recall } from '../../../utils/schemas';
import type { WatchedMatch } from '../../../utils/watchlist/recheck';
import { WatchlistStore } from '../../../utils/watchlist/store';
import { identity, recall } from '../support/factories';

const GTIN = '00850012345671';
const stool = (pageType: ProductIdentity['pageType']) =>
  identity({
    pageType,
    itemId: 'B0STOOL001',
    title: 'Kettlebrook CozyNest Step Stool',
    brand: 'Kettlebrook',
    gtins: [GTIN],
  });
const RECALL = recall(
  '26001',
  { brands: ['Kettlebrook'], gtins: [GTIN] },
  { title: 'Kettlebrook Recalls Step Stools' },
);

function verdictOf(id: ProductIdentity, recalls: Recall[] = []): TabVerdict {
  return {
    status: 'no-match',
    page: { marketplace: 'amazon', pageType: id.pageType, url: id.url },
    identities: [id],
    matches: [matchIdentity(id, recalls)],
    recalls: {},
    index: { records: 0, sources: [], updatedAt: null, syncs: [] },
    checkedAt: '2026-11-01T00:00:00Z',
  };
}

function service(index: Recall[], options: { enabled?: boolean } = {}) {
  const notified: WatchedMatch[][] = [];
  const store = WatchlistStore.open();
  const svc = new WatchlistService({
    store: () => store,
    lookup: async (ids) => ({
      matches: ids.map((i) => matchIdentity(i, index)),
      recalls: Object.fromEntries(index.map((r) => [r.id, r])),
    }),
    enabled: async () => options.enabled ?? true,
    notify: async (found) => {
      notified.push(found);
    },
    now: () => new Date('2026-11-01T00:00:00Z'),
  });
  return { svc, notified, index };
}

describe('the watchlist in the background', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('notifies once when a sync brings a recall for a product bought earlier', async () => {
    const { svc, notified, index } = service([]);
    await svc.record(verdictOf(stool('orders')));
    expect(await svc.recheck()).toEqual([]);

    index.push(RECALL);
    const announced = await svc.recheck();
    expect(announced.map((f) => [f.product.encounter, f.newRecallIds])).toEqual([['bought', ['cpsc:26001']]]);
    expect(notified).toHaveLength(1);

    expect(await svc.recheck()).toEqual([]);
    expect(notified).toHaveLength(1);
  });

  it('does not notify about a recall the page itself already warned about', async () => {
    const { svc, notified } = service([RECALL]);
    await svc.record(verdictOf(stool('product'), [RECALL]));
    expect(await svc.recheck()).toEqual([]);
    expect(notified).toEqual([]);
  });

  it('keeps nothing and announces nothing when the shopper turned it off', async () => {
    const { svc, notified } = service([RECALL], { enabled: false });
    await svc.record(verdictOf(stool('orders')));
    expect((await svc.view()).products).toEqual([]);
    expect(await svc.recheck()).toEqual([]);
    expect(notified).toEqual([]);
  });

  it('shows the kept products and those with a recall now, and forgets them all when cleared', async () => {
    const { svc } = service([RECALL]);
    await svc.record(verdictOf(stool('cart')));
    const view = await svc.view();
    expect(view.products.map((p) => p.encounter)).toEqual(['carted']);
    expect(view.found.map((f) => f.key)).toEqual(['amazon|B0STOOL001']);
    expect(view.recalls['cpsc:26001']?.title).toBe('Kettlebrook Recalls Step Stools');
    await svc.clear();
    expect((await svc.view()).products).toEqual([]);
  });
});

describe('the recall notification', () => {
  it('names the product, how the shopper met it, the authority and the recall', async () => {
    const { svc, index } = service([]);
    await svc.record(verdictOf(stool('orders')));
    index.push(RECALL);
    const found = await svc.recheck();
    expect(recallNotification(found, { [RECALL.id]: RECALL })).toEqual({
      title: 'Recall: a product you bought',
      message:
        'Kettlebrook CozyNest Step Stool — U.S. Consumer Product Safety Commission: Kettlebrook Recalls Step Stools',
    });
  });
});
