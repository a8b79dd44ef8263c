import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expandUpcE,
  gtinCheckDigit,
  gtinKey,
  gtinKeys,
  isbn10To13,
  isValidGtin,
  rawGtinKey,
  readGtin,
  splitCodes,
  toGtin14,
} from '../../../utils/identity/gtin';

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));
const withCheckDigit = (body: string) => body + gtinCheckDigit(body);

describe('gtinCheckDigit', () => {
  it('computes the check digit of a GTIN-8 (EAN-8)', () => {
    expect(gtinCheckDigit('9638507')).toBe(4);
  });

  it('computes the check digit of a GTIN-12 (UPC-A)', () => {
    expect(gtinCheckDigit('03600029145')).toBe(2);
  });

  it('computes the check digit of a GTIN-13 (EAN-13)', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
  });

  it('computes the check digit of a GTIN-14 (case code)', () => {
    expect(gtinCheckDigit('1061414100041')).toBe(5);
  });

  it('gives 0 when the weighted sum is already a multiple of ten', () => {
    expect(gtinCheckDigit('00000000055')).toBe(0);
    expect(isValidGtin('000000000550')).toBe(true);
  });
});

describe('isValidGtin', () => {
  it.each(['96385074', '036000291452', '4006381333931', '10614141000415', '00802526559044'])(
    'accepts the valid GTIN %s',
    (gtin) => {
      expect(isValidGtin(gtin)).toBe(true);
    },
  );

  it('rejects a wrong check digit (CPSC item 593768 printed as 035051591768)', () => {
    expect(isValidGtin('035051591768')).toBe(false);
    expect(isValidGtin('035051593768')).toBe(true);
  });

  it('lets a typo through when the check digit happens to fit, so raw strings are indexed too', () => {
    // CPSC printed 053505505648, a transposed 035051505648; both pass the check.
    expect(isValidGtin('053505505648')).toBe(true);
    expect(isValidGtin('035051505648')).toBe(true);
  });

  it.each(['00000000', '000000000000', '0000000000000', '00000000000000'])(
    'rejects all zeros (%s)',
    (zeros) => {
      expect(isValidGtin(zeros)).toBe(false);
    },
  );

  it.each(['1234567', '12345678901', '123456789012345', '03600029145a', ' 036000291452'])(
    'rejects a value that is not 8, 12, 13 or 14 digits (%j)',
    (value) => {
      expect(isValidGtin(value)).toBe(false);
    },
  );
});

describe('toGtin14 and the index key', () => {
  it('treats UPC-A, the same number as EAN-13 with a leading 0, and GTIN-14 as one key', () => {
    expect(toGtin14('080313081316')).toBe('00080313081316');
    expect(toGtin14('0080313081316')).toBe('00080313081316');
    expect(gtinKey('080313081316')).toBe(gtinKey('0080313081316'));
    expect(gtinKey('00080313081316')).toBe('00080313081316');
  });

  it('keeps the packaging indicator of a GTIN-14', () => {
    expect(gtinKey('10614141000415')).toBe('10614141000415');
    expect(gtinKey('10614141000415')).not.toBe(gtinKey('0614141000418'));
  });

  it('pads a GTIN-8 with zeros', () => {
    expect(gtinKey('96385074')).toBe('00000096385074');
  });

  it("equates Amazon's 00766907002966 and 766907002966", () => {
    expect(gtinKey('00766907002966')).toBe('00766907002966');
    expect(gtinKey('766907002966')).toBe(gtinKey('00766907002966'));
  });

  it('treats a 12-digit value found under gtin13 as a UPC-A (the key name never sets the length)', () => {
    expect(gtinKey('078742351865')).toBe('00078742351865');
  });
});

describe('expandUpcE', () => {
  it('expands the published example 04252614 to 042100005264', () => {
    expect(expandUpcE('04252614')).toBe('042100005264');
  });

  it('expands a final digit 0, 1 or 2 as manufacturer digits plus that digit', () => {
    expect(expandUpcE('01234505')).toBe('012000003455');
  });

  it('expands a final digit 3 as three manufacturer digits', () => {
    expect(expandUpcE('01234531')).toBe('012300000451');
  });

  it('expands a final digit 4 as four manufacturer digits', () => {
    expect(expandUpcE('01234543')).toBe('012340000053');
  });

  it('expands a final digit 5 to 9 as five manufacturer digits and that product digit', () => {
    expect(expandUpcE('01234565')).toBe('012345000065');
  });

  it('rejects a UPC-E whose check digit does not fit the expansion', () => {
    expect(expandUpcE('04252615')).toBeNull();
  });

  it('rejects number systems other than 0 and 1, and other lengths', () => {
    expect(expandUpcE('24252614')).toBeNull();
    expect(expandUpcE('0425261')).toBeNull();
  });
});

