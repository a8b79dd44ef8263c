import { describe, expect, it } from 'vitest';
import { MAX_CATALOG_BYTES, readCatalog } from '../../../utils/audit/read-catalog';
import { readFixture, text } from './read-fixture';

describe('a generic CSV catalog', () => {
  const catalog = readFixture('generic.csv');

  it('is read as CSV with every column guessed from its header', () => {
    expect(catalog.format).toBe('csv');
    expect(catalog.mapping).toEqual({
      sku: 'SKU',
      title: 'Product Name',
      brand: 'Brand',
      barcode: 'UPC',
      model: 'Model Number',
      url: 'URL',
      manufacturer: 'Manufacturer',
      responsiblePerson: 'EU Responsible Person',
      warnings: 'Safety Warnings',
      batch: 'Batch',
    });
  });

  it('keeps each listing under the row number a spreadsheet shows, the header being row 1', () => {
    expect(catalog.rows[0]).toEqual({
      row: 2,
      values: {
        sku: 'WG-APAP-500',
        title: 'Walgreens Acetaminophen 500 mg, 24 caplets',
        brand: 'Walgreens',
        barcode: '041260012846',
        url: 'https://shop.example/products/wg-apap-500',
        manufacturer: 'Aurohealth LLC',
        warnings: 'Keep out of reach of children',
      },
    });
  });

  it('reports a duplicate row, a junk line and a row with nothing to look up, and reads the rest', () => {
    expect(catalog.problems).toEqual([
      { row: 8, message: 'row 8: repeats row 3; audited once', skipped: true },
      {
        row: 9,
        message: 'row 9: 1 field where the header has 10 (a junk line or a broken export); not audited',
        skipped: true,
      },
      {
        row: 12,
        message: 'row 12: no barcode (GTIN/UPC/EAN), model / MPN, ASIN or title to look up; not audited',
        skipped: true,
      },
    ]);
    expect(catalog.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 10, 11]);
  });

  it('reads semicolon-separated CSV as European Excel saves it', () => {
    const c = readCatalog(text('EAN;Marke;Titel\n4061464174801;Ambiano;Kaffeemaschine\n'), {
      overrides: [{ column: 'Marke', field: 'brand' }],
    });
    expect(c.rows[0]?.values).toEqual({ barcode: '4061464174801', brand: 'Ambiano' });
  });

  it('keeps quoted cells with commas and line breaks whole', () => {
    const c = readCatalog(text('UPC,Title\n193175488718,"Power station,\n2000 W"\n'));
    expect(c.rows).toEqual([
      { row: 2, values: { barcode: '193175488718', title: 'Power station,\n2000 W' } },
    ]);
  });

  it('says so when no column can be looked up, instead of auditing nothing in silence', () => {
    const c = readCatalog(text('Artikel,Farbe\nA1,rot\n'));
    expect(c.problems[0]?.message).toMatch(
      /no column is mapped to a barcode, model, ASIN or title \(columns: Artikel, Farbe\)/,
    );
    expect(c.rows).toEqual([]);
  });

  it('reads that column once it is mapped by hand', () => {
    const c = readCatalog(text('Artikel,Farbe\nYJ-3355,rot\n'), {
      overrides: [{ column: 'Artikel', field: 'model' }],
    });
    expect(c.rows).toEqual([{ row: 2, values: { model: 'YJ-3355' } }]);
  });

  it('says a file holds no listings when it has only a header', () => {
    expect(readCatalog(text('UPC,Title\n')).problems[0]?.message).toMatch(/has no listings/);
  });

  it('refuses a file over the size limit with a message that says what to do', () => {
    const big = new Uint8Array(MAX_CATALOG_BYTES + 1);
    expect(() => readCatalog(big, { name: 'all.csv' })).toThrow(
      /all\.csv is 100 MB; the limit is 100 MB\. Split it/,
    );
  });
});

describe('a spreadsheet workbook', () => {
  it('is not read as text: readCatalog leaves workbooks to readAnyCatalog (workbook.test.ts)', () => {
    expect(() => readCatalog(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0), { name: 'products.xlsx' })).toThrow(
      /products\.xlsx is a workbook: read it with readAnyCatalog/,
    );
    expect(() => readCatalog(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1))).toThrow(/is a workbook/);
  });
});
