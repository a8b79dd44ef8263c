/**
 * Hand-made pairs for the hard cases the fixtures do not cover, each labelled as described in labels.ts.
 * Pairs are grouped by the case they stand for; a pair's recall is either built here or named by the id
 * of a fixture recall (so lot, date and status caveats are checked on what the real mappers produce).
 *
 * Positives: the same GTIN printed as UPC-A, EAN-13, GTIN-14 or UPC-E; brand and model across
 * separators, case and full-width forms; Chinese, Japanese and Latin names of one brand; Tmall's
 * "Apple/苹果"; legal suffixes, bylines, dba and owner names; model families the notice spells.
 * Hard negatives: the same brand with another model; the same model or family under another brand; a
 * GTIN reused by another brand; generic models (sizes, packs, years, standards, item ids); brand-only
 * pairs. Lot- and date-limited notices must match and carry their caveat. The title rule (possible by
 * brand and product name) has positives across feeds and scripts, and hard negatives: the same brand
 * with another product or variant, one generic word or the product type in common, an accessory, the
 * same name under another brand, and a model or barcode that differs.
 */
import { type NoticeFields, notice, type PageFields, page } from './builders';
import type { Expectation, HandMadePair, Label } from './labels';

const STEP_STOOL = 'cpsc:90001';
const HAND_WARMER = 'cpsc:90002';

const pairs: HandMadePair[] = [];

function add(
  category: string,
  why: string,
  pageFields: PageFields,
  recall: NoticeFields | string,
  expect: Expectation,
  extra: Omit<Label, 'expect' | 'why'> = {},
): void {
  const n = pairs.filter((p) => p.category === category).length + 1;
  pairs.push({
    id: `${category}-${n}`,
    category,
    why,
    identity: page(pageFields),
    recall: typeof recall === 'string' ? recall : notice(recall),
    expect,
    ...extra,
  });
}

const confirmed: Expectation = { atLeast: 'confirmed' };
const likely: Expectation = { atLeast: 'likely' };
const possible: Expectation = { atLeast: 'possible' };
const popupOnly: Expectation = { atMost: 'possible' };

// ---------------------------------------------------------------------------------------------------
// One GTIN, printed several ways: all keyed to the same GTIN-14.

add(
  'same-gtin',
  'EAN-13 with a leading 0 on the page, UPC-A in the notice',
  { brand: 'Gorilla', codes: ['0036000291452'] },
  { brands: ['Gorilla'], codes: ['036000291452'] },
  confirmed,
);
add(
  'same-gtin',
  'GTIN-14 on the page, UPC-A in the notice',
  { brand: 'Gorilla', codes: ['00036000291452'] },
  { brands: ['Gorilla Glue'], codes: ['036000291452'] },
  confirmed,
);
add(
  'same-gtin',
  'UPC-E on the page, its UPC-A in the notice',
  { brand: 'Acme', codes: ['01234565'] },
  { brands: ['Acme'], codes: ['012345000065'] },
  confirmed,
);
add(
  'same-gtin',
  'UPC-A with dashes in the notice, plain on the page',
  { brand: 'Skylark', codes: ['849398065631'] },
  { brands: ['Skylark'], codes: ['8-49398-06563-1'] },
  confirmed,
);
add(
  'same-gtin',
  'full-width JAN digits on a Japanese page',
  { brand: 'ソニー', codes: ['４９０１２３４５６７８９４'] },
  { brands: ['Sony'], codes: ['4901234567894'] },
  confirmed,
);
add(
  'same-gtin',
  'UPC-A on the page, EAN-13 in an EU notice',
  { brand: 'Kindly Oak', codes: ['8712345000011'] },
  'eu-safety-gate:SR/03001/26',
  confirmed,
  { caveats: ['lot-specific'] },
);
add(
  'same-gtin',
  'a GTIN and no brand on the page',
  { brand: null, codes: ['5901234000079'] },
  'eu-safety-gate:SR/03002/26',
  confirmed,
);
add(
  'same-gtin',
  'a GTIN and no brand in the notice',
  { brand: 'Gorilla', codes: ['766907002966'] },
  { codes: ['0766907002966'] },
  confirmed,
);
add(
  'same-gtin',
  'the step stool GTIN as EAN-13 on a European page',
  { brand: 'Kettlebrook', codes: ['0850012345688'] },
  STEP_STOOL,
  confirmed,
);
add(
  'same-gtin',
  'a drug UPC printed as EAN-13',
  { brand: 'Calmora', codes: ['0300000123458'] },
  'openfda:D-0301-2027',
  confirmed,
  { caveats: ['lot-specific'] },
);
add(
  'same-gtin',
  'a food GTIN with a best-before limit',
  { brand: 'Marigold Pantry', codes: ['8851234000173'] },
  'openfda:H-2001-2026',
  confirmed,
  { caveats: ['date-specific'] },
);
add(
  'same-gtin',
  'a Chinese page and a SAMR notice with the same EAN',
  { marketplace: 'jd', brand: '安睡宝', codes: ['6912345678902'] },
  'samr:SAMR-XF-2026-0388',
  confirmed,
  { caveats: ['date-specific'] },
);
add(
  'same-gtin',
  'Tmall "Apple/苹果" and a GTIN in an Apple notice',
  { marketplace: 'taobao', brand: 'Apple/苹果', codes: ['0194252056639'] },
  { manufacturers: ['Apple Inc., of Cupertino, California'], codes: ['194252056639'] },
  confirmed,
);

