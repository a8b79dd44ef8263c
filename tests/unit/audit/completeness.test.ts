import { describe, expect, it } from 'vitest';
import { COMPLETENESS_ITEMS, listingCompleteness, RULE_NAME } from '../../../utils/audit/completeness';
import { speak } from '../../support/i18n-setup';

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

describe('listing completeness in Simplified Chinese', () => {
  it('names what is missing and the rules in Chinese', () => {
    speak('zh_CN');
    expect(listingCompleteness(row({ model: 'BLG26BE', manufacturer: 'BBWOO' })).summary).toBe(
      '缺少：欧盟负责人、警示和安全信息（GPSR）；条形码、批次（市场监管总局第21号公告）',
    );
    expect(
      listingCompleteness(
        row({
          manufacturer: 'm',
          responsiblePerson: 'r',
          barcode: '6901234567892',
          warnings: 'w',
          batch: 'b',
        }),
      ).summary,
    ).toBe('完整');
    expect(COMPLETENESS_ITEMS.map((i) => i.label())).toEqual([
      '制造商',
      '欧盟负责人',
      '产品标识',
      '警示和安全信息',
      '条形码',
      '批次',
    ]);
    expect(RULE_NAME.gpsr()).toBe('欧盟 GPSR 第19条');
  });
});
