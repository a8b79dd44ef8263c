import { describe, expect, it } from 'vitest';
import { manualIdentity, readManualQuery } from '../../utils/manual-query';
import { ProductIdentity } from '../../utils/schemas';

describe('reading what a shopper types into the manual lookup', () => {
  it('reads a UPC-A as a barcode, spaces and dashes and all (the Kroger acetaminophen of 2022)', () => {
    expect(readManualQuery('0 41260-01284 6')).toEqual({
      ok: true,
      kind: 'barcode',
      printed: '041260012846',
      gtin14: '00041260012846',
      brand: null,
    });
  });

  it.each([
    ['an EAN-13', '4901234567894', '04901234567894'],
    ['a JAN in full-width digits', '４９０１２３４５６７８９４', '04901234567894'],
    ['a GTIN-14', '10041260012843', '10041260012843'],
    ['an EAN-8', '96385074', '00000096385074'],
    ['a UPC-E', '01234565', '00012345000065'],
    ['an ISBN-10', '0-8044-2957-X', '09780804429573'],
  ])('reads %s', (_what, typed, gtin14) => {
    expect(readManualQuery(typed)).toMatchObject({ ok: true, kind: 'barcode', gtin14 });
  });

  it('checks the check digit first and names the digit it should be', () => {
    const read = readManualQuery('041260012847');
    expect(read).toEqual({ ok: false, reason: expect.stringContaining('should be 6, not 7') });
  });

  it('says an 11-digit number is probably a UPC missing its last digit', () => {
    expect(readManualQuery('04126001284')).toEqual({
      ok: false,
      reason: expect.stringMatching(/8, 12, 13 or 14 digits; that has 11\. .*last digit missing/),
    });
  });

  it('reads anything with letters as a model number, with the brand when one is given', () => {
    expect(readManualQuery('  HHP-715 ', 'HoMedics')).toEqual({
      ok: true,
      kind: 'model',
      model: 'HHP-715',
      brand: 'HoMedics',
    });
  });

  it.each([
    ['a brand alone', 'Kettlebrook', /brand or product name alone/],
    ['a generic model', 'A1', /too short/],
    ['a pack count', '2-pack', /size or a pack count|too short/],
    ['nothing', '   ', /Type a barcode or a model/],
  ])('refuses %s, which can never identify a recalled product', (_what, typed, reason) => {
    expect(readManualQuery(typed)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('builds an identity that parses, from no page and no shop, saying the values were typed', () => {
    const read = readManualQuery('041260012846', 'Kroger');
    if (!read.ok) throw new Error(read.reason);
    const identity = ProductIdentity.parse(manualIdentity(read));
    expect(identity).toMatchObject({ marketplace: null, gtins: ['00041260012846'], brand: 'Kroger' });
    expect(identity.facts.map((f) => f.source)).toEqual(['typed', 'typed']);
  });
});