describe('isbn10To13', () => {
  it('converts an ISBN-10 with an X check digit (Hachette 0-316-13354-X)', () => {
    expect(isbn10To13('031613354X')).toBe('9780316133548');
    expect(isbn10To13('031613354x')).toBe('9780316133548');
  });

  it('converts 0-8044-2957-X to 978-0-8044-2957-3', () => {
    expect(isbn10To13('080442957X')).toBe('9780804429573');
  });

  it('rejects an ISBN-10 whose mod-11 check fails', () => {
    expect(isbn10To13('0316133548')).toBeNull();
  });

  it('rejects values that are not 9 digits and a check character', () => {
    expect(isbn10To13('03161335X8')).toBeNull();
    expect(isbn10To13('31613354X')).toBeNull();
  });
});

describe('readGtin on printed forms from the real feeds', () => {
  it.each([
    ['8-49398-06563-1', '00849398065631'],
    ['0-80313-08131-6', '00080313081316'],
    ['UPC 1 00001 00029 7', '00100001000297'],
    ['UPC: 6908791000053', '06908791000053'],
    ['UPC 3 0603-7039-39 7', '00306037039397'],
    ['5052089365995', '05052089365995'],
    ['3667360229679', '03667360229679'],
    ['978-0-316-13354-8', '09780316133548'],
    ['ISBN 0-316-13354-X', '09780316133548'],
    ['EAN-13: 4006381333931', '04006381333931'],
    ['GTIN-14: 00802526559044', '00802526559044'],
    ['EAN/UPC: 0-80313-08131-6', '00080313081316'],
    ['JANコード：4901234567894', '04901234567894'],
  ])('reads %j as %s', (printed, key) => {
    expect(readGtin(printed).gtin14).toBe(key);
  });

  it('keeps FDA\'s "7 84762 03730 3" raw because its check digit is wrong', () => {
    expect(readGtin('7 84762 03730 3')).toEqual({ raw: '7 84762 03730 3', gtin14: null });
    expect(rawGtinKey('7 84762 03730 3')).toBe('784762037303');
  });

  it('keeps an 11-digit value raw instead of guessing its check digit', () => {
    expect(readGtin('03600029145')).toEqual({ raw: '03600029145', gtin14: null });
  });

  it('rejects all zeros', () => {
    expect(readGtin('000000000000').gtin14).toBeNull();
    expect(readGtin('0000-0000').gtin14).toBeNull();
  });

  it("reads Amazon values prefixed with U+200E, whether as the character or the '&lrm;' entity", () => {
    expect(readGtin('\u200e766907002966')).toEqual({ raw: '766907002966', gtin14: '00766907002966' });
    expect(readGtin('&lrm;766907002966').gtin14).toBe('00766907002966');
    expect(readGtin('\u200f\u200e UPC\u200e: 766907002966\ufeff').gtin14).toBe('00766907002966');
  });

  it('reads full-width digits and colons (NFKC) as printed on JD, Taobao and Japanese pages', () => {
    expect(readGtin('４００６３８１３３３９３１').gtin14).toBe('04006381333931');
    expect(readGtin('EAN：４００６３８１３３３９３１').gtin14).toBe('04006381333931');
  });

  it('reads unicode hyphens, non-breaking spaces and dots as separators', () => {
    expect(readGtin('8\u201149398\u201106563\u20111').gtin14).toBe('00849398065631');
    expect(readGtin('0\u00a080313\u00a008131\u00a06').gtin14).toBe('00080313081316');
    expect(readGtin('0.80313.08131.6').gtin14).toBe('00080313081316');
  });

  it("does not let a label's length designator eat the first digits of the code", () => {
    // 8712345678906 is a Dutch EAN-13: "EAN 8" must not be read as the label "EAN-8".
    expect(readGtin('EAN 8712345678906').gtin14).toBe('08712345678906');
    expect(readGtin('GTIN 12345678901231').gtin14).toBe('12345678901231');
    expect(rawGtinKey('ISBN 1305627377')).toBe('1305627377');
  });

  it('returns no key for text that is not a code', () => {
    expect(readGtin('see package').gtin14).toBeNull();
    expect(readGtin('').gtin14).toBeNull();
  });
});

