import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brandAliases,
  brandAnchors,
  brandKey,
  brandsCompatible,
  brandWords,
  cleanBrand,
  dbaNames,
  firmName,
  stripByline,
} from '../../../utils/identity/brand';

describe('stripByline', () => {
  it.each([
    ['Visit the Gorilla Store', 'Gorilla'],
    ['Brand: Gorilla', 'Gorilla'],
    ['Besuchen Sie den Gorilla-Store', 'Gorilla'],
    ['Besuche den Gorilla-Store', 'Gorilla'],
    ['Marke: Gorilla', 'Gorilla'],
    ['Visitez la boutique Gorilla', 'Gorilla'],
    ['Visita la tienda de Gorilla', 'Gorilla'],
    ['Visita lo Store di Gorilla', 'Gorilla'],
    ['ブランド: Gorilla', 'Gorilla'],
    ['ブランド：ゴリラ', 'ゴリラ'],
    ['Gorillaのストアを表示', 'Gorilla'],
    ['\u200e Visit the  Gorilla Store ', 'Gorilla'],
  ])('reads %j as %j', (byline, brand) => {
    expect(stripByline(byline)).toBe(brand);
  });

  it('leaves a plain brand alone', () => {
    expect(stripByline('Gorilla Glue')).toBe('Gorilla Glue');
  });
});

describe('firmName', () => {
  it('cuts the place from "HARPPA, Inc., of Denver, Colorado"', () => {
    expect(firmName('HARPPA, Inc., of Denver, Colorado')).toBe('HARPPA, Inc.');
  });

  it('cuts the dba clause and the place from a CPSC importer line', () => {
    expect(firmName('Shenzhen X Co., Ltd., dba Enhomee-Direct, of China')).toBe('Shenzhen X Co., Ltd.');
  });

  it('cuts "of the People\'s Republic of China"', () => {
    expect(firmName("Foo Co., Ltd., of the People's Republic of China")).toBe('Foo Co., Ltd.');
  });

  it('cuts a place that follows a legal form without a comma', () => {
    expect(firmName('Foo Inc. of Shenzhen, China')).toBe('Foo Inc.');
  });

  it('keeps an "of" that belongs to the name', () => {
    expect(firmName('Bank of America')).toBe('Bank of America');
    expect(firmName('The Land of Nod, of Northbrook, Ill.')).toBe('The Land of Nod');
  });
});

describe('dbaNames', () => {
  it('extracts the dba name from "Shenzhen X Co., Ltd., dba Enhomee-Direct, of China"', () => {
    expect(dbaNames('Shenzhen X Co., Ltd., dba Enhomee-Direct, of China')).toEqual(['Enhomee-Direct']);
  });

  it('reads "d/b/a" and "doing business as", without quotes', () => {
    expect(dbaNames('Acme LLC d/b/a "Roadrunner Gear"; Beta Inc., doing business as Beta Home')).toEqual([
      'Roadrunner Gear',
      'Beta Home',
    ]);
  });

  it('finds nothing in a firm without a dba clause', () => {
    expect(dbaNames('HARPPA, Inc., of Denver, Colorado')).toEqual([]);
  });
});

describe('brandKey', () => {
  it.each([
    ['Apple Inc.', 'apple'],
    ['Southern Telecom Inc.', 'southerntelecom'],
    ['Acme, LLC', 'acme'],
    ['Shenzhen Enhomee Co., Ltd.', 'enhomee'],
    ['Ningbo Sunrise Electric Appliance Co., Ltd.', 'sunriseelectricappliance'],
    ['Shanghai', 'shanghai'],
    ['Bosch GmbH', 'bosch'],
    ['Gardena GmbH & Co. KG', 'gardena'],
    ['The Gorilla Glue Company', 'gorillaglue'],
    ['Johnson & Johnson', 'johnsonandjohnson'],
    ["Applebee's", 'applebees'],
    ['Visit the Gorilla Store', 'gorilla'],
    ['ＧＯＲＩＬＬＡ', 'gorilla'],
    ['小米科技有限责任公司', '小米科技'],
    ['小米官方旗舰店', '小米'],
    ['珠海格力电器股份有限公司', '格力电器'],
    ['联想（北京）有限公司', '联想'],
    ['株式会社ニトリ', 'ニトリ'],
    ['Dyson (UK)', 'dyson'],
  ])('keys %j as %j', (brand, key) => {
    expect(brandKey(brand)).toBe(key);
  });

  it.each([
    'Generic',
    'generic',
    'nincs',
    '其他',
    '无品牌',
    'N/A',
    'No Brand',
    'Unbranded',
    'Does Not Apply',
    'Ohne Marke',
    'ノーブランド品',
    '',
    '  ',
  ])('returns null for the non-brand %j', (sentinel) => {
    expect(brandKey(sentinel)).toBeNull();
    expect(cleanBrand(sentinel)).toBeNull();
  });

  it('keeps the words apart for word-boundary comparisons', () => {
    expect(brandWords('The Gorilla Glue Company')).toEqual(['gorilla', 'glue']);
    expect(brandWords('Enhomee-Direct')).toEqual(['enhomee', 'direct']);
  });
});