// ---------------------------------------------------------------------------------------------------
// One model, printed several ways, under compatible brands.

add(
  'model-forms',
  'hyphens and case differ',
  { brand: 'ViewSonic', models: ['vx3276 4k mhd'] },
  { brands: ['ViewSonic'], models: ['VX3276-4K-MHD'] },
  likely,
);
add(
  'model-forms',
  'a space where the notice has a hyphen',
  { brand: 'Kettlebrook', models: ['KB TS100'] },
  STEP_STOOL,
  likely,
);
add(
  'model-forms',
  'a dot where the notice has a hyphen',
  { brand: 'Lumora', models: ['LM.HW5000'] },
  HAND_WARMER,
  likely,
);
add(
  'model-forms',
  'lower case and an underscore, lot-limited notice',
  { brand: 'Skylark', models: ['rk_210'] },
  'cpsc:91103',
  likely,
  { caveats: ['lot-specific'] },
);
add(
  'model-forms',
  'a space inside the model, lot-limited notice',
  { brand: 'GlowPal', models: ['GP NL310'] },
  'uk-opss:2610-0412',
  likely,
  { caveats: ['lot-specific'] },
);
add(
  'model-forms',
  'no separator at all, lot-limited notice',
  { brand: 'Kindly Oak', models: ['ko5531'] },
  'eu-safety-gate:SR/03001/26',
  likely,
  { caveats: ['lot-specific'] },
);
add(
  'model-forms',
  'full-width letters and dash',
  { brand: 'Vento & Co.', models: ['ＶＴ－１８００Ｓ'] },
  'eu-safety-gate:SR/03010/26',
  likely,
);
add(
  'model-forms',
  'the second product of a two-product notice',
  { brand: 'Kiddo Cruiser', models: ['KCH02'] },
  'uk-opss:2609-0187',
  likely,
);
add(
  'model-forms',
  'a SAMR notice that names the firm, not a brand',
  { brand: 'Glowmate', models: ['GM-AD5'] },
  'samr:SAMR-XF-2026-0391',
  likely,
  { caveats: ['recall-completed'] },
);
add(
  'model-forms',
  'a six-digit reference in a French notice',
  { brand: 'Ferrandel', models: ['108877'] },
  'rappelconso:2026-11-0101',
  likely,
  { caveats: ['lot-specific'] },
);

// ---------------------------------------------------------------------------------------------------
// Chinese, Japanese and Korean names of the same brand (the curated alias table).

add(
  'brand-scripts',
  '格力 on JD, Gree in the notice',
  { marketplace: 'jd', brand: '格力', models: ['KFR-35GW'] },
  { manufacturers: ['Gree Electric Appliances, Inc. of Zhuhai, China'], models: ['KFR-35GW'] },
  likely,
);
add(
  'brand-scripts',
  '小米 on Taobao, Xiaomi in the notice',
  { marketplace: 'taobao', brand: '小米', models: ['MJJSQ06DY'] },
  { brands: ['Xiaomi'], models: ['MJJSQ06DY'] },
  likely,
);
add(
  'brand-scripts',
  '华为 on JD, Huawei Technologies in the notice',
  { marketplace: 'jd', brand: '华为', models: ['HW-200325CP0'] },
  { manufacturers: ['Huawei Technologies Co., Ltd., of Shenzhen, China'], models: ['HW-200325CP0'] },
  likely,
);
add(
  'brand-scripts',
  '美的 on JD, Midea Group in the notice',
  { marketplace: 'jd', brand: '美的', models: ['MDVH-V180W'] },
  { manufacturers: ['Midea Group Co., Ltd.'], models: ['MDVH-V180W'] },
  likely,
);
add(
  'brand-scripts',
  'Haier on Amazon, 海尔 in a SAMR notice',
  { brand: 'Haier', models: ['BCD-216WMPT'] },
  { brands: ['海尔'], models: ['BCD-216WMPT'] },
  likely,
);
add(
  'brand-scripts',
  '戴森 on Tmall, Dyson in the notice',
  { marketplace: 'taobao', brand: '戴森', models: ['SV14'] },
  { brands: ['Dyson'], models: ['SV14'] },
  likely,
);
add(
  'brand-scripts',
  'ソニー on Amazon Japan, Sony in the notice',
  { brand: 'ソニー', models: ['WH-1000XM4'] },
  { brands: ['Sony'], models: ['WH-1000XM4'] },
  likely,
);
add(
  'brand-scripts',
  '삼성 on a Korean page, Samsung in the notice',
  { brand: '삼성', models: ['NE63T8111SS'] },
  { brands: ['Samsung'], models: ['NE63T8111SS'] },
  likely,
);
add(
  'brand-scripts',
  '雀巢 on JD, Nestlé in the notice',
  { marketplace: 'jd', brand: '雀巢', models: ['NC-1620B'] },
  { brands: ['Nestlé'], models: ['NC-1620B'] },
  likely,
);
add(
  'brand-scripts',
  'Nestle without its accent, Nestlé in the notice',
  { brand: 'Nestle', models: ['NC-1620B'] },
  { brands: ['Nestlé'], models: ['NC-1620B'] },
  likely,
);
add(
  'brand-scripts',
  '罗技 on JD, Logitech in the notice',
  { marketplace: 'jd', brand: '罗技', models: ['G502X'] },
  { brands: ['Logitech'], models: ['G502X'] },
  likely,
);

