/**
 * Listing pages on the marketplaces, audited by their addresses: the pasted list checked line by line,
 * each page fetched politely and read by its marketplace's adapter. The pages are the real saved ones in
 * ../shared/data/real-pages (eBay, JD, Etsy), served by a fake fetch at the addresses they were saved
 * from, plus our hand-made Amazon robot-check fixture (a page with no product).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStarterIndex } from '../../../scripts/commands/audit-index';
import { parseHtml } from '../../../scripts/lib/html';
import { findSharedData } from '../../../scripts/lib/shared-data';
import { auditRows } from '../../../utils/audit/audit';
import {
  fetchListingPage,
  hostPatterns,
  type ListingReadDeps,
  listingCatalog,
  listingRow,
  parseListingUrls,
  readListingPages,
} from '../../../utils/audit/listing-pages';
import { adapters, extractPage } from '../../../utils/marketplaces';
import { identity } from '../support/factories';

const REAL = findSharedData('real-pages');
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/pages');

const EBAY = 'https://www.ebay.com/itm/226771798286';
const JD = 'https://item.jd.com/1020565583.html';
const ETSY = 'https://www.etsy.com/listing/1394647088/stacking-blocks-set-of-4';
const ROBOT = 'https://www.amazon.com/dp/B0DEMO0001';
const GONE = 'https://www.ebay.com/itm/226700000000';

describe('the pasted list', () => {
  it('takes the product listings of supported marketplaces, and says per line why it skips the rest', () => {
    const list = parseListingUrls(
      [
        EBAY,
        '',
        'https://www.amazon.com/s?k=power+station',
        'https://example.com/products/lamp',
        'my shop',
        'http://www.ebay.com/itm/226771798286',
        `${EBAY}#specs`,
        'https://www.etsy.com/shop/BlockHouse',
        JD,
      ].join('\n'),
      adapters,
    );
    expect(list.pages).toEqual([
      { line: 1, url: EBAY, host: 'www.ebay.com', marketplace: 'eBay' },
      { line: 9, url: JD, host: 'item.jd.com', marketplace: 'JD.com' },
    ]);
    expect(list.problems.map((p) => p.message)).toEqual([
      "line 3: https://www.amazon.com/s?k=power+station is not a product listing on Amazon (a listing's own page is needed)",
      'line 4: example.com is not a marketplace Recall Sentinel reads (a Shopify store is scanned above)',
      'line 5: "my shop" is not a web address',
      'line 6: http://www.ebay.com/itm/226771798286 is not an https address',
      'line 7: repeats line 1',
      "line 8: https://www.etsy.com/shop/BlockHouse is not a product listing on Etsy (a listing's own page is needed)",
    ]);
    expect(list.problems.every((p) => p.skipped)).toBe(true);
  });

  it('asks for each host of the list once, and for no other', () => {
    const { pages } = parseListingUrls(`${EBAY}\n${GONE}\n${JD}`, adapters);
    expect(hostPatterns(pages)).toEqual(['https://www.ebay.com/*', 'https://item.jd.com/*']);
  });
});

describe('a listing page as a catalog row', () => {
  it('keeps the codes as printed, the models, title, brand and maker, and the item id (as the ASIN on Amazon)', () => {
    expect(
      listingRow(
        identity({
          url: 'https://www.amazon.com/dp/B0CZ1',
          itemId: 'B0CZ1',
          title: 'Predator 2000 Watt Portable Power Station',
          brand: 'Predator',
          models: ['PS2000'],
          gtins: ['00193175488718'],
          rawGtins: ['193175488718'],
        }),
      ),
    ).toEqual({
      url: 'https://www.amazon.com/dp/B0CZ1',
      barcode: '193175488718',
      model: 'PS2000',
      title: 'Predator 2000 Watt Portable Power Station',
      brand: 'Predator',
      sku: 'B0CZ1',
      asin: 'B0CZ1',
    });
  });

  it('is audited like a file row: a listing with the real UPC of CPSC 25-366 is a confirmed finding', async () => {
    const { index } = await loadStarterIndex();
    const values = listingRow(
      identity({ marketplace: 'ebay', itemId: '1', title: 'Power station', rawGtins: ['193175488718'] }),
    );
    const catalog = listingCatalog({ rows: [{ row: 1, values }], problems: [] });
    const result = auditRows(catalog.rows, catalog.mapping, index);
    expect(result.findings.map((f) => [f.tier, f.recallId, f.sku])).toEqual([
      ['confirmed', 'cpsc:25-366', '1'],
    ]);
  }, 60_000);
});

describe('fetching a listing page', () => {
  const never = new AbortController().signal;
  const answer = (body: BodyInit, init: ResponseInit) => async () => new Response(body, init);

  it('decodes an HTML page by its declared charset, without cookies or referrer', async () => {
    let asked: RequestInit | undefined;
    const gbk = Uint8Array.from([0xc1, 0xbc, 0xc6, 0xb7]); // 良品 in GBK
    const page = await fetchListingPage(JD, never, async (_url, init) => {
      asked = init;
      return new Response(gbk, { headers: { 'content-type': 'text/html; charset=gbk' } });
    });
    expect(page.html).toBe('良品');
    expect(asked).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('says why a page could not be read: an HTTP error, not a web page, too large', async () => {
    await expect(fetchListingPage(GONE, never, answer('gone', { status: 410 }))).rejects.toThrow('HTTP 410');
    await expect(
      fetchListingPage(EBAY, never, answer('{}', { headers: { 'content-type': 'application/json' } })),
    ).rejects.toThrow('the answer is not a web page (application/json)');
    await expect(
      fetchListingPage(EBAY, never, answer('x'.repeat(2048), { headers: { 'content-type': 'text/html' } }), {
        timeoutMs: 1000,
        maxBytes: 1024,
      }),
    ).rejects.toThrow(/larger than/);
  });
});

describe.skipIf(!REAL)('reading the listings of a list', () => {
  const pages: Record<string, string> = {};
  beforeAll(() => {
    const real = (file: string) => readFileSync(path.join(REAL as string, file), 'latin1');
    pages[EBAY] = real('ebay/item-2025-rtx5090-fe.html');
    pages[JD] = real('jd/item-2018-liangpinpuzi-pine-nuts.html');
    pages[ETSY] = real('etsy/listing-2026-stacking-blocks.html');
    pages[ROBOT] = readFileSync(path.join(FIXTURES, 'amazon/robot-check.html'), 'latin1');
  });

  function deps(signal = new AbortController().signal) {
    const fetched: string[] = [];
    const slept: number[] = [];
    const d: ListingReadDeps = {
      // The real pages' bytes, decoded as the page decodes a fetched page (decodeHtml via fetchListingPage).
      fetchPage: (url, s) =>
        fetchListingPage(url, s, async (u) => {
          fetched.push(String(u));
          const body = pages[String(u)];
          return body === undefined
            ? new Response('Internal Server Error', { status: 500 })
            : new Response(Buffer.from(body, 'latin1'), { headers: { 'content-type': 'text/html' } });
        }),
      extract: (html, url) => extractPage(parseHtml(html, url.href), url),
      sleep: async (ms) => {
        slept.push(ms);
      },
      signal,
    };
    return { d, fetched, slept };
  }

  it('reads each page with its marketplace adapter, and names the lines that failed', async () => {
    const list = parseListingUrls([EBAY, JD, ROBOT, GONE, ETSY].join('\n'), adapters);
    const { d, fetched, slept } = deps();
    const read = await readListingPages(list.pages, d);
    expect(read.cancelled).toBe(false);
    expect(read.done).toBe(5);
    expect(
      read.rows.map((r) => [r.row, r.values.sku, r.values.brand ?? null, r.values.model ?? null]),
    ).toEqual([
      [1, '226771798286', 'NVIDIA', '900-1G136-2510-000'],
      [2, '1020565583', '良品铺子', 'ZH11015001'],
      [5, '1394647088', null, null],
    ]);
    expect(read.rows[1]?.values.title).toMatch(/松子/);
    expect(read.problems.map((p) => p.message)).toEqual([
      `line 3: ${ROBOT}: no product on the page (a login wall, a robot check, or the listing has ended)`,
      `line 4: ${GONE}: HTTP 500`,
    ]);
    expect(new Set(fetched)).toEqual(new Set([EBAY, JD, ROBOT, GONE, ETSY]));
    // A pause before the second page of a host (www.ebay.com), none before the first of each.
    expect(slept).toEqual([1000]);
    const catalog = listingCatalog(read, list.problems);
    expect(catalog.format).toBe('marketplace-listings');
    expect(catalog.problems.map((p) => p.row)).toEqual([3, 4]);
  });

  it('stops when cancelled and keeps what was read', async () => {
    const controller = new AbortController();
    const list = parseListingUrls([EBAY, GONE].join('\n'), adapters);
    const { d } = deps(controller.signal);
    d.hostsAtOnce = 1;
    d.sleep = async () => {
      controller.abort();
      throw controller.signal.reason;
    };
    const read = await readListingPages(list.pages, d);
    expect(read).toMatchObject({ cancelled: true, done: 1 });
    expect(read.rows.map((r) => r.values.sku)).toEqual(['226771798286']);
  });
});