describe('brandAliases', () => {
  it('splits Tmall\'s "Apple/苹果" into both names, plus the alias table\'s spellings', () => {
    expect(brandAliases('Apple/苹果')).toEqual(expect.arrayContaining(['apple', '苹果']));
  });

  it('knows the table aliases of a name listed alone', () => {
    expect(brandAliases('联想')).toEqual(expect.arrayContaining(['联想', 'lenovo']));
  });

  it('does not split a slash between two Latin halves ("AC/DC" is one name)', () => {
    expect(brandAliases('AC/DC')).toEqual(['acdc']);
  });

  it('has no names for a sentinel', () => {
    expect(brandAliases('Generic')).toEqual([]);
  });
});

describe('brandsCompatible', () => {
  it('matches a brand with its legal name', () => {
    expect(brandsCompatible('Apple', 'Apple Inc.')).toBe(true);
    expect(brandsCompatible('HARPPA', firmName('HARPPA, Inc., of Denver, Colorado'))).toBe(true);
  });

  it('treats "Gorilla" (brand) and "Gorilla Glue" (manufacturer) as compatible', () => {
    expect(brandsCompatible('Gorilla', 'Gorilla Glue')).toBe(true);
    expect(brandsCompatible('Visit the Gorilla Store', 'The Gorilla Glue Company')).toBe(true);
  });

  it('treats "Apple" and "Applebee\'s" as different brands: a prefix counts only at a word boundary', () => {
    expect(brandsCompatible('Apple', "Applebee's")).toBe(false);
  });

  it('treats a dba name and its shorter trade name as compatible', () => {
    expect(brandsCompatible('Enhomee', 'Enhomee-Direct')).toBe(true);
  });

  it('looks past the city an importer puts before its trade name', () => {
    expect(brandsCompatible('Enhomee', 'Shenzhen Enhomee Technology Co., Ltd.')).toBe(true);
  });

  it('accepts a short brand that is a whole word of the firm ("LG" and "LG Electronics")', () => {
    expect(brandsCompatible('LG', 'LG Electronics Inc.')).toBe(true);
  });

  it('does not relate two brands that only share a first word', () => {
    expect(brandsCompatible('Gorilla Glue', 'Gorilla Tape')).toBe(false);
    expect(brandsCompatible('Anker', 'Apple')).toBe(false);
  });

  it('does not let a single letter stand for a brand', () => {
    expect(brandsCompatible('A', 'A Plus Toys')).toBe(false);
  });

  it('relates the Chinese and Latin names of a brand through the alias table', () => {
    expect(brandsCompatible('苹果', 'Apple')).toBe(true);
    expect(brandsCompatible('Apple/苹果', 'Apple Inc.')).toBe(true);
    expect(brandsCompatible('小米', 'Xiaomi Communications Co., Ltd.')).toBe(true);
    expect(brandsCompatible('Haier/海尔', '青岛海尔股份有限公司')).toBe(true);
    expect(brandsCompatible('格力', 'Gree Electric Appliances, Inc. of Zhuhai')).toBe(true);
  });

  it('finds a Chinese brand inside the registered firm name (city prefix and trade words aside)', () => {
    expect(brandsCompatible('格力', '珠海格力电器股份有限公司')).toBe(true);
    expect(brandsCompatible('美的', '广东美的制冷设备有限公司')).toBe(true);
  });

  it('never relates a sentinel to anything', () => {
    expect(brandsCompatible('Generic', 'Generic')).toBe(false);
    expect(brandsCompatible('其他', 'Apple')).toBe(false);
  });
});

