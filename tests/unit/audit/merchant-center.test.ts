import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../utils/audit/read-catalog';
import { readFixture, text } from './read-fixture';

describe('a Google Merchant Center feed in XML', () => {
  const catalog = readFixture('merchant-center.xml');

  it('is recognised by its Google namespace and mapped from the g: attributes and the RSS title and link', () => {
    expect(catalog.format).toBe('merchant-center-xml');
    expect(catalog.mapping).toEqual({
      sku: 'id',
      title: 'title',
      brand: 'brand',
      barcode: 'gtin',
      model: 'mpn',
      url: 'link',
    });
  });

  it('reads each item, CDATA and entities decoded, nested attributes such as g:shipping left out', () => {
    expect(catalog.rows.map((r) => r.values)).toEqual([
      {
        sku: 'BOON-NURSH-8',
        title: 'Boon NURSH Reusable Silicone Pouch Bottle, 8 oz & 3 pouches',
        brand: 'Boon',
        barcode: '669028116546',
        url: 'https://shop.example/p/boon-nursh-8',
      },
      {
        sku: 'AMB-COFFEE-1',
        title: 'Ambiano Single Serve Coffee Maker & Travel Mug',
        brand: 'Ambiano',
        barcode: '4061464174801',
        model: 'SCM-1',
        url: 'https://shop.example/p/amb-coffee-1',
      },
      {
        sku: 'KETTLE-1',
        title: 'Stovetop Tea Kettle, 2.5 qt',
        brand: 'Hearthside',
        barcode: '6901234567892',
        model: 'HK-2500',
        url: 'https://shop.example/p/kettle-1',
      },
    ]);
    expect(catalog.rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('reads an Atom feed whose namespace prefix is not g, the link from its href', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:gs="http://base.google.com/ns/1.0">
<entry><gs:id>P1</gs:id><title>Petzl Nomic</title><link href="https://shop.example/nomic"/><gs:brand>Petzl</gs:brand><gs:mpn>U021AA00</gs:mpn></entry></feed>`;
    expect(readCatalog(text(atom)).rows[0]?.values).toEqual({
      sku: 'P1',
      title: 'Petzl Nomic',
      brand: 'Petzl',
      model: 'U021AA00',
      url: 'https://shop.example/nomic',
    });
  });

  it('joins repeated elements into one value list, as a TSV cell would hold them', () => {
    const xml = `<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>A</g:id><g:gtin>4061464174801</g:gtin><g:gtin>4061464174849</g:gtin></item></channel></rss>`;
    expect(readCatalog(text(xml)).rows[0]?.values.barcode).toBe('4061464174801, 4061464174849');
  });
});

describe('a Google Merchant Center feed in TSV', () => {
  const catalog = readFixture('merchant-center.tsv');

  it('is recognised by its attribute names as headers and mapped by them', () => {
    expect(catalog.format).toBe('merchant-center-tsv');
    expect(catalog.mapping).toEqual({
      sku: 'id',
      title: 'title',
      brand: 'brand',
      barcode: 'gtin',
      model: 'mpn',
      url: 'link',
    });
    expect(catalog.rows.map((r) => [r.values.sku, r.values.barcode ?? r.values.model])).toEqual([
      ['FURM-DESHED-CON', '854460001073'],
      ['PETZL-NOMIC', 'U021AA00'],
      ['KETTLE-1', '6901234567892'],
    ]);
    expect(catalog.problems).toEqual([]);
  });
});
