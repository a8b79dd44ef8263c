import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanModel, isDistinctiveModel, modelKey, modelRejection } from '../../../utils/identity/model';

describe('modelKey', () => {
  it('ignores case, so "VX3276-4K-mhd" and "VX3276-4K-MHD" are one model', () => {
    expect(modelKey('VX3276-4K-mhd')).toBe(modelKey('VX3276-4K-MHD'));
  });

  it('ignores spaces, hyphens, dots, slashes and underscores', () => {
    const key = modelKey('VX3276-4K-MHD');
    for (const printed of [
      'vx3276 4k mhd',
      'VX3276.4K/MHD',
      'VX3276_4K_MHD',
      'VX 3276 - 4K - MHD',
      'VX3276\\4K\\MHD',
    ]) {
      expect(modelKey(printed)).toBe(key);
    }
  });

  it('ignores invisible marks and unicode dashes', () => {
    expect(modelKey('\u200eKB\u2011TS100')).toBe('KBTS100');
    expect(modelKey('KB–TS100\u00ad')).toBe('KBTS100');
  });

  it('composes what removing a separator brings together, so a key is its own key', () => {
    expect(modelKey('e-\u0301')).toBe('\u00c9');
    expect(modelKey(modelKey('e-\u0301'))).toBe(modelKey('e-\u0301'));
  });

  it('reads full-width letters and digits as ASCII (NFKC)', () => {
    expect(modelKey('ＫＢ－ＴＳ１００')).toBe('KBTS100');
  });
});

describe('modelRejection', () => {
  it.each([
    ['A1', 'too-short'],
    ['XL', 'too-short'],
    ['2-pack', 'measure'],
    ['12oz', 'measure'],
    ['500 ml', 'measure'],
    ['128GB', 'measure'],
    ['3.5mm', 'measure'],
    ['12 x 12 in', 'measure'],
    ['1080p', 'measure'],
    ['Pack of 2', 'measure'],
    ['Size 10', 'measure'],
    ['2nd Gen', 'measure'],
    ['3XL', 'too-short'],
    ['2024', 'year'],
    ['N/A', 'sentinel'],
    ['Does not apply', 'sentinel'],
    ['Nicht zutreffend', 'sentinel'],
    ['其他', 'sentinel'],
    ['Generic', 'sentinel'],
    ['-', 'empty'],
    ['Deluxe', 'no-digit'],
    ['12345', 'only-digits-short'],
    ['036000291452', 'gtin-like'],
    ['4006381333931', 'gtin-like'],
    ['8-49398-06563-1', 'gtin-like'],
  ])('rejects %j as %s', (model, reason) => {
    expect(modelRejection(model)).toBe(reason);
  });

  it.each([
    'BSFIREPIT01',
    'TRX113',
    'HANS0002',
    'KB-TS100',
    'VX3276-4K-MHD',
    'Item 593768',
    '1234567',
    // Eight digits in dashed groups whose check digit fails: a part number, not a barcode (SainSmart).
    '101-70-101',
  ])('keeps %j as a distinctive model', (model) => {
    expect(modelRejection(model)).toBeNull();
    expect(isDistinctiveModel(model)).toBe(true);
  });
});

describe('cleanModel', () => {
  it('removes invisible marks, collapses whitespace and drops trailing punctuation', () => {
    expect(cleanModel('\u200e  TRX113 ,')).toBe('TRX113');
    expect(cleanModel(': HANS0002.')).toBe('HANS0002');
  });

  it('drops a closing parenthesis only when it closes nothing', () => {
    expect(cleanModel('TRX113)')).toBe('TRX113');
    expect(cleanModel('TRX113 (blue)')).toBe('TRX113 (blue)');
  });

  it('returns null for sentinels and empty values', () => {
    expect(cleanModel('N/A')).toBeNull();
    expect(cleanModel('  ')).toBeNull();
    expect(cleanModel('其他')).toBeNull();
  });
});

describe('model properties', () => {
  it('makes modelKey idempotent, whatever the input (full unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const key = modelKey(text);
        return modelKey(key) === key;
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a key without separators or lower-case ASCII letters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (text) => !/[\s\-./\\_a-z]/.test(modelKey(text))));
  });

  it('judges a model and its key the same way', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        (text) => modelRejection(text) === modelRejection(modelKey(text)),
      ),
    );
  });
});
