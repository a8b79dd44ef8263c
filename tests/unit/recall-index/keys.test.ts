import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { titleSimilarity } from '../../../utils/identity/title-similarity';
import {
  identifierKeys,
  identityKeys,
  MAX_TITLE_KEYS_PER_PAGE,
  MAX_TITLE_KEYS_PER_RECALL,
  recallKeys,
} from '../../../utils/recall-index/keys';
import { MemoryIndex } from '../../../utils/recall-index/memory-index';
import { identity, recall } from '../support/factories';

const titleKeys = (keys: string[]) => keys.filter((k) => k.startsWith('t:'));

describe('title keys of a recall', () => {
  it('files a four-word name under its brand anchor and one word: the rule needs all four, so any one reaches it', () => {
    const keys = titleKeys(
      recallKeys(recall('1', { name: 'Kettlebrook CozyNest Toddler Step Stools', brands: ['Kettlebrook'] })),
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^t:kettlebrook:(?:cozynest|toddler|step|stool)$/);
  });

  it('files two keys when one word of the name may be missing, and never more than two', () => {
    const six = recall('2', {
      name: 'Three-wheel kick scooter for children, pink deck',
      brands: ['Kiddo Cruiser'],
    });
    expect(titleKeys(recallKeys(six))).toHaveLength(2);
    const many = recall(
      '3',
      { name: 'Acme Crescent Moon Night Lights', brands: ['Acme'] },
      {
        products: [
          'Acme Crescent Moon Night Lights',
          'Acme Sun Star Wall Lamps',
          'Acme Cloud Rain Ceiling Fans',
        ].map((name) => ({
          name,
          brands: ['Acme'],
          models: [],
          gtins: [],
          rawGtins: [],
          lots: [],
          dateRanges: [],
          identifiers: [],
        })),
      },
    );
    expect(titleKeys(recallKeys(many)).length).toBeLessThanOrEqual(MAX_TITLE_KEYS_PER_RECALL);
  });

  it('files no title key for a name the rule can never meet: two words, or a description', () => {
    expect(titleKeys(recallKeys(recall('4', { name: 'GlowPal Night Light', brands: ['GlowPal'] })))).toEqual(
      [],
    );
    const description =
      'Sleep aid tablets diphenhydramine caplets bottle blister carton dispenser relief formula nighttime';
    expect(titleKeys(recallKeys(recall('5', { name: description, brands: ['Calmora'] })))).toEqual([]);
  });

  it('files no title key without a brand: the rule needs one on both sides', () => {
    expect(titleKeys(recallKeys(recall('6', { name: 'CozyNest Toddler Step Stools' })))).toEqual([]);
    expect(
      titleKeys(recallKeys(recall('7', { name: 'CozyNest Toddler Step Stools', brands: ['Generic'] }))),
    ).toEqual([]);
  });

  it('uses the firm as the brand when the product lists none', () => {
    const r = recall(
      '8',
      { name: 'Lumora Rechargeable Hand Warmers' },
      { manufacturers: ['Lumora Outdoor Co., Ltd.'] },
    );
    expect(titleKeys(recallKeys(r))[0]).toMatch(/^t:lumora:/);
  });
});

describe('title keys of a page', () => {
  it('looks a page up under at most eight title keys', () => {
    const page = identity({
      brand: 'Kettlebrook',
      title:
        'Kettlebrook CozyNest Toddler Step Stool, Kitchen Helper Learning Tower for Kids Bathroom Sink, Montessori Standing Tower',
    });
    const keys = titleKeys(identityKeys(page));
    expect(keys).toHaveLength(MAX_TITLE_KEYS_PER_PAGE);
    expect(keys.every((k) => k.startsWith('t:kettlebrook:'))).toBe(true);
  });

  it('splits the eight keys between two brand anchors ("Lumora/路摩")', () => {
    const page = identity({
      brand: 'Lumora/路摩',
      title: 'Lumora路摩 充电暖手宝 便携双面发热 5000毫安 白色',
    });
    const keys = titleKeys(identityKeys(page));
    expect(keys.length).toBeLessThanOrEqual(MAX_TITLE_KEYS_PER_PAGE);
    expect(new Set(keys.map((k) => k.split(':')[1]))).toEqual(new Set(['lumora', '路摩']));
  });

  it('asks for nothing by title without a brand, or with fewer than three words besides it', () => {
    expect(titleKeys(identityKeys(identity({ title: 'CozyNest Toddler Step Stool' })))).toEqual([]);
    expect(
      titleKeys(identityKeys(identity({ brand: 'GlowPal', title: 'GlowPal Night Light, 2-Pack' }))),
    ).toEqual([]);
  });

  it('keeps identifier keys apart: a title alone does not make a page readable', () => {
    const page = identity({ brand: 'Kettlebrook', title: 'Kettlebrook CozyNest Toddler Step Stool' });
    expect(identifierKeys(page)).toEqual([]);
    expect(identityKeys(page).length).toBeGreaterThan(0);
  });

  it('brings up the recall through the index: the page and the notice share a key', () => {
    const notice = recall('9', { name: 'Kettlebrook CozyNest Toddler Step Stools', brands: ['Kettlebrook'] });
    const page = identity({
      brand: 'Kettlebrook',
      title: 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood',
    });
    const matches = new MemoryIndex([notice]).lookup(page);
    expect(matches.map((m) => [m.recallId, m.tier])).toEqual([['cpsc:9', 'possible']]);
  });
});

// ---------------------------------------------------------------------------------------------------

const NAME_WORDS = [
  'cozynest',
  'toddler',
  'step',
  'stool',
  'crescent',
  'moon',
  'night',
  'light',
  'insulated',
  'water',
  'bottle',
  'heated',
  'glove',
  'liner',
  'sesame',
  'rice',
  'cracker',
  'kick',
  'scooter',
  'wheel',
];
const EXTRA_WORDS = [
  'kitchen',
  'helper',
  'learning',
  'tower',
  'bathroom',
  'sink',
  'montessori',
  'standing',
  'wooden',
];
const BRAND_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['Kettlebrook', 'Kettlebrook Home Goods, LLC'],
  ['Gorilla', 'The Gorilla Glue Company'],
  ['格力', 'Gree'],
  ['Apple/苹果', 'Apple Inc.'],
];

describe('title keys reach every strong pair', () => {
  it('whenever the title rule holds, the page and the recall share a key (single brand, up to seven extra words)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...NAME_WORDS), { minLength: 3, maxLength: 9 }),
        fc.nat(),
        fc.uniqueArray(fc.constantFrom(...EXTRA_WORDS), { maxLength: 7 }),
        fc.constantFrom(...BRAND_PAIRS),
        fc.nat(),
        (name, dropAt, extra, [pageBrand, noticeBrand], seed) => {
          // One word of five or more may be left out, the rest shuffled among the extra words.
          const kept = name.length >= 5 ? name.filter((_, i) => i !== dropAt % name.length) : name;
          const words = [...kept, ...extra].sort(
            (a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7),
          );
          const title = `${pageBrand} ${words.join(' ')}`;
          const noticeName = `${noticeBrand} ${name.join(' ')}`;
          expect(titleSimilarity(title, noticeName, [pageBrand, noticeBrand]).strong).toBe(true);
          const notice = recall('10', { name: noticeName, brands: [noticeBrand] });
          const page = identity({ brand: pageBrand, title });
          const filed = new Set(recallKeys(notice));
          expect(
            identityKeys(page).some((k) => filed.has(k)),
            `${title} / ${noticeName}`,
          ).toBe(true);
        },
      ),
    );
  });
});
