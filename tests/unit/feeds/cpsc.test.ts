import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import cpsc from '../../../utils/feeds/cpsc';
import { readGtin } from '../../../utils/identity/gtin';
import { Recall } from '../../../utils/schemas';
import { sharedSample } from './shared-sample';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/cpsc/${name}`, import.meta.url)), 'utf8'),
  );
const demo = (): unknown =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../../scripts/demo-store/data/cpsc-demo.json', import.meta.url)),
      'utf8',
    ),
  );

function recallOf(data: unknown, id: string): Recall {
  const recall = cpsc.map(data, NOW).recalls.find((r) => r.id === id);
  if (!recall) throw new Error(`${id} was not mapped`);
  return recall;
}
const productOf = (data: unknown, id: string) => recallOf(data, id).products[0];

describe('the CPSC mapper', () => {
  it('maps a normal page without skips, each record a strict Recall', () => {
    const result = cpsc.map(fixture('recalls-page.json'), NOW);
    expect(result.source).toBe('cpsc');
    expect(result.skipped).toEqual([]);
    expect(result.recalls.map((r) => r.id)).toEqual([
      'cpsc:91101',
      'cpsc:91102',
      'cpsc:91103',
      'cpsc:91104',
      'cpsc:91105',
      'cpsc:3120',
    ]);
    for (const recall of result.recalls) expect(Recall.parse(recall)).toEqual(recall);
  });

  it('maps the notice fields into the Recall shape', () => {
    const recall = recallOf(fixture('recalls-page.json'), 'cpsc:91101');
    expect(recall).toMatchObject({
      schemaVersion: 1,
      source: 'cpsc',
      jurisdiction: 'US',
      recallNumber: '26801',
      title: 'Brightwell Recalls Cordless Hot Glue Guns Due to Burn Hazard',
      url: 'https://www.cpsc.gov/Recalls/2026/Brightwell-Recalls-Cordless-Hot-Glue-Guns-Due-to-Burn-Hazard',
      published: '2026-09-03',
      updated: '2026-09-04',
      status: 'active',
      version: '2026-09-04T00:00:00',
      hazard:
        "The glue gun's nozzle can separate from the housing and release hot glue, posing a burn hazard.",
      remedy:
        'Consumers should immediately stop using the recalled glue guns and contact Brightwell for a full refund.',
      remedyOptions: ['Refund'],
      units: 'About 64,000',
      soldAt:
        'Craft stores nationwide and online at Amazon.com from February 2025 through July 2026 for between $20 and $35.',
      countryOfOrigin: ['China'],
      manufacturers: ['Brightwell Crafts, Inc.'],
      images: [
        {
          url: 'https://www.cpsc.gov/s3fs-public/brightwell-glue-gun-1.png',
          caption: 'Recalled Brightwell Cordless Hot Glue Gun model BW-GG20',
        },
      ],
    });
    expect(recall.products).toHaveLength(1);
    expect(recall.products[0]?.name).toBe('Brightwell Cordless Hot Glue Guns');
  });

  it('keeps a duplicated UPC once and an invalid-check-digit UPC as a raw string', () => {
    const product = productOf(fixture('recalls-page.json'), 'cpsc:91101');
    expect(product?.gtins).toEqual(['00810044120011', '00810044120028']);
    expect(product?.rawGtins).toEqual(['810044120036']);
    expect(product?.identifiers.filter((i) => i.origin === 'ProductUPCs')).toEqual([
      { field: 'gtin', value: '810044120011', source: 'structured', origin: 'ProductUPCs' },
      { field: 'gtin', value: '810044120028', source: 'structured', origin: 'ProductUPCs' },
      { field: 'rawGtin', value: '810044120036', source: 'structured', origin: 'ProductUPCs' },
    ]);
  });

  it('finds the model numbers printed in the description', () => {
    const product = productOf(fixture('recalls-page.json'), 'cpsc:91101');
    expect(product?.models).toEqual(['BW-GG20', 'BW-GG40']);
    expect(product?.identifiers.filter((i) => i.field === 'model')).toEqual([
      { field: 'model', value: 'BW-GG20', source: 'prose', origin: 'Description' },
      { field: 'model', value: 'BW-GG40', source: 'prose', origin: 'Description' },
      { field: 'model', value: 'BW-GG20', source: 'prose', origin: 'Images.Caption' },
    ]);
  });

  it('finds a UPC printed only in the description', () => {
    const product = productOf(fixture('recalls-page.json'), 'cpsc:91102');
    expect(product?.gtins).toEqual(['00061234567899']);
    expect(product?.identifiers.filter((i) => i.field === 'gtin')).toEqual([
      { field: 'gtin', value: '0 61234 56789 9', source: 'prose', origin: 'Description' },
    ]);
  });

  it('keeps the marketplace seller out of the brands, even when a firm line names it as a dba', () => {
    const recall = recallOf(fixture('recalls-page.json'), 'cpsc:91102');
    // Ferncliff is the product's own brand: the heading and the description lead with it.
    expect(recall.products[0]?.brands).toEqual(['Ferncliff', 'Zhejiang Yuntu Trading Co., Ltd.']);
    expect(recall.products[0]?.brands.join(' ')).not.toContain('NorthPeak');
  });

  it('reads dashed UPCs and the models of a flattened "Model/Item #" table', () => {
    const product = productOf(fixture('recalls-page.json'), 'cpsc:91103');
    expect(product?.gtins).toEqual(['00812345678901', '00812345678918', '00812345678925']);
    expect(product?.models).toEqual(['RK210', 'RK211', 'RK305']);
    expect(product?.identifiers).toContainEqual({
      field: 'gtin',
      value: '8-12345-67890-1',
      source: 'prose',
      origin: 'Description',
    });
    expect(product?.brands).toEqual(['Skylark', 'Skylark Hobby', 'Skylark Hobby Products LLC']);
  });

  it('finds a UPC printed only in an image caption, and encodes spaces in image URLs', () => {
    const recall = recallOf(fixture('recalls-page.json'), 'cpsc:91104');
    expect(recall.products[0]?.gtins).toEqual(['00612345000012']);
    expect(recall.products[0]?.identifiers).toContainEqual({
      field: 'gtin',
      value: '6 12345 00001 2',
      source: 'prose',
      origin: 'Images.Caption',
    });
    expect(recall.images[0]?.url).toBe('https://www.cpsc.gov/s3fs-public/glowbug%20night%20light.png');
  });

  it('mines lot numbers, date codes and the periods made and sold', () => {
    const product = productOf(fixture('recalls-page.json'), 'cpsc:91105');
    expect(product?.lots).toEqual(['2305A', '2306B', 'I0-2501515', '2605 through 2609']);
    expect(product?.identifiers.filter((i) => i.field === 'lot').map((i) => [i.value, i.origin])).toEqual([
      ['2305A', 'Description'],
      ['2306B', 'Description'],
      ['I0-2501515', 'Description'],
      ['2605 through 2609', 'Description'],
    ]);
    expect(product?.dateRanges).toEqual([
      {
        kind: 'manufactured',
        from: '2025-01',
        to: '2026-03',
        text: 'manufactured from January 2025 through March 2026',
      },
      { kind: 'sold', from: '2025-02', to: '2026-08', text: 'from February 2025 through August 2026' },
    ]);
  });

  it('reads an old record: no captions, a null ConsumerContact, a family of models that is no model', () => {
    const recall = recallOf(fixture('recalls-page.json'), 'cpsc:3120');
    expect(recall).toMatchObject({
      recallNumber: '14092',
      published: '2014-03-20',
      updated: '2016-05-11',
      version: '2016-05-11T00:00:00',
      images: [{ url: 'https://www.cpsc.gov/s3fs-public/harrow-heater.jpg', caption: null }],
    });
    expect(recall.products[0]?.models).toEqual([]);
    expect(recall.products[0]?.brands).toEqual(['Harrow', 'Harrow Heat']);
  });

  it('skips and counts a malformed record without dropping the rest', () => {
    const result = cpsc.map(fixture('malformed-page.json'), NOW);
    expect(result.recalls.map((r) => r.id)).toEqual(['cpsc:91101', 'cpsc:91104']);
    expect(result.skipped).toEqual([
      {
        index: 0,
        nativeId: '91101',
        reason: 'record 0 (RecallID 91101): superseded by record 7, published later (2026-09-18T00:00:00)',
      },
      {
        index: 1,
        nativeId: '91102',
        reason:
          'record 1 (RecallID 91102): unreadable record: Title: Invalid input: expected string, received number',
      },
      {
        index: 2,
        nativeId: '0',
        reason:
          "record 2 (RecallID 0): CPSC error record: Error retrieving Recalls: An error occurred while reading from the store provider's data reader. See the inner exception for details.",
      },
      {
        index: 3,
        nativeId: '91103',
        reason:
          'record 3 (RecallID 91103): unreadable record: Products: Invalid input: expected array, received object',
      },
      { index: 4, nativeId: null, reason: 'record 4: not a recall record (string)' },
      { index: 5, nativeId: null, reason: 'record 5: RecallID is missing' },
    ]);
  });

  it('keeps the later of two copies of one recall', () => {
    const recall = recallOf(fixture('malformed-page.json'), 'cpsc:91101');
    expect(recall.version).toBe('2026-09-18T00:00:00');
    expect(recall.remedy).toContain('free replacement glue gun');
  });

  it('treats an HTTP-200 error record as a feed error', () => {
    expect(() => cpsc.map(fixture('error-record.json'), NOW)).toThrow(
      /^CPSC feed returned an error record instead of recalls: Error retrieving Recalls: An error occurred/,
    );
  });

  it('reads an empty array as "no recalls", and refuses a document that is not an array', () => {
    expect(cpsc.map([], NOW)).toEqual({ source: 'cpsc', recalls: [], skipped: [] });
    expect(() => cpsc.map({ RecallID: 1 }, NOW)).toThrow(/expected a JSON array/);
  });

  it('accepts ids and UPCs sent as numbers, and skips a non-numeric RecallID', () => {
    const result = cpsc.map(
      [
        {
          RecallID: '501',
          RecallNumber: 3525,
          Title: 'Acme Recalls Kettles',
          ProductUPCs: [{ UPC: 80313081316 }],
        },
        { RecallID: 'abc', Title: 'Acme Recalls Kettles' },
      ],
      NOW,
    );
    expect(result.recalls[0]).toMatchObject({ id: 'cpsc:501', recallNumber: '03525' });
    expect(result.recalls[0]?.products[0]?.gtins).toEqual(['00080313081316']);
    expect(result.skipped.map((s) => s.reason)).toEqual(['record 1: RecallID is not a number: "abc"']);
  });

  it('maps the bundled demo dataset without skips', () => {
    const result = cpsc.map(demo(), NOW);
    expect(result.skipped).toEqual([]);
    expect(result.recalls.map((r) => [r.id, r.recallNumber, r.published])).toEqual([
      ['cpsc:90001', '27001', '2026-10-15'],
      ['cpsc:90002', '27002', '2026-10-22'],
      ['cpsc:90003', '27003', '2026-11-05'],
      ['cpsc:90004', '27004', '2026-09-30'],
    ]);
    const [stool, warmer, station, hoodie] = result.recalls.map((r) => r.products[0]);
    expect(stool).toMatchObject({
      // The product's own brand first, as the heading prints it after "Kettlebrook Recalls".
      brands: ['Kettlebrook CozyNest', 'CozyNest', 'Kettlebrook', 'Kettlebrook Home Goods, LLC'],
      gtins: ['00850012345671', '00850012345688'],
      models: ['KB-TS100', 'KB-TS100W'],
      rawGtins: [],
      lots: [],
    });
    expect(warmer).toMatchObject({
      brands: ['Lumora', 'Lumora Outdoor Co., Ltd.'],
      gtins: [],
      models: ['LM-HW5000'],
    });
    expect(station).toMatchObject({
      brands: ['Tidewater', 'Tidewater Energy Inc.'],
      gtins: ['00850043210016'],
      models: ['TW-PS500'],
      lots: ['2605 through 2609'],
    });
    expect(hoodie).toMatchObject({
      brands: ['Pebble & Pine', 'Pebble & Pine Apparel LLC'],
      gtins: [],
      rawGtins: [],
      models: [],
      lots: [],
    });
  });

  it('never takes the Amazon seller of the demo power station as its brand', () => {
    const station = recallOf(demo(), 'cpsc:90003');
    expect(station.products[0]?.brands).not.toContain('TidewaterDirect');
  });

  it('describes the live-sync URL without fetching anything', () => {
    expect(cpsc.endpoint?.buildUrl('2026-11-01')).toBe(
      'https://www.saferproducts.gov/RestWebServices/Recall?format=json&LastPublishDateStart=2026-11-01',
    );
    expect(cpsc.endpoint?.buildUrl(null)).toBe(
      'https://www.saferproducts.gov/RestWebServices/Recall?format=json',
    );
    expect(() => cpsc.endpoint?.buildUrl('November 1')).toThrow(/YYYY-MM-DD/);
  });

  it('recognises CPSC arrays and nothing else', () => {
    expect(cpsc.detect(fixture('recalls-page.json'))).toBe(true);
    expect(cpsc.detect(fixture('error-record.json'))).toBe(true);
    expect(cpsc.detect([])).toBe(true);
    expect(cpsc.detect([{ id: 'x' }])).toBe(false);
    expect(cpsc.detect({ format: 'recall-sentinel-snapshot' })).toBe(false);
    expect(cpsc.detect(null)).toBe(false);
  });
});

// The real responses saved for research, beside the repository (required under CI; skipped with a note
// elsewhere).
const realFiles = (root: string): string[] =>
  ['agent-data-oracle', 'open-recall-format', 'gsa-recalls_api'].flatMap((dir) => {
    const path = join(root, dir);
    if (!existsSync(path)) return [];
    return readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(path, f));
  });

describe('the CPSC mapper on the real saved responses', () => {
  it('maps every record and keeps every valid ProductUPCs value as a GTIN', (ctx) => {
    const files = realFiles(sharedSample(ctx, 'cpsc'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const records = data as Array<{ RecallID: number; ProductUPCs?: Array<{ UPC: string }> }>;
      const result = cpsc.map(data, NOW);
      expect(result.skipped, file).toEqual([]);
      expect(result.recalls).toHaveLength(records.length);
      for (const record of records) {
        const recall = result.recalls.find((r) => r.id === `cpsc:${record.RecallID}`);
        const gtins = new Set(recall?.products.flatMap((p) => p.gtins));
        for (const { UPC } of record.ProductUPCs ?? []) {
          const key = readGtin(UPC).gtin14;
          if (key) expect(gtins.has(key), `${file}: ${UPC}`).toBe(true);
        }
      }
    }
  });

  it("mines BSFIREPIT01 and BSFIREPIT02 from recall-10915's Description", (ctx) => {
    const file = sharedSample(ctx, 'cpsc/agent-data-oracle/recall-10915.json');
    const product = cpsc.map(JSON.parse(readFileSync(file, 'utf8')), NOW).recalls[0]?.products[0];
    const fromDescription = product?.identifiers
      .filter((i) => i.field === 'model' && i.origin === 'Description')
      .map((i) => i.value);
    expect(fromDescription).toEqual(expect.arrayContaining(['BSFIREPIT01', 'BSFIREPIT02']));
    expect(product?.brands[0]).toBe('Brookstone');
  });

  it('keeps the invalid-check-digit UPC of recall-9986 raw and lists its duplicate once', (ctx) => {
    const file = sharedSample(ctx, 'cpsc/agent-data-oracle/recall-9986.json');
    const product = cpsc.map(JSON.parse(readFileSync(file, 'utf8')), NOW).recalls[0]?.products[0];
    expect(product?.rawGtins).toEqual(['035051591768']);
    expect(new Set(product?.gtins).size).toBe(product?.gtins.length);
  });
});