// ---------------------------------------------------------------------------------------------------
// Tmall and Taobao list a brand as "Latin/中文".

add(
  'tmall-brand',
  'Apple/苹果 against Apple Inc.',
  { marketplace: 'taobao', brand: 'Apple/苹果', models: ['A2337'] },
  { manufacturers: ['Apple Inc., of Cupertino, California'], models: ['A2337'] },
  likely,
);
add(
  'tmall-brand',
  '苹果/Apple, Chinese first',
  { marketplace: 'taobao', brand: '苹果/Apple', models: ['A2337'] },
  { brands: ['Apple'], models: ['A2337'] },
  likely,
);
add(
  'tmall-brand',
  '路摩/Lumora against the Lumora notice',
  { marketplace: 'taobao', brand: '路摩/Lumora', models: ['LM-HW5000'] },
  HAND_WARMER,
  likely,
);
add(
  'tmall-brand',
  'Xiaomi/小米 against a Chinese firm name',
  { marketplace: 'taobao', brand: 'Xiaomi/小米', models: ['MJJSQ06DY'] },
  { manufacturers: ['小米科技有限责任公司'], models: ['MJJSQ06DY'] },
  likely,
);

// ---------------------------------------------------------------------------------------------------
// Legal forms, bylines, dba and owner names.

add(
  'firm-names',
  'a brand and the firm that makes it',
  { brand: 'Gorilla', models: ['GG-4500'] },
  { manufacturers: ['The Gorilla Glue Company, of Cincinnati, Ohio'], models: ['GG-4500'] },
  likely,
);
add(
  'firm-names',
  "an importer's dba name",
  { brand: 'Enhomee', models: ['EH-FP2201'] },
  { manufacturers: ['Shenzhen X Co., Ltd., dba Enhomee-Direct, of China'], models: ['EH-FP2201'] },
  likely,
);
add(
  'firm-names',
  'a legal form and a place',
  { brand: 'HARPPA', models: ['HP-1200'] },
  { manufacturers: ['HARPPA, Inc., of Denver, Colorado'], models: ['HP-1200'] },
  likely,
);
add(
  'firm-names',
  "Amazon's byline wrapper",
  { brand: 'Visit the Lumora Store', models: ['LM-HW5000'] },
  HAND_WARMER,
  likely,
);
add(
  'firm-names',
  'the owner firm on the page, as the notice names it',
  { brand: 'Ninja', manufacturer: 'SharkNinja Operating LLC', models: ['OS101'] },
  { manufacturers: ['SharkNinja Operating LLC, of Needham, Massachusetts'], models: ['OS101'] },
  likely,
);
add(
  'firm-names',
  'a German GmbH as manufacturer',
  { brand: null, manufacturer: 'Brunnwald GmbH', models: ['BW-320'] },
  { brands: ['Brunnwald'], models: ['BW-320'] },
  likely,
);
add(
  'firm-names',
  'a device notice that names the firm',
  { brand: 'Lumatek', models: ['LX-400'] },
  'openfda:Z-0101-2027',
  likely,
  { caveats: ['recall-completed'] },
);
add(
  'firm-names',
  'a GmbH device maker',
  { brand: 'Orchid Surgical', models: ['OS-4520-S'] },
  'openfda:Z-0102-2027',
  likely,
  { caveats: ['lot-specific'] },
);
add(
  'firm-names',
  '"Kestrel Foods, Inc" without its dot',
  { brand: 'Kestrel', models: ['KF-2060'] },
  'openfda:H-2005-2026',
  likely,
  { caveats: ['lot-specific'] },
);
add(
  'firm-names',
  'a withdrawn notice still matches, with its date limit',
  { brand: 'Heatwise', models: ['HW-OFR9'] },
  'uk-opss:product-safety-alerts-reports-recalls/product-safety-alert-heatwise-oil-filled-radiator',
  likely,
  { caveats: ['date-specific'] },
);
add(
  'firm-names',
  'the Chinese brand of a SAMR notice',
  { marketplace: 'jd', brand: '安睡宝', models: ['AS-C120'] },
  'samr:SAMR-XF-2026-0388',
  likely,
  { caveats: ['date-specific'] },
);
add(
  'firm-names',
  'a generic page whose SKU is the model',
  { marketplace: 'generic', itemId: 'KB-TS100', brand: 'Kettlebrook', models: ['KB-TS100'] },
  STEP_STOOL,
  likely,
);

