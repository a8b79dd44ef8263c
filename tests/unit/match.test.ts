import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandAliases, brandKey, brandsCompatible } from '../../utils/identity/brand';
import { BRAND_ALIAS_GROUPS } from '../../utils/identity/brand-aliases';
import { gtinKey } from '../../utils/identity/gtin';
import { inModelFamily, readModelFamily } from '../../utils/identity/model-family';
import { BANNER_TIERS, matchIdentity, matchRecall, tierRank } from '../../utils/recall-index/match';
import { modelRejectionForMatch } from '../../utils/recall-index/match-models';
import {
  type IdentityFact,
  ProductIdentity,
  Recall,
  type RecallIdentifier,
  RecallMatch,
  type RecallProduct,
} from '../../utils/schemas';

// ---------------------------------------------------------------------------------------------------
// Factories: the smallest valid page identity and recall, parsed by the real schemas so a test cannot
// pass on data the extension would never see.

function key(printed: string): string {
  const k = gtinKey(printed);
  if (!k) throw new Error(`test data: ${printed} is not a valid GTIN`);
  return k;
}

function identity(overrides: Partial<ProductIdentity> = {}): ProductIdentity {
  return ProductIdentity.parse({
    schemaVersion: 1,
    marketplace: 'amazon',
    pageType: 'product',
    url: 'https://www.amazon.com/dp/B000000000',
    itemId: 'B000000000',
    title: 'Some product',
    brand: null,
    manufacturer: null,
    models: [],
    gtins: [],
    rawGtins: [],
    seller: null,
    variant: null,
    quantity: null,
    facts: [],
    ...overrides,
  });
}

function fact(field: IdentityFact['field'], value: string, source: IdentityFact['source']): IdentityFact {
  return { field, value, source };
}

function identifier(
  field: RecallIdentifier['field'],
  value: string,
  origin: string,
  source: RecallIdentifier['source'] = 'structured',
): RecallIdentifier {
  return { field, value, origin, source };
}

function product(overrides: Partial<RecallProduct> = {}): RecallProduct {
  return {
    name: 'Recalled product',
    brands: [],
    models: [],
    gtins: [],
    rawGtins: [],
    lots: [],
    dateRanges: [],
    identifiers: [],
    ...overrides,
  };
}

function recall(overrides: Partial<Recall> = {}): Recall {
  return Recall.parse({
    schemaVersion: 1,
    id: 'cpsc:1',
    source: 'cpsc',
    jurisdiction: 'US',
    recallNumber: '24001',
    title: 'X Recalls Things',
    url: 'https://www.cpsc.gov/Recalls/2024/x',
    published: '2024-01-01',
    updated: null,
    status: 'active',
    version: '1',
    hazard: 'Fire hazard.',
    remedy: 'Refund.',
    remedyOptions: [],
    units: null,
    soldAt: null,
    countryOfOrigin: [],
    manufacturers: [],
    images: [],
    products: [product()],
    ...overrides,
  });
}

/** Matches must always satisfy the schema the background sends them under. */
function valid(match: RecallMatch | null): RecallMatch {
  expect(match).not.toBeNull();
  return RecallMatch.parse(match);
}

// ---------------------------------------------------------------------------------------------------

