import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyOrder,
  MAX_NOTICE_WORDS,
  MIN_SHARED,
  nameCanMatch,
  requiredShared,
  titleSimilarity,
  titleTokens,
  tokensAsPrinted,
} from '../../../utils/identity/title-similarity';

const sorted = (xs: string[]) => [...xs].sort();

describe('title tokens', () => {
  it('reads words after NFKC and lower case, with a plain plural folded to the singular', () => {
    expect(sorted(titleTokens('Toddler Step Stools', []))).toEqual(['step', 'stool', 'toddler']);
    expect(sorted(titleTokens('ＴＯＤＤＬＥＲ step stool', []))).toEqual(['step', 'stool', 'toddler']);
    expect(titleTokens("Children's Hooded Sweatshirts", [])).toEqual(
      titleTokens('Childrens Hooded Sweatshirt', []),
    );
    expect(titleTokens('Batteries, Boxes, Glasses', [])).toEqual(titleTokens('battery box glass', []));
  });

  it('shows shared tokens as the notice prints them, not in their folded form', () => {
    expect(
      tokensAsPrinted(['san', 'battery', 'stool', '踏凳'], 'Veilleuse sans fil, Batteries, Stools 踏凳'),
    ).toEqual(['sans', 'Batteries', 'Stools', '踏凳']);
  });

  it('leaves out sizes, pack counts, model numbers, years, colours, units and shop words', () => {
    expect(
      sorted(
        titleTokens(
          'NEW Premium Hand Warmer 5000mAh, 2-Pack (Pack of 2), 24 oz, LM-HW5000, 2024, Charcoal Grey, Size M',
          [],
        ),
      ),
    ).toEqual(['hand', 'warmer']);
  });

  it("leaves out the brand's words, from every brand name given", () => {
    expect(
      sorted(titleTokens('Kettlebrook Home Goods CozyNest Step Stool', ['Kettlebrook Home Goods, LLC'])),
    ).toEqual(['cozynest', 'step', 'stool']);
    expect(titleTokens('Kettlebrook', ['Kettlebrook'])).toEqual([]);
  });

  it('splits hyphenated words, so "Oil-Filled" and "oil filled" agree', () => {
    expect(titleTokens('Oil-Filled Radiator', [])).toEqual(titleTokens('oil filled radiators', []));
  });

  it('reads CJK text as character bigrams, with quantities, colours and shop words cut out', () => {
    expect(sorted(titleTokens('充电暖手宝 5000毫安 白色 新款', []))).toEqual(
      sorted(['充电', '电暖', '暖手', '手宝']),
    );
  });

  it('cuts a CJK brand name out before taking bigrams, so no bigram spans the brand', () => {
    expect(sorted(titleTokens('路摩充电暖手宝', ['Lumora/路摩']))).toEqual(
      sorted(['充电', '电暖', '暖手', '手宝']),
    );
    // Through the alias table: the Latin brand also removes its Chinese name.
    expect(sorted(titleTokens('格力落地扇', ['Gree']))).toEqual(['地扇', '落地']);
  });

  it('separates a Latin brand glued to Chinese text ("Lumora路摩")', () => {
    expect(sorted(titleTokens('Lumora路摩 暖手宝', ['Lumora/路摩']))).toEqual(['手宝', '暖手']);
  });

  it('lists tokens in one fixed order, whatever order the text has', () => {
    expect(titleTokens('stool step toddler cozynest', [])).toEqual(
      titleTokens('CozyNest Toddler Step Stool', []),
    );
    const tokens = titleTokens('CozyNest Toddler Step Stool', []);
    expect([...tokens].sort(keyOrder)).toEqual(tokens);
  });

  it('keeps the key order that stored index keys were built with (FNV-1a order, common words last)', () => {
    // Golden values: a change here changes the title keys of every index already stored or published.
    expect(titleTokens('Lumora Rechargeable Hand Warmer for Kids, CozyNest Edition', ['Lumora'])).toEqual([
      'cozynest',
      'hand',
      'warmer',
      'kid',
      'rechargeable',
    ]);
    expect(titleTokens('充电暖手宝 step stool', [])).toEqual([
      '暖手',
      '手宝',
      '充电',
      'stool',
      '电暖',
      'step',
    ]);
  });
});