// ---------------------------------------------------------------------------------------------------
// Model families, matched only as the notice spells them.

const FIRE_PIT: NoticeFields = { brands: ['Blue Sky Outdoor Living'], models: ['BSFIREPIT01–03'] };
const TRX: NoticeFields = { brands: ['Gorilla'], models: ['TRX110 through TRX113'] };
const HX7: NoticeFields = { brands: ['Harrow Heat'], models: ['models beginning with HX7'] };
add(
  'model-family',
  'a member of an en-dash range',
  { brand: 'Blue Sky', models: ['BSFIREPIT02'] },
  FIRE_PIT,
  likely,
);
add(
  'model-family',
  'the last member of a range printed with "through"',
  { brand: 'Gorilla', models: ['TRX113'] },
  TRX,
  likely,
);
add(
  'model-family',
  'a member of a range, brand missing on the page',
  { brand: null, models: ['TRX111'] },
  TRX,
  possible,
  { caveats: ['brand-unknown'] },
);
add(
  'model-family',
  'a model under a prefix the notice spells out',
  { brand: 'Harrow Heat', models: ['HX7100'] },
  HX7,
  likely,
);
add(
  'model-family',
  'a model under a wildcard prefix',
  { brand: 'Harrow Heat', models: ['HX7-250'] },
  { brands: ['Harrow Heat'], models: ['HX7*'] },
  likely,
);
add(
  'model-family',
  'a prefix in a Chinese notice',
  { marketplace: 'jd', brand: '格力', models: ['TRX1-88'] },
  { brands: ['Gree'], models: ['型号以TRX1开头'] },
  likely,
);
add(
  'model-family',
  'a model past the end of the range',
  { brand: 'Blue Sky', models: ['BSFIREPIT04'] },
  FIRE_PIT,
  'none',
);
add(
  'model-family',
  'a range member under another brand',
  { brand: 'Brightwick', models: ['BSFIREPIT02'] },
  FIRE_PIT,
  'none',
);
add(
  'model-family',
  'a prefix member with no brand on the page (a prefix alone is not distinctive)',
  { brand: null, models: ['HX7100'] },
  HX7,
  'none',
);
add(
  'model-family',
  'a prefix member under another brand',
  { brand: 'Acme Heaters', models: ['HX7100'] },
  HX7,
  'none',
);
add(
  'model-family',
  'a plain hyphen is not a range',
  { brand: 'Harrow Heat', models: ['HX200-03'] },
  { brands: ['Harrow Heat'], models: ['HX200-05'] },
  'none',
);
add(
  'model-family',
  'a notice whose family was lost in mapping matches on brand alone, so not at all',
  { brand: 'Harrow Heat', models: ['HX7100'] },
  'cpsc:3120',
  'none',
  { brandOnly: true },
);

// ---------------------------------------------------------------------------------------------------
// Same brand, another model.

