import { describe, expect, it } from 'vitest';
import { readFixture } from './read-fixture';

describe('the Shopify product CSV export', () => {
  const catalog = readFixture('shopify-products.csv');

  it('is recognised by Handle and its Variant columns, and mapped by the export’s own names', () => {
    expect(catalog.format).toBe('shopify-csv');
    expect(catalog.mapping).toMatchObject({
      sku: 'Variant SKU',
      title: 'Title',
      brand: 'Vendor',
      barcode: 'Variant Barcode',
      model: 'Google Shopping / MPN',
    });
  });

  it('gives a variant row without a Title the Title and Vendor of the Handle above it', () => {
    expect(catalog.rows.find((r) => r.values.sku === 'PH-LRN-BLUE')).toEqual({
      row: 3,
      values: {
        sku: 'PH-LRN-BLUE',
        title: 'Pearhead Infant Learning Toy Set',
        brand: 'Pearhead',
        barcode: '698904871507',
      },
    });
  });

  it('drops image-only rows, which are no listing, without a message', () => {
    expect(catalog.rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(catalog.problems).toEqual([]);
  });

  it('reads the MPN metafield column as the model', () => {
    expect(catalog.rows.at(-1)?.values).toMatchObject({
      sku: 'NS-157310',
      model: '157310',
      brand: 'NorthStar',
    });
  });
});
