import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import accc from '../../../utils/feeds/accc';
import { readNoticePage } from '../../../utils/feeds/accc/notice-page';
import { noticeUrl } from '../../../utils/feeds/accc/site';
import { ACCC_NOTICES_FORMAT } from '../../../utils/feeds/accc/sync';
import { buildSnapshot } from '../../../utils/feeds/snapshot';
import { Recall } from '../../../utils/schemas';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const xml = (name: string) => readFileSync(path(`../../fixtures/feeds/accc/${name}`), 'utf8');
const json = (p: string): unknown => JSON.parse(readFileSync(path(p), 'utf8'));

function recallOf(id: string, name = 'recalls.xml'): Recall {
  const recall = accc.map(xml(name), NOW).recalls.find((r) => r.id === id);
  if (!recall) throw new Error(`${id} was not mapped`);
  return recall;
}

describe('the ACCC mapper', () => {
  it('maps every item of the feed into a strict Recall, ids from the PRA number', () => {
    const result = accc.map(xml('recalls.xml'), NOW);
    expect(result.skipped).toEqual([]);
    expect(result.recalls.map((r) => r.id)).toEqual([
      'accc:2026/21345',
      'accc:2026/21299',
      'accc:2026/21250',
    ]);
    for (const recall of result.recalls) expect(Recall.parse(recall)).toEqual(recall);
  });

  it('splits the "<Supplier> — <Product>" title into the manufacturer and the product name', () => {
    const recall = recallOf('accc:2026/21345');
    expect(recall).toMatchObject({
      jurisdiction: 'AU',
      recallNumber: '2026/21345',
      url: 'https://www.productsafety.gov.au/recalls/zephyra-home-pty-ltd-zephyra-single-electric-blanket-zp-eb410',
      manufacturers: ['Zephyra Home Pty Ltd'],
      hazard: 'If the controller overheats, there is a risk of fire, serious injury or death.',
      remedy:
        'Consumers should immediately stop using the blanket and return it to the place of purchase for a full refund.',
      remedyOptions: ['Refund'],
      soldAt: 'Homeware Barn, Snugglebuy Online; Nationally, Online',
      images: [
        {
          url: 'https://www.productsafety.gov.au/sites/default/files/zephyra-blanket.jpg',
          caption: 'Zephyra electric blanket & controller',
        },
      ],
    });
    expect(recall.products[0]?.name).toBe('Zephyra Single Electric Blanket ZP-EB410');
  });

  it('reads the pubDate as the Australian day and a UTC version stamp', () => {
    expect(recallOf('accc:2026/21345')).toMatchObject({
      published: '2026-10-14',
      version: '2026-10-13T22:12:00',
    });
  });

  it('reads the identifying-numbers table: model, batches and a barcode printed with spaces', () => {
    const product = recallOf('accc:2026/21345').products[0];
    expect(product).toMatchObject({
      brands: ['Zephyra', 'Zephyra Home Pty Ltd'],
      models: ['ZP-EB410'],
      gtins: ['09312345678907'],
      lots: ['B2409', 'B2410'],
    });
    expect(product?.identifiers).toContainEqual({
      field: 'gtin',
      value: '9 312345 67890 7',
      source: 'structured',
      origin: 'Identifying numbers',
    });
  });

  it('reads day-first sale dates as a sold period, "to present" as open-ended', () => {
    expect(recallOf('accc:2026/21345').products[0]?.dateRanges).toEqual([
      { kind: 'sold', from: '2025-03-01', to: '2026-10-14', text: '1 March 2025 - 14 October 2026' },
    ]);
    expect(recallOf('accc:2026/21299').products[0]?.dateRanges).toEqual([
      { kind: 'sold', from: '2026-02-03', to: null, text: '03/02/2026 to present' },
    ]);
  });

  it('reads "Details to help identify the product", an APN as a barcode, and "All batches" as no lot', () => {
    const product = recallOf('accc:2026/21299').products[0];
    expect(product).toMatchObject({ models: ['RC-88', 'RC-88B'], gtins: ['09350123456781'], lots: [] });
    expect(recallOf('accc:2026/21299').remedyOptions).toEqual(['Replace']);
  });

  it('finds a model printed only in the product description', () => {
    expect(recallOf('accc:2026/21250').products[0]?.models).toEqual(['GL-4SET']);
  });

  it('skips and counts a malformed record without dropping the rest', () => {
    const result = accc.map(xml('malformed.xml'), NOW);
    expect(result.recalls.map((r) => r.id)).toEqual(['accc:2026/21345', 'accc:2026/21299']);
    expect(result.skipped).toEqual([
      { index: 1, nativeId: null, reason: 'item 1: no PRA number, guid or link' },
      { index: 2, nativeId: '21111', reason: 'item 2 (21111): neither a title nor a description' },
      { index: 3, nativeId: '2026/21345', reason: 'item 3 (2026/21345): duplicate of item 0' },
    ]);
  });

  it('refuses a parsed JSON value or a non-RSS text with a clear error', () => {
    expect(() => accc.map({ items: [] }, NOW)).toThrow(/RSS XML as a string/);
    expect(() => accc.map('<html></html>', NOW)).toThrow(/not an RSS 2.0 channel/);
  });

  it('gives the feed URL for a sync, with no date filter to add', () => {
    expect(accc.endpoint?.buildUrl('2026-11-01')).toBe(
      'https://www.productsafety.gov.au/rss/feed.xml/psa_recall',
    );
    expect(accc.endpoint?.buildUrl(null)).toBe('https://www.productsafety.gov.au/rss/feed.xml/psa_recall');
    expect(() => accc.endpoint?.buildUrl('Nov 1')).toThrow(/YYYY-MM-DD/);
  });

  it('recognises the ACCC feed and does not claim other feeds’ shapes or other RSS feeds', () => {
    expect(accc.detect(xml('recalls.xml'))).toBe(true);
    expect(accc.detect(`\uFEFF${xml('malformed.xml')}`)).toBe(true);
    const negatives: unknown[] = [
      json('../../fixtures/feeds/cpsc/recalls-page.json'),
      json('../../../scripts/demo-store/data/cpsc-demo.json'),
      buildSnapshot([], NOW.now),
      { meta: {}, results: [{ recall_number: 'H-0001-2026' }] },
      { total_count: 1, results: [{ rappel_guid: 'x' }] },
      '<?xml version="1.0"?><rss version="2.0"><channel><link>https://public.opendatasoft.com/</link><item><link>https://public.opendatasoft.com/x</link></item></channel></rss>',
      '<html><body class="TRS_Editor">productsafety.gov.au</body></html>',
      'text',
      null,
    ];
    for (const data of negatives) expect(accc.detect(data)).toBe(false);
  });
});