add(
  'same-brand-other-model',
  'another Lumora warmer',
  { brand: 'Lumora', models: ['LM-HW3000'] },
  HAND_WARMER,
  'none',
);
add(
  'same-brand-other-model',
  'another Kettlebrook stool',
  { brand: 'Kettlebrook', models: ['KB-TS200'] },
  STEP_STOOL,
  'none',
);
add(
  'same-brand-other-model',
  'a model that is a prefix of the recalled one',
  { brand: 'Kettlebrook', models: ['KB-TS10'] },
  STEP_STOOL,
  'none',
);
add(
  'same-brand-other-model',
  'a model that extends the recalled one',
  { brand: 'Kettlebrook', models: ['KB-TS1000'] },
  STEP_STOOL,
  'none',
);
add(
  'same-brand-other-model',
  'a Skylark model the notice does not list',
  { brand: 'Skylark', models: ['RK212'] },
  'cpsc:91103',
  'none',
);
add(
  'same-brand-other-model',
  'a GlowPal light the notice does not list',
  { brand: 'GlowPal', models: ['GP-NL320'] },
  'uk-opss:2610-0412',
  'none',
);
add(
  'same-brand-other-model',
  'a Kindly Oak toy the notice does not list',
  { brand: 'Kindly Oak', models: ['KO-5533'] },
  'eu-safety-gate:SR/03001/26',
  'none',
);
add(
  'same-brand-other-model',
  'the next Apple model number',
  { marketplace: 'taobao', brand: 'Apple/苹果', models: ['A2338'] },
  { brands: ['Apple'], models: ['A2337'] },
  'none',
);
add(
  'same-brand-other-model',
  'another Glowmate lamp',
  { brand: 'Glowmate', models: ['GM-DL6'] },
  'samr:SAMR-XF-2026-0391',
  'none',
);

// ---------------------------------------------------------------------------------------------------
// Same model, another brand.

add(
  'same-model-other-brand',
  'the warmer model under another brand',
  { brand: 'Brightwick', models: ['LM-HW5000'] },
  HAND_WARMER,
  'none',
);
add(
  'same-model-other-brand',
  '"Applebee\'s" is not Apple',
  { brand: "Applebee's", models: ['A2337'] },
  { brands: ['Apple'], models: ['A2337'] },
  'none',
);
add(
  'same-model-other-brand',
  '华为 is not 小米',
  { marketplace: 'jd', brand: '华为', models: ['MJJSQ06DY'] },
  { brands: ['Xiaomi'], models: ['MJJSQ06DY'] },
  'none',
);
add(
  'same-model-other-brand',
  '"Kettle" is not a word prefix of "Kettlebrook"',
  { brand: 'Kettle', models: ['KB-TS100'] },
  STEP_STOOL,
  'none',
);
add(
  'same-model-other-brand',
  'a Tmall pair of another brand',
  { marketplace: 'taobao', brand: 'Huawei/华为', models: ['A2337'] },
  { brands: ['Apple'], models: ['A2337'] },
  'none',
);

// ---------------------------------------------------------------------------------------------------
// A valid GTIN printed under another brand: reuse or a typo, at most a popup entry.

add(
  'gtin-other-brand',
  'Anker page, Gorilla notice',
  { brand: 'Anker', codes: ['053505505648'] },
  { brands: ['Gorilla'], codes: ['053505505648'] },
  popupOnly,
  { caveats: ['brand-differs'] },
);
add(
  'gtin-other-brand',
  '格力 page, Midea notice',
  { marketplace: 'jd', brand: '格力', codes: ['6908791000053'] },
  { brands: ['Midea'], codes: ['6908791000053'] },
  popupOnly,
  { caveats: ['brand-differs'] },
);
add(
  'gtin-other-brand',
  'the stool GTIN on a Lumora page',
  { brand: 'Lumora', codes: ['850012345671'] },
  STEP_STOOL,
  popupOnly,
  { caveats: ['brand-differs'] },
);

// ---------------------------------------------------------------------------------------------------
// Codes that look alike but are not the same GTIN.

add(
  'gtin-lookalike',
  'a bad check digit on the page, the valid code in the notice',
  { brand: 'Gorilla', codes: ['036000291453'] },
  { brands: ['Gorilla'], codes: ['036000291452'] },
  'none',
);
add(
  'gtin-lookalike',
  'a case GTIN-14 does not confirm the unit inside',
  { brand: 'Acme', codes: ['0614141000418'] },
  { brands: ['Acme'], codes: ['10614141000415'] },
  'none',
);
add(
  'gtin-lookalike',
  'the same mistyped code on both sides',
  { brand: 'Hollow Creek', codes: ['7 84999 01010 5'] },
  'openfda:event-99803-1',
  possible,
  { caveats: ['date-specific', 'recall-completed'] },
);
add(
  'gtin-lookalike',
  'a raw code shorter than any GTIN',
  { brand: 'Acme', codes: ['1234567'] },
  { brands: ['Acme'], codes: ['1234567'] },
  'none',
);

// ---------------------------------------------------------------------------------------------------
// Generic models: the same value on both sides and compatible brands, yet nothing that names a product.

