import { describe, expect, test } from 'vitest';
import { parseHtml } from '../../scripts/lib/html';
import {
  cleanText,
  factsFromPairs,
  harvestPairs,
  isSentinelValue,
  labelKind,
  normalizeLabel,
} from '../../utils/extract/labels';

const doc = (body: string) =>
  parseHtml(`<!doctype html><html><head></head><body>${body}</body></html>`, 'https://shop.example/');

describe('normalizeLabel', () => {
  test('strips direction marks, NBSP and the trailing colon of an Amazon detail-bullet label', () => {
    expect(normalizeLabel('Modellnummer\u00a0\u200f:\u200e')).toBe('modellnummer');
  });

  test('applies NFKC so a full-width colon and letters compare as ASCII', () => {
    expect(normalizeLabel('ＵＰＣ：')).toBe('upc');
    expect(normalizeLabel('型番：')).toBe('型番');
  });

  test('removes a trailing number sign ("Internet #", "Model #")', () => {
    expect(normalizeLabel('Model #')).toBe('model');
  });

  test('removes embedding controls and the BOM', () => {
    expect(normalizeLabel('\ufeff\u202aBrand\u202c')).toBe('brand');
  });

  test('straightens a curly apostrophe in a French label', () => {
    expect(normalizeLabel('Numéro du modèle de l’article')).toBe("numéro du modèle de l'article");
  });
});

describe('labelKind', () => {
  test.each([
    ['Brand', 'brand'],
    ['Marke', 'brand'],
    ['Marque :', 'brand'],
    ['ブランド', 'brand'],
    ['品牌', 'brand'],
    ['Manufacturer', 'manufacturer'],
    ['Hersteller', 'manufacturer'],
    ['Fabricant', 'manufacturer'],
    ['メーカー', 'manufacturer'],
    ['Item model number', 'model'],
    ['Modellnummer', 'model'],
    ["Numéro du modèle de l'article", 'model'],
    ['Numero modello', 'model'],
    ['Número de modelo del producto', 'model'],
    ['型番', 'model'],
    ['型号', 'model'],
    ['货号', 'model'],
    ['Part Number', 'mpn'],
    ['Manufacturer reference', 'mpn'],
    ['Numero modello articolo', 'model'],
    ['Herstellerreferenz', 'mpn'],
    ['Référence fabricant', 'mpn'],
    ['Numéro de pièce fabricant', 'mpn'],
    ['メーカー型番', 'mpn'],
    ['UPC', 'gtin'],
    ['EAN', 'gtin'],
    ['ISBN-13', 'gtin'],
    ['JANコード', 'gtin'],
    ['Global Trade Identification Number', 'gtin'],
    ['ASIN', 'sku'],
    ['Internet #', 'sku'],
  ])('reads "%s" as %s', (label, kind) => {
    expect(labelKind(label)).toBe(kind);
  });

  test('reads a Tmall brand-prefixed model label ("Apple型号") as a model', () => {
    expect(labelKind('Apple型号')).toBe('model');
    expect(labelKind('3C规格型号')).toBe('model');
  });

  test("does not read a part's or a fitted product's model label (CPU型号, 适用型号) as the product's model", () => {
    expect(labelKind('CPU型号')).toBeNull();
    expect(labelKind('电池型号')).toBeNull();
    expect(labelKind('适用型号')).toBeNull();
  });

  test('knows nothing of labels that identify nothing', () => {
    expect(labelKind('Item Weight')).toBeNull();
    expect(labelKind('Best Sellers Rank')).toBeNull();
    expect(labelKind('')).toBeNull();
  });
});

describe('isSentinelValue', () => {
  test.each([
    'Does not apply',
    'N/A',
    'n/a',
    'NA',
    'None',
    'nicht zutreffend',
    'Keine Angabe',
    '其他',
    '无',
    '-',
    '—',
    ' ',
  ])('drops "%s"', (value) => {
    expect(isSentinelValue(value)).toBe(true);
  });

  test('keeps real values', () => {
    expect(isSentinelValue('Nano')).toBe(false);
    expect(isSentinelValue('KB-TS100')).toBe(false);
  });
});

