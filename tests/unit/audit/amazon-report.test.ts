import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../utils/audit/read-catalog';
import { readFixture, text } from './read-fixture';

describe('an Amazon listings report', () => {
  const catalog = readFixture('amazon-listings.txt');

  it('is recognised by seller-sku and asin1', () => {
    expect(catalog.format).toBe('amazon-report');
    expect(catalog.mapping).toMatchObject({ sku: 'seller-sku', title: 'item-name', asin: 'asin' });
  });

  it('reads product-id as a barcode only when product-id-type says UPC (3) or EAN (4)', () => {
    expect(catalog.rows.map((r) => [r.values.sku, r.values.barcode ?? null, r.values.asin])).toEqual([
      ['DR-LBV-12', '021196051706', 'B0DRLEAF01'],
      ['AMB-SSCM', '4061464174849', 'B0AMBIANO1'],
      ['KETTLE-1', null, 'B0KETTLE01'],
    ]);
  });

  it('keeps an unquoted inch mark in a title from swallowing the next lines', () => {
    expect(catalog.rows[0]?.values.title).toBe('DR Leaf Blower/Vacuum, 12" impeller');
    expect(catalog.rows).toHaveLength(3);
  });

  it('takes the ASIN from product-id when the type is 1 and asin1 is empty', () => {
    const report = 'seller-sku\titem-name\tproduct-id\tproduct-id-type\tasin1\nS1\tBook\tB000000001\t1\t\n';
    expect(readCatalog(text(report)).rows[0]?.values).toEqual({
      sku: 'S1',
      title: 'Book',
      asin: 'B000000001',
    });
  });

  it('reads an ISBN (type 2) as a barcode', () => {
    const report =
      'seller-sku\titem-name\tproduct-id\tproduct-id-type\tasin1\nS2\tBook\t9780306406157\t2\t0306406152\n';
    expect(readCatalog(text(report)).rows[0]?.values.barcode).toBe('9780306406157');
  });
});
