/**
 * What a model number printed in a notice looks like, and how a mined value is judged and recorded:
 * shared by the prose reader (model-mining.ts) and the table readers (model-table-mining.ts).
 */
import { cleanModel, modelKey, modelRejection } from './model';
import type { MinedAt } from './text-mining';

export interface MinedModel extends MinedAt {
  /** The model as printed, cleaned. */
  value: string;
  /**
   * 'exact' names one model the index can key on (distinctive by the rules of model.ts). 'unkeyed' names
   * one model that a model label prints explicitly but that is too short or too plain to key on: a 3–5
   * digit number ("model 9421", "model number 83-662", "Model: 688-59"), an 8-digit one (EAN-8 length),
   * a short code ("model A1") or a letters-only code ("FKL-BG"). It is reported so a caller can show it
   * (and a matcher could use it under a compatible brand), and must never be keyed or matched on its own.
   * 'prefix' is a family ("models beginning with TRX1"): reported to be shown, never matched as a model.
   */
  kind: 'exact' | 'unkeyed' | 'prefix';
  /** After a model/item label, in a list that followed one, or in a flattened table. */
  via: 'label' | 'list' | 'table';
}

/** A number followed by a unit or a count is a quantity: "500 units", "36 inches", "2000-Watt". */
export const QUANTITY_AFTER =
  /[\s-]?(?:units?|inch(?:es)?|in\.|feet|foot|ft|pounds?|lbs?|percent|%|quarts?|qt|gallons?|watts?|volts?|pieces?|pcs|packs?|count|mm|cm|oz|ounces?|years?|months?|weeks?|days?|hours?|people|reports?|incidents?|injuries|deaths?)(?![\p{L}\p{N}])/iuy;

/** Runs a sticky pattern at `at`. */
export function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Upper-case letters, digits and inner dashes, with a digit and a letter (or six digits). */
export function isStrictModelShape(token: string): boolean {
  if (!/^[A-Z0-9](?:[A-Z0-9.-]*[A-Z0-9])?$/.test(token) || !/\d/.test(token)) return false;
  return /[A-Z]/.test(token) || /^\d{6,}$/.test(token);
}

/**
 * The shapes a list that a model label opened may continue with, beyond the strict ones: numbers of 3 to
 * 8 digits with inner dashes ("7007 and 7057", "0480, 0455", "688-59") and upper-case codes with an
 * inner dash ("FKL-BG, FKL-BR").
 */
export function isListShape(token: string): boolean {
  return (
    isStrictModelShape(token) ||
    /^\d{3,8}$|^\d{2,5}-\d{2,5}$/.test(token) ||
    /^[A-Z]{2,}(?:-[A-Z0-9]{1,})+$/.test(token)
  );
}

/**
 * A token that can stand for a model: not a word ("2000-Watt") or a date. Lower case is allowed in the
 * shapes models take: a suffix after letters and digits ("MS725dvn") and dash-joined parts that hold a
 * digit ("Door-Gen1-123").
 */
function isModelShaped(token: string): boolean {
  if (
    /[a-z]{3,}/.test(token) &&
    !/^[A-Z]+\d+[A-Za-z]*$|^[A-Z][A-Za-z]*(?:-[A-Za-z0-9]*\d[A-Za-z0-9]*){2,}$/.test(token)
  )
    return false;
  return !/^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(token);
}

/**
 * What a value printed after a model label is: a key ('exact'), a model too plain to key on
 * ('unkeyed'), or nothing (a year, a size, a sentinel, a barcode, a word).
 */
function judgeModel(value: string, explicit: boolean, inList = false): 'exact' | 'unkeyed' | null {
  if (!isModelShaped(value)) return null;
  const rejection = modelRejection(value);
  if (rejection === null) return 'exact';
  if (!explicit) return null;
  const key = modelKey(value);
  switch (rejection) {
    case 'only-digits-short':
      // "model 9421", "model number 83-662"; "model 15" is a count or a size.
      return key.length >= 3 ? 'unkeyed' : null;
    case 'too-short':
      // "model A1", "model X13", "model number 711": a letter and a digit, or three digits; "model 12"
      // is not.
      return (/\d/.test(key) && /\p{L}/u.test(key) && key.length >= 2) || /^\d{3}$/.test(key)
        ? 'unkeyed'
        : null;
    case 'gtin-like':
      // An 8-digit model number ("model 33117082") has the length of an EAN-8, not of a UPC.
      return key.length === 8 ? 'unkeyed' : null;
    case 'no-digit':
      // "models FKL-BG, FKL-BR": upper-case codes with an inner dash, not words ("NON-SLIP" aside).
      return /^[A-Z]{2,}(?:-[A-Z0-9]+)+$/.test(value) ? 'unkeyed' : null;
    case 'measure':
      // In a list of models, "2151W" and "530-0024G" are models, not watts or grams (their keys still
      // read as a measure, so they are not keyed).
      return inList && /^\d{3,}[-\d]*[A-Z]$/.test(value) ? 'unkeyed' : null;
    default:
      return null;
  }
}

/** A number that a unit or count follows ("500 units") is a quantity, not a model. */
export function isQuantity(text: string, value: string, end: number): boolean {
  return /^\d[\d,.-]*$/.test(value) && execAt(QUANTITY_AFTER, text, end) !== null;
}

/** Records a mined value as an exact, unkeyed or prefix model, or drops it (see `judgeModel`). */
export function pushModel(
  out: MinedModel[],
  printed: string,
  prefixed: boolean,
  explicit: boolean,
  via: MinedModel['via'],
  origin: string,
  index: number,
): void {
  const value = cleanModel(printed);
  if (!value) return;
  if (prefixed) {
    // A family prefix needs no digit ("beginning with CANY") but must not be a bare letter or two.
    if (modelKey(value).length >= 3 && !/[a-z]{3,}/.test(value))
      out.push({ value, kind: 'prefix', via, origin, index });
    return;
  }
  const kind = judgeModel(value, explicit, via === 'list');
  if (kind) out.push({ value, kind, via, origin, index });
}
