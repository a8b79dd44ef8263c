/**
 * The storefront scan (hand-made Shopify-shaped store; the recalled variant's barcode, UPC 193175488718,
 * is the real one of CPSC 25-366, Harbor Freight's Predator power stations): the address as typed,
 * products.json pages into rows, the retry policy, and the resumable run against a fake store that
 * pages, rate-limits, fails and hangs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStarterIndex } from '../../../scripts/commands/audit-index';
import { auditRows } from '../../../utils/audit/audit';
import {
  MAX_RETRIES,
  parseStoreUrl,
  productsPageUrl,
  readProductsPage,
  retryDecision,
  STORE_PAGE_SIZE,
} from '../../../utils/audit/storefront';
import {
  newScan,
  readScanState,
  type ScanDeps,
  type ScanState,
  scanStorefront,
} from '../../../utils/audit/storefront-scan';
import { speak } from '../../support/i18n-setup';

const ORIGIN = 'https://outdoor-power.example';

function product(i: number, variant: Record<string, unknown> = {}) {
  return {
    id: 1000 + i,
    title: `Garden lantern ${i}`,
    handle: `garden-lantern-${i}`,
    vendor: 'Lumenfield',
    variants: [{ id: 5000 + i, title: 'Default Title', sku: `LF-${i}`, ...variant }],
  };
}

const RECALLED = {
  id: 77,
  title: 'Predator 2000 Watt Portable Power Station',
  handle: 'predator-2000',
  vendor: 'Predator',
  variants: [{ id: 7701, title: 'Default Title', sku: 'HF-PS2000', barcode: '193175488718' }],
};

/** 2 full pages and a short third; the recalled product on page 2. */
function storePages(): Record<number, unknown[]> {
  const pages: Record<number, unknown[]> = { 1: [], 2: [], 3: [] };
  for (let i = 0; i < STORE_PAGE_SIZE * 2 + 10; i++) {
    const page = Math.floor(i / STORE_PAGE_SIZE) + 1;
    (pages[page] as unknown[]).push(i === 300 ? RECALLED : product(i));
  }
  return pages;
}

/** A custom answer for a page, or undefined for the store's own. */
type Answer = (page: number, call: number) => Response | Promise<Response> | undefined;

