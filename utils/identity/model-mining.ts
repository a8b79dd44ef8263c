/** Model numbers mined from prose (see text-mining.ts for the rules all miners follow). */

import { readGtin } from './gtin';
import { DASHES, findGtins, type GtinHit } from './gtin-mining';
import { cleanModel, modelKey, modelRejection } from './model';
import { findTableHeaders } from './table-mining';
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

/**
 * Longest text a miner reads, per field: CPSC Descriptions run to ~6 KB with their tables (the longest of
 * 902 real notices is 5,793 characters); beyond that a field is not prose a person wrote for a notice.
 */
export const MAX_MINED_TEXT = 12_000;

/**
 * "model number", "Model No.:", "models", "model/item #", and item/style/SKU/part numbers when a
 * number word says so ("item number 593768", "ITEM NO. PG1045"; plain "item" is a common noun), or
 * "SKU" alone ("SKU 56879", "SKU: BHSTL24").
 */
const MODEL_LABEL =
  /\b(?:(models?)|(items?|styles?|skus?|parts?|catalog|product))(?:\s*\/\s*(?:models?|items?|styles?|skus?))?(\s*(?:numbers?|nos?\.|no\b|#|codes?))?\s*(?:[:：]\s*|\b(?:is|are)\s+)?/gi;
/**
 * Words between a label and its values: "model numbers affected by this recall are 2292112, ...",
 * "the following model numbers are included in this recall: LEDFHB90, ...", "models include ...".
 * Fixed phrases, each at least two characters, repeated a bounded number of times: linear.
 */
const LABEL_FILLER =
  /(?:(?:affected|covered|involved|included)\s+(?:by|in)\s+(?:this|the)\s+recall|in\s+(?:this|the)\s+recall|that\s+are|which\s+are|are|is|include[sd]?|including|such\s+as|as\s+follows|listed\s+below|below|the\s+following|as)(?![\p{L}\p{N}])[\s,:：]*/iuy;
/**
 * A clause ending in a colon after a label introduces its values: "model numbers are included in this
 * recall and can be found on the product packaging: 530-0024, ...". Lower-case words only (one character
 * class, bounded): a sentence that starts with a capital is not the label's clause.
 */
const COLON_CLAUSE = /[\p{Ll}\s,’']{1,120}:\s*/uy;
const PREFIX_PHRASE =
  /(?:that\s+)?(?:begin(?:s|ning)?|start(?:s|ing)?)\s+with\s+(?:the\s+(?:letters?|characters?|prefix)\s+)?/iy;
const SUFFIX_PHRASE = /(?:that\s+)?end(?:s|ing)?\s+(?:in|with)\b/iy;
/** A model-like token: letters, digits, inner dashes and dots. */
const TOKEN = /["“'‘]?([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)/y;
/** Between list items: a parenthetical ("(UPC code 680079015930)"), then a comma, semicolon or "and". */
const LIST_PARENS = /(?:\s*\([^()]{0,160}\))*/y;
export const LIST_SEPARATOR = /^\s*(?:[,;&]|\band\b|\bor\b)(?:\s*(?:and|or)\b)?\s*/i;
const LIST_SEPARATOR_AT = /\s*(?:[,;&]|\s\/|\band\b|\bor\b)(?:\s*(?:and|or)\b)?\s*/iy;
/** A parenthetical that holds one model-shaped code: "(KY-318B)", "(6L-PC)". */
const PAREN_MODEL = /\s*\(([A-Z0-9][A-Z0-9-]*[A-Z0-9])\)/y;
/** A code named before the word "model": "The 10-quart DUAF-10 model is about 17 inches long". */
const MODEL_AFTER = /(?<![\p{L}\p{N}-])([A-Z][A-Z0-9]*-?[A-Z0-9]*\d[A-Z0-9-]*) model\b/gu;
/** A number followed by a unit or a count is a quantity: "500 units", "36 inches", "2000-Watt". */
const QUANTITY_AFTER =
  /[\s-]?(?:units?|inch(?:es)?|in\.|feet|foot|ft|pounds?|lbs?|percent|%|quarts?|qt|gallons?|watts?|volts?|pieces?|pcs|packs?|count|mm|cm|oz|ounces?|years?|months?|weeks?|days?|hours?|people|reports?|incidents?|injuries|deaths?)(?![\p{L}\p{N}])/iuy;

/** Runs a sticky pattern at `at`. */
function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Upper-case letters, digits and inner dashes, with a digit and a letter (or six digits). */
function isStrictModelShape(token: string): boolean {
  if (!/^[A-Z0-9](?:[A-Z0-9.-]*[A-Z0-9])?$/.test(token) || !/\d/.test(token)) return false;
  return /[A-Z]/.test(token) || /^\d{6,}$/.test(token);
}

/**
 * The shapes a list that a model label opened may continue with, beyond the strict ones: numbers of 3 to
 * 8 digits with inner dashes ("7007 and 7057", "0480, 0455", "688-59") and upper-case codes with an
 * inner dash ("FKL-BG, FKL-BR").
 */
function isListShape(token: string): boolean {
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

/**
 * A model glued to the next word by a flattened table: "TYCO1012Window Blind" is "TYCO1012". The last
 * capital before a lower-case run starts the next word.
 */
function unglue(token: string): string {
  const m = /^([A-Z0-9][A-Z0-9-]*?\d[A-Z0-9-]*?)(?=[A-Z][a-z])/.exec(token);
  return m?.[1] ?? token;
}

/** Lower case in a model's shape: "MS725dvn", "MX725adve". */
function isMixedCaseModel(token: string): boolean {
  return /^[A-Z]+\d+[A-Za-z]*$/.test(token);
}

/** Codes named right before the word "model" ("the 9-quart DUAF-005 model"): only keyable ones. */
function modelsBeforeWord(text: string, origin: string, out: MinedModel[]): void {
  for (const m of text.matchAll(MODEL_AFTER)) {
    const value = m[1];
    if (value && isStrictModelShape(value)) pushModel(out, value, false, false, 'label', origin, m.index);
  }
}

/** "TRX 113" in captions ("Item# TRX 113") is one model printed with a space. */
function joinSpacedModel(text: string, at: number, token: string): string {
  if (!/^[A-Z]{2,5}$/.test(token) || /^(?:UPC|EAN|GTIN|ISBN|SKU|LOT|NO|NOS|SN)$/.test(token)) return token;
  const m = /^ (\d{2,6})(?![\p{L}\p{N}])/u.exec(text.slice(at, at + 8));
  return m ? `${token} ${m[1]}` : token;
}

/** A number that a unit or count follows ("500 units") is a quantity, not a model. */
function isQuantity(text: string, value: string, end: number): boolean {
  return /^\d[\d,.-]*$/.test(value) && execAt(QUANTITY_AFTER, text, end) !== null;
}

function labelledModels(text: string, origin: string, out: MinedModel[]): void {
  for (const label of text.matchAll(MODEL_LABEL)) {
    // "item", "style", "part" ... count only with a number word: "items sold" names nothing. "SKU" is
    // a number word itself.
    if (label[2] && !label[3] && !/^skus?$/i.test(label[2])) continue;
    // Only a model label makes a plain number a model: "style 3" or "part 2" do not.
    const explicit = label[1] !== undefined || label[3] !== undefined || /^skus?$/i.test(label[2] ?? '');
    let at = label.index + label[0].length;
    let prefixed = false;
    // "model numbers ending in -B" names a suffix we cannot match on; leave it.
    if (execAt(SUFFIX_PHRASE, text, at)) continue;
    const prefix = execAt(PREFIX_PHRASE, text, at);
    if (prefix) {
      prefixed = true;
      at += prefix[0].length;
    }
    for (let i = 0; i < 4; i++) {
      const filler = execAt(LABEL_FILLER, text, at);
      if (!filler) break;
      at += filler[0].length;
    }
    const clause = execAt(COLON_CLAUSE, text, at);
    if (clause) at += clause[0].length;

    const firstToken = execAt(TOKEN, text, at);
    if (!firstToken?.[1]) continue;
    const tokenStart = at + firstToken[0].length - firstToken[1].length;
    let value = unglue(firstToken[1]);
    at = tokenStart + value.length;
    if (!/\d/.test(value)) {
      const joined = joinSpacedModel(text, at, value);
      at += joined.length - value.length;
      value = joined;
      // "the model number is located ...": a word, not a model (a family prefix may be letters only,
      // and a list of upper-case codes "FKL-BG, FKL-BR" is read below).
      if (!/\d/.test(value) && !prefixed && !(explicit && /^[A-Z]{2,}(?:-[A-Z0-9]+)+$/.test(value))) continue;
    }
    if (isQuantity(text, value, at)) continue;
    pushModel(out, value, prefixed, explicit, 'label', origin, tokenStart);
    // A model's other number in parentheses: "93550 (KY-318B), 96775 (KY-318A)".
    const aside = execAt(PAREN_MODEL, text, at);
    if (aside?.[1] && explicit)
      pushModel(out, aside[1], prefixed, true, 'list', origin, at + aside[0].indexOf(aside[1]));

    // A list may follow: "BSFIREPIT01 (UPC code ...); BSFIREPIT02 (UPC code ...); and BSFIREPIT03".
    for (;;) {
      const parens = execAt(LIST_PARENS, text, at);
      let next = at + (parens?.[0].length ?? 0);
      const separator = execAt(LIST_SEPARATOR_AT, text, next);
      if (separator) {
        next += separator[0].length;
      } else {
        // Some tables drop the comma ("RNB364GV2 RNB364FTV2"): a lone space only joins strict shapes.
        if (text[next] !== ' ' && text[next] !== '\u00a0') break;
        next += 1;
      }
      const token = execAt(TOKEN, text, next);
      const item = token?.[1];
      if (!token || !item) break;
      const end = next + token[0].length;
      const listed = separator !== null && explicit;
      if (!(listed ? isListShape(item) || isMixedCaseModel(item) : isStrictModelShape(item))) break;
      if (isQuantity(text, item, end)) break;
      // A value joined by a lone space ("A1 3D printers") is only taken when it can be keyed.
      pushModel(out, item, prefixed, listed, 'list', origin, end - item.length);
      at = end;
      const itemAside = execAt(PAREN_MODEL, text, at);
      if (itemAside?.[1] && listed)
        pushModel(out, itemAside[1], prefixed, true, 'list', origin, at + itemAside[0].indexOf(itemAside[1]));
    }
  }
}

function pushModel(
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

/** The model-shaped token just before `at` (a row's model printed in front of its UPC). */
function tokenBefore(text: string, at: number): { value: string; index: number } | null {
  const m = /(?<![^\s(])([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)\s+$/.exec(
    text.slice(Math.max(0, at - 48), at),
  );
  if (!m?.[1]) return null;
  return { value: m[1], index: at - m[0].length };
}

/** The token just after `at` (the next row's first cell). */
function tokenAfter(text: string, at: number): { value: string; index: number } | null {
  const m = /^\s+([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?![\p{L}\p{N}])/u.exec(text.slice(at));
  if (!m?.[1]) return null;
  return { value: m[1], index: at + m[0].length - m[1].length };
}

/**
 * A UPC-A printed as 12 digits, alone (or dashed "0-35051-59176-8"). Inside a table whose header names a
 * UPC column such a cell ends a row even when its check digit is wrong (a misprint in the notice), so
 * the next row's first cell is still found; it never becomes a GTIN.
 */
const UPC_SHAPED = new RegExp(
  `(?<![\\p{L}\\p{N}${DASHES}/.])(?:\\d{12}|\\d[${DASHES}]\\d{5}[${DASHES}]\\d{5}[${DASHES}]\\d)(?![\\p{L}\\p{N}])(?![${DASHES}/.][\\p{L}\\p{N}])`,
  'gu',
);

/** The UPC cells of a table region: the GTIN hits, and the UPC-shaped codes with a bad check digit. */
function upcCells(
  text: string,
  region: { start: number; end: number },
  gtins: readonly GtinHit[],
): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [...gtins];
  UPC_SHAPED.lastIndex = region.start;
  for (let m = UPC_SHAPED.exec(text); m && m.index + m[0].length <= region.end; m = UPC_SHAPED.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (readGtin(m[0]).gtin14 || gtins.some((g) => g.start < end && g.end > start)) continue;
    cells.push({ start, end });
  }
  return cells.sort((a, b) => a.start - b.start);
}

function tableModels(text: string, origin: string, out: MinedModel[]): void {
  const headers = findTableHeaders(text);
  if (headers.length === 0) return;
  const allGtins = findGtins(text);
  headers.forEach((header, h) => {
    const regionEnd = headers[h + 1]?.start ?? text.length;
    const region = { start: header.end, end: regionEnd };
    const gtins = allGtins.filter((g) => g.start >= region.start && g.end <= region.end);
    const columns = header.columns;
    const take = (t: { value: string; index: number } | null) => {
      if (t && isStrictModelShape(t.value)) pushModel(out, t.value, false, false, 'table', origin, t.index);
    };
    // The model column printed right before the UPC column: "TRX113 8-49398-06563-1".
    const modelIndex = columns.indexOf('model');
    const cells = columns.includes('upc') ? upcCells(text, region, gtins) : [];
    if (modelIndex >= 0 && columns[modelIndex + 1] === 'upc') {
      for (const g of cells) take(tokenBefore(text, g.start));
    }
    // The model column first and a recognisable last column: each row starts right after the previous
    // row's last cell ("... 035051426028 589938 MGA's ...", "... 3014835626 to 3015507481 TB23244BEN ...").
    const last = columns[columns.length - 1];
    if (columns[0] === 'model' && (last === 'upc' || last === 'range')) {
      take(tokenAfter(text, header.end));
      if (last === 'upc') {
        for (const g of cells) take(tokenAfter(text, g.end));
      } else {
        const ranges = /\d[\d-]*\s+(?:to|through|thru|[–—-])\s+\d[\d-]*/g;
        ranges.lastIndex = region.start;
        for (let m = ranges.exec(text); m && m.index < region.end; m = ranges.exec(text)) {
          take(tokenAfter(text, m.index + m[0].length));
        }
      }
    }
    // A "Model Numbers" column holds lists: "RCS304BV2, RCS366BV2, ...". Only runs of two or more strict
    // shapes count, so the series names and serial ranges around them are left out.
    if (columns.includes('model-list')) {
      const tokens = [
        ...text.slice(region.start, region.end).matchAll(/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?/g),
      ];
      let group: Array<{ value: string; index: number; end: number }> = [];
      const flush = () => {
        if (group.length >= 2) for (const t of group) take(t);
        group = [];
      };
      for (const t of tokens) {
        const index = region.start + t.index;
        const value = t[0];
        const previous = group[group.length - 1];
        const strict = isStrictModelShape(value) && /[A-Z]/.test(value) && value.length >= 5;
        if (!strict) {
          flush();
          continue;
        }
        if (previous && !/^[\s,]+$/.test(text.slice(previous.end, index))) flush();
        group.push({ value, index, end: index + value.length });
      }
      flush();
    }
  });
}

/**
 * A model or item column heading glued to its neighbours, the mark of a table whose cells lost the
 * space between them (the cpsc.gov export: "Model NumberSerial Number Range", "StyleModel Number",
 * "ProductModel #Size", "ColorSKU TYCO1012"). Headings in prose ("The model number is ...") or with
 * spaces around them (read by `findTableHeaders`) do not count.
 */
const GLUED_HEADER =
  /(?<=[a-z])(?:Model|Item|SKU)(?:\s?(?:Numbers?|No\.|#))?|(?:Model|MODEL|Item|ITEM|SKU)(?:\s?(?:Numbers?|NUMBERS?|No\.|NO\.|#))?(?=[A-Z])/g;
/**
 * A cell-shaped run of capitals, digits and inner dashes that ends at a space, punctuation, or right
 * before a capitalised word glued to it ("BD4030BMagnum" ends at "BD4030B"). Each run is scanned once
 * from its start: linear.
 */
const GLUED_CELL = /(?<![A-Z0-9-])[A-Z0-9][A-Z0-9-]*?(?=[A-Z][a-z]|[^A-Z0-9-]|$)/g;
/** A serial range after a cell: "FCRE3052BWVF34618193 thru VF34618322" (the start serial glued on). */
const SERIAL_RANGE_AFTER = /\s*(?:thru|through|to|[–—-])\s*([A-Z]{1,3}\d{5,})/y;
/** Two numbers of one family joined by "and" in a glued table: "98200 and 98210". */
const NUMBER_PAIR = /(?<![\d.,-])(\d{4,8}) and (\d{4,8})(?![\d.,])/g;
/** How far past a glued heading its table's rows are read. */
const GLUED_TABLE_SPAN = 3000;

/**
 * The model column of tables whose cells are glued together. Cells cannot be told apart in general, so
 * only values that look like one maker's model line are taken: capitals and digits, 5 to 16 characters,
 * with a letter stem shared by another value of the same table ("BLG26BE", "BLG23BD"; "CT25TKO-1",
 * "CT25TKO-2"). A start serial glued to a model is cut off when the range's end serial shows its shape.
 * Cells followed by a unit ("AW4229 inches": model and size glued) and masked serials ("607KMXXXXXXX")
 * are left.
 */
function gluedTableModels(text: string, origin: string, out: MinedModel[]): void {
  let coveredTo = 0;
  for (const header of text.matchAll(GLUED_HEADER)) {
    if (header.index < coveredTo) continue;
    const start = header.index + header[0].length;
    const end = Math.min(text.length, start + GLUED_TABLE_SPAN);
    coveredTo = end;
    const cells: Array<{ value: string; index: number }> = [];
    GLUED_CELL.lastIndex = start;
    for (let m = GLUED_CELL.exec(text); m && m.index < end; m = GLUED_CELL.exec(text)) {
      let value = m[0].replace(/-+$/, '');
      const cellEnd = m.index + m[0].length;
      const range = execAt(SERIAL_RANGE_AFTER, text, cellEnd);
      const serial = range?.[1];
      if (serial && value.length > serial.length + 3) {
        const glued = value.slice(value.length - serial.length);
        if (glued.slice(0, 2) === serial.slice(0, 2)) value = value.slice(0, value.length - serial.length);
        // The previous row's end serial may be glued in front: "VF34618322FCRE305CBW".
        const lead = value.slice(0, serial.length);
        if (lead.slice(0, 2) === serial.slice(0, 2) && /^[A-Z]{1,3}\d+$/.test(lead))
          value = value.slice(serial.length);
      }
      if (value.length < 5 || value.length > 16 || !/\d/.test(value) || !/^[A-Z]/.test(value)) continue;
      if (/\d{8}|XXX/.test(value) || !isStrictModelShape(value)) continue;
      // Two cells in one ("TM522TM5221803": a model and its serial), a brand or VIN glued on (a letter run
      // of eight or more), and coin cells of a battery-type column ("CR2032") are not one model.
      if (/^([A-Z]{2,})\d.*\1/.test(value) || /[A-Z]{8}/.test(value) || /^(?:CR|LR|SR|BR)\d{4}$/.test(value))
        continue;
      if (execAt(QUANTITY_AFTER, text, cellEnd) !== null) continue;
      cells.push({ value, index: m.index });
    }
    // Numeric model cells print their variants in pairs: "Module98200 and 98210Male EC8 ...".
    NUMBER_PAIR.lastIndex = start;
    for (let m = NUMBER_PAIR.exec(text); m && m.index < end; m = NUMBER_PAIR.exec(text)) {
      const [, first = '', second = ''] = m;
      if (first.length !== second.length || first.slice(0, 2) !== second.slice(0, 2)) continue;
      // "202408 and 202501" are months (date codes), not models.
      if (/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:\d{2})?$/.test(first)) continue;
      if (execAt(QUANTITY_AFTER, text, m.index + m[0].length) !== null) continue;
      pushModel(out, first, false, true, 'table', origin, m.index);
      pushModel(out, second, false, true, 'table', origin, m.index + m[0].length - second.length);
    }
    const stems = new Map<string, number>();
    const stemOf = (v: string) => /^[A-Z]+/.exec(v)?.[0] ?? '';
    for (const c of cells) stems.set(stemOf(c.value), (stems.get(stemOf(c.value)) ?? 0) + 1);
    for (const c of cells) {
      const stem = stemOf(c.value);
      if (stem.length >= 2 && (stems.get(stem) ?? 0) >= 2) {
        pushModel(out, c.value, false, false, 'table', origin, c.index);
      }
    }
  }
}

/**
 * Model numbers printed in a notice: after a model/item label ("model number BSFIREPIT01",
 * "MODEL No.: HANS0002", "item number 593768"), in the list that follows one ("BSFIREPIT01 (UPC ...);
 * BSFIREPIT02 (...)"), and in flattened tables whose header names a model or item column. Families
 * ("models beginning with TRX1") come back with kind 'prefix'. Each model once, first occurrence.
 */
export function mineModels(fullText: string, origin = 'text'): MinedModel[] {
  const text = fullText.length > MAX_MINED_TEXT ? fullText.slice(0, MAX_MINED_TEXT) : fullText;
  const found: MinedModel[] = [];
  labelledModels(text, origin, found);
  tableModels(text, origin, found);
  gluedTableModels(text, origin, found);
  modelsBeforeWord(text, origin, found);
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  return found.filter((m) => {
    const key = `${m.kind}:${modelKey(m.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
