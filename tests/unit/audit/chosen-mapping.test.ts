/**
 * The audit page's column step hands over the whole mapping as the merchant chose it: it replaces the
 * guess, can leave a guessed field unmapped, and ignores a header the file does not have.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from './read-fixture';

describe('reading a catalog with a chosen mapping', () => {
  it('uses the chosen columns instead of the guess', () => {
    const guessed = readFixture('generic.csv');
    expect(guessed.mapping.barcode).toBe('UPC');
    const chosen = readFixture('generic.csv', { mapping: { ...guessed.mapping, model: 'SKU' } });
    expect(chosen.mapping.model).toBe('SKU');
    expect(chosen.rows.find((r) => r.values.sku === 'HF-PS2000')?.values.model).toBe('HF-PS2000');
  });

  it('leaves a field unmapped when the merchant clears it', () => {
    const guessed = readFixture('generic.csv');
    const { barcode: _dropped, ...rest } = guessed.mapping;
    const chosen = readFixture('generic.csv', { mapping: rest });
    expect(chosen.mapping.barcode).toBeUndefined();
    expect(chosen.rows.every((r) => r.values.barcode === undefined)).toBe(true);
  });

  it('ignores a header the file does not have, and says when nothing is left to look up', () => {
    const chosen = readFixture('generic.csv', { mapping: { barcode: 'GTIN-not-here' } });
    expect(chosen.mapping).toEqual({});
    expect(chosen.rows).toEqual([]);
    expect(chosen.problems[0]?.message).toMatch(/no column is mapped/);
  });
});