describe('cleanBrand', () => {
  it('returns the brand as printed, without the byline', () => {
    expect(cleanBrand('Visit the Gorilla Store')).toBe('Gorilla');
    expect(cleanBrand('ブランド：ゴリラ')).toBe('ゴリラ');
  });
});

describe('brand properties', () => {
  const brandText = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 &'-]{0,20}$/);

  it('finds brand compatibility symmetric', () => {
    fc.assert(fc.property(brandText, brandText, (a, b) => brandsCompatible(a, b) === brandsCompatible(b, a)));
  });

  it('finds every real brand compatible with itself and with its legal name', () => {
    fc.assert(
      fc.property(brandText, (brand) => {
        fc.pre(brandKey(brand) !== null);
        return brandsCompatible(brand, brand) && brandsCompatible(brand, `${brand}, Inc.`);
      }),
    );
  });
});

describe('brandAnchors', () => {
  it('gives a brand and its longer firm name the same anchor', () => {
    expect(brandAnchors('Gorilla')).toEqual(['gorilla']);
    expect(brandAnchors('The Gorilla Glue Company, Inc.')).toEqual(['gorilla']);
    expect(brandAnchors('Kettlebrook Home Goods, LLC')).toEqual(['kettlebrook']);
  });

  it("gives every name of an alias group the Latin name's anchor", () => {
    for (const brand of ['Apple/苹果', '苹果', 'アップル', 'Apple Inc.'])
      expect(brandAnchors(brand)).toEqual(['apple']);
    expect(brandAnchors('珠海格力电器股份有限公司')).toEqual(['gree']);
    expect(brandAnchors('Logicool')).toEqual(['logitech']);
  });

  it("keeps both halves of Tmall's Latin/Chinese form when they are not in the alias table", () => {
    expect(brandAnchors('Lumora/路摩')).toEqual(['lumora', '路摩']);
  });

  it('has no anchor for a sentinel', () => {
    expect(brandAnchors('Generic')).toEqual([]);
    expect(brandAnchors('其他')).toEqual([]);
  });

  const names = [
    'Gorilla',
    'Gorilla Glue',
    'Gorilla Glue Company',
    'Apple',
    'Apple/苹果',
    '苹果',
    "Applebee's",
    '格力',
    '格力电器',
    '珠海格力电器股份有限公司',
    'Gree',
    'Gree Electric Appliances, Inc. of Zhuhai',
    'T-fal',
    'Tefal',
    '特福',
    'Lumora/路摩',
    '路摩',
    '路摩家居',
    'Lumora Outdoor Co., Ltd.',
    'Logicool',
    'Logitech',
    'ソニー',
    'Visit the Sony Store',
    'Shenzhen Enhomee Technology Co., Ltd.',
    'Enhomee',
    'Enhomee-Direct',
    'Nestle',
    'Nestlé',
    'Fisher-Price',
    '费雪',
  ];
  const word = fc.constantFrom(
    'acme',
    'ac',
    'home',
    'glue',
    'kettle',
    'kettlebrook',
    '格力',
    '格',
    '安睡',
    '安睡宝',
  );
  const made = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const brand = fc.oneof(fc.constantFrom(...names), made);

  it('shares an anchor between any two compatible brands (so a title key always meets)', () => {
    fc.assert(
      fc.property(brand, brand, (a, b) => {
        fc.pre(brandsCompatible(a, b));
        const anchors = new Set(brandAnchors(a));
        expect(
          brandAnchors(b).some((x) => anchors.has(x)),
          `${a} / ${b}`,
        ).toBe(true);
      }),
      { numRuns: 500 },
    );
    for (const a of names) {
      for (const b of names) {
        if (!brandsCompatible(a, b)) continue;
        const anchors = new Set(brandAnchors(a));
        expect(
          brandAnchors(b).some((x) => anchors.has(x)),
          `${a} / ${b}`,
        ).toBe(true);
      }
    }
  });
});
