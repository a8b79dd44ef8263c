/**
 * Model numbers. Pages and notices print the same model as "VX3276-4K-MHD", "vx3276 4k mhd" or
 * "VX3276.4K/MHD"; the key removes case and separators. A key is only useful when it is distinctive:
 * "A1", "2-pack", "XL" or a bare year would tie unrelated products together, and a false warning costs
 * more trust than a missed one, so such values are rejected outright.
 */
import { isValidGtin } from './gtin';

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\ufeff\u00ad]/g;
/** Everything printers put between the parts of one model number. */
const SEPARATORS = /[\s\p{Pd}./\\_·•]+/gu;

/** Words that show up in model fields but name no model ("N/A", "Does not apply", 其他 ...). */
const SENTINELS = new Set([
  'NA',
  'NONE',
  'UNKNOWN',
  'DOESNOTAPPLY',
  'NOTAPPLICABLE',
  'NICHTZUTREFFEND',
  'KEINEANGABE',
  'OTHER',
  'OTHERS',
  'GENERIC',
  'DEFAULT',
  'VARIOUS',
  'ALL',
  'ALLMODELS',
  'STANDARD',
  'REGULAR',
  'MODEL',
  'ITEM',
  'NEW',
  '其他',
  '无',
  '通用',
  '不适用',
]);

/** Units that turn a number into a size, pack count or rating: "2-pack", "12oz", "500ml", "128GB". */
const UNIT =
  '(?:PACK|PK|PCS|PC|PIECES?|CT|COUNT|SET|OZ|FLOZ|LB|LBS|G|KG|MG|ML|L|IN|INCH|INCHES|CM|MM|M|FT|W|V|MAH|WH|GB|TB|MB|HZ|X|P)';
/** A quantity ("12OZ") or dimensions ("12X12IN"); the key has no dots, so "3.5mm" arrives as "35MM". */
const MEASURE = new RegExp(`^\\d+${UNIT}$|^\\d+(?:X\\d+){1,2}${UNIT}?$`);
const CLOTHING_SIZE = /^(?:X{0,3}S|X{0,4}L|M|\d?XL|\d?XS|ONESIZE|OS)$/;
/**
 * Listing words with a small number: "Pack of 2", "Size 10", "Gen 2", "2nd Gen", "Version 3". Labels
 * such as "Item" or "No." are left alone: "Item 593768" is a real identifier in CPSC notices.
 */
const COUNTED_WORD =
  /^(?:PACKOF|SETOF|BOXOF|CASEOF|QTY|SIZE|GEN|GENERATION|VER|VERSION|SERIES|STYLE|TYPE|COLOR|COLOUR|OPTION)\d{1,3}$|^\d{1,2}(?:ST|ND|RD|TH)(?:GEN|GENERATION|EDITION)?$/;
const YEAR = /^(?:19|20)\d{2}$/;

/**
 * The comparison key of a model: NFKC, upper case, without spaces, hyphens, dots, slashes, underscores.
 * NFKC runs again at the end because upper-casing and dropping a separator can leave a sequence that
 * composes differently ("e-\u0301"), and a key must be its own key.
 */
export function modelKey(model: string): string {
  return model
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toUpperCase()
    .replace(SEPARATORS, '')
    .normalize('NFKC');
}

export type ModelRejection =
  | 'empty'
  | 'too-short'
  | 'too-long'
  | 'sentinel'
  | 'no-digit'
  | 'measure'
  | 'year'
  | 'gtin-like'
  | 'only-digits-short';

/**
 * Whether a GTIN-length run of digits was printed as a barcode. A plain run is taken for one (a barcode
 * that leaked into a model field, typos in its check digit included). Digits split by dashes are a
 * barcode only when the check digit holds ("8-49398-06563-1"): part numbers are printed that way too
 * ("101-70-101", a relay module's model), and one in ten of them has a valid check digit by chance.
 */
function printedAsBarcode(printed: string, key: string): boolean {
  return !/\d-\d/.test(printed) || isValidGtin(key);
}

/**
 * Why a model value cannot identify a product on its own, or null when it is distinctive.
 * The rules: at least 4 characters after normalisation; at least one digit (letters-only values are
 * words or names); not a size, pack count, year or sentinel; not a GTIN-length run of digits printed as
 * a barcode (one that leaked into the model field); and digits-only values need 6 or more digits.
 */
export function modelRejection(model: string): ModelRejection | null {
  const key = modelKey(model);
  if (!key) return 'empty';
  if (SENTINELS.has(key)) return 'sentinel';
  if (key.length < 4) return 'too-short';
  if (key.length > 40) return 'too-long';
  if (!/\d/.test(key)) return 'no-digit';
  if (MEASURE.test(key) || CLOTHING_SIZE.test(key) || COUNTED_WORD.test(key)) return 'measure';
  if (YEAR.test(key)) return 'year';
  if (/^\d+$/.test(key)) {
    if ([8, 12, 13, 14].includes(key.length) && printedAsBarcode(model, key)) return 'gtin-like';
    if (key.length < 6) return 'only-digits-short';
  }
  return null;
}

/** True when the model is specific enough to be a matching key. */
export function isDistinctiveModel(model: string): boolean {
  return modelRejection(model) === null;
}

/**
 * Cleans a printed model value for display and storage: invisible marks removed, whitespace collapsed,
 * trailing punctuation dropped. Returns null for values that are not models at all.
 */
export function cleanModel(model: string): string | null {
  const cleaned = model
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:：#]+|[\s,;:.]+$/g, '')
    .trim()
    // A closing parenthesis is dropped only when it closes nothing: "(ABC123)" keeps its pair.
    .replace(/^([^(]*)\)$/, '$1')
    .trim();
  if (!cleaned || SENTINELS.has(modelKey(cleaned))) return null;
  return cleaned;
}
