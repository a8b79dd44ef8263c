import { describe, expect, it } from 'vitest';
import {
  mineChineseDateRanges,
  mineChineseQuantities,
  normalizeChinese,
  parseChineseDate,
  parseChineseQuantity,
  splitChineseList,
  unitsText,
} from '../../../utils/feeds/samr/chinese-text';

describe('Chinese dates', () => {
  it('reads 2023年1月1日 as an ISO day, a month and a year as shorter ISO dates', () => {
    expect(parseChineseDate('2023年1月1日')).toBe('2023-01-01');
    expect(parseChineseDate('生产于 2024 年 11 月 3 号')).toBe('2024-11-03');
    expect(parseChineseDate('2023年3月')).toBe('2023-03');
    expect(parseChineseDate('2023年')).toBe('2023');
    expect(parseChineseDate('2023.1.5')).toBe('2023-01-05');
  });

  it('reads full-width digits and refuses dates that do not exist', () => {
    expect(parseChineseDate('２０２３年１２月３１日')).toBe('2023-12-31');
    expect(parseChineseDate('2023年2月30日')).toBeNull();
    expect(parseChineseDate('2023年13月1日')).toBeNull();
    expect(parseChineseDate('no date here')).toBeNull();
  });

  it('reads a Chinese production date range', () => {
    expect(mineChineseDateRanges('生产日期为2023年1月1日至2023年6月30日的产品')).toEqual([
      {
        kind: 'manufactured',
        from: '2023-01-01',
        to: '2023-06-30',
        text: '生产日期为2023年1月1日至2023年6月30日',
        index: 0,
      },
    ]);
  });

  it('takes the kind from the words after a range, and lets the end of a range omit its year', () => {
    const [range] = mineChineseDateRanges('召回2022年3月1日至6月30日期间生产的电热水壶');
    expect(range).toMatchObject({ kind: 'manufactured', from: '2022-03-01', to: '2022-06-30' });
    const [sold] = mineChineseDateRanges('2023年5月至2023年8月销售的产品');
    expect(sold).toMatchObject({ kind: 'sold', from: '2023-05', to: '2023-08' });
  });

  it('leaves a lone date alone unless asked for single dates', () => {
    expect(mineChineseDateRanges('自2024年3月15日起召回')).toEqual([]);
    expect(mineChineseDateRanges('2024年3月15日', 'manufactured', true)).toMatchObject([
      { kind: 'manufactured', from: '2024-03-15', to: '2024-03-15' },
    ]);
  });
});

describe('Chinese quantities', () => {
  it('turns 1.2万 into 12,000', () => {
    const q = parseChineseQuantity('1.2万台');
    expect(q).toEqual({ value: 12000, unit: '台', text: '1.2万台' });
    expect(q && unitsText(q)).toBe('12000 units');
  });

  it('reads grouped digits, 千, mixed 万 and 千, and full-width digits', () => {
    expect(parseChineseQuantity('共计12,345件')?.value).toBe(12345);
    expect(parseChineseQuantity('约3千余件')).toMatchObject({ value: 3000, unit: '件' });
    expect(parseChineseQuantity('1万2千台')?.value).toBe(12000);
    expect(parseChineseQuantity('２.５万辆')).toMatchObject({ value: 25000, unit: '辆' });
  });

  it('does not read the year of a date as a count', () => {
    expect(parseChineseQuantity('2023年1月1日')).toBeNull();
    expect(parseChineseQuantity('2023年生产，共500件')?.value).toBe(500);
  });

  it('finds counts in prose only after a counting phrase', () => {
    expect(
      mineChineseQuantities('召回2023年生产的电暖器，共计1.5万台。客服电话400-800-1234。').map(
        (q) => q.value,
      ),
    ).toEqual([15000]);
  });
});

describe('Chinese punctuation and lists', () => {
  it('normalises full-width colons, commas, parentheses and spaces but keeps 、 and 。', () => {
    expect(normalizeChinese('型号：ＡＢ-１２（白色），　批次；X')).toBe('型号:AB-12(白色), 批次;X');
    expect(normalizeChinese('A、B。')).toBe('A、B。');
  });

  it('splits lists on 、，, and 及, dropping a trailing 等', () => {
    expect(splitChineseList('KX-100、KX-200，KX-300, KX-400及KX-500等')).toEqual([
      'KX-100',
      'KX-200',
      'KX-300',
      'KX-400',
      'KX-500',
    ]);
  });
});