const GENERIC_MODELS = [
  'A1',
  '2-Pack',
  'XL',
  '2023',
  'Pack of 2',
  'Gen 2',
  '12oz',
  '5000mAh',
  'USB 3.0',
  'IP67',
  'CR2032',
  'KN95',
  'GB 6675',
  'EN71-3',
  'Ages 2-8',
  '12M+',
  'US10.5',
  '2023款',
  '500毫升',
  'Model',
  'N/A',
];
for (const model of GENERIC_MODELS) {
  add(
    'generic-model',
    `"${model}" on both sides`,
    { brand: 'Acme', models: [model] },
    { brands: ['Acme'], models: [model] },
    'none',
  );
}
add(
  'generic-model',
  "the marketplace's own item id in the model field",
  { marketplace: 'homedepot', itemId: '318765432', brand: null, models: ['318765432'] },
  { brands: ['Nordlys'], models: ['318765432'] },
  'none',
);
add(
  'amazon-item-id',
  "a notice that prints the listing's own ASIN as a model names that Amazon listing",
  { marketplace: 'amazon', itemId: 'B0DEMO0099', brand: 'Acme', models: ['B0DEMO0099'] },
  { brands: ['Acme'], models: ['B0DEMO0099'] },
  confirmed,
);
add(
  'amazon-item-id',
  'the ASIN the notice prints, on a listing whose brand differs (a rewritten listing): popup only',
  { marketplace: 'amazon', itemId: 'B0DEMO0099', brand: 'Zenith' },
  { brands: ['Acme'], models: ['B0DEMO0099'] },
  popupOnly,
);
add(
  'amazon-item-id',
  'another ASIN of the same brand is only the brand in common',
  { marketplace: 'amazon', itemId: 'B0DEMO0098', brand: 'Acme' },
  { brands: ['Acme'], models: ['B0DEMO0099'] },
  'none',
  { brandOnly: true },
);
add(
  'amazon-item-id',
  "a Walmart item id that a notice prints as a model is not an ASIN: still the listing's own number",
  { marketplace: 'walmart', itemId: '318765432', brand: 'Acme', models: ['318765432'] },
  { brands: ['Acme'], models: ['318765432'] },
  'none',
);
add(
  'generic-model',
  'a GTIN-length digit run in the model field',
  { brand: 'Acme', models: ['850012345671'] },
  { brands: ['Acme'], models: ['850012345671'] },
  'none',
);

// ---------------------------------------------------------------------------------------------------
// A distinctive model with the brand missing or a placeholder on one side: possible, saying why.

add(
  'brand-missing',
  'a placeholder brand on the page',
  { brand: 'Generic', models: ['HANS0002'] },
  { brands: ['Hansen'], models: ['HANS0002'] },
  possible,
  { caveats: ['brand-unknown'] },
);
add(
  'brand-missing',
  'Taobao\'s "其他/Other" brand',
  { marketplace: 'taobao', brand: '其他/Other', models: ['HANS0002'] },
  { brands: ['Hansen'], models: ['HANS0002'] },
  possible,
  { caveats: ['brand-unknown'] },
);
add(
  'brand-missing',
  'no brand on either side',
  { brand: null, models: ['GL-220'] },
  'health-canada:90104',
  possible,
  { caveats: ['brand-unknown', 'recall-completed'] },
);
add(
  'brand-missing',
  'a notice with no brand',
  { brand: 'Acme', models: ['DR-77'] },
  'samr:h-b1f86df4',
  possible,
  { caveats: ['brand-unknown'] },
);

// ---------------------------------------------------------------------------------------------------
// Nothing in common but the brand: never a match, at any tier.

const brandOnly = { brandOnly: true } as const;
add(
  'brand-only',
  'Apple/苹果 and no model',
  { marketplace: 'taobao', brand: 'Apple/苹果' },
  { brands: ['Apple'], models: ['A2337'], codes: ['194252056639'] },
  'none',
  brandOnly,
);
add(
  'brand-only',
  '格力 and no model',
  { marketplace: 'jd', brand: '格力' },
  { manufacturers: ['Gree Electric Appliances, Inc. of Zhuhai, China'], models: ['KFR-35GW'] },
  'none',
  brandOnly,
);
add(
  'brand-only',
  'Kettlebrook and a title of nothing but the brand and shop words',
  { brand: 'Kettlebrook', title: 'Kettlebrook Home Goods – Official Store, New Arrivals' },
  STEP_STOOL,
  'none',
  brandOnly,
);
add(
  'brand-only',
  'a title that is the brand alone',
  { brand: 'Lumora', title: 'LUMORA' },
  HAND_WARMER,
  'none',
  brandOnly,
);
add(
  'brand-only',
  'the Lumora manufacturer and nothing else',
  { brand: null, manufacturer: 'Lumora Outdoor Co., Ltd.' },
  HAND_WARMER,
  'none',
  brandOnly,
);
add(
  'brand-only',
  'a lot-only notice and a page of that brand',
  { brand: 'Marlowe' },
  'cpsc:91105',
  'none',
  brandOnly,
);
add(
  'brand-only',
  'a brand-only notice and a page of that brand',
  { brand: 'Pebble & Pine' },
  'cpsc:90004',
  'none',
  brandOnly,
);
add(
  'brand-only',
  'a Health Canada notice with a brand only',
  { brand: 'Emberline' },
  'health-canada:90101',
  'none',
  brandOnly,
);
add(
  'brand-only',
  'a generic model does not lift a brand-only pair',
  { brand: 'Kettlebrook', models: ['2-Pack'] },
  STEP_STOOL,
  'none',
  brandOnly,
);
add(
  'brand-only',
  'another model of the brand does not either',
  { brand: 'Lumora', models: ['LM-HW3000'], codes: ['850099999997'] },
  HAND_WARMER,
  'none',
  brandOnly,
);

