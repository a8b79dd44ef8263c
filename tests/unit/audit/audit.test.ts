/**
 * The audit against the starter index the extension ships (real CPSC and openFDA recalls), on the
 * hand-made catalogs whose barcodes and models are real ones from those notices.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuditIndex, loadStarterIndex } from '../../../scripts/commands/audit-index';
import { type AuditResult, auditRows, needsAction } from '../../../utils/audit/audit';
import type { Catalog } from '../../../utils/audit/read-catalog';
import { MemoryIndex } from '../../../utils/recall-index/memory-index';
import { recall } from '../support/factories';
import { readFixture } from './read-fixture';

let starter: AuditIndex;
beforeAll(async () => {
  starter = await loadStarterIndex();
}, 60_000);

const audit = (catalog: Catalog): AuditResult =>
  auditRows(catalog.rows, catalog.mapping, starter.index, catalog.problems);

describe('auditing a catalog against the starter index', () => {
  it('finds the recalled listings of a generic CSV, confirmed by barcode and likely by brand and model', () => {
    const result = audit(readFixture('generic.csv'));
    expect(result.findings.map((f) => [f.sku, f.tier, f.recallId])).toEqual([
      ['HF-PS2000', 'confirmed', 'cpsc:25-366'],
      ['WG-APAP-500', 'confirmed', 'cpsc:20220616-8efeb7'],
      ['VV-GATE-29', 'likely', 'cpsc:26-264'],
      ['BB-LOUNGER', 'likely', 'cpsc:26-185'],
    ]);
    expect(result.counts).toEqual({ confirmed: 2, likely: 2, possible: 0 });
    expect(needsAction(result)).toBe(true);
  });

  it('sorts by risk: tier first, then the newest notice', () => {
    const [first, second] = audit(readFixture('generic.csv')).findings;
    expect(first?.published && second?.published && first.published > second.published).toBe(true);
  });

  it('explains each finding in the extension’s words and links the official notice', () => {
    const finding = audit(readFixture('generic.csv')).findings.find((f) => f.sku === 'WG-APAP-500');
    expect(finding).toMatchObject({
      row: 2,
      tierLabel: 'Confirmed match',
      meaning: 'The barcode on this listing is printed in the recall notice.',
      recallStatus: 'active',
      jurisdiction: 'US',
      source: 'cpsc',
      authority: expect.stringMatching(/Consumer Product Safety Commission/),
      officialUrl: expect.stringMatching(/^https:\/\/www\.cpsc\.gov\//),
      completeness: 'missing: EU responsible person (GPSR); batch (SAMR No. 21)',
    });
    expect(finding?.evidence[0]).toMatch(
      /^Barcode 0*41260012846 from the listing's product data is listed in the notice\.$/,
    );
    expect(finding?.actions[0]).toMatch(/^Stop sale now/);
    expect(finding?.actions.at(-1)).toContain(finding?.officialUrl);
  });

  it('adds the barcode warnings to the row problems and still audits those rows', () => {
    const result = audit(readFixture('generic.csv'));
    expect(result.listings).toBe(8);
    expect(result.problems.map((p) => [p.row, p.skipped])).toEqual([
      [8, true],
      [9, true],
      [10, false],
      [11, false],
      [12, true],
    ]);
  });

  it('never matches a listing on its brand alone', () => {
    const result = audit(readFixture('generic.csv'));
    expect(result.findings.some((f) => f.sku === 'BOON-BRUSH')).toBe(false);
  });

  it('finds the recalled items of each catalog format', () => {
    const found = (name: string) =>
      audit(readFixture(name))
        .findings.filter((f) => f.tier !== 'possible')
        .map((f) => `${f.sku} ${f.tier} ${f.recallId}`);
    expect(found('merchant-center.xml')).toEqual([
      'BOON-NURSH-8 confirmed cpsc:20260604-b3af15',
      'AMB-COFFEE-1 confirmed cpsc:24-341',
    ]);
    expect(found('merchant-center.tsv')).toEqual([
      'FURM-DESHED-CON confirmed cpsc:24-257',
      'PETZL-NOMIC likely cpsc:26-347',
    ]);
    expect(found('shopify-products.csv')).toEqual([
      'PH-LRN-BLUE confirmed cpsc:25-115',
      'NS-157310 likely cpsc:26-224',
    ]);
    expect(found('amazon-listings.txt')).toEqual([
      'AMB-SSCM confirmed cpsc:24-341',
      'DR-LBV-12 confirmed cpsc:24-221',
      'DR-LBV-12 confirmed cpsc:24-222',
    ]);
    expect(found('chinese-gbk.csv')).toEqual([
      'TOMY-NURSH confirmed cpsc:20260604-b3af15',
      'VEVOR-MEN-01 likely cpsc:26-264',
    ]);
    expect(found('excel-utf16le.txt')).toEqual([
      'PH-LRN-BLUE confirmed cpsc:25-115',
      'EH-DRESSER-10 likely cpsc:26-255',
    ]);
  });

  it('counts listings per missing completeness item', () => {
    const result = audit(readFixture('merchant-center.xml'));
    expect(result.completeness).toEqual({
      complete: 0,
      missing: { manufacturer: 3, 'responsible-person': 3, warnings: 3, batch: 3 },
    });
  });
});

describe('the audit on its own recalls', () => {
  it('confirms a listing by an Amazon ASIN the notice prints', () => {
    const index = new MemoryIndex([
      recall('1', { name: 'Leaf blower', brands: ['DR'], models: ['B0DRLEAF01'] }),
    ]);
    const result = auditRows([{ row: 2, values: { asin: 'B0DRLEAF01', sku: 'X' } }], {}, index);
    expect(result.findings.map((f) => [f.tier, f.meaning])).toEqual([
      ['confirmed', "This listing's Amazon item id (ASIN) is printed in the recall notice."],
    ]);
  });

  it('needs no action when the only finding is possible (a model on a listing without a brand)', () => {
    const index = new MemoryIndex([recall('2', { name: 'Gate', brands: ['Vevor'], models: ['YJ-3355'] })]);
    const result = auditRows([{ row: 2, values: { model: 'YJ-3355' } }], {}, index);
    expect(result.findings.map((f) => f.tier)).toEqual(['possible']);
    expect(result.findings[0]?.actions[0]).toMatch(/^Check the item against the notice/);
    expect(needsAction(result)).toBe(false);
  });

  it('needs no action for a notice the authority withdrew, and says so', () => {
    const index = new MemoryIndex([
      recall('3', { name: 'Gate', brands: ['Vevor'], models: ['YJ-3355'] }, { status: 'withdrawn' }),
    ]);
    const result = auditRows([{ row: 2, values: { model: 'YJ-3355', brand: 'Vevor' } }], {}, index);
    expect(result.findings.map((f) => f.tier)).toEqual(['likely']);
    expect(result.findings[0]?.actions).toEqual([
      'The authority withdrew this notice: no recall action is needed; keep the finding for your records.',
    ]);
    expect(needsAction(result)).toBe(false);
  });

  it('asks to check the affected lots when the notice names them', () => {
    const index = new MemoryIndex([
      recall('4', { name: 'Gate', brands: ['Vevor'], models: ['YJ-3355'], lots: ['B2507'] }),
    ]);
    const [finding] = auditRows(
      [{ row: 2, values: { model: 'YJ-3355', brand: 'Vevor' } }],
      {},
      index,
    ).findings;
    expect(finding?.actions.some((a) => a.includes('B2507'))).toBe(true);
  });
});