describe('the ACCC notice page', () => {
  const page = () => xml('notice-kitchenly-glass-storage-set.html');
  const KITCHENLY = 'https://www.productsafety.gov.au/recalls/kitchenly-glass-storage-set';
  const withNotices = (notices: Record<string, unknown>, since: string | null = null) => ({
    format: ACCC_NOTICES_FORMAT,
    rss: xml('recalls.xml'),
    since,
    notices,
  });

  it('reads the brand, the identifying details (label and value on separate lines) and the sale dates', () => {
    expect(readNoticePage(page())).toEqual({
      brands: ['Kitchenly'],
      identify: [
        'Model number: GL-4SET, GL-6SET',
        'Batch numbers: 2407K and 2408K',
        'Barcode: 9350000123454',
        'Barcode: 9350000998878',
        'The batch number is printed on the base of each container.',
      ],
      dates: '12 January 2026 - 3 October 2026',
    });
  });

  it('ends a section at any heading, so related recalls, the footer and scripts add nothing', () => {
    const identify = readNoticePage(page())?.identify.join('\n') ?? '';
    expect(identify).not.toMatch(/9312345000128|FOOTER-9000|NOT-A-MODEL-1|Related recalls/);
  });

  it('reads an "Identifying numbers" table as "label | value" rows', () => {
    const html =
      '<html><body><main><h2>Identifying numbers</h2><table><tr><td>Barcode</td><td>9 350000 123454</td></tr>' +
      '<tr><td>Model</td><td>GL-4SET</td></tr></table><h2>Images</h2><p>Barcode | 9312345000128</p></main></body></html>';
    expect(readNoticePage(html)?.identify).toEqual(['Barcode: 9 350000 123454', 'Model | GL-4SET']);
  });

  it('is no notice page when the text is RSS, a maintenance page or has no section it knows', () => {
    expect(readNoticePage(xml('recalls.xml'))).toBeNull();
    expect(readNoticePage('<html><body><h1>Down for maintenance</h1></body></html>')).toBeNull();
    expect(readNoticePage('Brand: Kitchenly')).toBeNull();
  });

  it('names the notice page of a link on productsafety.gov.au only, on the feed origin', () => {
    expect(noticeUrl(' http://productsafety.gov.au/recalls/kitchenly-glass-storage-set ')).toBe(KITCHENLY);
    expect(noticeUrl('/search-consumer-product-recalls/kitchenly-glass-storage-set')).toBe(
      'https://www.productsafety.gov.au/search-consumer-product-recalls/kitchenly-glass-storage-set',
    );
    for (const link of [
      'https://evil.example/recalls/kitchenly-glass-storage-set',
      'https://www.productsafety.gov.au/news/recall-roundup',
      'https://www.productsafety.gov.au/recalls',
      'javascript:alert(1)',
      null,
    ])
      expect(noticeUrl(link)).toBeNull();
  });

  it('merges the page into its item: the page barcode reaches gtins, with brand, models, lots and sale dates', () => {
    const result = accc.map(withNotices({ [KITCHENLY]: readNoticePage(page()) }), NOW);
    expect(result.skipped).toEqual([]);
    const recall = result.recalls.find((r) => r.id === 'accc:2026/21250');
    expect(recall?.products[0]).toMatchObject({
      brands: ['Kitchenly'],
      models: ['GL-4SET', 'GL-6SET'],
      gtins: ['09350000123454', '09350000998878'],
      rawGtins: [],
      lots: ['2407K', '2408K'],
      dateRanges: [
        { kind: 'sold', from: '2026-01-12', to: '2026-10-03', text: '12 January 2026 - 3 October 2026' },
      ],
    });
    expect(recall?.products[0]?.identifiers).toContainEqual({
      field: 'gtin',
      value: '9350000123454',
      source: 'structured',
      origin: 'Notice page: Identifying numbers',
    });
    expect(accc.detect(withNotices({ [KITCHENLY]: readNoticePage(page()) }))).toBe(true);
  });

  it('maps the other items of a document with pages exactly as the plain RSS maps them', () => {
    const plain = accc.map(xml('recalls.xml'), NOW).recalls;
    const merged = accc.map(withNotices({ [KITCHENLY]: readNoticePage(page()) }), NOW).recalls;
    expect(merged.filter((r) => r.id !== 'accc:2026/21250')).toEqual(
      plain.filter((r) => r.id !== 'accc:2026/21250'),
    );
    expect(accc.map(withNotices({}), NOW).recalls).toEqual(plain);
  });

  it('leaves out the items published before the day an incremental run starts from', () => {
    const ids = accc.map(withNotices({}, '2026-10-10'), NOW).recalls.map((r) => r.id);
    expect(ids).toEqual(['accc:2026/21345', 'accc:2026/21299']);
  });

  it('refuses a document with pages that is not the sync format', () => {
    expect(() => accc.map({ format: ACCC_NOTICES_FORMAT, rss: 1, notices: {} }, NOW)).toThrow(
      /RSS XML as a string/,
    );
    expect(accc.detect({ format: ACCC_NOTICES_FORMAT, rss: '<html></html>', since: null, notices: {} })).toBe(
      false,
    );
  });
});
