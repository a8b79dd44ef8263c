/**
 * The feeds' `sync` walks against a fake `FeedHttp`: which requests they make, where they stop, the
 * cursor they hand back, and that what they return maps. The real http (charset, base URL, back-off)
 * is tested with the sync engine in tests/unit/recall-index/sync.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import accc, { ACCC_MAX_NOTICES } from '../../../utils/feeds/accc';
import eu, { EU_MAX_ITEMS, EU_MAX_PAGES } from '../../../utils/feeds/eu-safety-gate';
import type { FeedHttp, FeedMapper, FeedResponse, FeedSyncResult } from '../../../utils/feeds/feed';
import hc, { HC_OPEN_DATA_URL } from '../../../utils/feeds/health-canada';
import openfda, { OPENFDA_MAX_PAGES } from '../../../utils/feeds/openfda';
import rappelconso from '../../../utils/feeds/rappelconso';
import samr, { listedNotices } from '../../../utils/feeds/samr';
import ukOpss from '../../../utils/feeds/uk-opss';

const NOW = new Date('2026-11-28T12:00:00Z');
const text = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/${name}`, import.meta.url)), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));

interface Request {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}
interface Answer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A FeedHttp answering from a function; statuses other than 2xx/304/404 throw, as the real one does. */
class FakeHttp implements FeedHttp {
  requests: Request[] = [];
  constructor(private readonly answer: (req: Request) => Answer | undefined) {}
  private async send(req: Request): Promise<FeedResponse<never>> {
    this.requests.push(req);
    const a = this.answer(req) ?? { status: 404, body: null };
    const status = a.status ?? 200;
    if (status >= 300 && status !== 304 && status !== 404) {
      throw Object.assign(new Error(`${req.url.host} answered HTTP ${status}`), { status });
    }
    const headers = new Headers(a.headers);
    return {
      status,
      header: (n) => headers.get(n),
      body: (status === 304 ? null : (a.body ?? null)) as never,
    };
  }
  getJson(url: string, headers: Record<string, string> = {}) {
    return this.send({ method: 'GET', url: new URL(url), headers, body: null });
  }
  getText(url: string, headers: Record<string, string> = {}) {
    return this.send({ method: 'GET', url: new URL(url), headers, body: null });
  }
  postJson(url: string, body: unknown) {
    return this.send({ method: 'POST', url: new URL(url), headers: {}, body });
  }
  paths() {
    return this.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`);
  }
}

async function walk(
  feed: FeedMapper,
  http: FeedHttp,
  cursor: string | null,
  opts: { maxPages?: number; maxItems?: number } = {},
): Promise<FeedSyncResult> {
  const sync = feed.endpoint?.sync;
  if (!sync) throw new Error(`${feed.id} has no sync walk`);
  return sync(http, cursor, { now: NOW, ...opts });
}

/** Every document mapped, as the sync engine does. */
function mapAll(feed: FeedMapper, result: FeedSyncResult) {
  const maps = result.documents.map((d) => feed.map(d, { now: NOW }));
  return {
    ids: maps.flatMap((m) => m.recalls.map((r) => r.id)),
    skipped: maps.flatMap((m) => m.skipped.map((s) => s.reason)),
  };
}

describe('openFDA sync', () => {
  const page = (name: string) => json(`openfda/${name}`);
  const notFound = { status: 404, body: json('openfda/not-found.json') };

  it('walks food, device and drug, follows the Link header, and treats 404 No matches as empty', async () => {
    const next =
      'https://api.fda.gov/food/enforcement.json?search=report_date:[20211129+TO+29991231]&sort=report_date:asc&limit=1000&search_after=0%3Dfood-2';
    const http = new FakeHttp(({ url }) => {
      if (url.pathname === '/food/enforcement.json') {
        return url.searchParams.has('search_after')
          ? { body: page('malformed-page.json') }
          : { body: page('food-enforcement.json'), headers: { link: `<${next}>; rel="next"` } };
      }
      if (url.pathname === '/device/enforcement.json') return { body: page('device-enforcement.json') };
      return notFound;
    });
    const result = await walk(openfda, http, null);
    expect(http.paths().map((p) => p.split('?')[0])).toEqual([
      'GET /food/enforcement.json',
      'GET /food/enforcement.json',
      'GET /device/enforcement.json',
      'GET /drug/enforcement.json',
    ]);
    // A full run reaches five years back.
    expect(http.requests[0]?.url.search).toContain('report_date:[20211129+TO+29991231]');
    const mapped = mapAll(openfda, result);
    expect(mapped.ids).toContain('openfda:H-2002-2026');
    expect(mapped.ids).toContain('openfda:Z-0101-2027');
    // The malformed second page lost its bad records, not the run.
    expect(mapped.skipped.length).toBeGreaterThan(0);
    expect(result.cursor).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('is an empty result, not a failure, when every endpoint answers 404 No matches found', async () => {
    const http = new FakeHttp(() => notFound);
    const result = await walk(openfda, http, '2026-11-20');
    expect(http.requests).toHaveLength(3);
    expect(mapAll(openfda, result)).toEqual({ ids: [], skipped: [] });
    expect(result.cursor).toBe('2026-11-20');
    expect(http.requests[0]?.url.search).toContain('report_date:[20261119+TO+29991231]');
  });

  it('stops an endless Link chain at the page bound and resumes from the last day read', async () => {
    const http = new FakeHttp(({ url }) =>
      url.pathname === '/food/enforcement.json'
        ? {
            body: page('food-enforcement.json'),
            headers: { link: `<${url.href.split('&search_after')[0]}&search_after=x>; rel="next"` },
          }
        : notFound,
    );
    const result = await walk(openfda, http, null, { maxPages: 3 });
    expect(http.paths().filter((p) => p.includes('/food/'))).toHaveLength(3);
    expect(result.cursor).toBe('2026-10-28');
    const unbounded = await walk(openfda, new FakeHttp(() => notFound), null);
    expect(unbounded.documents).toHaveLength(3);
  });

  it('without a page bound given, follows an endless Link chain for OPENFDA_MAX_PAGES pages per endpoint', async () => {
    const http = new FakeHttp(({ url }) => ({
      body: page('food-enforcement.json'),
      headers: { link: `<${url.href.split('&search_after')[0]}&search_after=x>; rel="next"` },
    }));
    await walk(openfda, http, null);
    for (const type of ['food', 'device', 'drug']) {
      expect(http.paths().filter((p) => p.startsWith(`GET /${type}/`))).toHaveLength(OPENFDA_MAX_PAGES);
    }
  });
});

describe('EU Safety Gate sync', () => {
  const toy = json('eu-safety-gate/alert-toy.json') as Record<string, unknown>;
  const placeholder = json('eu-safety-gate/alert-placeholder-brand.json') as Record<string, unknown>;
  const summary = { id: toy.id, reference: toy.reference, modificationDate: toy.modificationDate };

  it('POSTs list pages until the last, fetches details for summaries, and skips a missing detail', async () => {
    const http = new FakeHttp(({ method, url, body }) => {
      if (method === 'POST') {
        const n = Number((body as { page: string }).page);
        const content =
          n === 0 ? [placeholder, summary] : [{ id: 999, modificationDate: '2026-10-01T00:00:00Z' }];
        return { body: { content, totalPages: 2 } };
      }
      if (url.pathname.endsWith(`/notification/${toy.id}`)) return { body: toy };
      return { status: 404, body: null };
    });
    const result = await walk(eu, http, null);
    expect(http.paths()).toEqual([
      'POST /safety-gate-alerts/public/api/notification/mostRecent/',
      `GET /safety-gate-alerts/public/api/notification/${toy.id}?language=en`,
      'POST /safety-gate-alerts/public/api/notification/mostRecent/',
      'GET /safety-gate-alerts/public/api/notification/999?language=en',
    ]);
    expect(http.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { language: 'en', page: '0' },
      { language: 'en', page: '1' },
    ]);
    expect(mapAll(eu, result).ids.sort()).toEqual([
      'eu-safety-gate:SR/03001/26',
      'eu-safety-gate:SR/03002/26',
    ]);
    expect(result.skipped).toEqual(['alert 999: its detail could not be read (HTTP 404)']);
    expect(result.cursor).toBe(placeholder.modificationDate);
  });

  it('stops at the first alert older than a day before the cursor', async () => {
    const old = { ...summary, id: 5, modificationDate: '2026-09-01T00:00:00Z' };
    const http = new FakeHttp(({ method }) =>
      method === 'POST' ? { body: { content: [placeholder, old, summary], totalPages: 50 } } : undefined,
    );
    const result = await walk(eu, http, '2026-10-20T00:00:00Z');
    expect(http.requests).toHaveLength(1);
    expect(mapAll(eu, result).ids).toEqual(['eu-safety-gate:SR/03002/26']);
  });

  it('bounds list pages and detail requests per run', async () => {
    let id = 0;
    const http = new FakeHttp(({ method }) =>
      method === 'POST'
        ? { body: { content: [{ id: ++id, modificationDate: '2026-11-01T00:00:00Z' }], totalPages: 10_000 } }
        : { body: toy },
    );
    const result = await walk(eu, http, null, { maxPages: 4, maxItems: 2 });
    expect(http.requests.filter((r) => r.method === 'POST')).toHaveLength(4);
    expect(http.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
    expect(result.skipped).toHaveLength(2);
  });

  it('without bounds given, reads EU_MAX_PAGES list pages and EU_MAX_ITEMS details, naming the rest', async () => {
    let id = 0;
    const summaries = () =>
      Array.from({ length: 20 }, () => ({ id: ++id, modificationDate: '2026-11-01T00:00:00Z' }));
    const http = new FakeHttp(({ method }) =>
      method === 'POST' ? { body: { content: summaries(), totalPages: 10_000 } } : { body: toy },
    );
    const result = await walk(eu, http, null);
    expect(http.requests.filter((r) => r.method === 'POST')).toHaveLength(EU_MAX_PAGES);
    expect(http.requests.filter((r) => r.method === 'GET')).toHaveLength(EU_MAX_ITEMS);
    expect(result.skipped).toHaveLength(EU_MAX_PAGES * 20 - EU_MAX_ITEMS);
    expect(result.skipped?.[0]).toMatch(new RegExp(`reached its ${EU_MAX_ITEMS}-detail bound`));
  });

  it('falls back to the weekly report XML when the list is refused', async () => {
    const http = new FakeHttp(({ method, url }) => {
      if (method === 'POST') return { status: 403 };
      if (url.pathname.endsWith('/weeklyReport/list/xml/en'))
        return {
          body: '<reports><report><URL>https://ec.europa.eu/safety-gate-alerts/api/download/weeklyReport/xml/en/2026-44</URL></report></reports>',
        };
      return { body: text('eu-safety-gate/weekly-report.xml') };
    });
    const result = await walk(eu, http, '2026-10-20T00:00:00Z');
    expect(http.paths().slice(1)).toEqual([
      'GET /safety-gate-alerts/api/download/weeklyReport/list/xml/en',
      'GET /safety-gate-alerts/api/download/weeklyReport/xml/en/2026-44',
    ]);
    expect(mapAll(eu, result).ids).toContain('eu-safety-gate:SR/03010/26');
    expect(result.cursor).toBeNull();
  });
});

describe('Health Canada sync', () => {
  const rows = json('health-canada/open-data-rows.json') as Array<Record<string, unknown>>;

  it('downloads the whole file on a full run and keeps its validators in the cursor', async () => {
    const http = new FakeHttp(() => ({
      body: rows,
      headers: { etag: '"v1"', 'last-modified': 'Tue, 03 Nov 2026 06:00:00 GMT' },
    }));
    const result = await walk(hc, http, null);
    expect(http.requests[0]?.url.href).toBe(HC_OPEN_DATA_URL);
    expect(http.requests[0]?.headers).toEqual({});
    expect(mapAll(hc, result).ids).toHaveLength(3);
    expect(JSON.parse(result.cursor ?? '')).toEqual({
      day: '2026-11-03',
      etag: '"v1"',
      lastModified: 'Tue, 03 Nov 2026 06:00:00 GMT',
    });
  });

  it('asks conditionally and reports "not modified" on 304', async () => {
    const cursor = JSON.stringify({ day: '2026-11-03', etag: '"v1"', lastModified: null });
    const http = new FakeHttp(({ headers }) =>
      headers['if-none-match'] === '"v1"' ? { status: 304 } : { body: rows },
    );
    const result = await walk(hc, http, cursor);
    expect(result).toMatchObject({ notModified: true, documents: [], cursor });
  });

  it('keeps only rows updated since a day before the cursor (a plain day cursor is read too)', async () => {
    const http = new FakeHttp(() => ({ body: rows }));
    const result = await walk(hc, http, '2026-11-03');
    expect(mapAll(hc, result).ids).toEqual(['health-canada:90101']);
  });

  it('fails the run on a body that is not the open-data array', async () => {
    await expect(walk(hc, new FakeHttp(() => ({ body: { error: 'x' } })), null)).rejects.toThrow(
      /array of rows/,
    );
  });
});

describe('RappelConso sync', () => {
  const records = json('rappelconso/records.json') as { results: unknown[] };

  it('pages by offset until total_count and returns the newest date_publication', async () => {
    const http = new FakeHttp(({ url }) => {
      const offset = Number(url.searchParams.get('offset'));
      const results = offset === 0 ? Array(100).fill(records.results[0]) : records.results;
      return { body: { total_count: 100 + records.results.length, results } };
    });
    const result = await walk(rappelconso, http, '2026-11-01');
    expect(http.requests.map((r) => r.url.searchParams.get('offset'))).toEqual(['0', '100']);
    expect(http.requests[0]?.url.searchParams.get('where')).toBe("date_publication >= date'2026-10-31'");
    expect(result.cursor).toBe('2026-11-03');
    expect(mapAll(rappelconso, result).ids).toContain('rappelconso:2026-11-0105');
  });

  it('stops at the page bound on a feed that never ends', async () => {
    const full = Array(100).fill(records.results[0]);
    const http = new FakeHttp(() => ({ body: { total_count: 1_000_000, results: full } }));
    await walk(rappelconso, http, null, { maxPages: 3 });
    expect(http.requests).toHaveLength(3);
  });

  it('skips the bad records of a malformed page, not the run', async () => {
    const http = new FakeHttp(() => ({ body: json('rappelconso/malformed-page.json') }));
    const mapped = mapAll(rappelconso, await walk(rappelconso, http, null));
    expect(mapped.skipped.length).toBeGreaterThan(0);
    expect(mapped.ids.length).toBeGreaterThan(0);
  });
});

describe('UK OPSS sync', () => {
  const search = json('uk-opss/search-sync.json') as { results: Array<{ link: string }> };
  const item = json('uk-opss/content-item.json') as { base_path: string };

  it('searches, then fetches each content item, skipping one that is gone', async () => {
    const http = new FakeHttp(({ url }) => {
      if (url.pathname === '/api/search.json') return { body: search };
      if (url.pathname === `/api/content${item.base_path}`) return { body: item };
      return { status: 404 };
    });
    const result = await walk(ukOpss, http, null);
    expect(http.paths().map((p) => p.split('?')[0])).toEqual([
      'GET /api/search.json',
      `GET /api/content${search.results[0]?.link}`,
      `GET /api/content${search.results[1]?.link}`,
    ]);
    expect(http.requests[0]?.url.searchParams.get('order')).toBe('-public_timestamp');
    expect(mapAll(ukOpss, result).ids).toEqual(['uk-opss:2610-0412']);
    expect(result.skipped).toHaveLength(1);
    expect(result.cursor).toBe('2026-10-14T14:05:10+01:00');
  });

  it('asks for changes oldest first from a day before the cursor, and bounds the items', async () => {
    const many = { results: Array(100).fill(search.results[0]), total: 5_000 };
    const http = new FakeHttp(({ url }) =>
      url.pathname === '/api/search.json' ? { body: many } : { body: item },
    );
    await walk(ukOpss, http, '2026-10-14T14:05:10+01:00', { maxItems: 5 });
    const first = http.requests[0]?.url.searchParams;
    expect(first?.get('order')).toBe('public_timestamp');
    expect(first?.get('filter_public_timestamp')).toBe('from:2026-10-13');
    expect(http.requests.filter((r) => r.url.pathname.startsWith('/api/content'))).toHaveLength(5);
  });

  it('bounds the search pages', async () => {
    const page = { results: [{ link: '/elsewhere' }], total: 1_000_000 };
    const http = new FakeHttp(() => ({ body: page }));
    await walk(ukOpss, http, null, { maxPages: 3 });
    expect(http.requests.map((r) => r.url.searchParams.get('start'))).toEqual(['0', '1', '2']);
  });
});

describe('ACCC sync', () => {
  const KITCHENLY = '/recalls/kitchenly-glass-storage-set';
  const RSS = '/rss/feed.xml/psa_recall';
  /** The site: the RSS, the Kitchenly notice page; every other notice page answers 404. */
  const site = () =>
    new FakeHttp(({ url }) =>
      url.pathname === RSS
        ? { body: text('accc/recalls.xml') }
        : url.pathname === KITCHENLY
          ? { body: text('accc/notice-kitchenly-glass-storage-set.html') }
          : { status: 404 },
    );

  it('reads the RSS as text first and keeps the newest pubDate day as the cursor', async () => {
    const http = new FakeHttp(() => ({ body: text('accc/recalls.xml') }));
    const result = await walk(accc, http, null);
    expect(http.paths()[0]).toBe(`GET ${RSS}`);
    expect(mapAll(accc, result).ids).toHaveLength(3);
    expect(result.cursor).toMatch(/^2026-\d{2}-\d{2}$/);
  });

  it('fails the run when the body is not RSS', async () => {
    await expect(
      walk(accc, new FakeHttp(() => ({ body: '<html>maintenance</html>' })), null),
    ).rejects.toThrow(/not an RSS/);
  });

  it('reads each item’s notice page, newest first, and a barcode from a page reaches gtins', async () => {
    const http = site();
    const result = await walk(accc, http, null);
    expect(http.paths()).toEqual([
      `GET ${RSS}`,
      'GET /recalls/zephyra-home-pty-ltd-zephyra-single-electric-blanket-zp-eb410',
      'GET /recalls/racecub-toys-pty-ltd-racecub-ride-on-car-rc-88',
      `GET ${KITCHENLY}`,
    ]);
    const recalls = result.documents.flatMap((d) => accc.map(d, { now: NOW }).recalls);
    expect(recalls.map((r) => r.id)).toEqual(['accc:2026/21345', 'accc:2026/21299', 'accc:2026/21250']);
    expect(recalls[2]?.products[0]?.gtins).toEqual(['09350000123454', '09350000998878']);
    expect(result.cursor).toBe('2026-10-14');
  });

  it('keeps the RSS record of a notice page that answers 404 and names the page in words', async () => {
    const result = await walk(accc, site(), null);
    expect(result.skipped).toEqual([
      'notice page https://www.productsafety.gov.au/recalls/zephyra-home-pty-ltd-zephyra-single-electric-blanket-zp-eb410: HTTP 404; its RSS item is kept as the feed has it',
      'notice page https://www.productsafety.gov.au/recalls/racecub-toys-pty-ltd-racecub-ride-on-car-rc-88: HTTP 404; its RSS item is kept as the feed has it',
    ]);
    const plain = accc.map(text('accc/recalls.xml'), { now: NOW }).recalls;
    const synced = result.documents.flatMap((d) => accc.map(d, { now: NOW }).recalls);
    expect(synced.slice(0, 2)).toEqual(plain.slice(0, 2));
    expect(mapAll(accc, result).skipped).toEqual([]);
  });

  it('does not fail the run when a notice page cannot be fetched or is not a notice page', async () => {
    const http = new FakeHttp(({ url }) =>
      url.pathname === RSS
        ? { body: text('accc/recalls.xml') }
        : url.pathname === KITCHENLY
          ? { status: 503 }
          : { body: '<html><body><h1>Please wait</h1></body></html>' },
    );
    const result = await walk(accc, http, null);
    expect(mapAll(accc, result).ids).toHaveLength(3);
    expect(result.skipped).toHaveLength(3);
    expect(result.skipped?.[0]).toMatch(/zp-eb410: not a recall notice page; its RSS item is kept/);
    expect(result.skipped?.[2]).toMatch(/kitchenly-glass-storage-set: .*HTTP 503; its RSS item is kept/);
  });

  it('reads at most maxItems notice pages per run', async () => {
    const http = site();
    const result = await walk(accc, http, null, { maxItems: 1 });
    expect(http.requests).toHaveLength(2);
    expect(mapAll(accc, result).ids).toHaveLength(3);
    expect(result.skipped).toHaveLength(1);
  });

  it('leaves the rest for the next run after three unreadable pages in a row', async () => {
    const items = Array.from(
      { length: 6 },
      (_, i) =>
        `<item><title>Item ${i}</title><link>https://www.productsafety.gov.au/recalls/item-${i}</link><description>PRA 2026/3000${i}</description><pubDate>Mon, 06 Oct 2026 11:00:00 +1100</pubDate></item>`,
    ).join('');
    const rss = `<rss version="2.0"><channel><link>https://www.productsafety.gov.au/</link>${items}</channel></rss>`;
    const http = new FakeHttp(({ url }) => (url.pathname === RSS ? { body: rss } : { status: 404 }));
    const result = await walk(accc, http, null);
    expect(http.requests).toHaveLength(4);
    expect(mapAll(accc, result).ids).toHaveLength(6);
  });

  it('without a bound given, reads ACCC_MAX_NOTICES notice pages, newest first, and keeps every item', async () => {
    const items = Array.from(
      { length: ACCC_MAX_NOTICES + 5 },
      (_, i) =>
        `<item><title>Item ${i}</title><link>https://www.productsafety.gov.au/recalls/item-${i}</link><description>PRA 2026/4${String(i).padStart(4, '0')}</description><pubDate>Mon, 06 Oct 2026 11:00:00 +1100</pubDate></item>`,
    ).join('');
    const rss = `<rss version="2.0"><channel><link>https://www.productsafety.gov.au/</link>${items}</channel></rss>`;
    const notice = text('accc/notice-kitchenly-glass-storage-set.html');
    const http = new FakeHttp(({ url }) => ({ body: url.pathname === RSS ? rss : notice }));
    const result = await walk(accc, http, null);
    expect(http.requests).toHaveLength(1 + ACCC_MAX_NOTICES);
    expect(http.paths()[1]).toBe('GET /recalls/item-0');
    expect(mapAll(accc, result).ids).toHaveLength(ACCC_MAX_NOTICES + 5);
  });

  it('on an incremental run hands on and reads the pages of only the items from a day before the cursor', async () => {
    const http = site();
    const result = await walk(accc, http, '2026-10-11');
    expect(http.paths()).toEqual([
      `GET ${RSS}`,
      'GET /recalls/zephyra-home-pty-ltd-zephyra-single-electric-blanket-zp-eb410',
      'GET /recalls/racecub-toys-pty-ltd-racecub-ride-on-car-rc-88',
    ]);
    expect(mapAll(accc, result).ids).toEqual(['accc:2026/21345', 'accc:2026/21299']);
    expect(result.cursor).toBe('2026-10-14');
  });
});

