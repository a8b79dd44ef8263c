import { describe, expect, it } from 'vitest';
import { listingCompleteness } from '../../../utils/audit/completeness';

const row = (values: Record<string, string>) => ({ row: 2, values });

describe('listing completeness', () => {
  it('is complete when the listing shows what GPSR Art. 19 and SAMR No. 21 ask for', () => {
    expect(
      listingCompleteness(
        row({
          manufacturer: 'Hearthside Housewares',
          responsiblePerson: 'Hearthside EU BV',
          barcode: '6901234567892',
          warnings: 'Hot surface',
          batch: 'L2411',
        }),
      ),
    ).toEqual({ missing: [], summary: 'complete' });
  });

  it('names what is missing under each rule', () => {
    expect(listingCompleteness(row({ model: 'BLG26BE', manufacturer: 'BBWOO' }))).toEqual({
      missing: ['responsible-person', 'warnings', 'barcode', 'batch'],
      summary:
        'missing: EU responsible person, warnings and safety information (GPSR); barcode, batch (SAMR No. 21)',
    });
  });

  it('counts a model or a batch as a product identifier for GPSR, but only a barcode for SAMR', () => {
    const { missing } = listingCompleteness(row({ model: 'YJ-3355' }));
    expect(missing).not.toContain('identifiers');
    expect(missing).toContain('barcode');
  });
});
