import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { feeds } from '../../../utils/feeds';
import openfda, { nextPageUrl, numericDateRanges, openFdaUrl, shortName } from '../../../utils/feeds/openfda';
import { Recall } from '../../../utils/schemas';
import { sharedSample } from './shared-sample';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/openfda/${name}`, import.meta.url)), 'utf8'),
  );
const other = (path: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));
const recallOf = (name: string, id: string): Recall => {
  const recall = openfda.map(fixture(name), NOW).recalls.find((r) => r.id === id);
  if (!recall) throw new Error(`${id} was not mapped`);
  return recall;
};
const productOf = (name: string, id: string) => recallOf(name, id).products[0];

describe('the openFDA mapper', () => {
  it('maps a food page without skips, each record a strict Recall', () => {
    const result = openfda.map(fixture('food-enforcement.json'), NOW);
    expect(result.source).toBe('openfda');
    expect(result.skipped).toEqual([]);
    expect(result.recalls.map((r) => r.id)).toEqual([
      'openfda:H-2001-2026',
      'openfda:H-2002-2026',
      'openfda:event-99803-1',
      'openfda:event-99803-2',
      'openfda:H-2004-2026',
      'openfda:H-2005-2026',
    ]);
    for (const recall of result.recalls) expect(Recall.parse(recall)).toEqual(recall);
  });

  it('maps the enforcement fields into the Recall shape', () => {
    expect(recallOf('food-enforcement.json', 'openfda:H-2001-2026')).toMatchObject({
      jurisdiction: 'US',
      recallNumber: 'H-2001-2026',
      title: 'Marigold Pantry Sesame Rice Crackers',
      url: null,
      published: '2026-10-28',
      updated: '2026-10-28',
      status: 'active',
      version: '20261028-00000000',
      hazard: 'Undeclared milk.',
      units: '87 cases (36 units/case)',
      soldAt: 'Domestic: CA, OR, WA. Foreign: Not applicable.',
      countryOfOrigin: ['Thailand'],
      manufacturers: ['Marigold Pantry Inc.'],
    });
  });

  it('finds an EAN-13 after "UPC:" and a spaced UPC in the product description', () => {
    expect(productOf('food-enforcement.json', 'openfda:H-2001-2026')?.gtins).toEqual(['08851234000173']);
    const wrap = productOf('food-enforcement.json', 'openfda:H-2002-2026');
    expect(wrap?.gtins).toEqual(['00012345000027']);
    expect(wrap?.identifiers).toContainEqual({
      field: 'gtin',
      value: '0 12345 00002 7',
      source: 'prose',
      origin: 'product_description',
    });
  });

  it('keeps a labelled UPC with a bad check digit as a raw string', () => {
    const product = productOf('food-enforcement.json', 'openfda:event-99803-1');
    expect(product?.gtins).toEqual([]);
    expect(product?.rawGtins).toEqual(['7 84999 01010 5']);
  });

  it('names a record with an empty recall_number by its event and position', () => {
    const recall = recallOf('food-enforcement.json', 'openfda:event-99803-2');
    expect(recall.recallNumber).toBeNull();
    expect(recall.title).toBe('Hollow Creek Provisions Hot Tomato Cocktail Mix');
  });

  it('maps Terminated and Completed to completed, and versions a record by its termination date', () => {
    expect(recallOf('food-enforcement.json', 'openfda:event-99803-1')).toMatchObject({
      status: 'completed',
      updated: '2026-11-15',
      version: '20261028-20261115',
    });
    expect(recallOf('food-enforcement.json', 'openfda:H-2004-2026').status).toBe('completed');
    expect(recallOf('food-enforcement.json', 'openfda:H-2004-2026').units).toBeNull();
  });

  it('reads use-by, fresh-thru and production dates printed as numbers', () => {
    expect(productOf('food-enforcement.json', 'openfda:H-2001-2026')?.dateRanges).toEqual([
      { kind: 'best-before', from: '2027-11-04', to: '2027-11-04', text: 'BEST BY: 11/04/2027' },
      { kind: 'best-before', from: '2027-12-02', to: '2027-12-02', text: '12/02/2027' },
    ]);
    expect(productOf('food-enforcement.json', 'openfda:H-2002-2026')?.dateRanges).toEqual([
      { kind: 'best-before', from: '2026-07-20', to: '2026-07-20', text: 'Fresh Thru: 07/20/26' },
    ]);
    expect(productOf('food-enforcement.json', 'openfda:event-99803-1')?.dateRanges).toEqual([
      {
        kind: 'manufactured',
        from: '2025-07-28',
        to: '2026-07-28',
        text: 'Production dates: 7-28-2025 to 7-28-2026',
      },
    ]);
  });

  it('leaves a date without a label alone', () => {
    expect(numericDateRanges('Lot 12/03/26 and 12/04/26', 'mdy')).toEqual([]);
  });

  it('reads a bare code_info list as lots, and lots after "Lot Numbers:"', () => {
    const bare = productOf('food-enforcement.json', 'openfda:H-2004-2026');
    expect(bare?.lots).toEqual(['B25354', 'B25356', 'B25357']);
    expect(bare?.identifiers[0]).toEqual({
      field: 'lot',
      value: 'B25354',
      source: 'structured',
      origin: 'code_info',
    });
    expect(productOf('food-enforcement.json', 'openfda:H-2005-2026')?.lots).toEqual([
      '0021849964',
      '0021988192',
    ]);
  });

  it('takes brands from "X brand", from the firm name the description starts with, and the firm', () => {
    // "Kestrel Foods, Inc" has the brand key of "Kestrel Foods": one brand, its provenance twice.
    expect(productOf('food-enforcement.json', 'openfda:H-2005-2026')?.brands).toEqual(['Kestrel Foods']);
    expect(productOf('food-enforcement.json', 'openfda:H-2005-2026')?.models).toEqual(['KF-2060']);
    const marigold = productOf('food-enforcement.json', 'openfda:H-2001-2026');
    expect(marigold?.brands).toEqual(['Marigold Pantry']);
    expect(marigold?.identifiers.filter((i) => i.field === 'brand').map((i) => i.origin)).toEqual([
      'product_description',
      'recalling_firm',
    ]);
  });

  it('finds device UDI-DIs (GTIN-14) in code_info, also in GS1 (01) form, and catalog numbers', () => {
    const pump = productOf('device-enforcement.json', 'openfda:Z-0101-2027');
    expect(pump?.gtins).toEqual(['00884422000011', '00884422000028']);
    expect(pump?.models).toEqual(['LX-400']);
    const screw = productOf('device-enforcement.json', 'openfda:Z-0102-2027');
    expect(screw?.gtins).toEqual(['00681131000109']);
    expect(screw?.models).toEqual(['OS-4520-S']);
    expect(screw?.lots).toEqual(['A2231']);
  });

  it('reads the structured openfda block of a drug record', () => {
    const product = productOf('drug-enforcement.json', 'openfda:D-0301-2027');
    expect(product?.gtins).toEqual(['00300000123458']);
    expect(product?.identifiers).toContainEqual({
      field: 'gtin',
      value: '300000123458',
      source: 'structured',
      origin: 'openfda.upc',
    });
    expect(product?.brands[0]).toBe('Calmora Sleep Aid');
    expect(product?.lots).toEqual(['CL2607A']);
  });

  it("treats openFDA's 404 No matches found as an empty page", () => {
    expect(openfda.detect(fixture('not-found.json'))).toBe(true);
    expect(openfda.map(fixture('not-found.json'), NOW)).toEqual({
      source: 'openfda',
      recalls: [],
      skipped: [],
    });
  });

  it('throws on any other error body', () => {
    expect(() => openfda.map(fixture('server-error.json'), NOW)).toThrow(
      'openFDA returned an error instead of results: SERVER_ERROR: Check your request and try again',
    );
  });

  it('skips and counts a malformed record without dropping the rest', () => {
    const result = openfda.map(fixture('malformed-page.json'), NOW);
    expect(result.recalls.map((r) => [r.id, r.version])).toEqual([
      ['openfda:H-2001-2026', '20261028-20261120'],
      ['openfda:H-2005-2026', '20261028-00000000'],
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'record 0 (recall_number H-2001-2026): superseded by record 4, a later version (20261028-20261120)',
      'record 1: not a recall record (string)',
      'record 2 (recall_number H-2010-2026): unreadable record: product_description: Invalid input: expected string, received number',
      'record 3: recall_number and event_id are missing',
    ]);
  });

  it('cuts a product name before net weights and UPCs', () => {
    expect(shortName('Glutinous Rice Balls with Black Sesame Filling NET WT. 14.1 OZ (400 g)')).toBe(
      'Glutinous Rice Balls with Black Sesame Filling',
    );
  });

  it('builds report_date range URLs and follows the Link header', () => {
    expect(openFdaUrl('device', '2026-01-01', '2026-01-31')).toBe(
      'https://api.fda.gov/device/enforcement.json?search=report_date:[20260101+TO+20260131]&sort=report_date:asc&limit=1000',
    );
    expect(openfda.endpoint?.buildUrl('2026-11-01')).toContain('report_date:[20261101+TO+29991231]');
    expect(
      nextPageUrl(
        '<https://api.fda.gov/food/enforcement.json?search=x&limit=1000&search_after=0%3D1%3B>; rel="next"',
      ),
    ).toBe('https://api.fda.gov/food/enforcement.json?search=x&limit=1000&search_after=0%3D1%3B');
    expect(nextPageUrl(null)).toBeNull();
  });

  it('claims only openFDA documents', () => {
    expect(openfda.detect(other('../../fixtures/feeds/cpsc/recalls-page.json'))).toBe(false);
    expect(openfda.detect(other('../../../scripts/demo-store/data/cpsc-demo.json'))).toBe(false);
    expect(openfda.detect({ results: [] })).toBe(false);
    expect(openfda.detect({ total_count: 0, results: [] })).toBe(false);
    expect(openfda.detect({ error: 'Not found' })).toBe(false);
    for (const name of ['food-enforcement.json', 'not-found.json', 'malformed-page.json']) {
      expect(feeds.filter((f) => f.detect(fixture(name))).map((f) => f.id)).toEqual(['openfda']);
    }
  });

  it('maps the real openFDA samples without skips', (ctx) => {
    const real = sharedSample(ctx, 'openfda/open-recall-format');
    const counts: Record<string, [number, number]> = {};
    for (const file of readdirSync(real).sort()) {
      const data: unknown = JSON.parse(readFileSync(join(real, file), 'utf8'));
      const result = openfda.map(data, NOW);
      counts[file] = [result.recalls.length, result.skipped.length];
    }
    expect(counts).toEqual({ 'food-listeria.json': [3, 0], 'food-undeclared.json': [8, 0] });
    const undeclared = openfda.map(JSON.parse(readFileSync(join(real, 'food-undeclared.json'), 'utf8')), NOW);
    const gtins = undeclared.recalls.flatMap((r) => r.products.flatMap((p) => p.gtins));
    expect(gtins).toContain('06908791000053');
  });
});
