/**
 * readCatalog meets whatever a merchant uploads: it must never throw on content (only on size), and
 * every row it audits or reports must carry a row number the file has.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../utils/audit/read-catalog';

const HEADERS = [
  'SKU',
  'Title',
  'Brand',
  'UPC',
  'Model',
  '条形码',
  'seller-sku',
  'Handle',
  'Variant SKU',
  'id',
];

describe('reading any catalog file', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        readCatalog(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('numbers every listing and every problem within the rows of a generated table', () => {
    const table = fc.record({
      headers: fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 6 }),
      rows: fc.array(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('041260012846', 'YJ-3355', '', '"', '\n')), {
          maxLength: 8,
        }),
        {
          maxLength: 30,
        },
      ),
    });
    fc.assert(
      fc.property(table, fc.constantFrom(',', '\t', ';'), ({ headers, rows }, delimiter) => {
        const text = Papa.unparse({ fields: headers, data: rows }, { delimiter });
        const catalog = readCatalog(new TextEncoder().encode(text));
        const records = rows.length + 1;
        for (const r of [...catalog.rows, ...catalog.problems]) {
          expect(r.row).toBeGreaterThanOrEqual(1);
          expect(r.row).toBeLessThanOrEqual(Math.max(records, 1));
        }
      }),
      { numRuns: 300 },
    );
  });
});
