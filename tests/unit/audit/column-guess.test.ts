import { describe, expect, it } from 'vitest';
import { applyOverrides, guessColumns, parseMappingOverride } from '../../../utils/audit/column-guess';

describe('guessing which column holds which field', () => {
  it('maps English seller-tool headers', () => {
    expect(
      guessColumns([
        'Item ID',
        'Product Name',
        'Brand',
        'UPC',
        'Model Number',
        'Manufacturer',
        'Lot Number',
        'Product URL',
      ]),
    ).toEqual({
      sku: 'Item ID',
      title: 'Product Name',
      brand: 'Brand',
      barcode: 'UPC',
      model: 'Model Number',
      manufacturer: 'Manufacturer',
      batch: 'Lot Number',
      url: 'Product URL',
    });
  });

  it('maps Chinese headers (条形码, 型号, 品牌, 商品名称, 生产厂家, 批号, 欧盟负责人)', () => {
    expect(
      guessColumns([
        '商品编码',
        '商品名称',
        '品牌',
        '条形码',
        '型号',
        '生产厂家',
        '批号',
        '欧盟负责人',
        '安全警示',
      ]),
    ).toEqual({
      sku: '商品编码',
      title: '商品名称',
      brand: '品牌',
      barcode: '条形码',
      model: '型号',
      manufacturer: '生产厂家',
      batch: '批号',
      responsiblePerson: '欧盟负责人',
      warnings: '安全警示',
    });
  });

  it('prefers a header equal to a known name over one that only contains it', () => {
    expect(guessColumns(['Variant Barcode Note', 'GTIN'])).toMatchObject({ barcode: 'GTIN' });
  });

  it('maps a longer header by a word it contains ("Google Shopping / MPN", "EU Responsible Person (GPSR)")', () => {
    expect(guessColumns(['Google Shopping / MPN', 'EU Responsible Person (GPSR)'])).toEqual({
      model: 'Google Shopping / MPN',
      responsiblePerson: 'EU Responsible Person (GPSR)',
    });
  });

  it('ignores a namespace prefix (g:gtin) and case', () => {
    expect(guessColumns(['g:ID', 'g:gtin', 'g:MPN'])).toEqual({
      sku: 'g:ID',
      barcode: 'g:gtin',
      model: 'g:MPN',
    });
  });

  it('leaves a column it cannot place unmapped', () => {
    expect(guessColumns(['Artikelnummer', 'Farbe'])).toEqual({});
  });

  it('lets an explicit mapping correct the guess, a column feeding one field only', () => {
    const headers = ['Artikelnummer', 'EAN', 'Name'];
    const mapping = applyOverrides(headers, guessColumns(headers), [
      parseMappingOverride('Artikelnummer=model'),
      parseMappingOverride('EAN=sku'),
    ]);
    expect(mapping).toEqual({ model: 'Artikelnummer', sku: 'EAN', title: 'Name' });
  });

  it('refuses a mapping to a column the file does not have, naming the columns it has', () => {
    expect(() => applyOverrides(['SKU', 'UPC'], {}, [parseMappingOverride('Barcode=barcode')])).toThrow(
      /no column "Barcode" \(columns: SKU, UPC\)/,
    );
  });

  it('refuses a mapping to a field that does not exist', () => {
    expect(() => parseMappingOverride('UPC=ean')).toThrow(/column=field/);
    expect(() => parseMappingOverride('barcode')).toThrow(/column=field/);
  });

  it('splits a mapping at its last "=", so a header may contain one', () => {
    expect(parseMappingOverride('Code (a=b)=barcode')).toEqual({ column: 'Code (a=b)', field: 'barcode' });
  });
});
