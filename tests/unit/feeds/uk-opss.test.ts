import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSharedData } from '../../../scripts/lib/shared-data';
import { buildSnapshot } from '../../../utils/feeds/snapshot';
import ukOpss from '../../../utils/feeds/uk-opss';
import { contentApiUrl } from '../../../utils/feeds/uk-opss/sync';
import { Recall } from '../../../utils/schemas';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const read = (path: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));
const fixture = (name: string) => read(`../../fixtures/feeds/uk-opss/${name}`);

function recallOf(data: unknown, id: string): Recall {
  const recall = ukOpss.map(data, NOW).recalls.find((r) => r.id === id);
  if (!recall) throw new Error(`${id} was not mapped`);
  return recall;
}

describe('the UK OPSS mapper', () => {
  it('maps one content item into a strict Recall', () => {
    const result = ukOpss.map(fixture('content-item.json'), NOW);
    expect(result).toMatchObject({ source: 'uk-opss', skipped: [] });
    expect(result.recalls).toHaveLength(1);
    const recall = result.recalls[0] as Recall;
    expect(Recall.parse(recall)).toEqual(recall);
    expect(recall).toMatchObject({
      id: 'uk-opss:2610-0412',
      jurisdiction: 'GB',
      recallNumber: '2610-0412',
      title: 'Product Recall: GlowPal Night Light sold by Brightmart (2610-0412)',
      url: 'https://www.gov.uk/product-safety-alerts-reports-recalls/product-recall-glowpal-night-light-sold-by-brightmart-2610-0412',
      published: '2026-10-14',
      updated: '2026-10-14',
      status: 'active',
      hazard: 'The product presents a serious risk of electric shock as live parts are accessible.',
      remedy: 'The product has been recalled from end users by Brightmart.',
      remedyOptions: ['Recall of the product from end users'],
      soldAt: 'Brightmart',
      countryOfOrigin: ['China'],
    });
  });

  it('reads the barcode row of the product table', () => {
    const product = recallOf(fixture('content-item.json'), 'uk-opss:2610-0412').products[0];
    expect(product?.gtins).toEqual(['05060012345679']);
    expect(product?.identifiers).toContainEqual({
      field: 'gtin',
      value: '5060012345679',
      source: 'structured',
      origin: 'Barcode',
    });
  });

  it('reads brand, models split on a spaced slash, and listed batches as lots', () => {
    const product = recallOf(fixture('content-item.json'), 'uk-opss:2610-0412').products[0];
    expect(product).toMatchObject({
      name: 'GlowPal Night Light',
      brands: ['GlowPal'],
      models: ['GP-NL300', 'GP-NL310'],
      lots: ['2504A', '2505B'],
    });
  });

  it('takes the seller a title names ("sold by Brightmart") as soldAt, never as a brand', () => {
    const recall = recallOf(fixture('content-item.json'), 'uk-opss:2610-0412');
    expect(recall.products[0]?.brands).not.toContain('Brightmart');
  });

  it('converts public_updated_at with its +01:00 offset into a UTC version stamp', () => {
    expect(recallOf(fixture('content-item.json'), 'uk-opss:2610-0412').version).toBe('2026-10-14T13:05:10');
  });

  it('keeps image attachments and leaves the product-report PDF out of images', () => {
    expect(recallOf(fixture('content-item.json'), 'uk-opss:2610-0412').images).toEqual([
      {
        url: 'https://assets.publishing.service.gov.uk/media/000/glowpal.jpg',
        caption: 'GlowPal Night Light',
      },
    ]);
  });

  it('reads a {"results": [...]} bundle, a body sent as a list of renderings, and one product per table', () => {
    const recall = recallOf(fixture('bundle.json'), 'uk-opss:2609-0187');
    expect(recall.remedyOptions).toEqual([
      'Import rejected at the border',
      'Removal of the listing by the online marketplace',
    ]);
    expect(recall.products.map((p) => p.name)).toEqual([
      'Three-wheel kick scooter for children, pink deck',
      'Kiddo Cruiser Helmet',
    ]);
    const [scooter, helmet] = recall.products;
    expect(scooter).toMatchObject({ brands: ['Kiddo Cruiser'], gtins: ['06971234567895'], models: [] });
    expect(helmet).toMatchObject({ brands: ['Kiddo Cruiser'], gtins: [], rawGtins: [], models: ['KCH-02'] });
  });

  it('does not make a recall lot-specific when its batches are followed by "(All batches)"', () => {
    const scooter = recallOf(fixture('bundle.json'), 'uk-opss:2609-0187').products[0];
    expect(scooter?.lots).toEqual([]);
    expect(scooter?.identifiers.filter((i) => i.field === 'lot').map((i) => i.value)).toEqual([
      'KC2201',
      'KC2202',
    ]);
  });

  it('falls back to the base_path id without a PSD number, and reads a withdrawn notice as withdrawn', () => {
    const recall = recallOf(
      fixture('bundle.json'),
      'uk-opss:product-safety-alerts-reports-recalls/product-safety-alert-heatwise-oil-filled-radiator',
    );
    expect(recall).toMatchObject({
      recallNumber: null,
      status: 'withdrawn',
      remedyOptions: ['Warning consumers of the risks'],
      countryOfOrigin: ['Turkey'],
    });
    expect(recall.products[0]).toMatchObject({
      gtins: ['05012345678900'],
      rawGtins: ['5012345678901'],
      lots: [],
      dateRanges: [
        {
          kind: 'manufactured',
          from: '2025-01',
          to: '2025-03',
          text: 'Manufactured from January 2025 through March 2025',
        },
      ],
    });
  });

  it('skips and counts a malformed record without dropping the rest', () => {
    const result = ukOpss.map(fixture('malformed-array.json'), NOW);
    expect(result.recalls.map((r) => r.id)).toEqual(['uk-opss:2610-0412']);
    expect(result.skipped).toEqual([
      {
        index: 0,
        nativeId: '2610-0412',
        reason: 'item 0 (2610-0412): superseded by item 5, updated later (2026-10-14T13:05:10)',
      },
      {
        index: 1,
        nativeId: '2609-0187',
        reason: 'item 1 (2609-0187): unreadable item: details.body: Invalid input',
      },
      {
        index: 2,
        nativeId: '2608-0099',
        reason: 'item 2 (2608-0099): a search result, not a content item (fetch /api/content + its link)',
      },
      { index: 3, nativeId: null, reason: 'item 3: not an OPSS content item (string)' },
      { index: 4, nativeId: null, reason: 'item 4: neither a PSD notification number nor a base_path' },
    ]);
  });

  it('refuses a search response, which has no identifiers, and says what to fetch instead', () => {
    expect(ukOpss.detect(fixture('search.json'))).toBe(true);
    expect(() => ukOpss.map(fixture('search.json'), NOW)).toThrow(/GOV\.UK search response.*content API/);
    expect(contentApiUrl('/product-safety-alerts-reports-recalls/product-recall-x-2608-0099')).toBe(
      'https://www.gov.uk/api/content/product-safety-alerts-reports-recalls/product-recall-x-2608-0099',
    );
    expect(() => contentApiUrl('/government/news')).toThrow(/not a notice link/);
  });

  it('describes the search URL of a sync without fetching anything', () => {
    const url = new URL(ukOpss.endpoint?.buildUrl('2026-11-01') ?? '');
    expect(url.origin + url.pathname).toBe('https://www.gov.uk/api/search.json');
    expect(url.searchParams.get('filter_format')).toBe('product_safety_alert_report_recall');
    expect(url.searchParams.get('filter_public_timestamp')).toBe('from:2026-11-01');
    expect(new URL(ukOpss.endpoint?.buildUrl(null) ?? '').searchParams.has('filter_public_timestamp')).toBe(
      false,
    );
    expect(() => ukOpss.endpoint?.buildUrl('1 Nov')).toThrow(/YYYY-MM-DD/);
  });

  it('recognises OPSS items and bundles, and does not claim other feeds’ shapes', () => {
    for (const name of ['content-item.json', 'bundle.json', 'malformed-array.json'])
      expect(ukOpss.detect(fixture(name)), name).toBe(true);
    const cpscPage = read('../../fixtures/feeds/cpsc/recalls-page.json');
    const negatives: unknown[] = [
      cpscPage,
      read('../../fixtures/feeds/cpsc/error-record.json'),
      read('../../../scripts/demo-store/data/cpsc-demo.json'),
      buildSnapshot([], NOW.now),
      { results: [] },
      [],
      { meta: { results: { total: 1 } }, results: [{ recall_number: 'H-0001-2026' }] },
      { total_count: 1, results: [{ rappel_guid: 'x', numero_fiche: '2026-10-0007' }] },
      [{ NID: '12345', Title: 'A recall' }],
      { id: 10118970, reference: 'SR/02645/26', product: {} },
      { content: [{ id: 1, reference: 'SR/1/26' }], totalPages: 1 },
      '<rss version="2.0"><channel></channel></rss>',
      null,
    ];
    for (const data of negatives) expect(ukOpss.detect(data)).toBe(false);
  });
});