describe('titleSimilarity', () => {
  const stool = 'Kettlebrook CozyNest Toddler Step Stools';

  it("scores the share of the notice name's words that the title carries, and names them", () => {
    const s = titleSimilarity(
      'Kettlebrook CozyNest Toddler Step Stool, Natural Wood, Kitchen Helper',
      stool,
      ['Kettlebrook'],
    );
    expect(s.score).toBe(1);
    expect(sorted(s.shared)).toEqual(['cozynest', 'step', 'stool', 'toddler']);
    expect(s.strong).toBe(true);
  });

  it('does not count what the title adds: marketing words cost nothing', () => {
    const plain = titleSimilarity('CozyNest Toddler Step Stool', stool, ['Kettlebrook']);
    const long = titleSimilarity(
      'CozyNest Toddler Step Stool Kitchen Helper Learning Tower Bathroom Sink Montessori Standing',
      stool,
      ['Kettlebrook'],
    );
    expect(long.score).toBe(plain.score);
  });

  it("needs every word of a name of up to four words: kids' helmet is not the recalled adult helmet", () => {
    const s = titleSimilarity('Fernhollow Kids Bike Helmet', 'Fernhollow Adult Bike Helmets', ['Fernhollow']);
    expect(sorted(s.shared)).toEqual(['bike', 'helmet']);
    expect(s.score).toBeCloseTo(2 / 3);
    expect(s.strong).toBe(false);
  });

  it('needs three shared words: a product type alone ("Night Light") singles out no product', () => {
    const s = titleSimilarity('GlowPal Night Light', 'GlowPal Night Light', ['GlowPal']);
    expect(s.score).toBe(1);
    expect(s.strong).toBe(false);
  });

  it('does not take one generic word in common for a match', () => {
    expect(titleSimilarity('Lumora Hand Cream', 'Lumora Rechargeable Hand Warmers', ['Lumora']).strong).toBe(
      false,
    );
  });

  it('lets one word of five or more be missing, but not two', () => {
    const notice = 'Three-wheel kick scooter for children, pink deck';
    expect(titleSimilarity('Three-Wheel Kick Scooter for Children', notice, []).strong).toBe(true);
    expect(titleSimilarity('Kick Scooter for Children', notice, []).strong).toBe(false);
  });

  it('refuses a notice "name" that is a description: more than nine distinctive words', () => {
    const description =
      'Sleep aid tablets diphenhydramine caplets bottle blister carton dispenser relief formula nighttime';
    const s = titleSimilarity(description, description, []);
    expect(s.noticeTokens.length).toBeGreaterThan(MAX_NOTICE_WORDS);
    expect(s.strong).toBe(false);
  });

  it('refuses an accessory whose title repeats the whole name of the product', () => {
    const s = titleSimilarity(
      'Replacement Charging Cable for Lumora Rechargeable Hand Warmers',
      'Lumora Rechargeable Hand Warmers',
      ['Lumora'],
    );
    expect(s.score).toBe(1);
    expect(sorted(s.accessoryWords)).toEqual(['cable', 'replacement']);
    expect(s.strong).toBe(false);
  });

  it('accepts an accessory word that the notice names itself', () => {
    expect(
      titleSimilarity('Glowmate USB Desk Lamp Adaptor', 'USB desk lamp adaptor', ['Glowmate']).strong,
    ).toBe(true);
  });

  it('compares CJK names by bigrams, allowing a word inserted into a five-bigram name', () => {
    const s = titleSimilarity('安睡宝 儿童汽车安全座椅 灰色', '儿童安全座椅', ['安睡宝']);
    expect(s.shared.length).toBe(4);
    expect(s.noticeTokens.length).toBe(5);
    expect(s.strong).toBe(true);
    expect(titleSimilarity('路摩 充电宝 移动电源', '充电暖手宝', ['路摩']).strong).toBe(false);
  });

  it('is containment, not symmetric: a short title does not carry a longer name', () => {
    const long = 'Harrow Heat oil-filled space heaters';
    const short = 'Harrow Heat Space Heater';
    expect(titleSimilarity(long, short, ['Harrow Heat']).score).toBe(1);
    expect(titleSimilarity(short, long, ['Harrow Heat']).score).toBe(0.5);
  });
});

