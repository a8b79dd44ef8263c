import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { feeds } from '../../../utils/feeds';
import rappelconso, {
  RAPPELCONSO_RECORDS_URL,
  rappelConsoUrl,
  readIdentification,
  referenceModels,
  restoreGtin,
} from '../../../utils/feeds/rappelconso';
import { Recall } from '../../../utils/schemas';
import { sharedSample } from './shared-sample';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const fixture = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/rappelconso/${name}`, import.meta.url)), 'utf8'),
  );
const other = (p: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8'));
const recallOf = (id: string): Recall => {
  const recall = rappelconso.map(fixture('records.json'), NOW).recalls.find((r) => r.id === id);
  if (!recall) throw new Error(`${id} was not mapped`);
  return recall;
};

describe('the RappelConso mapper', () => {
  it('maps a records page into strict Recalls', () => {
    const result = rappelconso.map(fixture('records.json'), NOW);
    expect(result.recalls.map((r) => r.id)).toEqual([
      'rappelconso:2026-11-0101',
      'rappelconso:2026-11-0102',
      'rappelconso:2026-11-0103',
      'rappelconso:2026-11-0104',
      'rappelconso:2026-11-0105',
    ]);
    for (const recall of result.recalls) expect(Recall.parse(recall)).toEqual(recall);
  });

  it('maps the notice fields into the Recall shape', () => {
    expect(recallOf('rappelconso:2026-11-0101')).toMatchObject({
      jurisdiction: 'FR',
      recallNumber: '2026-11-0101',
      title: 'perceuse sans fil 18 v (ferrandel)',
      url: 'https://rappel.conso.gouv.fr/fiche-rappel/30101/interne',
      published: '2026-11-02',
      status: 'active',
      version: '0001|2026-11-02T10:00:00+00:00',
      hazard: 'risque de surchauffe de la batterie — brûlures, incendie',
      remedy: 'ne plus utiliser le produit; contacter le service consommateur',
      remedyOptions: ['remboursement', 'échange'],
      soldAt: 'brico sud, outils plus (france entière)',
    });
    expect(recallOf('rappelconso:2026-11-0101').images).toHaveLength(2);
  });

  it("restores the leading zeros RappelConso's numeric GTIN lost", () => {
    expect(restoreGtin(12345600012)).toBe('0012345600012');
    expect(restoreGtin(34567000012)).toBe('0034567000012');
    expect(restoreGtin(3760123450010)).toBe('3760123450010');
    expect(restoreGtin(0)).toBeNull();
    expect(restoreGtin('000000000')).toBeNull();
    const cheese = recallOf('rappelconso:2026-11-0102').products[0];
    expect(cheese?.gtins).toEqual(['00012345600012']);
    expect(cheese?.identifiers).toContainEqual({
      field: 'gtin',
      value: '0012345600012',
      source: 'structured',
      origin: 'gtin',
    });
    expect(recallOf('rappelconso:2026-11-0104').products[0]?.gtins).toEqual(['00034567000012']);
  });

  it('reads GTINs, lots and dates from identification_produits', () => {
    const drill = recallOf('rappelconso:2026-11-0101').products[0];
    expect(drill?.gtins).toEqual(['03760123450010', '03760123450027']);
    expect(drill?.lots).toEqual(['24117', '24118']);
    expect(drill?.dateRanges).toEqual([
      {
        kind: 'sold',
        from: '2025-03-01',
        to: '2026-10-15',
        text: 'commercialisé du 2025-03-01 au 2026-10-15',
      },
    ]);
    expect(recallOf('rappelconso:2026-11-0102').products[0]?.dateRanges).toEqual([
      {
        kind: 'best-before',
        from: '2026-11-20',
        to: '2026-11-28',
        text: 'date limite de consommation 2026-11-20 2026-11-28',
      },
    ]);
    expect(readIdentification('4250525376548$tous les lots$non concerné$$')).toEqual([
      { gtin: '4250525376548', lots: [], dateRange: null },
    ]);
  });

  it('treats the 0 GTIN, "sans marque", "tous les lots" and size lists as placeholders', () => {
    const battery = recallOf('rappelconso:2026-11-0103').products[0];
    expect(battery).toMatchObject({ brands: [], models: [], gtins: [], rawGtins: [], lots: [] });
    expect(recallOf('rappelconso:2026-11-0104').products[0]?.lots).toEqual([]);
  });

  it('reads references from modeles_ou_references and leaves the prose', () => {
    expect(recallOf('rappelconso:2026-11-0101').products[0]?.models).toEqual(['fx-3200', '108877']);
    expect(referenceModels('batteries nickel-fer, capacité 200/300/350/400 ah.')).toEqual([]);
  });

  it('marks a recall whose procedure ended as completed', () => {
    expect(recallOf('rappelconso:2026-11-0103').status).toBe('completed');
  });

  it('keeps the newest numero_version and merges rows of one notice that differ by GTIN', () => {
    const result = rappelconso.map(fixture('records.json'), NOW);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'record 2 (fiche 2026-11-0102): duplicate of record 1, which is as new or newer',
    ]);
    expect(recallOf('rappelconso:2026-11-0102').version).toBe('0002|2026-11-03T08:00:00+00:00');
    expect(recallOf('rappelconso:2026-11-0105').products[0]).toMatchObject({
      gtins: ['04000123456780'],
      rawGtins: ['4000123456790'],
    });
  });

  it('skips and counts a malformed record without dropping the rest', () => {
    const result = rappelconso.map(fixture('malformed-page.json'), NOW);
    expect(result.recalls.map((r) => r.id)).toEqual(['rappelconso:2026-11-0101', 'rappelconso:2026-11-0105']);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'record 1: not a recall record (string)',
      'record 2 (fiche 2026-11-0199): unreadable record: gtin: Invalid input',
      'record 3: numero_fiche, rappel_guid and id are missing',
    ]);
  });

  it('throws on an Opendatasoft error body', () => {
    expect(rappelconso.detect(fixture('error.json'))).toBe(true);
    expect(() => rappelconso.map(fixture('error.json'), NOW)).toThrow(
      /RappelConso \(Opendatasoft\) returned an error: ODSQLError/,
    );
  });

  it('builds where/order_by/limit/offset URLs', () => {
    const url = new URL(rappelConsoUrl('2026-11-01', 200, 500));
    expect(`${url.origin}${url.pathname}`).toBe(RAPPELCONSO_RECORDS_URL);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      where: "date_publication >= date'2026-11-01'",
      order_by: 'date_publication asc',
      limit: '100',
      offset: '200',
    });
    expect(() => rappelConsoUrl('01/11/2026')).toThrow(/YYYY-MM-DD/);
  });

  it('claims only RappelConso documents', () => {
    expect(rappelconso.detect(other('../../fixtures/feeds/cpsc/recalls-page.json'))).toBe(false);
    expect(rappelconso.detect(other('../../../scripts/demo-store/data/cpsc-demo.json'))).toBe(false);
    expect(rappelconso.detect({ results: [] })).toBe(false);
    expect(rappelconso.detect({ total_count: 1, results: [{ alert_number: 'A12/1' }] })).toBe(false);
    for (const name of ['records.json', 'malformed-page.json']) {
      expect(feeds.filter((f) => f.detect(fixture(name))).map((f) => f.id)).toEqual(['rappelconso']);
    }
  });

  it('maps the real sample without skips', (ctx) => {
    const real = sharedSample(ctx, 'rappelconso/open-recall-format/non-food.json');
    const result = rappelconso.map(JSON.parse(readFileSync(real, 'utf8')), NOW);
    expect([result.recalls.length, result.skipped.length]).toEqual([3, 0]);
    const gtins = result.recalls.map((r) => r.products[0]?.gtins ?? []);
    expect(gtins).toEqual([[], ['04250525376548'], ['05390946117845']]);
    expect(result.recalls.map((r) => r.products[0]?.brands)).toEqual([['perma batteries'], ['monzana'], []]);
  });
});
