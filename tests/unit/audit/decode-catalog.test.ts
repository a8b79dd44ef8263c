import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCatalog } from '../../../utils/audit/decode-catalog';

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/catalogs', name));

describe('decoding a catalog file', () => {
  it('reads a GBK file from a Chinese seller tool, which has no BOM and is not UTF-8', () => {
    const { text, encoding } = decodeCatalog(fixture('chinese-gbk.csv'));
    expect(encoding).toBe('gb18030');
    expect(text.split('\r\n')[0]).toBe('商品编码,商品名称,品牌,条形码,型号,生产厂家,批号');
  });

  it("reads Excel's UTF-16LE Unicode text by its BOM and drops the BOM", () => {
    const { text, encoding } = decodeCatalog(fixture('excel-utf16le.txt'));
    expect(encoding).toBe('utf-16le');
    expect(text.startsWith('SKU\tProduct Name')).toBe(true);
    expect(text).toContain('Toy Set – Blue');
  });

  it('reads UTF-16BE by its BOM', () => {
    const bytes = Uint8Array.of(0xfe, 0xff, 0, 0x53, 0, 0x4b, 0, 0x55);
    expect(decodeCatalog(bytes)).toEqual({ text: 'SKU', encoding: 'utf-16be' });
  });

  it('reads UTF-8 with a BOM without leaving the BOM on the first header', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('条形码,品牌')]);
    expect(decodeCatalog(bytes).text).toBe('条形码,品牌');
  });

  it('keeps UTF-8 without a BOM as UTF-8 even when it holds Chinese', () => {
    expect(decodeCatalog(new TextEncoder().encode('型号\nYJ-3355'))).toEqual({
      text: '型号\nYJ-3355',
      encoding: 'utf-8',
    });
  });

  it('honours the encoding an XML feed declares when the bytes are not UTF-8', () => {
    const gb2312 = Uint8Array.from([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="GB2312"?><t>'),
      0xc6,
      0xb7,
      0xc5,
      0xc6, // 品牌
      ...new TextEncoder().encode('</t>'),
    ]);
    expect(decodeCatalog(gb2312).text).toContain('<t>品牌</t>');
  });
});

describe('telling a Western legacy encoding from GBK', () => {
  it('reads windows-1252 (Amazon US and EU reports, a Western Excel) when accented letters stand alone', () => {
    const bytes = Uint8Array.from(
      [...'SKU,Title\nA1,Caf']
        .map((c) => c.charCodeAt(0))
        .concat([0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0x0a]),
    );
    expect(decodeCatalog(bytes)).toEqual({ text: 'SKU,Title\nA1,Café crème\n', encoding: 'windows-1252' });
  });

  it('keeps reading GBK when the bytes come in pairs', () => {
    expect(decodeCatalog(Uint8Array.of(0xc6, 0xb7, 0xc5, 0xc6, 0x2c, 0x41))).toEqual({
      text: '品牌,A',
      encoding: 'gb18030',
    });
  });
});