describe('8-digit codes (EAN-8 or UPC-E)', () => {
  it('reads a code that is only a valid UPC-E as the expanded UPC-A', () => {
    expect(gtinKey('04252614')).toBe('00042100005264');
  });

  it('reads a code that is only a valid EAN-8 as the EAN-8', () => {
    expect(gtinKey('96385074')).toBe('00000096385074');
  });

  it('prefers UPC-E for a leading 0 (GTIN-8s starting with 0 are in-company numbers) but offers both', () => {
    // 01234565 is valid as an EAN-8 and as the UPC-E of 012345000065.
    expect(gtinKeys('01234565')).toEqual(['00012345000065', '00000001234565']);
    expect(gtinKey('01234565')).toBe('00012345000065');
  });
});

describe('rawGtinKey', () => {
  it('removes labels and separators but keeps leading zeros and an ISBN X', () => {
    expect(rawGtinKey('UPC: 035051591768')).toBe('035051591768');
    expect(rawGtinKey('0-316-13354-x')).toBe('031613354X');
    expect(rawGtinKey('\u200e035051591768')).toBe('035051591768');
  });
});

describe('splitCodes', () => {
  it("splits eBay's comma list and other separators into single codes", () => {
    expect(splitCodes('0123456789012, 0456789012345; 0789012345678')).toEqual([
      '0123456789012',
      '0456789012345',
      '0789012345678',
    ]);
    expect(splitCodes('036000291452 or 4006381333931')).toEqual(['036000291452', '4006381333931']);
  });

  it('drops pieces without a code', () => {
    expect(splitCodes('N/A')).toEqual([]);
  });
});

describe('GTIN properties', () => {
  it('makes any body plus its check digit valid, for every GTIN length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(7, 11, 12, 13).chain(digits),
        (body) => /[1-9]/.test(body) === isValidGtin(withCheckDigit(body)),
      ),
    );
  });

  it('invalidates a GTIN when any single digit changes', () => {
    fc.assert(
      fc.property(
        digits(11).filter((b) => /[1-9]/.test(b)),
        fc.nat(11),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const gtin = withCheckDigit(body);
          const changed = String((Number(gtin[position]) + delta) % 10);
          const mutated = gtin.slice(0, position) + changed + gtin.slice(position + 1);
          return !isValidGtin(mutated);
        },
      ),
    );
  });

  it('keeps a valid GTIN valid, and its key the same, when padded to 14 digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(11, 12, 13).chain(digits), (body) => {
        const gtin = withCheckDigit(body);
        fc.pre(isValidGtin(gtin));
        const key = toGtin14(gtin);
        return key.length === 14 && isValidGtin(key) && gtinKey(gtin) === key && gtinKey(key) === key;
      }),
    );
  });

  it('reads the same key whatever spaces and dashes are printed between the digits', () => {
    fc.assert(
      fc.property(
        digits(12),
        fc.array(fc.constantFrom('', ' ', '-', ' - ', '\u00a0'), { minLength: 13, maxLength: 13 }),
        (body, seps) => {
          const gtin = withCheckDigit(body);
          fc.pre(isValidGtin(gtin));
          const printed = [...gtin].map((d, i) => d + (seps[i] ?? '')).join('');
          return gtinKey(printed) === toGtin14(gtin);
        },
      ),
    );
  });

  it('reads any string without throwing, and yields either no key or a valid 14-digit key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const key = readGtin(text).gtin14;
        return key === null || (key.length === 14 && isValidGtin(key));
      }),
    );
  });

  it('turns every valid ISBN-10 into a valid 978 GTIN', () => {
    fc.assert(
      fc.property(digits(9), fc.constantFrom(...'0123456789X'), (body, check) => {
        const isbn13 = isbn10To13(body + check);
        return isbn13 === null || (isbn13.startsWith('978') && isValidGtin(isbn13));
      }),
    );
  });

  it('expands UPC-E only into valid 12-digit UPC-As that keep the number system', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[01]\d{7}$/), (upce) => {
        const upca = expandUpcE(upce);
        return upca === null || (upca.length === 12 && isValidGtin(upca) && upca[0] === upce[0]);
      }),
    );
  });
});
