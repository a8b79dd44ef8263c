/**
 * `cli audit` as a merchant's CI runs it: the whole command line (tests/support/cli.ts, in-process; cli.test.ts
 * starts the real process) for the exit codes (1 when a confirmed or likely finding exists, 0 when none, 2 on
 * bad input) and the default starter index; the audit command for each catalog format, against the same
 * starter index loaded once.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../../scripts/commands/audit-command';
import { type AuditIndex, loadStarterIndex } from '../../../scripts/commands/audit-index';
import { STARTER_DIR } from '../../../scripts/lib/starter-dir';
import { cli as runCli } from '../../support/cli';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const catalog = (name: string) => path.join(ROOT, 'tests/fixtures/catalogs', name);

const cli = (...args: string[]) => runCli(args);

describe('cli audit, as a command line', () => {
  it('exits 1 on a catalog with recalled listings, audited against the starter index with no --feed', async () => {
    const r = await cli('audit', catalog('generic.csv'));
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format: 'recall-sentinel-audit', catalogFormat: 'csv', listings: 8 });
    expect(out.sources.map((s: { source: string }) => s.source)).toEqual(['cpsc', 'openfda']);
    expect(out.counts).toEqual({ confirmed: 2, likely: 2, possible: 0 });
    // One line per row problem, each naming its row, then the sum.
    expect(r.stderr.trim().split('\n')).toEqual([
      'recall-sentinel: row 8: repeats row 3; audited once',
      'recall-sentinel: row 9: 1 field where the header has 10 (a junk line or a broken export); not audited',
      'recall-sentinel: row 10: barcode 041260012847 has a wrong check digit (it should end in 6); compared only as printed',
      'recall-sentinel: row 11: barcode "1.93175E+11" was stored as a number by a spreadsheet and its digits are lost; export the column as text',
      'recall-sentinel: row 12: no barcode (GTIN/UPC/EAN), model / MPN, ASIN or title to look up; not audited',
      'recall-sentinel: audit of generic.csv: 8 listings, 2 confirmed, 2 likely, 0 possible findings',
    ]);
  });

  it('exits 0 when no listing is recalled', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-'));
    const file = path.join(dir, 'kettles.csv');
    writeFileSync(
      file,
      'SKU,Title,Brand,EAN,MPN\nKETTLE-1,"Stovetop Tea Kettle, 2.5 qt",Hearthside,6901234567892,HK-2500\n',
    );
    const r = await cli('audit', file, '--format', 'csv');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1); // the header line only
    expect(r.stderr).toBe(
      'recall-sentinel: audit of kettles.csv: 1 listing, 0 confirmed, 0 likely, 0 possible findings\n',
    );
  });

  it('prints a printable HTML evidence report with --format html', async () => {
    const r = await cli(
      'audit',
      catalog('shopify-products.csv'),
      '--format',
      'html',
      '--feed',
      catalog('../feeds/cpsc/recalls-page.json'),
    );
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('@media print');
    expect(r.stdout).toContain('Shopify product export (CSV)');
  });

  it('exits 2 with one line when the catalog file is missing', async () => {
    const r = await cli('audit', 'no/such/catalog.csv');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file/i);
  });

  it('exits 2 with the usage on an unknown --format', async () => {
    const r = await cli('audit', catalog('generic.csv'), '--format', 'xlsx');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of json, csv, html/);
    expect(r.stderr).toMatch(/usage:/);
  });

  it('exits 2 when --map names a column the file does not have', async () => {
    const r = await cli('audit', catalog('generic.csv'), '--map', 'Barcode=barcode');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no column "Barcode"/);
  });

  it('exits 2 with a clear message on a file over 100 MB, without reading it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-'));
    const file = path.join(dir, 'huge.csv');
    writeFileSync(file, '');
    truncateSync(file, 101 * 1024 * 1024); // sparse: no disk used
    const r = await cli('audit', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/huge\.csv is 101 MB; the limit is 100 MB\. Split it/);
  });
});

describe('cli audit, each catalog format', () => {
  let starter: AuditIndex;
  beforeAll(async () => {
    starter = await loadStarterIndex();
  }, 60_000);
  const run = (...args: string[]) => runAuditCommand(args, async () => starter);

  it.each([
    ['generic.csv', 'csv', ['HF-PS2000', 'WG-APAP-500', 'VV-GATE-29', 'BB-LOUNGER']],
    ['merchant-center.xml', 'merchant-center-xml', ['BOON-NURSH-8', 'AMB-COFFEE-1']],
    ['merchant-center.tsv', 'merchant-center-tsv', ['FURM-DESHED-CON', 'PETZL-NOMIC']],
    ['shopify-products.csv', 'shopify-csv', ['PH-LRN-BLUE', 'NS-157310', 'PH-LRN-PINK']],
    ['amazon-listings.txt', 'amazon-report', ['AMB-SSCM', 'DR-LBV-12', 'DR-LBV-12']],
    ['chinese-gbk.csv', 'csv', ['TOMY-NURSH', 'VEVOR-MEN-01']],
    ['excel-utf16le.txt', 'tsv', ['PH-LRN-BLUE', 'EH-DRESSER-10']],
  ])('audits %s (%s) and exits 1 on its recalled listings', async (file, format, skus) => {
    const out = await run(catalog(file));
    const doc = JSON.parse(out.stdout);
    expect(doc.catalogFormat).toBe(format);
    expect(doc.findings.map((f: { sku: string }) => f.sku)).toEqual(skus);
    expect(out.exitCode).toBe(1);
  });

  it('writes the findings as CSV with --format csv', async () => {
    const out = await run(catalog('merchant-center.xml'), '--format', 'csv');
    const rows = Papa.parse<Record<string, string>>(out.stdout.trim(), { header: true }).data;
    expect(rows.map((r) => [r.sku, r.tier, r.officialUrl?.startsWith('https://www.cpsc.gov/')])).toEqual([
      ['BOON-NURSH-8', 'confirmed', true],
      ['AMB-COFFEE-1', 'confirmed', true],
    ]);
  });

  it('audits against a published index folder given with --index', async () => {
    const out = await runAuditCommand([catalog('merchant-center.tsv'), '--index', STARTER_DIR]);
    expect(JSON.parse(out.stdout).counts).toEqual({ confirmed: 1, likely: 1, possible: 0 });
    expect(out.exitCode).toBe(1);
  }, 60_000);

  it('refuses a damaged workbook with what to do instead', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-'));
    const file = path.join(dir, 'products.xlsx');
    writeFileSync(file, Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0));
    await expect(run(file)).rejects.toThrow(/save it as "CSV UTF-8"/);
  });

  it('refuses --feed and --index together as bad usage', async () => {
    await expect(
      runAuditCommand([catalog('generic.csv'), '--index', STARTER_DIR, '--feed', catalog('generic.csv')]),
    ).rejects.toThrow(/--feed files or one --index folder, not both/);
  });

  it('applies --map corrections before auditing', async () => {
    // Reading the title as the model leaves no barcode and no model a notice prints: nothing is confirmed.
    const out = await run(catalog('merchant-center.tsv'), '--map', 'gtin=sku', '--map', 'id=title');
    const doc = JSON.parse(out.stdout);
    expect(doc.mapping).toMatchObject({ sku: 'gtin', title: 'id' });
    expect(doc.findings.map((f: { tier: string }) => f.tier)).toEqual(['likely']);
  });
});
