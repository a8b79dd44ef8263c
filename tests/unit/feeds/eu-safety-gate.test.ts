import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSharedData } from '../../../scripts/lib/shared-data';
import { feeds } from '../../../utils/feeds';
import eu from '../../../utils/feeds/eu-safety-gate';
import { barcodeValues, isRealBrand } from '../../../utils/feeds/eu-safety-gate/alert';
import { detailUrl, listRequest } from '../../../utils/feeds/eu-safety-gate/sync';
import { xmlElement } from '../../../utils/feeds/eu-safety-gate/weekly-xml';
import { gtinKey } from '../../../utils/identity/gtin';
import { Recall } from '../../../utils/schemas';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };
const path = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/feeds/eu-safety-gate/${name}`, import.meta.url));
const fixture = (name: string): unknown =>
  name.endsWith('.xml') ? readFileSync(path(name), 'utf8') : JSON.parse(readFileSync(path(name), 'utf8'));
const other = (p: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(p, import.meta.url)), 'utf8'));
const only = (name: string): Recall => {
  const result = eu.map(fixture(name), NOW);
  expect(result.skipped).toEqual([]);
  expect(result.recalls).toHaveLength(1);
  return result.recalls[0] as Recall;
};

describe('the EU Safety Gate mapper', () => {
  it('maps an alert detail into a strict Recall', () => {
    const recall = only('alert-toy.json');
    expect(Recall.parse(recall)).toEqual(recall);
    expect(recall).toMatchObject({
      id: 'eu-safety-gate:SR/03001/26',
      jurisdiction: 'EU',
      recallNumber: 'SR/03001/26',
      title: 'Stacking toy – Kindly Oak – Stapelturm Regenbogen',
      url: 'https://ec.europa.eu/safety-gate-alerts/screen/webReport/alertDetail/10200001?lang=en',
      published: '2026-10-28',
      updated: '2026-10-28',
      status: 'active',
      version: '2026-10-28T12:00:00.501Z',
      hazard: 'Small parts can detach from the arches. A small child could put them in the mouth and choke.',
      remedy: 'Product recall from consumers (voluntary); Removal from online marketplace (voluntary)',
      soldAt: 'www.kindlyoak.example',
      countryOfOrigin: ["People's Republic of China"],
    });
    expect(recall.images.map((i) => i.url)).toEqual([
      'https://ec.europa.eu/safety-gate-alerts/public/api/notification/image/11300002',
      'https://ec.europa.eu/safety-gate-alerts/public/api/notification/image/11300001',
    ]);
  });

  it('reads brands, model types, barcodes and batch numbers as structured identifiers', () => {
    const product = only('alert-toy.json').products[0];
    expect(product).toMatchObject({
      brands: ['Kindly Oak'],
      models: ['KO-5531', 'KO-5532'],
      gtins: ['08712345000011', '08712345000028'],
      lots: ['L2607-B'],
    });
    expect(product?.identifiers).toContainEqual({
      field: 'lot',
      value: 'L2607-B',
      source: 'structured',
      origin: 'product.batchNumbers',
    });
  });

  it('drops a placeholder brand', () => {
    const recall = only('alert-placeholder-brand.json');
    expect(recall.products[0]?.brands).toEqual([]);
    expect(isRealBrand('nincs')).toBe(false);
    expect(isRealBrand('No brand')).toBe(false);
    expect(isRealBrand('brak')).toBe(false);
    expect(isRealBrand('Free monday')).toBe(true);
  });

  it('keeps a non-GTIN EU barcode out of the GTIN keys', () => {
    const product = only('alert-placeholder-brand.json').products[0];
    expect(product?.gtins).toEqual(['05901234000079']);
    expect(product?.rawGtins).toEqual([]);
    expect(JSON.stringify(product)).not.toContain('25042500206593');
    expect(barcodeValues('BCD25042500206593')).toEqual([]);
    expect(barcodeValues('5901234000079 / 5901234000086')).toEqual(['5901234000079', '5901234000086']);
  });

  it('keeps an EAN-shaped barcode with a bad check digit as a raw string, and no brand when brandKnown is false', () => {
    const recall = only('alert-no-brand.json');
    expect(recall.products[0]).toMatchObject({
      brands: [],
      gtins: [],
      rawGtins: ['1980041352996'],
      models: ['299'],
    });
    expect(recall.countryOfOrigin).toEqual([]);
    expect(recall.version).toBe('2026-11-02T07:45:10.250Z');
    expect(recall.updated).toBe('2026-11-02');
  });

  it('skips and counts a malformed record without dropping the rest', () => {
    const result = eu.map(fixture('list-page.json'), NOW);
    expect(result.recalls.map((r) => r.id)).toEqual([
      'eu-safety-gate:SR/03001/26',
      'eu-safety-gate:SR/03002/26',
      'eu-safety-gate:SR/03003/26',
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'record 2 (alert SR/03004/26): no product details (a list summary: fetch the alert detail)',
      'record 3 (alert SR/03005/26): unreadable record: product.brands: Invalid input: expected array, received string',
      'record 4: reference and id are missing',
    ]);
  });

  it('reads the weekly report XML: CDATA, entities, day-first report date, lists in one element', () => {
    const result = eu.map(fixture('weekly-report.xml'), NOW);
    expect(result.skipped.map((s) => s.reason)).toEqual(['record 2: caseNumber is missing']);
    const [dryer, hoodie] = result.recalls;
    expect(dryer).toMatchObject({
      id: 'eu-safety-gate:SR/03010/26',
      title: 'Hair dryer – Vento & Co – Ionic Travel Dryer',
      published: '2026-10-30',
      countryOfOrigin: ['China'],
      url: 'https://vento.example/recall',
    });
    expect(dryer?.products[0]).toMatchObject({
      brands: ['Vento & Co'],
      models: ['VT-1800', 'VT-1800S'],
      gtins: ['04012345000016', '04012345000023'],
      lots: ['B-2026-07'],
    });
    expect(hoodie?.title).toBe('Children\'s hoodie – Hoodie "Little Fox"');
    expect(hoodie?.products[0]).toMatchObject({
      brands: [],
      models: ['LF-22', 'LF-23'],
      gtins: [],
      rawGtins: [],
    });
  });

  it('reads one XML element with or without CDATA', () => {
    expect(xmlElement('<a><b><![CDATA[x & <y>]]></b></a>', 'b')).toBe('x & <y>');
    expect(xmlElement('<b>x &amp; &#233;</b>', 'b')).toBe('x & é');
    expect(xmlElement('<b/>', 'b')).toBe('');
  });

  it("decodes XML's own entities only, and an out-of-range character reference does not stop the report", () => {
    expect(xmlElement('<b>&lt;A&gt; &quot;B&quot; &apos;C&apos; &#x41;&#66;</b>', 'b')).toBe(
      '<A> "B" \'C\' AB',
    );
    expect(xmlElement('<b>&nbsp;&eacute;</b>', 'b')).toBe('&nbsp;&eacute;');
    expect(xmlElement('<b>A&#x110000;B</b>', 'b')).toBe('A\uFFFDB');
  });

  it('describes the list POST and the detail URL', () => {
    expect(listRequest(2)).toEqual({
      url: 'https://ec.europa.eu/safety-gate-alerts/public/api/notification/mostRecent/?',
      method: 'POST',
      body: '{"language":"en","page":"2"}',
    });
    expect(detailUrl(10118970)).toBe(
      'https://ec.europa.eu/safety-gate-alerts/public/api/notification/10118970?language=en',
    );
  });

  it('claims only Safety Gate documents', () => {
    expect(eu.detect(other('../../fixtures/feeds/cpsc/recalls-page.json'))).toBe(false);
    expect(eu.detect(other('../../../scripts/demo-store/data/cpsc-demo.json'))).toBe(false);
    expect(eu.detect('<rss><channel><item><title>x</title></item></channel></rss>')).toBe(false);
    expect(eu.detect({ content: [{ title: 'x' }], totalPages: 1 })).toBe(false);
    for (const name of ['alert-toy.json', 'list-page.json', 'weekly-report.xml']) {
      expect(feeds.filter((f) => f.detect(fixture(name))).map((f) => f.id)).toEqual(['eu-safety-gate']);
    }
  });

  // The real Safety Gate details saved under ../shared/data: a missing folder skips here, and fails under CI.
  const REAL = findSharedData('eu-safety-gate/open-recall-format');
  describe.skipIf(!REAL)('on the real saved alerts', () => {
    const dir = REAL as string;
    it('maps every real sample, and every valid-GTIN barcode reaches the gtins', () => {
      let mapped = 0;
      let skipped = 0;
      let checked = 0;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
          product: { barcodes: Array<{ barcode: string }>; brands: Array<{ brand: string }> };
        };
        const result = eu.map(data, NOW);
        mapped += result.recalls.length;
        skipped += result.skipped.length;
        const product = result.recalls[0]?.products[0];
        for (const { barcode } of data.product.barcodes) {
          const key = gtinKey(barcode);
          if (key) {
            checked++;
            expect(product?.gtins, `${file} ${barcode}`).toContain(key);
          }
        }
        expect(product?.brands.map((b) => b.toLowerCase())).not.toContain('nincs');
      }
      expect([mapped, skipped]).toEqual([5, 0]);
      expect(checked).toBeGreaterThanOrEqual(8);
    });
  });
});
