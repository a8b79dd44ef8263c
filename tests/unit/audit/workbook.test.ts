/**
 * Excel workbooks (XLSX) as catalogs. No real merchant's catalog workbook exists to test with, so each
 * workbook here is generated in the test by write-excel-file, as a spreadsheet app writes one (shared
 * strings, number and date cells, several sheets), from hand-made rows and, for the Shopify case, from
 * our Shopify export fixture. The recalled row carries UPC 193175488718, the real one of CPSC 25-366.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { runAuditCommand } from '../../../scripts/commands/audit-command';
import { type AuditIndex, loadStarterIndex } from '../../../scripts/commands/audit-index';
import { auditRows } from '../../../utils/audit/audit';
import { readAnyCatalog, readCatalog, UnsupportedCatalogError } from '../../../utils/audit/read-catalog';
import { workbookSheet } from '../../../utils/audit/workbook';

const CATALOGS = path.resolve(import.meta.dirname, '../../fixtures/catalogs');

/** A catalog workbook: an empty cover sheet first, then the products, the UPC stored as a number. */
async function catalogWorkbook(): Promise<Uint8Array> {
  const header = ['SKU', 'Product Name', 'Brand', 'UPC', 'Model Number', 'Launched'].map((value) => ({
    value,
    fontWeight: 'bold' as const,
  }));
  const products = [
    header,
    [
      { value: 'HF-PS2000' },
      { value: 'Predator 2000 Watt Portable Power Station' },
      { value: 'Predator' },
      { type: Number, value: 193175488718 },
      { value: 'PS2000' },
      { type: Date, value: new Date('2024-03-01T00:00:00Z'), format: 'yyyy-mm-dd' },
    ],
    [
      { value: 'GH-1' },
      { value: 'Cedar planter box' },
      { value: 'Greenhaven' },
      null,
      { value: 'GH-CPB-1' },
      null,
    ],
  ];
  const buffer = await writeXlsxFile([
    { data: [[null]], sheet: 'Cover' },
    { data: products, sheet: 'Products' },
  ]).toBuffer();
  return new Uint8Array(buffer);
}

let starter: AuditIndex;
beforeAll(async () => {
  starter = await loadStarterIndex();
}, 60_000);

describe('an Excel workbook as a catalog', () => {
  it('reads its first sheet with data, with guessed columns, a number-stored barcode kept whole and dates as days', async () => {
    const catalog = await readAnyCatalog(await catalogWorkbook(), { name: 'products.xlsx' });
    expect(catalog.format).toBe('xlsx');
    expect(catalog.encoding).toBe('sheet "Products"');
    expect(catalog.mapping).toMatchObject({
      sku: 'SKU',
      title: 'Product Name',
      brand: 'Brand',
      barcode: 'UPC',
    });
    expect(catalog.rows.map((r) => r.values.barcode ?? null)).toEqual(['193175488718', null]);
    expect(catalog.rows[0]?.values.sku).toBe('HF-PS2000');
    expect(catalog.problems).toEqual([]);
    const result = auditRows(catalog.rows, catalog.mapping, starter.index);
    expect(result.findings.map((f) => [f.tier, f.recallId, f.row])).toEqual([
      ['confirmed', 'cpsc:25-366', 2],
    ]);
  });

  it('reads a sheet of over 512 KB of XML, which fflate would otherwise inflate in a worker', async () => {
    const rows = [['SKU', 'Product Name', 'Brand', 'EAN'].map((value) => ({ value }))];
    for (let i = 0; i < 20_000; i++)
      rows.push([
        { value: `SKU-${i}` },
        { value: `Garden chair ${i}` },
        { value: 'Acme' },
        { value: `200000${String(i).padStart(6, '0')}` },
      ]);
    rows.push([
      { value: 'HF-PS2000' },
      { value: 'Predator power station' },
      { value: 'Predator' },
      { value: '193175488718' },
    ]);
    const catalog = await readAnyCatalog(new Uint8Array(await writeXlsxFile(rows).toBuffer()), {
      name: 'large.xlsx',
    });
    expect(catalog.rows).toHaveLength(20_001);
    expect(catalog.rows.at(-1)?.values.barcode).toBe('193175488718');
  });

  it('recognises a Shopify export saved as XLSX, and finds what the CSV export finds', async () => {
    const csv = readFileSync(path.join(CATALOGS, 'shopify-products.csv'));
    const rows = Papa.parse<string[]>(csv.toString('utf8'), { skipEmptyLines: true }).data;
    const xlsx = new Uint8Array(
      await writeXlsxFile(rows.map((row) => row.map((value) => ({ value })))).toBuffer(),
    );
    const fromXlsx = await readAnyCatalog(xlsx, { name: 'shopify.xlsx' });
    const fromCsv = readCatalog(csv, { name: 'shopify.csv' });
    expect(fromXlsx.format).toBe('shopify-csv');
    const findings = (c: typeof fromCsv) =>
      auditRows(c.rows, c.mapping, starter.index).findings.map((f) => [f.tier, f.recallId, f.sku]);
    expect(findings(fromXlsx)).toEqual(findings(fromCsv));
    expect(findings(fromXlsx).length).toBeGreaterThan(0);
  });

  it('refuses an old XLS, a ZIP that is no workbook and an empty workbook, saying what to do', async () => {
    const xls = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    await expect(readAnyCatalog(xls, { name: 'old.xls' })).rejects.toThrow(
      /old\.xls is an old-style Excel workbook \(XLS\), which is not read: save it as "CSV UTF-8"/,
    );
    const zip = zipSync({ 'notes.txt': new TextEncoder().encode('hello') });
    await expect(readAnyCatalog(zip, { name: 'photos.zip' })).rejects.toThrow(UnsupportedCatalogError);
    await expect(readAnyCatalog(zip, { name: 'photos.zip' })).rejects.toThrow(
      /photos\.zip is a ZIP file but not an Excel workbook/,
    );
    const empty = new Uint8Array(await writeXlsxFile([[null]]).toBuffer());
    await expect(readAnyCatalog(empty, { name: 'empty.xlsx' })).rejects.toThrow(
      /every sheet of the workbook is empty/,
    );
  });

  it('refuses, before unpacking it, a workbook that would unpack past the limit', async () => {
    await expect(workbookSheet(await catalogWorkbook(), 'big.xlsx', 1024)).rejects.toThrow(
      /big\.xlsx would unpack to 0\.\d MB; the limit is 0\.0 MB\. Split it/,
    );
  });

  it('is audited by the CLI, which exits 1 on its recalled row', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'audit-')), 'products.xlsx');
    writeFileSync(file, await catalogWorkbook());
    const out = await runAuditCommand([file], async () => starter);
    expect(out.exitCode).toBe(1);
    expect(JSON.parse(out.stdout)).toMatchObject({
      catalogFormat: 'xlsx',
      encoding: 'sheet "Products"',
      listings: 2,
    });
  });
});