function fakeStore(answer?: Answer) {
  const pages = storePages();
  const calls: string[] = [];
  const saved: ScanState[] = [];
  const controller = new AbortController();
  const deps: ScanDeps = {
    async fetch(url, init) {
      calls.push(url);
      const page = Number(new URL(url).searchParams.get('page'));
      const custom = answer?.(page, calls.length);
      // As a real fetch does, a request that has not answered gives up when its signal aborts.
      if (custom)
        return Promise.race([
          custom,
          new Promise<never>((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
        ]);
      if (init.signal?.aborted) throw init.signal.reason;
      return Response.json({ products: pages[page] ?? [] });
    },
    sleep: async (_ms, signal) => {
      if (signal?.aborted) throw signal.reason;
    },
    async save(state) {
      saved.push(structuredClone(state));
    },
    signal: controller.signal,
    delayMs: 0,
  };
  return { deps, calls, saved, controller };
}

describe('the store address', () => {
  it('is read as typed, with or without a scheme, and asks for that origin only', () => {
    expect(parseStoreUrl('outdoor-power.example')).toEqual({ origin: ORIGIN, pattern: `${ORIGIN}/*` });
    expect(parseStoreUrl('https://outdoor-power.example/collections/all?page=2')?.origin).toBe(ORIGIN);
    expect(parseStoreUrl('http://shop.test')?.pattern).toBe('http://shop.test/*');
  });
  it('is refused when it is not a web address of a host', () => {
    for (const bad of [
      '',
      'localhost',
      'ftp://shop.example',
      'javascript:alert(1)',
      'https://u:p@shop.example',
    ])
      expect(parseStoreUrl(bad), bad).toBeNull();
  });
  it('pages products.json 250 at a time', () => {
    expect(productsPageUrl(ORIGIN, 3)).toBe(`${ORIGIN}/products.json?limit=250&page=3`);
  });
});

describe('a products.json page', () => {
  it('gives a row per variant, with the vendor as brand, the SKU as SKU and model, and the barcode where given', () => {
    const page = readProductsPage(
      {
        products: [
          RECALLED,
          {
            title: 'Camp chair',
            handle: 'camp-chair',
            vendor: 'Pinecrest',
            variants: [
              { id: 1, title: 'Green', sku: 'PC-1-G' },
              { id: 2, title: 'Blue', sku: '' },
            ],
          },
        ],
      },
      ORIGIN,
    );
    expect(page.products).toBe(2);
    expect(page.rows.map((r) => r.values)).toEqual([
      {
        title: 'Predator 2000 Watt Portable Power Station',
        brand: 'Predator',
        sku: 'HF-PS2000',
        model: 'HF-PS2000',
        barcode: '193175488718',
        url: `${ORIGIN}/products/predator-2000?variant=7701`,
      },
      {
        title: 'Camp chair – Green',
        brand: 'Pinecrest',
        sku: 'PC-1-G',
        model: 'PC-1-G',
        url: `${ORIGIN}/products/camp-chair?variant=1`,
      },
      { title: 'Camp chair – Blue', brand: 'Pinecrest', url: `${ORIGIN}/products/camp-chair?variant=2` },
    ]);
  });
  it('is refused when the answer is not products.json', () => {
    expect(() => readProductsPage({ error: 'Not found' }, ORIGIN)).toThrow(/not a Shopify products.json/);
    expect(() => readProductsPage('<html>', ORIGIN)).toThrow();
  });
});

describe('the retry policy', () => {
  it('waits as Retry-After says, in seconds or as a date', () => {
    expect(retryDecision(429, '3', 0)).toEqual({ retryInMs: 3000 });
    const now = Date.parse('2026-12-05T10:00:00Z');
    expect(retryDecision(503, 'Sat, 05 Dec 2026 10:00:05 GMT', 0, now)).toEqual({ retryInMs: 5000 });
  });
  it('backs off when the store gives no Retry-After, and gives up after a few tries', () => {
    expect(retryDecision(429, null, 0)).toEqual({ retryInMs: 2000 });
    expect(retryDecision(429, null, 2)).toEqual({ retryInMs: 8000 });
    expect(retryDecision(429, null, MAX_RETRIES)).toHaveProperty('stop');
  });
  it('stops at once on a server error, and on a wait too long to hold the page', () => {
    expect(retryDecision(500, null, 0)).toEqual({ stop: 'the store answered HTTP 500' });
    expect(retryDecision(429, '3600', 0)).toEqual({ stop: expect.stringMatching(/asked to wait 3600 s/) });
  });
  it('says why it stopped in the UI language', () => {
    speak('zh_CN');
    expect(retryDecision(500, null, 0)).toEqual({ stop: '店铺返回 HTTP 500' });
    expect(retryDecision(429, '3600', 0)).toEqual({ stop: '店铺要求等待 3600 秒（HTTP 429）；请稍后继续' });
  });
});

describe('scanning a store', () => {
  let recallIndex: Awaited<ReturnType<typeof loadStarterIndex>>['index'];
  beforeAll(async () => {
    recallIndex = (await loadStarterIndex()).index;
  }, 60_000);

  it('reads every page up to the short last one, saving as it goes, and finds the recalled variant', async () => {
    const { deps, calls, saved } = fakeStore();
    const done = await scanStorefront(newScan(ORIGIN), deps);
    expect(done.status).toBe('done');
    expect(done.rows).toHaveLength(STORE_PAGE_SIZE * 2 + 10);
    expect(done.rows.map((r) => r.row)).toEqual(done.rows.map((_, i) => i + 1));
    expect(calls.slice(0, 3)).toEqual([1, 2, 3].map((p) => productsPageUrl(ORIGIN, p)));
    expect(saved.at(-1)?.status).toBe('done');
    expect(saved.length).toBeGreaterThan(1);
    const mapping = {
      sku: 'sku',
      title: 'title',
      brand: 'brand',
      barcode: 'barcode',
      model: 'model',
      url: 'url',
    } as const;
    const result = auditRows(done.rows, mapping, recallIndex);
    expect(result.findings.map((f) => [f.tier, f.recallId, f.sku])).toEqual([
      ['confirmed', 'cpsc:25-366', 'HF-PS2000'],
    ]);
  });

  it('waits out a 429 with Retry-After and carries on', async () => {
    const waits: number[] = [];
    const { deps } = fakeStore((page, call) =>
      page === 2 && call <= 3
        ? new Response('slow down', { status: 429, headers: { 'retry-after': '2' } })
        : undefined,
    );
    deps.sleep = async (ms) => {
      waits.push(ms);
    };
    const done = await scanStorefront(newScan(ORIGIN), deps);
    expect(done.status).toBe('done');
    expect(waits).toContain(2000);
  });

  it('stops on a 500 with the page and reason, keeps the rows before it, and resumes from that page', async () => {
    let failing = true;
    const { deps, calls } = fakeStore((page) =>
      page === 2 && failing ? new Response('oops', { status: 500 }) : undefined,
    );
    deps.concurrency = 1;
    const stopped = await scanStorefront(newScan(ORIGIN), deps);
    expect(stopped).toMatchObject({
      status: 'stopped',
      nextPage: 2,
      message: 'page 2: the store answered HTTP 500',
    });
    expect(stopped.rows).toHaveLength(STORE_PAGE_SIZE);

    failing = false;
    calls.length = 0;
    const resumed = await scanStorefront(readScanState(structuredClone(stopped)) as ScanState, deps);
    expect(calls[0]).toBe(productsPageUrl(ORIGIN, 2));
    expect(resumed.status).toBe('done');
    expect(resumed.rows).toHaveLength(STORE_PAGE_SIZE * 2 + 10);
  });

  it('says when a page hangs, and keeps what it had', async () => {
    const { deps } = fakeStore((page, _call) =>
      page === 3 ? new Promise<Response>(() => undefined) : undefined,
    );
    deps.concurrency = 1;
    deps.timeoutMs = 50;
    deps.fetch = ((inner) => async (url: string, init: RequestInit) => {
      const page = Number(new URL(url).searchParams.get('page'));
      if (page !== 3) return inner(url, init);
      return new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    })(deps.fetch);
    const stopped = await scanStorefront(newScan(ORIGIN), deps);
    expect(stopped).toMatchObject({
      status: 'stopped',
      nextPage: 3,
      message: 'page 3 did not answer within 0.05 s',
    });
    expect(stopped.rows).toHaveLength(STORE_PAGE_SIZE * 2);
  });

  it('pauses when asked, saved at the page it reached', async () => {
    const { deps, controller } = fakeStore();
    deps.concurrency = 1;
    deps.onProgress = (state) => {
      if (state.nextPage === 2) controller.abort();
    };
    const paused = await scanStorefront(newScan(ORIGIN), deps);
    expect(paused).toMatchObject({ status: 'paused', nextPage: 2 });
    expect(paused.rows).toHaveLength(STORE_PAGE_SIZE);
  });

  it('keeps a page as soon as it is in, while the page fetched beside it still hangs', async () => {
    const { deps, controller, saved } = fakeStore((page) =>
      page === 2 ? new Promise<Response>(() => undefined) : undefined,
    );
    deps.concurrency = 2;
    deps.onProgress = (state) => {
      if (state.nextPage === 2) controller.abort();
    };
    const paused = await scanStorefront(newScan(ORIGIN), deps);
    expect(paused).toMatchObject({ status: 'paused', nextPage: 2 });
    expect(saved.some((s) => s.status === 'scanning' && s.rows.length === STORE_PAGE_SIZE)).toBe(true);
  });

  it('stops with the reason when a page is not products.json', async () => {
    const { deps } = fakeStore((page) =>
      page === 1
        ? new Response('<html>password</html>', { status: 200, headers: { 'content-type': 'text/html' } })
        : undefined,
    );
    const stopped = await scanStorefront(newScan(ORIGIN), deps);
    expect(stopped.status).toBe('stopped');
    expect(stopped.message).toMatch(/^page 1: /);
    expect(stopped.rows).toEqual([]);
  });
});