describe('matchRecall: what is never a match', () => {
  it('does not warn when only the brand matches', () => {
    const page = identity({ brand: 'Gorilla', models: ['GG-500X'], gtins: [key('036000291452')] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], models: ['TRX113'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });

  it('does not match a generic model, even under the same brand', () => {
    for (const generic of ['2-pack', 'A1', 'XL', '12oz', '2024', 'N/A']) {
      const page = identity({ brand: 'Gorilla', models: [generic] });
      const notice = recall({ products: [product({ brands: ['Gorilla'], models: [generic] })] });
      expect(matchRecall(page, notice), generic).toBeNull();
    }
  });

  it('does not match the same model under a different brand', () => {
    const page = identity({ brand: 'Anker', models: ['TRX113'] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], models: ['TRX113'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });

  it('does not match a mistyped code under a different brand', () => {
    const page = identity({ brand: 'Anker', rawGtins: ['035051591768'] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], rawGtins: ['035051591768'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });

  it('does not match "Apple" against a recall by "Applebee\'s"', () => {
    const page = identity({ brand: 'Apple', models: ['AB-1234'] });
    const notice = recall({ products: [product({ brands: ["Applebee's"], models: ['AB-1234'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });

  it('does not match a barcode that leaked into both model fields', () => {
    const page = identity({ brand: 'Gorilla', models: ['036000291452'] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], models: ['036000291452'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });
});

describe('matchRecall: confirmed', () => {
  it('confirms a UPC-A page against an EAN-13 recall', () => {
    const page = identity({
      brand: 'Gorilla',
      gtins: [key('\u200e766907002966')],
      rawGtins: ['766907002966'],
      facts: [
        fact('brand', 'Visit the Gorilla Store', 'byline'),
        fact('gtin', '\u200e766907002966', 'spec-table'),
      ],
    });
    const notice = recall({
      source: 'eu-safety-gate',
      id: 'eu-safety-gate:A12/00001/24',
      jurisdiction: 'EU',
      products: [
        product({
          brands: ['Gorilla'],
          gtins: [key('0766907002966')],
          identifiers: [
            identifier('gtin', '0766907002966', 'barcode'),
            identifier('brand', 'Gorilla', 'brand'),
          ],
        }),
      ],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('confirmed');
    expect(match.caveats).toEqual([]);
    expect(match.evidence).toEqual([
      {
        kind: 'gtin',
        pageValue: '766907002966',
        pageSource: 'spec-table',
        recallValue: '0766907002966',
        recallSource: 'structured',
        recallOrigin: 'barcode',
      },
      {
        kind: 'brand',
        pageValue: 'Gorilla',
        pageSource: 'byline',
        recallValue: 'Gorilla',
        recallSource: 'structured',
        recallOrigin: 'brand',
      },
    ]);
  });

  it('confirms a GTIN match when the page shows no brand', () => {
    const page = identity({ gtins: [key('036000291452')] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], gtins: [key('036000291452')] })] });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('confirmed');
    expect(match.evidence.map((e) => e.kind)).toEqual(['gtin']);
  });

  it('confirms a GTIN match when the brand is a word prefix of the firm ("Gorilla" and "Gorilla Glue")', () => {
    const page = identity({ brand: 'Gorilla', gtins: [key('036000291452')] });
    const notice = recall({
      manufacturers: ['The Gorilla Glue Company, of Cincinnati, Ohio'],
      products: [product({ gtins: [key('036000291452')] })],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('confirmed');
    expect(match.evidence.find((e) => e.kind === 'brand')).toMatchObject({
      pageValue: 'Gorilla',
      recallValue: 'The Gorilla Glue Company',
      recallOrigin: 'manufacturers',
    });
  });

  it('confirms a JD page branded 格力 against a Gree recall, through the alias table', () => {
    const page = identity({ marketplace: 'jd', brand: '格力', gtins: [key('6908791000053')] });
    const notice = recall({
      manufacturers: ['Gree Electric Appliances, Inc. of Zhuhai, China'],
      products: [product({ gtins: [key('6908791000053')] })],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('confirmed');
    expect(match.evidence.map((e) => e.kind)).toEqual(['gtin', 'brand']);
  });

  it('keeps the packaging indicator: a case GTIN-14 does not confirm the unit it contains', () => {
    const page = identity({ gtins: [key('0614141000418')] });
    const notice = recall({ products: [product({ gtins: [key('10614141000415')] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });

  it('reports each shared GTIN once, however often either side repeats it', () => {
    const gtin = key('035051504153');
    const page = identity({ gtins: [gtin, gtin] });
    const notice = recall({ products: [product({ gtins: [gtin, gtin] })] });
    expect(valid(matchRecall(page, notice)).evidence).toHaveLength(1);
  });
});

describe('matchRecall: GTIN with a disagreeing brand', () => {
  it('downgrades a GTIN match to possible when the brands disagree', () => {
    const page = identity({ brand: 'Anker', gtins: [key('053505505648')] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], gtins: [key('053505505648')] })] });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('possible');
    expect(match.caveats).toEqual([
      expect.objectContaining({ kind: 'brand-differs', basis: 'barcode', values: ['Anker', 'Gorilla'] }),
    ]);
    expect(match.evidence.map((e) => e.kind)).toEqual(['gtin']);
  });
});

describe('matchRecall: likely', () => {
  it('rates an equal distinctive model under a compatible brand as likely', () => {
    const page = identity({
      brand: 'ViewSonic',
      models: ['VX3276-4K-mhd'],
      facts: [fact('model', 'VX3276-4K-mhd', 'spec-table'), fact('brand', 'ViewSonic', 'json-ld')],
    });
    const notice = recall({
      products: [
        product({
          brands: ['ViewSonic'],
          models: ['VX3276-4K-MHD'],
          identifiers: [identifier('model', 'VX3276-4K-MHD', 'Description', 'prose')],
        }),
      ],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('likely');
    expect(match.evidence[0]).toEqual({
      kind: 'model',
      pageValue: 'VX3276-4K-mhd',
      pageSource: 'spec-table',
      recallValue: 'VX3276-4K-MHD',
      recallSource: 'prose',
      recallOrigin: 'Description',
    });
    expect(match.evidence[1]).toMatchObject({ kind: 'brand', pageSource: 'json-ld', recallOrigin: 'brands' });
  });

  it('relates a Chinese and a Latin brand name through the alias table', () => {
    const page = identity({ marketplace: 'tmall', brand: 'Apple/苹果', models: ['A2337'] });
    const notice = recall({
      manufacturers: ['Apple Inc., of Cupertino, California'],
      products: [product({ models: ['A2337'] })],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('likely');
    expect(match.evidence.find((e) => e.kind === 'brand')).toMatchObject({
      pageValue: 'Apple/苹果',
      recallValue: 'Apple Inc.',
    });
  });

  it("uses the importer's dba name as a recall brand", () => {
    const page = identity({ brand: 'Enhomee', models: ['EH-FP2201'] });
    const notice = recall({
      manufacturers: ['Shenzhen X Co., Ltd., dba Enhomee-Direct, of China'],
      products: [product({ models: ['EH-FP2201'] })],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('likely');
    expect(match.evidence.find((e) => e.kind === 'brand')?.recallValue).toBe('Enhomee-Direct');
  });

  it("uses the page's manufacturer when it shows no brand", () => {
    const page = identity({ manufacturer: 'Gorilla Glue Company', models: ['BSFIREPIT01'] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], models: ['BSFIREPIT01'] })] });
    expect(valid(matchRecall(page, notice)).tier).toBe('likely');
  });

  it('ignores a Taobao "其他/Other" brand as much as a plain sentinel', () => {
    const page = identity({ marketplace: 'taobao', brand: '其他/Other', models: ['HANS0002'] });
    const notice = recall({ products: [product({ brands: ['Hansen'], models: ['HANS0002'] })] });
    expect(valid(matchRecall(page, notice)).caveats.map((c) => c.kind)).toEqual(['brand-unknown']);
  });

  it('ignores a sentinel brand such as "Generic" (it neither confirms nor vetoes)', () => {
    const page = identity({ brand: 'Generic', models: ['HANS0002'] });
    const notice = recall({ products: [product({ brands: ['Hansen'], models: ['HANS0002'] })] });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('possible');
    expect(match.caveats.map((c) => c.kind)).toEqual(['brand-unknown']);
  });
});

describe('matchRecall: possible', () => {
  it('rates an equal distinctive model with no brand on the page as possible, saying why', () => {
    const page = identity({ models: ['TRX113'], facts: [fact('model', 'TRX113', 'title-text')] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], models: ['TRX113'] })] });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('possible');
    expect(match.caveats).toEqual([expect.objectContaining({ kind: 'brand-unknown', values: ['Gorilla'] })]);
    expect(match.evidence).toEqual([
      expect.objectContaining({ kind: 'model', pageSource: 'title-text', recallOrigin: 'models' }),
    ]);
  });

  it('rates an equal model with no brand in the notice as possible', () => {
    const page = identity({ brand: 'Gorilla', models: ['KB-TS100'] });
    const notice = recall({ products: [product({ models: ['KB TS100'] })] });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('possible');
    expect(match.caveats[0]?.kind).toBe('brand-unknown');
  });

  it("falls back to the raw code when the notice's copy fails the check digit", () => {
    const page = identity({
      rawGtins: ['7 84762 03730 3'],
      facts: [fact('gtin', '7 84762 03730 3', 'embedded-json')],
    });
    const notice = recall({
      source: 'openfda',
      id: 'openfda:F-0001-2024',
      products: [
        product({
          rawGtins: ['UPC 7 84762 03730 3'],
          identifiers: [identifier('rawGtin', 'UPC 7 84762 03730 3', 'code_info', 'prose')],
        }),
      ],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('possible');
    expect(match.evidence).toEqual([
      {
        kind: 'raw-gtin',
        pageValue: '7 84762 03730 3',
        pageSource: 'embedded-json',
        recallValue: 'UPC 7 84762 03730 3',
        recallSource: 'prose',
        recallOrigin: 'code_info',
      },
    ]);
  });

  it('does not use raw codes shorter than a GTIN', () => {
    const page = identity({ rawGtins: ['1234567'] });
    const notice = recall({ products: [product({ rawGtins: ['1234567'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });
});

describe('matchRecall: possible by title', () => {
  const stoolNotice = () =>
    recall({
      products: [
        product({
          name: 'Kettlebrook CozyNest Toddler Step Stools',
          brands: ['Kettlebrook'],
          models: ['KB-TS100'],
          gtins: [key('850012345671')],
        }),
      ],
    });
  const stoolTitle = 'Kettlebrook CozyNest Toddler Step Stool, Natural Wood';

  it('rates compatible brands and a title that carries the product name as possible, never more', () => {
    const page = identity({
      brand: 'Kettlebrook',
      title: stoolTitle,
      facts: [fact('title', stoolTitle, 'json-ld'), fact('brand', 'Kettlebrook', 'byline')],
    });
    const match = valid(matchRecall(page, stoolNotice()));
    expect(match.tier).toBe('possible');
    expect(match.evidence).toEqual([
      {
        kind: 'title',
        pageValue: stoolTitle,
        pageSource: 'json-ld',
        recallValue: 'Kettlebrook CozyNest Toddler Step Stools',
        recallSource: 'structured',
        recallOrigin: 'name',
        shared: expect.arrayContaining(['cozynest', 'toddler', 'step', 'stool']),
        score: 1,
      },
      expect.objectContaining({ kind: 'brand', pageValue: 'Kettlebrook', pageSource: 'byline' }),
    ]);
  });

  it('says that the match rests on the name alone', () => {
    const match = valid(matchRecall(identity({ brand: 'Kettlebrook', title: stoolTitle }), stoolNotice()));
    expect(match.caveats.map((c) => c.kind)).toEqual(['title-only']);
    expect(match.caveats[0]?.message).toMatch(/no barcode or model number was compared/);
  });

  it('needs a brand on both sides: not on a page without one, not against a notice without one', () => {
    expect(matchRecall(identity({ title: stoolTitle }), stoolNotice())).toBeNull();
    const unbranded = recall({ products: [product({ name: 'Kettlebrook CozyNest Toddler Step Stools' })] });
    expect(matchRecall(identity({ brand: 'Kettlebrook', title: stoolTitle }), unbranded)).toBeNull();
  });

  it('does not match the same title under another brand', () => {
    const page = identity({ brand: 'Timbertot', title: 'Timbertot CozyNest Toddler Step Stool' });
    expect(matchRecall(page, stoolNotice())).toBeNull();
  });

  it('does not match when the models on both sides differ, however alike the names', () => {
    const page = identity({ brand: 'Kettlebrook', title: stoolTitle, models: ['KB-TS200'] });
    expect(matchRecall(page, stoolNotice())).toBeNull();
  });

  it('does not match when the barcodes on both sides differ (a redesign sold under a new code)', () => {
    const page = identity({ brand: 'Kettlebrook', title: stoolTitle, gtins: [key('850012345701')] });
    expect(matchRecall(page, stoolNotice())).toBeNull();
  });

  it('lets a model that agrees speak instead: likely, with no title evidence', () => {
    const page = identity({ brand: 'Kettlebrook', title: stoolTitle, models: ['KB-TS100'] });
    const match = valid(matchRecall(page, stoolNotice()));
    expect(match.tier).toBe('likely');
    expect(match.evidence.map((e) => e.kind)).toEqual(['model', 'brand']);
  });

  it('does not match a title that shares only the product type with the notice', () => {
    const page = identity({ brand: 'Kettlebrook', title: 'Kettlebrook Step Stool' });
    expect(matchRecall(page, stoolNotice())).toBeNull();
  });

  it('never matches on the brand alone, whatever brand words, sizes and colours the title adds', () => {
    const filler = [
      'New',
      '2-Pack',
      'Black',
      'Natural',
      '24 oz',
      'Kettlebrook',
      'Home',
      'Goods',
      'Official',
      'Store',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...filler), { maxLength: 10 }), (words) => {
        const page = identity({
          brand: 'Kettlebrook',
          manufacturer: 'Kettlebrook Home Goods',
          title: words.join(' '),
        });
        const notice = recall({
          manufacturers: ['Kettlebrook Home Goods, LLC'],
          products: [product({ name: `Kettlebrook ${words.join(' ')}`, brands: ['Kettlebrook'] })],
        });
        expect(matchRecall(page, notice)).toBeNull();
      }),
    );
  });
});

describe('matchRecall: caveats', () => {
  it('carries a lot caveat when the recall is limited to lots', () => {
    const gtin = key('5052089365995');
    const page = identity({ gtins: [gtin] });
    const notice = recall({ products: [product({ gtins: [gtin], lots: ['L2301', 'L2302'] })] });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('confirmed');
    const lot = match.caveats.find((c) => c.kind === 'lot-specific');
    expect(lot?.values).toEqual(['L2301', 'L2302']);
    expect(lot?.message).toMatch(/lot or batch code/);
  });

  it('carries a date caveat when the recall is limited to production dates', () => {
    const gtin = key('3667360229679');
    const page = identity({ gtins: [gtin] });
    const notice = recall({
      products: [
        product({
          gtins: [gtin],
          dateRanges: [
            { kind: 'manufactured', from: '2023-01', to: '2023-06', text: 'made January to June 2023' },
          ],
        }),
      ],
    });
    const caveat = valid(matchRecall(page, notice)).caveats.find((c) => c.kind === 'date-specific');
    expect(caveat?.values).toEqual(['made January to June 2023']);
  });

  it('does not ask the shopper to check a sale window, which no item carries', () => {
    const gtin = key('3667360229679');
    const notice = recall({
      products: [
        product({
          gtins: [gtin],
          dateRanges: [{ kind: 'sold', from: '2023-01', to: '2023-06', text: 'sold January to June 2023' }],
        }),
      ],
    });
    const caveats = valid(matchRecall(identity({ gtins: [gtin] }), notice)).caveats;
    expect(caveats.map((c) => c.kind)).not.toContain('date-specific');
  });

  it('says so when the recall is completed', () => {
    const gtin = key('3667360229679');
    const page = identity({ gtins: [gtin] });
    const notice = recall({ status: 'completed', products: [product({ gtins: [gtin] })] });
    expect(valid(matchRecall(page, notice)).caveats.map((c) => c.kind)).toEqual(['recall-completed']);
    // The notice's date travels with the caveat, for the UI to word in its own language.
    expect(valid(matchRecall(page, notice)).caveats[0]?.published).toBe(notice.published);
  });

  it('dates a completed recall, so an old one reads as old', () => {
    const gtin = key('3667360229679');
    const notice = recall({
      status: 'completed',
      published: '2014-03-20',
      products: [product({ gtins: [gtin] })],
    });
    const caveat = valid(matchRecall(identity({ gtins: [gtin] }), notice)).caveats[0];
    expect(caveat?.message).toContain('published 2014-03-20');
    expect(caveat?.values).toEqual([]);
  });
});

describe('matchRecall: several products in one notice', () => {
  it('reports the best matching product and its index', () => {
    const page = identity({ brand: 'Gorilla', models: ['TRX113'], gtins: [key('849398065631')] });
    const notice = recall({
      products: [
        product({ name: 'Other size', brands: ['Gorilla'], models: ['TRX110'] }),
        product({ name: 'Same model', brands: ['Gorilla'], models: ['TRX113'] }),
        product({
          name: 'Same barcode',
          brands: ['Gorilla'],
          models: ['TRX113'],
          gtins: [key('849398065631')],
        }),
      ],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.productIndex).toBe(2);
    expect(match.tier).toBe('confirmed');
    expect(match.evidence.map((e) => e.kind)).toEqual(['gtin', 'model', 'brand']);
  });
});

describe('evidence sources', () => {
  it('falls back to the first fact of the field, then to title-text', () => {
    const gtin = key('036000291452');
    const withOtherFact = identity({ gtins: [gtin], facts: [fact('gtin', '4006381333931', 'json-ld')] });
    const withoutFacts = identity({ gtins: [gtin] });
    const notice = recall({ products: [product({ gtins: [gtin] })] });
    expect(valid(matchRecall(withOtherFact, notice)).evidence[0]).toMatchObject({
      pageSource: 'json-ld',
      pageValue: gtin,
    });
    expect(valid(matchRecall(withoutFacts, notice)).evidence[0]).toMatchObject({
      pageSource: 'title-text',
      recallSource: 'structured',
      recallOrigin: 'gtins',
    });
  });
});

describe('matchIdentity', () => {
  it('returns every match, confirmed then likely then possible, newest notice first within a tier', () => {
    const gtin = key('036000291452');
    const page = identity({ brand: 'Gorilla', models: ['TRX113'], gtins: [gtin] });
    const notices = [
      recall({ id: 'cpsc:possible', products: [product({ models: ['TRX113'] })] }),
      recall({ id: 'cpsc:likely', products: [product({ brands: ['Gorilla'], models: ['TRX113'] })] }),
      recall({ id: 'cpsc:confirmed-old', published: '2019-05-01', products: [product({ gtins: [gtin] })] }),
      recall({ id: 'cpsc:unrelated', products: [product({ brands: ['Gorilla'], models: ['ZZ9000'] })] }),
      recall({ id: 'cpsc:confirmed-undated', published: null, products: [product({ gtins: [gtin] })] }),
      recall({ id: 'cpsc:confirmed-new', published: '2024-05-01', products: [product({ gtins: [gtin] })] }),
    ];
    const matches = matchIdentity(page, notices);
    expect(matches.map((m) => m.recallId)).toEqual([
      'cpsc:confirmed-new',
      'cpsc:confirmed-old',
      'cpsc:confirmed-undated',
      'cpsc:likely',
      'cpsc:possible',
    ]);
    expect(matches.map((m) => m.tier)).toEqual(['confirmed', 'confirmed', 'confirmed', 'likely', 'possible']);
  });

  it('accepts any iterable of recalls and returns nothing when nothing matches', () => {
    const page = identity({ brand: 'Gorilla' });
    const notices = new Set([recall({ products: [product({ brands: ['Gorilla'] })] })]);
    expect(matchIdentity(page, notices)).toEqual([]);
  });
});

describe('tiers', () => {
  it('ranks confirmed above likely above possible', () => {
    expect(tierRank('confirmed')).toBeGreaterThan(tierRank('likely'));
    expect(tierRank('likely')).toBeGreaterThan(tierRank('possible'));
  });

  it('shows a page banner for confirmed and likely matches only', () => {
    expect([...BANNER_TIERS]).toEqual(['confirmed', 'likely']);
    expect(BANNER_TIERS.includes('possible')).toBe(false);
  });
});

describe('distinctive models', () => {
  it('accepts a model with letters and digits that names one product', () => {
    expect(modelRejectionForMatch('KB-TS100')).toBeNull();
    expect(modelRejectionForMatch('VX3276-4K-MHD')).toBeNull();
  });

  it('rejects sizes, pack counts, years and GTIN-length digit runs, as the model rules do', () => {
    expect(modelRejectionForMatch('2-pack')).toBe('measure');
    expect(modelRejectionForMatch('12oz')).toBe('measure');
    expect(modelRejectionForMatch('2023')).toBe('year');
    expect(modelRejectionForMatch('850012345671')).toBe('gtin-like');
  });

  it('rejects standards, connectors, cells, ratings and ages that thousands of products print', () => {
    for (const common of [
      'USB 3.0',
      'IP67',
      'IPX7',
      'CR2032',
      'KN95',
      'GB 6675',
      'EN71-3',
      'DDR4',
      'Ages 2-8',
      '12M+',
      'US10.5',
      '2023款',
      '500毫升',
    ]) {
      expect(modelRejectionForMatch(common), common).toBe('common-token');
    }
  });

  it("rejects the marketplace's own item id read as a model", () => {
    const page = { itemId: 'B0DEMO0099', marketplace: 'amazon' };
    expect(modelRejectionForMatch('B0DEMO0099', page)).toBe('item-id');
    expect(modelRejectionForMatch('KB-TS100', page)).toBeNull();
  });

  it("keeps a model equal to a generic page's item id, which is the shop's own SKU", () => {
    expect(modelRejectionForMatch('KB-TS100', { itemId: 'KB-TS100', marketplace: 'generic' })).toBeNull();
  });

  it('treats a family spelling as a family, never as one model', () => {
    expect(modelRejectionForMatch('BSFIREPIT01–03')).toBe('family');
  });

  it("does not match on a marketplace's own item id as a model, even when the notice prints the same string", () => {
    const page = identity({
      marketplace: 'walmart',
      itemId: '318765432',
      brand: 'Gorilla',
      models: ['318765432'],
    });
    const notice = recall({ products: [product({ brands: ['Gorilla'], models: ['318765432'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });

  it('confirms an Amazon listing whose own ASIN the notice prints: the notice names that listing', () => {
    const page = identity({ itemId: 'B0DEMO0099', brand: 'Gorilla', models: ['B0DEMO0099'] });
    const notice = recall({ products: [product({ brands: ['Gorilla'], models: ['B0DEMO0099'] })] });
    expect(matchRecall(page, notice)?.tier).toBe('confirmed');
  });
});

describe('model families', () => {
  it('reads an en-dash range as its members', () => {
    expect(readModelFamily('BSFIREPIT01–03')).toEqual({
      kind: 'range',
      printed: 'BSFIREPIT01–03',
      members: ['BSFIREPIT01', 'BSFIREPIT02', 'BSFIREPIT03'],
    });
  });

  it('reads ranges written with words and with a shortened end', () => {
    expect(readModelFamily('TRX110 through TRX113')).toMatchObject({
      members: ['TRX110', 'TRX111', 'TRX112', 'TRX113'],
    });
    expect(readModelFamily('TRX110–13')).toMatchObject({ members: ['TRX110', 'TRX111', 'TRX112', 'TRX113'] });
  });

  it('never reads a plain hyphen as a range, because "KB-TS100" and "HX200-05" are single models', () => {
    expect(readModelFamily('HX200-05')).toBeNull();
    expect(readModelFamily('KB-TS100')).toBeNull();
  });

  it('rejects runs whose ends differ in stem or whose members are not distinctive', () => {
    expect(readModelFamily('AB10 to CD20')).toBeNull();
    expect(readModelFamily('X1–X9')).toBeNull();
    expect(readModelFamily('10–20')).toBeNull();
  });

  it('reads a prefix only when the notice says "beginning with", "starting with", 以…开头 or ends it with *', () => {
    expect(readModelFamily('models beginning with TRX1')).toMatchObject({ kind: 'prefix', prefix: 'TRX1' });
    expect(readModelFamily('model numbers starting with HX7')).toMatchObject({ prefix: 'HX7' });
    expect(readModelFamily('型号以TRX1开头')).toMatchObject({ prefix: 'TRX1' });
    expect(readModelFamily('HX7*')).toMatchObject({ prefix: 'HX7' });
  });

  it('refuses a prefix without both a letter and a digit: "beginning with HX" claims too much', () => {
    expect(readModelFamily('models beginning with HX')).toBeNull();
  });

  it('puts a longer model under a prefix, but not the prefix itself', () => {
    const family = readModelFamily('HX7*');
    if (!family) throw new Error('HX7* is a family');
    expect(inModelFamily('HX7100', family)).toBe(true);
    expect(inModelFamily('HX7', family)).toBe(false);
    expect(inModelFamily('HX8100', family)).toBe(false);
  });

  it('rates a range member under a compatible brand as likely, citing the range as printed', () => {
    const page = identity({ brand: 'Blue Sky', models: ['BSFIREPIT02'] });
    const notice = recall({
      products: [
        product({
          brands: ['Blue Sky Outdoor Living'],
          models: ['BSFIREPIT01–03'],
          identifiers: [identifier('model', 'BSFIREPIT01–03', 'Description', 'prose')],
        }),
      ],
    });
    const match = valid(matchRecall(page, notice));
    expect(match.tier).toBe('likely');
    expect(match.evidence[0]).toMatchObject({
      kind: 'model',
      pageValue: 'BSFIREPIT02',
      recallValue: 'BSFIREPIT01–03',
      recallSource: 'prose',
      recallOrigin: 'Description',
    });
  });

  it('does not match a model past the end of the range', () => {
    const page = identity({ brand: 'Blue Sky', models: ['BSFIREPIT04'] });
    const notice = recall({ products: [product({ brands: ['Blue Sky'], models: ['BSFIREPIT01–03'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });

  it('rates a model under a spelled-out prefix as likely when the brands agree', () => {
    const page = identity({ brand: 'Harrow Heat', models: ['HX7100'] });
    const notice = recall({
      products: [product({ brands: ['Harrow Heat'], models: ['models beginning with HX7'] })],
    });
    expect(valid(matchRecall(page, notice)).tier).toBe('likely');
  });

  it('does not match on a prefix alone when the page shows no brand', () => {
    const page = identity({ models: ['HX7100'] });
    const notice = recall({
      products: [product({ brands: ['Harrow Heat'], models: ['models beginning with HX7'] })],
    });
    expect(matchRecall(page, notice)).toBeNull();
  });

  it('does not match a prefix member under another brand', () => {
    const page = identity({ brand: 'Acme Heaters', models: ['HX7100'] });
    const notice = recall({ products: [product({ brands: ['Harrow Heat'], models: ['HX7*'] })] });
    expect(matchRecall(page, notice)).toBeNull();
  });
});

describe('brand alias table', () => {
  it('lists each brand under one group, with at least two names and a Latin name first', () => {
    const seen = new Map<string, number>();
    BRAND_ALIAS_GROUPS.forEach((group, i) => {
      expect(group.length, group.join(' / ')).toBeGreaterThanOrEqual(2);
      expect(group[0], group.join(' / ')).toMatch(/^[A-Za-z]/);
      for (const name of group) {
        const k = brandKey(name);
        expect(k, `${name} must name a brand, not a sentinel`).not.toBeNull();
        expect(seen.get(k as string), `${name} appears in two groups`).toBeUndefined();
        seen.set(k as string, i);
      }
    });
  });

  it('relates Latin and Chinese names both ways', () => {
    expect(brandsCompatible('Apple', '苹果')).toBe(true);
    expect(brandsCompatible('格力', 'Gree Electric Appliances, Inc.')).toBe(true);
    expect(brandsCompatible('Nestlé', '雀巢')).toBe(true);
    expect(brandsCompatible('罗技', 'Logicool')).toBe(true);
  });

  it("splits Tmall's Latin/Chinese form into both names", () => {
    expect(brandAliases('Apple/苹果')).toEqual(expect.arrayContaining(['apple', '苹果']));
    expect(brandsCompatible('苹果/Apple', 'Apple Inc.')).toBe(true);
  });

  it('keeps different brands apart even when a name starts the same way', () => {
    expect(brandsCompatible('Apple/苹果', "Applebee's")).toBe(false);
    expect(brandsCompatible('华为', 'Xiaomi')).toBe(false);
  });
});