describe('thresholds', () => {
  it('asks for at least three shared words and at least four in five', () => {
    expect([3, 4, 5, 6, 7, 8, 9].map(requiredShared)).toEqual([3, 4, 4, 5, 6, 7, 8]);
    expect(requiredShared(0)).toBe(MIN_SHARED);
  });

  it('only lets names of three to nine words match', () => {
    expect([2, 3, 9, 10].map(nameCanMatch)).toEqual([false, true, true, false]);
  });

  it('never leaves more than one word of a name out, so two index keys always reach a strong pair', () => {
    for (let n = MIN_SHARED; n <= MAX_NOTICE_WORDS; n++) expect(n - requiredShared(n)).toBeLessThanOrEqual(1);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties, over titles drawn from a small vocabulary (so that texts share words) and over any text.

const VOCABULARY = [
  'CozyNest',
  'Toddler',
  'Step',
  'Stools',
  'Hand',
  'Warmer',
  'Rechargeable',
  'Night',
  'Light',
  'Crescent',
  'Moon',
  'Kids',
  'Adult',
  'Bike',
  'Helmet',
  'Insulated',
  'Water',
  'Bottle',
  '充电暖手宝',
  '儿童安全座椅',
  'Kettlebrook',
  'Lumora',
];
const FILLER = [
  'New',
  'Premium',
  '2-Pack',
  '24 oz',
  'Black',
  'White',
  'Size M',
  '5000mAh',
  'of',
  'for',
  'the',
];
const BRANDS = ['Kettlebrook', 'Lumora', 'Gorilla Glue', 'Lumora/路摩', 'Generic'];

const titleFrom = (words: readonly string[]) =>
  fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(' '));
const anyTitle = fc.oneof(
  titleFrom(VOCABULARY),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const brands = fc.subarray(BRANDS);

describe('titleSimilarity properties', () => {
  it('scores between 0 and 1, and is strong only at 4/5 or more with at least three shared words', () => {
    fc.assert(
      fc.property(anyTitle, anyTitle, brands, (page, notice, b) => {
        const s = titleSimilarity(page, notice, b);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1);
        if (s.strong) {
          expect(s.score).toBeGreaterThanOrEqual(0.8);
          expect(s.shared.length).toBeGreaterThanOrEqual(MIN_SHARED);
        }
      }),
    );
  });

  it('finds the same shared words whichever text is the title (the score is the asymmetric part)', () => {
    fc.assert(
      fc.property(anyTitle, anyTitle, brands, (a, b, br) => {
        expect(sorted(titleSimilarity(a, b, br).shared)).toEqual(sorted(titleSimilarity(b, a, br).shared));
      }),
    );
  });

  it('never scores lower when the title gains words', () => {
    fc.assert(
      fc.property(
        anyTitle,
        anyTitle,
        titleFrom([...VOCABULARY, ...FILLER]),
        brands,
        (page, notice, extra, b) => {
          expect(titleSimilarity(`${page} ${extra}`, notice, b).score).toBeGreaterThanOrEqual(
            titleSimilarity(page, notice, b).score,
          );
        },
      ),
    );
  });

  it('gives a name its full score against itself, whenever it has a distinctive word', () => {
    fc.assert(
      fc.property(anyTitle, brands, (name, b) => {
        const s = titleSimilarity(name, name, b);
        expect(s.score).toBe(s.noticeTokens.length > 0 ? 1 : 0);
      }),
    );
  });

  it('reads plain ASCII on its short path exactly as the general path reads it', () => {
    fc.assert(
      fc.property(
        fc.oneof(titleFrom([...VOCABULARY.slice(0, 17), ...FILLER]), fc.string({ maxLength: 60 })),
        (text) => {
          // U+3000 (an ideographic space, NFKC: a space) sends the same text down the general path.
          expect(titleTokens(`${text}\u3000`, [])).toEqual(titleTokens(text, []));
        },
      ),
    );
  });

  it('never finds a title of brand words, sizes, colours and shop words strong: a brand alone never matches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BRANDS), titleFrom(FILLER), titleFrom(FILLER), (brand, a, b) => {
        const s = titleSimilarity(`${brand} ${a}`, `${brand} ${b}`, [brand]);
        expect(s.shared).toEqual([]);
        expect(s.strong).toBe(false);
      }),
    );
  });
});