// ---------------------------------------------------------------------------------------------------
// The title rule: compatible brands and a title that carries the notice's product name, with no
// identifier in common, are a possible match (popup only). Positives are built on fixture notices
// with pages as marketplaces title them (marketing words, sizes, colours, pack counts added); the hard
// negatives share the brand and some of the name, or the name and not the brand, or carry something
// that names another product.

const byTitle: Omit<Label, 'expect' | 'why'> = { byTitle: true, caveats: ['title-only'] };
/** Two hand-made notices in Chinese, as a SAMR-style notice or a Chinese importer would name them. */
const warmerCn: NoticeFields = { brands: ['Lumora'], name: 'Lumora 充电暖手宝' };
const fanCn: NoticeFields = { brands: ['Gree'], name: '格力 家用落地电风扇' };
const seatCn: NoticeFields = { brands: ['安睡宝'], name: '安睡宝 儿童安全座椅' };

add(
  'title-similar',
  "the brand and the notice's product name as the whole title (singular for plural)",
  { brand: 'Kettlebrook', title: 'Kettlebrook CozyNest Toddler Step Stool' },
  STEP_STOOL,
  possible,
  byTitle,
);
add(
  'title-similar',
  'a long Amazon-style title that adds many marketing words to the name',
  {
    brand: 'Kettlebrook',
    title:
      'Kettlebrook CozyNest Toddler Step Stool, Natural Wood, Kitchen Helper Learning Tower for Kids Bathroom Sink, Montessori',
  },
  STEP_STOOL,
  possible,
  byTitle,
);
add(
  'title-similar',
  'pack count, capacity and colour around the name',
  { brand: 'Lumora', title: 'Lumora Rechargeable Hand Warmers, 2 Pack, 5000mAh, Charcoal Grey' },
  HAND_WARMER,
  possible,
  byTitle,
);
add(
  'title-similar',
  'a hyphenated word and a colour in the title',
  { brand: 'Glowbug', title: 'Glowbug Crescent Moon Plug-In Night Light, Warm White, 2-Pack' },
  'cpsc:91104',
  possible,
  byTitle,
);
add(
  'title-similar',
  "a size in the notice's name and another in the title",
  { brand: 'Marlowe', title: 'Marlowe Insulated Water Bottle 32 oz – Stainless Steel, Sage' },
  'cpsc:91105',
  possible,
  byTitle,
);
add(
  'title-similar',
  '"oil-filled" in the notice, "Oil-Filled" in the title, with a wattage',
  { brand: 'Harrow Heat', title: 'Harrow Heat Oil-Filled Space Heater with Thermostat, 1500W' },
  'cpsc:3120',
  possible,
  byTitle,
);
add(
  'title-similar',
  'a Health Canada notice and a title with a clothing size',
  { brand: 'Emberline', title: 'Emberline Heated Glove Liners, Rechargeable, Size M, Black' },
  'health-canada:90101',
  possible,
  byTitle,
);
add(
  'title-similar',
  'a UK notice and a title with the wattage first',
  { marketplace: 'amazon', brand: 'Heatwise', title: 'Heatwise 2000W Oil Filled Radiator, 9 Fin' },
  'uk-opss:product-safety-alerts-reports-recalls/product-safety-alert-heatwise-oil-filled-radiator',
  possible,
  byTitle,
);
add(
  'title-similar',
  'an openFDA food and a title with the pack size',
  { brand: 'Marigold Pantry', title: 'Marigold Pantry Sesame Rice Crackers, 3.5 oz (Pack of 6)' },
  'openfda:H-2001-2026',
  possible,
  byTitle,
);
add(
  'title-similar',
  'a six-word notice name of which the title carries five (no "deck")',
  { brand: 'Kiddo Cruiser', title: 'Kiddo Cruiser Three-Wheel Kick Scooter for Children, Pink' },
  'uk-opss:2609-0187',
  possible,
  byTitle,
);
add(
  'title-similar',
  'a French notice and a French title',
  { marketplace: 'amazon', brand: 'Ferrandel', title: 'Ferrandel Perceuse sans fil 18V avec 2 batteries' },
  'rappelconso:2026-11-0101',
  possible,
  byTitle,
);
add(
  'title-similar',
  'the hot variant of a notice that names the hot variant',
  { brand: 'Hollow Creek Provisions', title: 'Hollow Creek Provisions Hot Tomato Cocktail Mix, 32 fl oz' },
  'openfda:event-99803-2',
  possible,
  byTitle,
);
add(
  'title-cjk',
  'a JD title in Chinese with the Tmall brand form, a capacity and a colour',
  { marketplace: 'jd', brand: 'Lumora/路摩', title: 'Lumora路摩 充电暖手宝 便携双面发热 5000毫安 白色' },
  warmerCn,
  possible,
  byTitle,
);
add(
  'title-cjk',
  'a Chinese title under 格力 and a notice under Gree, through the alias table',
  { marketplace: 'jd', brand: '格力', title: '格力 家用落地电风扇 遥控七叶静音 2024新款' },
  fanCn,
  possible,
  byTitle,
);
add(
  'title-cjk',
  'a word inserted into the name (儿童汽车安全座椅 for 儿童安全座椅: 4 of 5 bigrams), an age and a colour',
  { marketplace: 'jd', brand: '安睡宝', title: '安睡宝 儿童汽车安全座椅 0-12岁 isofix接口 灰色' },
  seatCn,
  possible,
  byTitle,
);

