import { describe, expect, it } from 'vitest';
import { rowIdentity } from '../../../utils/audit/catalog-identity';
import { ProductIdentity } from '../../../utils/schemas';

const row = (values: Record<string, string>) => ({ row: 7, values });

describe('a catalog row as the identity the matcher looks up', () => {
  it('is a schema-valid product identity whose barcode is a GTIN-14 key and whose facts name the column', () => {
    const { identity, warnings } = rowIdentity(
      row({ barcode: '041260012846', brand: 'Walgreens', title: 'Acetaminophen 500 mg', sku: 'WG-1' }),
      { barcode: 'UPC', brand: 'Brand', title: 'Name' },
    );
    expect(ProductIdentity.parse(identity)).toEqual(identity);
    expect(identity).toMatchObject({
      marketplace: null,
      itemId: null,
      gtins: ['00041260012846'],
      rawGtins: ['041260012846'],
      brand: 'Walgreens',
      url: 'catalog:row-7',
    });
    expect(identity.facts).toContainEqual({
      field: 'gtin',
      value: '041260012846',
      source: 'embedded-json',
      label: 'UPC',
    });
    expect(warnings).toEqual([]);
  });

  it('reads several barcodes in one cell and printed with dashes', () => {
    const { identity } = rowIdentity(row({ barcode: '4061464174801; 0-41260-01284-6' }), {});
    expect(identity.gtins).toEqual(['04061464174801', '00041260012846']);
  });

  it('keeps a barcode with a wrong check digit as a raw code and says which digit it should end in', () => {
    const { identity, warnings } = rowIdentity(row({ barcode: '041260012847' }), {});
    expect(identity.gtins).toEqual([]);
    expect(identity.rawGtins).toEqual(['041260012847']);
    expect(warnings).toEqual([
      'barcode 041260012847 has a wrong check digit (it should end in 6); compared only as printed',
    ]);
  });

  it('restores the leading zero a spreadsheet dropped from a UPC when the check digit then holds', () => {
    const { identity, warnings } = rowIdentity(row({ barcode: '41260012846' }), {});
    expect(identity.gtins).toEqual(['00041260012846']);
    expect(warnings[0]).toMatch(/11 digits; read as UPC 041260012846/);
  });

  it('says a barcode turned into a number by a spreadsheet has lost its digits, and looks nothing up', () => {
    const { identity, warnings } = rowIdentity(row({ barcode: '1.93175E+11' }), {});
    expect(identity.gtins).toEqual([]);
    expect(identity.rawGtins).toEqual([]);
    expect(warnings[0]).toMatch(/stored as a number by a spreadsheet/);
  });

  it('splits models at commas and spaced slashes but keeps a slash inside a model', () => {
    expect(rowIdentity(row({ model: 'YJ-3355, YJ-3371 / AB/12-C' }), {}).identity.models).toEqual([
      'YJ-3355',
      'YJ-3371',
      'AB/12-C',
    ]);
  });

  it('makes an Amazon identity of a row with an ASIN, so a notice printing that ASIN confirms it', () => {
    const { identity } = rowIdentity(row({ asin: 'b0drleaf01', sku: 'DR-LBV-12' }), {});
    expect(identity).toMatchObject({ marketplace: 'amazon', itemId: 'B0DRLEAF01' });
  });

  it('never uses the SKU as the item id, since a SKU is often the model itself', () => {
    expect(rowIdentity(row({ sku: 'YJ-3355', model: 'YJ-3355' }), {}).identity).toMatchObject({
      itemId: null,
      models: ['YJ-3355'],
    });
  });
});
