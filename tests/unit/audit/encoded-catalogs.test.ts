import { describe, expect, it } from 'vitest';
import { readFixture } from './read-fixture';

describe('catalogs in other encodings', () => {
  it('reads a GBK CSV with Chinese headers and values', () => {
    const catalog = readFixture('chinese-gbk.csv');
    expect(catalog).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    expect(catalog.rows[1]).toEqual({
      row: 3,
      values: {
        sku: 'VEVOR-MEN-01',
        title: 'VEVOR 婴儿安全门 宽 75-110 厘米',
        brand: 'Vevor',
        model: 'YJ-3371',
        manufacturer: '三文科技',
        batch: 'B2507',
      },
    });
  });

  it("reads Excel's UTF-16LE Unicode text as a TSV", () => {
    const catalog = readFixture('excel-utf16le.txt');
    expect(catalog).toMatchObject({ format: 'tsv', encoding: 'utf-16le' });
    expect(catalog.rows.map((r) => r.values.barcode ?? r.values.model)).toEqual([
      '0698904871507',
      '55SCWMSCXLBR',
    ]);
  });
});
