/** Model numbers mined from prose (see text-mining.ts for the rules all miners follow). */

import { readGtin } from './gtin';
import { DASHES, findGtins, type GtinHit } from './gtin-mining';
import { cleanModel, isDistinctiveModel, modelKey } from './model';
import { findTableHeaders } from './table-mining';
import type { MinedAt } from './text-mining';

export interface MinedModel extends MinedAt {
  /** The model as printed, cleaned. */
  value: string;
  /**
   * 'exact' names one model. 'prefix' is a family ("models beginning with TRX1"): it is reported so a
   * caller can show it, and must never be matched as a model.
   */
  kind: 'exact' | 'prefix';
  /** After a model/item label, in a list that followed one, or in a flattened table. */
  via: 'label' | 'list' | 'table';
}

/**
 * "model number", "Model No.:", "models", "model/item #", and item/style/SKU/part numbers when a
 * number word says so ("item number 593768", "ITEM NO. PG1045"; plain "item" is a common noun).
 */
const MODEL_LABEL =
  /\b(?:(models?)|(items?|styles?|skus?|parts?|catalog|product))(?:\s*\/\s*(?:models?|items?|styles?|skus?))?(\s*(?:numbers?|nos?\.|no\b|#|codes?))?\s*(?:[:：]\s*|\b(?:is|are)\s+)?/gi;
const PREFIX_PHRASE =
  /^(?:that\s+)?(?:begin(?:s|ning)?|start(?:s|ing)?)\s+with\s+(?:the\s+(?:letters?|characters?|prefix)\s+)?/i;
const SUFFIX_PHRASE = /^(?:that\s+)?end(?:s|ing)?\s+(?:in|with)\b/i;
const INTRO_PHRASE = /^(?:including|include|includes|such\s+as)\s+/i;
/** A model-like token: letters, digits, inner dashes and dots. */
const TOKEN = /^["“'‘]?([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)/;
/** Between list items: a parenthetical ("(UPC code 680079015930)"), then a comma, semicolon or "and". */
const LIST_PARENS = /^(?:\s*\([^()]{0,160}\))*/;
export const LIST_SEPARATOR = /^\s*(?:[,;&]|\band\b|\bor\b)(?:\s*(?:and|or)\b)?\s*/i;

/** Upper-case letters, digits and inner dashes, with a digit and a letter (or six digits). */
function isStrictModelShape(token: string): boolean {
  if (!/^[A-Z0-9](?:[A-Z0-9.-]*[A-Z0-9])?$/.test(token) || !/\d/.test(token)) return false;
  return /[A-Z]/.test(token) || /^\d{6,}$/.test(token);
}

/** A token that can stand for a model: distinctive, and not a word ("2000-Watt") or a date. */
function isModelValue(token: string): boolean {
  if (/[a-z]{3,}/.test(token)) return false;
  if (/^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(token)) return false;
  return isDistinctiveModel(token);
}

/** "TRX 113" in captions ("Item# TRX 113") is one model printed with a space. */
function joinSpacedModel(text: string, at: number, token: string): string {
  if (!/^[A-Z]{2,5}$/.test(token) || /^(?:UPC|EAN|GTIN|ISBN|SKU|LOT|NO|NOS|SN)$/.test(token)) return token;
  const m = /^ (\d{2,6})(?![\p{L}\p{N}])/u.exec(text.slice(at));
  return m ? `${token} ${m[1]}` : token;
}

function labelledModels(text: string, origin: string, out: MinedModel[]): void {
  for (const label of text.matchAll(MODEL_LABEL)) {
    // "item", "style", "part" ... count only with a number word: "items sold" names nothing.
    if (label[2] && !label[3]) continue;
    let at = label.index + label[0].length;
    let kind: MinedModel['kind'] = 'exact';
    const rest = text.slice(at);
    // "model numbers ending in -B" names a suffix we cannot match on; leave it.
    if (SUFFIX_PHRASE.test(rest)) continue;
    const prefix = PREFIX_PHRASE.exec(rest);
    if (prefix) {
      kind = 'prefix';
      at += prefix[0].length;
    }
    const intro = INTRO_PHRASE.exec(text.slice(at));
    if (intro) at += intro[0].length;

    const firstToken = TOKEN.exec(text.slice(at));
    if (!firstToken?.[1]) continue;
    const tokenStart = at + firstToken[0].length - firstToken[1].length;
    let value = firstToken[1];
    at += firstToken[0].length;
    if (!/\d/.test(value)) {
      const joined = joinSpacedModel(text, at, value);
      // "the model number is located ...": a word, not a model (a family prefix may be letters only).
      if (joined === value && kind === 'exact') continue;
      at += joined.length - value.length;
      value = joined;
    }
    pushModel(out, value, kind, 'label', origin, tokenStart);

    // A list may follow: "BSFIREPIT01 (UPC code ...); BSFIREPIT02 (UPC code ...); and BSFIREPIT03".
    for (;;) {
      const parens = LIST_PARENS.exec(text.slice(at));
      let next = at + (parens?.[0].length ?? 0);
      const separator = LIST_SEPARATOR.exec(text.slice(next));
      if (separator) {
        next += separator[0].length;
      } else {
        // Some tables drop the comma ("RNB364GV2 RNB364FTV2"): a lone space only joins strict shapes.
        const space = /^ /.exec(text.slice(next));
        if (!space) break;
        next += 1;
      }
      const token = TOKEN.exec(text.slice(next));
      if (!token?.[1] || !isStrictModelShape(token[1])) break;
      pushModel(out, token[1], kind, 'list', origin, next + token[0].length - token[1].length);
      at = next + token[0].length;
    }
  }
}

function pushModel(
  out: MinedModel[],
  printed: string,
  kind: MinedModel['kind'],
  via: MinedModel['via'],
  origin: string,
  index: number,
): void {
  const value = cleanModel(printed);
  if (!value) return;
  if (kind === 'exact' && !isModelValue(value)) return;
  // A family prefix needs no digit ("beginning with CANY") but must not be a bare letter or two.
  if (kind === 'prefix' && (modelKey(value).length < 3 || /[a-z]{3,}/.test(value))) return;
  out.push({ value, kind, via, origin, index });
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
      if (t && isStrictModelShape(t.value)) pushModel(out, t.value, 'exact', 'table', origin, t.index);
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
 * Model numbers printed in a notice: after a model/item label ("model number BSFIREPIT01",
 * "MODEL No.: HANS0002", "item number 593768"), in the list that follows one ("BSFIREPIT01 (UPC ...);
 * BSFIREPIT02 (...)"), and in flattened tables whose header names a model or item column. Families
 * ("models beginning with TRX1") come back with kind 'prefix'. Each model once, first occurrence.
 */
export function mineModels(text: string, origin = 'text'): MinedModel[] {
  const found: MinedModel[] = [];
  labelledModels(text, origin, found);
  tableModels(text, origin, found);
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  return found.filter((m) => {
    const key = `${m.kind}:${modelKey(m.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