// The real GOV.UK responses saved under ../shared/data: a missing folder skips here, and fails under CI.
const REAL = findSharedData('uk-opss/open-recall-format');

describe.skipIf(!REAL)('the UK OPSS mapper on the real saved responses', () => {
  const dir = REAL as string;
  it('finds barcode 5052089365995 in the mapped gtins of the baby spinner recall', () => {
    const data: unknown = JSON.parse(readFileSync(join(dir, 'recall-baby-spinner.json'), 'utf8'));
    expect(ukOpss.detect(data)).toBe(true);
    const result = ukOpss.map(data, NOW);
    expect(result.skipped).toEqual([]);
    const recall = result.recalls[0];
    expect(recall).toMatchObject({
      id: 'uk-opss:2609-0229',
      recallNumber: '2609-0229',
      published: '2026-10-02',
      soldAt: 'The Works',
      countryOfOrigin: ['China'],
    });
    expect(recall?.products[0]?.gtins).toContain('05052089365995');
    expect(recall?.products[0]?.brands).toEqual(['Playworks']);
    // "(All batches)": the nine listed batches do not restrict the recall.
    expect(recall?.products[0]?.lots).toEqual([]);
  });

  it('refuses the saved search response rather than mapping records without identifiers', () => {
    const files = readdirSync(dir).filter((f) => f.startsWith('search'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const data: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect(ukOpss.detect(data), file).toBe(true);
      expect(() => ukOpss.map(data, NOW), file).toThrow(/search response/);
    }
  });
});