add(
  'title-other-product',
  'the same brand and audience, another product type (one word in common)',
  { brand: 'Kettlebrook', title: 'Kettlebrook Toddler Learning Tower, Natural Wood' },
  STEP_STOOL,
  'none',
);
add(
  'title-other-product',
  "kids' helmet against a notice for adult helmets of the same brand (2 of 3 words)",
  { marketplace: 'generic', brand: 'Fernhollow', title: 'Fernhollow Kids Bike Helmet' },
  { brands: ['Fernhollow'], name: 'Fernhollow Adult Bike Helmets' },
  'none',
);
add(
  'title-other-product',
  'one generic word in common ("hand")',
  { brand: 'Lumora', title: 'Lumora Hand Cream with Shea Butter' },
  HAND_WARMER,
  'none',
);
add(
  'title-other-product',
  'the product type in common, not the line (2 of 4 words)',
  { brand: 'Glowbug', title: 'Glowbug Dimmable LED Night Light Bulb' },
  'cpsc:91104',
  'none',
);
add(
  'title-other-product',
  "the mild variant's notice against the hot variant's title (3 of 4 words)",
  { brand: 'Hollow Creek Provisions', title: 'Hollow Creek Provisions Hot Tomato Cocktail Mix, 32 fl oz' },
  'openfda:event-99803-1',
  'none',
);
add(
  'title-other-product',
  "the hot variant's notice against the mild variant's title (3 of 4 words)",
  { brand: 'Hollow Creek Provisions', title: 'Hollow Creek Provisions Mild Tomato Cocktail Mix' },
  'openfda:event-99803-2',
  'none',
);
add(
  'title-other-product',
  'a title that is only the product type: "night light" names no one product of a brand with several models',
  { brand: 'GlowPal', title: 'GlowPal Night Light' },
  'uk-opss:2610-0412',
  'none',
);
add(
  'title-other-product',
  'an accessory whose title repeats the whole name of the recalled product',
  { brand: 'Lumora', title: 'Replacement Charging Cable for Lumora Rechargeable Hand Warmers' },
  HAND_WARMER,
  'none',
);
add(
  'title-other-product',
  'a Chinese title with one bigram in common (充电宝, a power bank, against 充电暖手宝)',
  { marketplace: 'jd', brand: 'Lumora/路摩', title: 'Lumora路摩 充电宝 移动电源 10000毫安' },
  warmerCn,
  'none',
);
add(
  'title-other-brand',
  'the same product name under another brand',
  { brand: 'Saltmarsh', title: 'Saltmarsh Insulated Water Bottles 24 oz' },
  'cpsc:91105',
  'none',
);
add(
  'title-other-brand',
  'the same product name under a brand that starts the same way',
  { brand: 'Glowbugs Lighting', title: 'Glowbugs Crescent Moon Night Lights' },
  'cpsc:91104',
  'none',
);
add(
  'title-identifiers-differ',
  'the same line name with another model on both sides',
  { brand: 'Tidewater', models: ['TW-PS1000'], title: 'Tidewater TW-PS1000 Portable Power Station' },
  'cpsc:90003',
  'none',
);
add(
  'title-identifiers-differ',
  'the redesigned stool sold after the recall under a new barcode',
  { brand: 'Kettlebrook', codes: ['850012345701'], title: 'Kettlebrook CozyNest Toddler Step Stool' },
  STEP_STOOL,
  'none',
);

export const HAND_MADE_PAIRS: readonly HandMadePair[] = pairs;
