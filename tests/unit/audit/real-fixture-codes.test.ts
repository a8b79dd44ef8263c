/**
 * The catalog fixtures promise (tests/fixtures/catalogs/README.md) that the barcodes meant to match are
 * real ones from official notices. This holds them to it against the saved CPSC data itself, not only
 * the starter index built from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSharedData } from '../../../scripts/lib/shared-data';

const DATA = findSharedData('real-recalls', 'cpsc');

const REAL_UPCS = [
  '041260012846',
  '193175488718',
  '669028116546',
  '4061464174801',
  '4061464174849',
  '854460001073',
  '698904871507',
  '021196051706',
];

describe.skipIf(!DATA)('the real codes in the catalog fixtures', () => {
  it('are printed in the saved CPSC recall data', () => {
    const dir = DATA as string;
    const text =
      readFileSync(path.join(dir, 'all-recalls-1973-2026-compact.json'), 'utf8') +
      readFileSync(path.join(dir, 'cpsc-gov-recalls-2023-12_2026-03.csv'), 'utf8');
    const digits = text.replace(/[-\s]/g, '');
    expect(REAL_UPCS.filter((upc) => !digits.includes(upc))).toEqual([]);
  });

  it('include models printed in the saved cpsc.gov notices', () => {
    const csv = readFileSync(path.join(DATA as string, 'cpsc-gov-recalls-2023-12_2026-03.csv'), 'utf8');
    for (const model of ['YJ-3355', 'YJ-3371', 'BLG26BE', 'U021AA00', '157310', '55SCWMSCXLBR'])
      expect(csv, model).toContain(model);
  });
});