describe('cleanText', () => {
  test('drops the &lrm; Amazon puts before values and collapses whitespace', () => {
    expect(cleanText('\n   \u200eKB-TS100\u00a0 ')).toBe('KB-TS100');
  });

  test('keeps symbols that NFKC would rewrite (™ stays ™)', () => {
    expect(cleanText('CozyNest™')).toBe('CozyNest™');
  });
});

describe('harvestPairs', () => {
  test('reads th/td rows, including rows inside a display:none expander (textContent, not innerText)', () => {
    const d = doc(
      '<div style="display:none"><table><tr><th> Item model number </th><td> &lrm;KB-TS100 </td></tr></table></div>',
    );
    expect(harvestPairs(d.body)).toEqual([
      { label: 'Item model number', key: 'item model number', value: 'KB-TS100' },
    ]);
  });

  test('reads two-cell rows like the Amazon product overview', () => {
    const d = doc(
      '<table><tr class="po-brand"><td><span class="a-text-bold">Brand</span></td><td><span class="po-break-word">Kettlebrook</span></td></tr></table>',
    );
    expect(harvestPairs(d.body).map((p) => [p.key, p.value])).toEqual([['brand', 'Kettlebrook']]);
  });

  test('reads dt/dd pairs and eBay label-value blocks', () => {
    const d = doc(
      '<dl><dt>品牌</dt><dd>美的</dd></dl><div class="ux-labels-values"><div class="ux-labels-values__labels">MPN:</div><div class="ux-labels-values__values">Does Not Apply</div></div>',
    );
    expect(harvestPairs(d.body).map((p) => [p.key, p.value])).toEqual([
      ['品牌', '美的'],
      ['mpn', 'Does Not Apply'],
    ]);
  });

  test('reads Amazon detail bullets whose labels wrap the colon in U+200F/U+200E', () => {
    const d = doc(
      '<ul><li><span class="a-list-item"><span class="a-text-bold">Hersteller &rlm; : &lrm;</span> <span>Brunnwald GmbH</span></span></li></ul>',
    );
    expect(harvestPairs(d.body)).toEqual([
      { label: 'Hersteller', key: 'hersteller', value: 'Brunnwald GmbH' },
    ]);
  });

  test('skips a layout row that wraps a nested table but reads the nested rows', () => {
    const d = doc(
      '<table><tr><td><table><tr><th>UPC</th><td>850012345671</td></tr></table></td></tr></table>',
    );
    expect(harvestPairs(d.body).map((p) => p.key)).toEqual(['upc']);
  });

  test('reads "label: value" list items only when asked', () => {
    const d = doc(
      '<ul><li title="品牌：美的">品牌：美的</li><li>Free shipping: on orders over $50</li></ul>',
    );
    expect(harvestPairs(d.body)).toEqual([]);
    expect(harvestPairs(d.body, { colonItems: true }).map((p) => [p.key, p.value])).toEqual([
      ['品牌', '美的'],
      ['free shipping', 'on orders over $50'],
    ]);
  });
});

describe('factsFromPairs', () => {
  test('turns labelled rows into brand, manufacturer, model and GTIN facts and drops sentinels and SKUs', () => {
    const d = doc(`<table>
      <tr><th>Brand</th><td>Kettlebrook</td></tr>
      <tr><th>Manufacturer</th><td>Kettlebrook Home Goods</td></tr>
      <tr><th>Part Number</th><td>KB-TS100</td></tr>
      <tr><th>UPC</th><td>850012345671</td></tr>
      <tr><th>Manufacturer Part Number</th><td>Does not apply</td></tr>
      <tr><th>ASIN</th><td>B0DEMO0001</td></tr>
      <tr><th>Item Weight</th><td>14.3 Pounds</td></tr>
    </table>`);
    expect(factsFromPairs(harvestPairs(d.body))).toEqual([
      { field: 'brand', value: 'Kettlebrook', source: 'spec-table', label: 'Brand' },
      { field: 'manufacturer', value: 'Kettlebrook Home Goods', source: 'spec-table', label: 'Manufacturer' },
      { field: 'model', value: 'KB-TS100', source: 'spec-table', label: 'Part Number' },
      { field: 'gtin', value: '850012345671', source: 'spec-table', label: 'UPC' },
    ]);
  });
});