describe('SAMR sync', () => {
  const LIST = 'https://www.samrdprc.org.cn/xfpzh/';
  const pages: Record<string, string> = {
    '/xfpzh/': text('samr/list.html'),
    '/xfpzh/xfpzhgg/202603/t20260305_0001.html': text('samr/notice-labelled.html'),
    '/xfpzh/xfpzhgg/202601/t20260112_0002.html': text('samr/notice-prose.html'),
  };
  const site = () =>
    new FakeHttp(({ url }) => (pages[url.pathname] ? { body: pages[url.pathname] } : { status: 404 }));

  it('reads notice links and their dates from a list page, on the site only', () => {
    expect(listedNotices(text('samr/list.html'), LIST)).toEqual([
      { url: `${LIST}xfpzhgg/202603/t20260305_0001.html`, day: '2026-03-05' },
      { url: `${LIST}xfpzhgg/202601/t20260112_0002.html`, day: '2026-01-12' },
      { url: `${LIST}xfpzhgg/202512/t20251201_0003.html`, day: '2025-12-01' },
    ]);
  });

  it('fetches the notices listed, names one that is gone, and stops at the list end', async () => {
    const http = site();
    const result = await walk(samr, http, null);
    expect(mapAll(samr, result).ids).toEqual(['samr:h-8e9de030', 'samr:SAMR-XF-2026-0412']);
    expect(result.skipped).toEqual([`${LIST}xfpzhgg/202512/t20251201_0003.html: HTTP 404`]);
    expect(http.paths().at(-1)).toBe('GET /xfpzh/index_1.html');
    expect(result.cursor).toBe('2026-03-05');
  });

  it('stops at notices listed before a day earlier than the cursor, and at the item bound', async () => {
    const since = site();
    const result = await walk(samr, since, '2026-02-01');
    expect(since.paths()).toEqual(['GET /xfpzh/', 'GET /xfpzh/xfpzhgg/202603/t20260305_0001.html']);
    expect(mapAll(samr, result).ids).toEqual(['samr:SAMR-XF-2026-0412']);
    const bounded = site();
    await walk(samr, bounded, null, { maxItems: 1 });
    expect(bounded.requests).toHaveLength(2);
  });

  it('fails the run when the list page has no notice links', async () => {
    await expect(
      walk(samr, new FakeHttp(() => ({ body: '<html><body>验证码</body></html>' })), null),
    ).rejects.toThrow(/no notice links/);
  });
});
