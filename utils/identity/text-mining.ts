/**
 * Identifiers mined from prose. Recall notices print most of what identifies a product in free text, not
 * in structured fields: CPSC fills `ProductUPCs` for ~5% of recalls and leaves `Products[].Model` empty,
 * while the Description and the image captions carry UPCs (`8-49398-06563-1`, `UPC 1 00001 00029 7`),
 * model numbers, flattened tables ("Model/Item # UPC Description Date Code TRX113 8-49398-06563-1 ..."),
 * lot and date codes, and the months a product was made or sold.
 *
 * Every miner is precise before it is greedy: a false model or GTIN key puts a recall warning on an
 * unrelated product, which costs more trust than a missed one. So a value is taken only with evidence:
 * a label word in front of it ("model number", "UPC code", "lot"), a valid GTIN check digit, or a table
 * header that says what the column holds. Each result carries the caller's `origin` and its offset, so a
 * mapper can record where in the notice it came from.
 */
import { brandKey } from './brand';
import { rawGtinKey, readGtin } from './gtin';
import { cleanModel, isDistinctiveModel, modelKey } from './model';

/** Where a mined value was found. */
export interface MinedAt {
  /** The caller's name for the text, e.g. "Description" or "Images.Caption". */
  origin: string;
  /** Offset of the value in the text. */
  index: number;
}

// ---------------------------------------------------------------------------------------------------
// GTINs

export interface MinedGtin extends MinedAt {
  /** The code as printed, e.g. "8-49398-06563-1" or "7 84762 03730 3". */
  raw: string;
  /** The 14-digit key when the check digit is valid, else null (the raw string is still a weak signal). */
  gtin14: string | null;
  /** True when a UPC/EAN/GTIN/ISBN/barcode word introduced the value. */
  labelled: boolean;
}

const DASHES = '\\-\\u2010\\u2011\\u2012\\u2013';

/**
 * A printed number: digit groups joined by dashes, optionally ending in an ISBN-10 "X". It must stand
 * alone: a number glued to letters ("TRX113", "240z") or to another number by a slash or a dot ("06/15/23",
 * "10.5") is part of something else.
 */
const NUMBER_TOKEN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}][${DASHES}/.])\\d+(?:[${DASHES}]\\d+)*(?:[${DASHES}]?[Xx])?(?![\\p{L}\\p{N}])(?![${DASHES}/.][\\p{L}\\p{N}])`,
  'gu',
);

/** Words that say the next number is a barcode. */
const CODE_LABEL =
  /\b(?:upcs?|ean(?:[-\s]?(?:8|13))?|gtins?(?:[-\s]?(?:8|12|13|14))?|isbn(?:[-\s]?1[03])?|bar\s?codes?)\b/gi;
/**
 * Words that say the next number is something else: serial and lot numbers, phone numbers, model and
 * item numbers (CPSC tables print "593768" item numbers right before the UPC).
 */
const OTHER_LABEL =
  /\b(?:serial|s\/n|sn|lots?|batch(?:es)?|date\s+codes?|phone|telephone|tel|fax|call|toll[-\s]free|models?|items?|skus?|styles?|parts?|order|invoice|patent|registration)\b/gi;
/** Words that may stand between a label and its value: "UPC number is", "UPC codes 1111, 2222 and". */
const FILLER_WORDS = new Set([
  'code',
  'codes',
  'number',
  'numbers',
  'no',
  'nos',
  'num',
  'is',
  'are',
  'was',
  'were',
  'of',
  'and',
  'or',
  'the',
  'a',
  'an',
  'label',
  'labeled',
  'labelled',
  'printed',
  'read',
  'reads',
  'digit',
  'digits',
  'x',
]);

type LabelKind = 'code' | 'isbn' | 'other' | null;

/**
 * True when `gap` holds only separators and filler words. Numbers count as filler after a barcode word
 * (a list: "UPC codes 1111, 2222 and 3333"), but not after another label: in "item number 593768
 * 035051591768" the second number is not the item number.
 */
function isFillerGap(gap: string, numbersAllowed: boolean): boolean {
  return gap
    .split(/[\s,;:#.()\-–—/&"'“”‘’]+/)
    .filter((w) => w.length > 0)
    .every((w) => (numbersAllowed && /^\d+$/.test(w)) || FILLER_WORDS.has(w.toLowerCase()));
}

/** The label that governs a number starting at `start`: the last label word before it, if only filler is between. */
function labelBefore(text: string, start: number): LabelKind {
  const from = Math.max(0, start - 80);
  const window = text.slice(from, start);
  let best: { end: number; kind: LabelKind } | null = null;
  for (const m of window.matchAll(CODE_LABEL)) {
    const end = m.index + m[0].length;
    if (!best || end > best.end) best = { end, kind: /^isbn/i.test(m[0]) ? 'isbn' : 'code' };
  }
  for (const m of window.matchAll(OTHER_LABEL)) {
    const end = m.index + m[0].length;
    if (!best || end > best.end) best = { end, kind: 'other' };
  }
  if (!best || !isFillerGap(window.slice(best.end), best.kind !== 'other')) return null;
  return best.kind;
}

/** "3014835626 to 3015507481": serial ranges print long numbers in pairs. */
function inRange(text: string, start: number, end: number): boolean {
  return (
    /^\s*(?:through|thru|to|until|[–—-])\s*\d/i.test(text.slice(end, end + 20)) ||
    /\d\s*(?:through|thru|to|until|[–—-])\s*$/i.test(text.slice(Math.max(0, start - 20), start))
  );
}

interface NumberToken {
  start: number;
  end: number;
  /** Digits (and a final X) without separators. */
  digits: string;
}

interface GtinHit {
  start: number;
  end: number;
  raw: string;
  gtin14: string | null;
  labelled: boolean;
}

/** A candidate's grade, with its key when valid. */
type Grade = { grade: 'valid'; gtin14: string } | { grade: 'raw'; gtin14: null };
const RAW: Grade = { grade: 'raw', gtin14: null };

/**
 * The lengths a candidate can be graded at all: EAN-8, ISBN-10, UPC-A without check digit (11), and
 * GTIN-12/13/14. Prose is full of short numbers ("18 inches", "2000-Watt"); a run of them that cannot
 * add up to one of these lengths needs no label look-up and no check digit.
 */
function isCodeLength(length: number): boolean {
  return length === 8 || (length >= 10 && length <= 14);
}

/**
 * Judges one candidate: a valid key, a raw string worth keeping, or nothing. The check digit is only
 * computed for lengths whose verdict depends on it. `digits` holds only digits and a final X, so its key
 * is read straight from the digits (a label word or a separator cannot be in it).
 */
function gradeCandidate(
  digits: string,
  tokenCount: number,
  firstTokenLength: number,
  label: LabelKind,
): Grade | null {
  const length = digits.length;
  if (!isCodeLength(length)) return null;
  const labelled = label === 'code' || label === 'isbn';
  const last = digits.charCodeAt(length - 1);
  if (last === 88 || last === 120) {
    // A final X: only an ISBN-10 after an ISBN label.
    if (label !== 'isbn' || length !== 10) return null;
    const gtin14 = readGtin(digits).gtin14;
    return gtin14 ? { grade: 'valid', gtin14 } : RAW;
  }
  // An 11-digit UPC-A printed without its check digit is only a guess: kept raw, and only when labelled.
  if (length === 11) return labelled ? RAW : null;
  // EAN-8 looks like a date ("2026-10-15") and 10 digits like a phone number: both need their label.
  if (length === 8 && !labelled) return null;
  if (length === 10 && label !== 'isbn') return null;
  const gtin14 = readGtin(digits).gtin14;
  if (length >= 12) {
    if (gtin14) {
      // Unlabelled numbers split by spaces join only in the printed UPC shape "7 84762 03730 3" (a lone
      // leading digit); "Item 12 8-49398-06563-1" must not become one 14-digit code.
      if (tokenCount > 1 && !labelled && firstTokenLength !== 1) return null;
      return { grade: 'valid', gtin14 };
    }
    return labelled ? RAW : null;
  }
  return gtin14 ? { grade: 'valid', gtin14 } : RAW;
}

interface Option {
  /** The run index after the candidate's last token. */
  next: number;
  digits: string;
  /** How many tokens were joined. */
  count: number;
  graded: Grade | null;
}

/**
 * The candidate a run position stands for, in order of preference: a single valid token, the longest
 * valid join, a single raw token, the longest raw join.
 */
function pickOption(options: Option[]): Option | undefined {
  const first = options[0];
  if (first?.graded?.grade === 'valid') return first;
  for (let k = options.length - 1; k >= 0; k--) if (options[k]?.graded?.grade === 'valid') return options[k];
  if (first?.graded?.grade === 'raw') return first;
  for (let k = options.length - 1; k >= 0; k--) if (options[k]?.graded?.grade === 'raw') return options[k];
  return undefined;
}

/** Splits a run of space-separated number tokens into codes, left to right. */
function codesInRun(text: string, run: NumberToken[], out: GtinHit[]): void {
  let i = 0;
  while (i < run.length) {
    const first = run[i] as NumberToken;
    const options: Option[] = [];
    let digits = '';
    let possible = false;
    for (let j = i; j < run.length && j < i + 6; j++) {
      digits += (run[j] as NumberToken).digits;
      if (digits.length > 14) break;
      options.push({ next: j + 1, digits, count: j - i + 1, graded: null });
      if (isCodeLength(digits.length)) possible = true;
    }
    // No join reaches a code length: nothing here can be a code, whatever label stands before it.
    if (!possible) {
      i++;
      continue;
    }
    const label = labelBefore(text, first.start);
    const labelled = label === 'code' || label === 'isbn';
    for (const o of options) o.graded = gradeCandidate(o.digits, o.count, first.digits.length, label);
    const pick = pickOption(options);
    const last = pick ? run[pick.next - 1] : undefined;
    if (!pick?.graded || !last) {
      i++;
      continue;
    }
    const suppressed = label === 'other' || (!labelled && inRange(text, first.start, last.end));
    if (!suppressed) {
      out.push({
        start: first.start,
        end: last.end,
        raw: text.slice(first.start, last.end),
        gtin14: pick.graded.gtin14,
        labelled,
      });
    }
    i = pick.next;
  }
}

/**
 * One-entry memo: a mapper mines the same Description for GTINs and then for table models, which needs
 * the same hits again. The hits are never mutated by their readers.
 */
let memoGtins: { text: string; hits: readonly GtinHit[] } | null = null;

function findGtins(text: string): readonly GtinHit[] {
  if (memoGtins?.text === text) return memoGtins.hits;
  // "UPC-012345678905": the label's hyphen would glue the number to a word; a space keeps offsets aligned.
  const scan = text.replace(/\b(UPC|EAN|GTIN|ISBN)[-‐](?=\d)/gi, '$1 ');
  const out: GtinHit[] = [];
  let run: NumberToken[] = [];
  for (const m of scan.matchAll(NUMBER_TOKEN)) {
    const token: NumberToken = {
      start: m.index,
      end: m.index + m[0].length,
      digits: m[0].replace(/[^\dXx]/g, ''),
    };
    const previous = run[run.length - 1];
    // Tokens one space (or no-break space) apart form a run: "7 84762 03730 3".
    const gap = previous ? token.start - previous.end : 0;
    const between = gap === 1 ? scan.charCodeAt(previous?.end ?? 0) : 0;
    if (previous && gap === 1 && (between === 0x20 || between === 0xa0)) {
      run.push(token);
    } else {
      if (run.length) codesInRun(scan, run, out);
      run = [token];
    }
  }
  if (run.length) codesInRun(scan, run, out);
  // `scan` only differs from `text` by a hyphen turned into a space, so `raw` is re-read from `text`.
  const hits = scan === text ? out : out.map((hit) => ({ ...hit, raw: text.slice(hit.start, hit.end) }));
  memoGtins = { text, hits };
  return hits;
}

/**
 * Printed UPC/EAN/GTIN-14/ISBN codes in a text, each once (first occurrence). Taken are: numbers with a
 * valid check digit that stand alone, and, after a UPC/EAN/GTIN/ISBN/barcode word, also invalid ones
 * (kept raw). Phone numbers, dates, serial ranges and numbers after "serial", "lot" or "model" are left.
 */
export function mineGtins(text: string, origin = 'text'): MinedGtin[] {
  const seen = new Set<string>();
  const out: MinedGtin[] = [];
  for (const hit of findGtins(text)) {
    const key = hit.gtin14 ?? rawGtinKey(hit.raw);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ raw: hit.raw, gtin14: hit.gtin14, labelled: hit.labelled, origin, index: hit.start });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Flattened tables

type ColumnKind =
  | 'model'
  | 'model-name'
  | 'model-list'
  | 'upc'
  | 'description'
  | 'date-code'
  | 'range'
  | 'serial'
  | 'other';

/** Column headings CPSC tables use, longest first so "Model Numbers" is not read as "Model". */
const COLUMNS: Array<[RegExp, ColumnKind]> = [
  [/(?:model\s*\/\s*item|item\s*\/\s*model)(?:\s*(?:#|no\.?|numbers?))?/iy, 'model'],
  [/model\s+numbers/iy, 'model-list'],
  [/model\s+name/iy, 'model-name'],
  [/model(?:\s*(?:#|no\.?|number))?/iy, 'model'],
  [/item(?:\s*(?:#|no\.?|number))?/iy, 'model'],
  [/upc(?:\s+bar\s+codes?|\s+codes?|\s+numbers?|\s*#)?|bar\s*codes?/iy, 'upc'],
  [/(?:product\s+)?(?:description|name)/iy, 'description'],
  [/date\s+codes?/iy, 'date-code'],
  [/serial\s+(?:no\.?|numbers?)\s+range/iy, 'range'],
  [/serial\s+(?:no\.?|numbers?)/iy, 'serial'],
  [/colou?rs?|sizes?|sku/iy, 'other'],
];

const SPACE = /\s+/y;

interface TableHeader {
  start: number;
  end: number;
  columns: ColumnKind[];
}

function readColumn(text: string, at: number): { kind: ColumnKind; end: number } | null {
  for (const [re, kind] of COLUMNS) {
    re.lastIndex = at;
    const m = re.exec(text);
    // Headings are capitalised ("Model/Item #", "ITEM # PRODUCT DESCRIPTION"); prose ("the model number
    // and UPC") is not, which keeps sentences from being read as tables.
    if (m && /^[A-Z]/.test(m[0]) && !/[\p{L}\p{N}]/u.test(text[at + m[0].length] ?? '')) {
      return { kind, end: at + m[0].length };
    }
  }
  return null;
}

/** One-entry memo: models and lots read the same Description's table headers. */
let memoHeaders: { text: string; headers: readonly TableHeader[] } | null = null;

/**
 * Headers of flattened tables: a model or item column followed by at least one more known column, or a
 * "Model Name" column right before a "Model Numbers" one ("Model Name Model Numbers Color ...": the
 * name cell is prose, the lists come after it).
 */
function findTableHeaders(text: string): readonly TableHeader[] {
  if (memoHeaders?.text === text) return memoHeaders.headers;
  const headers: TableHeader[] = [];
  for (const m of text.matchAll(/\b(?:Model|MODEL|Item|ITEM)\b/g)) {
    if (headers.some((h) => m.index < h.end)) continue;
    const columns: ColumnKind[] = [];
    let at = m.index;
    let end = at;
    for (;;) {
      const column = readColumn(text, at);
      if (!column) break;
      columns.push(column.kind);
      end = column.end;
      SPACE.lastIndex = end;
      const space = SPACE.exec(text);
      if (!space) break;
      at = end + space[0].length;
    }
    const first = columns[0];
    const known = columns.slice(1).some((c) => c !== 'other' && c !== 'model');
    const named = first === 'model-name' && columns[1] === 'model-list';
    if (((first === 'model' || first === 'model-list') && columns.length >= 2 && known) || named) {
      headers.push({ start: m.index, end, columns });
    }
  }
  memoHeaders = { text, headers };
  return headers;
}

// ---------------------------------------------------------------------------------------------------
// Models

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
const LIST_SEPARATOR = /^\s*(?:[,;&]|\band\b|\bor\b)(?:\s*(?:and|or)\b)?\s*/i;

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

// ---------------------------------------------------------------------------------------------------
// Lots, batches and date codes

export interface MinedLot extends MinedAt {
  /** As printed: "2305A", "I0-2501515", or a range "2605 through 2609". */
  value: string;
  kind: 'lot' | 'batch' | 'date-code';
  /** The ends of a printed range, else null. */
  from: string | null;
  to: string | null;
}

const LOT_LABEL =
  /\b(?:(lot|batch)(?:e?s)?(?:\s*(?:numbers?|nos?\.|no\b|#|codes?))?|(date|production)\s+codes?)\s*(?:[:：]\s*|\b(?:is|are)\s+)?/gi;
const LOT_TOKEN = /^["“]?([A-Za-z0-9](?:[A-Za-z0-9./-]*[A-Za-z0-9])?)/;
const LOT_RANGE = /^\s*(?:through|thru|to|until|[–—-])\s*["“]?([A-Za-z0-9](?:[A-Za-z0-9./-]*[A-Za-z0-9])?)/i;

/** A code has a digit, is not a word, and is longer than a count ("parking lot 5" names no lot). */
function isLotValue(token: string): boolean {
  return /\d/.test(token) && !/[a-z]{3,}/.test(token) && token.length >= 3 && token.length <= 30;
}

/**
 * Lot, batch and date codes: "lot numbers 2305A and 2306B", "date codes 2605 through 2609", "batch
 * number I0-2501515", "Date Code: 06/15/23CH1". A label inside a table header ("... Description Date Code
 * TRX113 ...") is skipped: the value after it is the first row's model, not a date code.
 */
export function mineLots(text: string, origin = 'text'): MinedLot[] {
  // Read only when a label is found: most texts name no lot.
  let headers: readonly TableHeader[] | null = null;
  const out: MinedLot[] = [];
  const seen = new Set<string>();
  for (const label of text.matchAll(LOT_LABEL)) {
    headers ??= findTableHeaders(text);
    if (headers.some((h) => label.index >= h.start && label.index < h.end)) continue;
    const word = (label[1] ?? label[2] ?? '').toLowerCase();
    const kind: MinedLot['kind'] = word === 'lot' ? 'lot' : word === 'batch' ? 'batch' : 'date-code';
    let at = label.index + label[0].length;
    for (;;) {
      const token = LOT_TOKEN.exec(text.slice(at));
      if (!token?.[1] || !isLotValue(token[1])) break;
      const start = at + token[0].length - token[1].length;
      let end = at + token[0].length;
      let to: string | null = null;
      const range = LOT_RANGE.exec(text.slice(end));
      if (range?.[1] && isLotValue(range[1])) {
        to = range[1];
        end += range[0].length;
      }
      const value = text.slice(start, end);
      if (!seen.has(value)) {
        seen.add(value);
        out.push({ value, kind, from: to ? token[1] : null, to, origin, index: start });
      }
      at = end;
      const separator = LIST_SEPARATOR.exec(text.slice(at));
      if (!separator) break;
      at += separator[0].length;
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------------------------------
// Date ranges

export interface MinedDateRange extends MinedAt {
  kind: 'manufactured' | 'sold' | 'best-before' | 'other';
  /** ISO: YYYY-MM for "January 2025", YYYY-MM-DD when a day is printed, YYYY for a bare year. */
  from: string | null;
  to: string | null;
  /** The words as printed, e.g. "manufactured from January 2025 through March 2026". */
  text: string;
}

/** English month names by their first three letters (shared with feed mappers that read dates). */
export const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const DATE = `${MONTH}(?:\\s+(\\d{1,2}))?,?\\s+((?:19|20)\\d{2})(?!\\d)`;
/**
 * "from January 2025 through March 2026", "between April 1, 2024, and August 20, 2024",
 * "from July 2023through February 2024" (CPSC Retailers lines drop the space).
 */
const DATE_RANGE = new RegExp(
  `\\b(?:(from|between)\\s+)?${DATE}\\s*,?\\s*(through|thru|to|until|and|[–—-])\\s*${DATE}`,
  'gi',
);
const YEAR_RANGE =
  /\b(from|between)\s+((?:19|20)\d{2})\s*(?:through|thru|to|until|and|[–—-])\s*((?:19|20)\d{2})(?!\d)/gi;
const KIND_WORDS: Array<[RegExp, MinedDateRange['kind']]> = [
  [/\b(?:manufactured|made|produced|built|assembled|manufacturing|manufacture)\b/gi, 'manufactured'],
  [/\b(?:sold|purchased|bought|distributed|available|retailed)\b/gi, 'sold'],
  [/\b(?:best\s+(?:before|by)|use\s+by|expir\w*)\b/gi, 'best-before'],
];

function isoDate(
  month: string | undefined,
  day: string | undefined,
  year: string | undefined,
): string | null {
  if (!year) return null;
  if (!month) return year;
  const m = MONTHS[month.slice(0, 3).toLowerCase()];
  if (!m) return null;
  const mm = String(m).padStart(2, '0');
  if (!day) return `${year}-${mm}`;
  const d = Number(day);
  if (d < 1 || d > 31) return null;
  return `${year}-${mm}-${String(d).padStart(2, '0')}`;
}

/**
 * True when the text holds two years (1900–2099, not followed by a digit), as every range needs. Two
 * such years cannot overlap (the first is followed by a non-digit), so a left-to-right scan finds both.
 */
const YEAR = /(?:19|20)\d{2}(?!\d)/g;
function hasTwoYears(text: string): boolean {
  YEAR.lastIndex = 0;
  const found = YEAR.test(text) && YEAR.test(text);
  YEAR.lastIndex = 0;
  return found;
}

/** The nearest kind word before `start` in the same sentence, with its offset. */
function kindBefore(text: string, start: number): { kind: MinedDateRange['kind']; index: number } | null {
  const from = Math.max(0, start - 120);
  const window = text.slice(from, start);
  // A sentence boundary ends the search: "... were sold in stores. From May 2024 ..." is another statement.
  const boundary = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '));
  let best: { kind: MinedDateRange['kind']; index: number } | null = null;
  for (const [re, kind] of KIND_WORDS) {
    for (const m of window.matchAll(re)) {
      if (m.index <= boundary) continue;
      if (!best || from + m.index > best.index) best = { kind, index: from + m.index };
    }
  }
  return best;
}

/**
 * Periods a notice names: "manufactured from January 2025 through March 2026", "sold from September
 * 2023 through June 2026". The kind comes from the nearest word before it in the same sentence
 * (manufactured/made, sold/purchased, best before), else `defaultKind`: a CPSC Retailers line is a sale
 * period without saying "sold". A "between" with bare years needs "from"/"between" in front.
 */
export function mineDateRanges(
  text: string,
  origin = 'text',
  defaultKind: MinedDateRange['kind'] = 'other',
): MinedDateRange[] {
  const out: MinedDateRange[] = [];
  // Both patterns print two years; most texts have fewer, and the month alternation is costly to try at
  // every word of a long Description.
  if (!hasTwoYears(text)) return out;
  const covered: Array<[number, number]> = [];
  const add = (start: number, end: number, from: string | null, to: string | null) => {
    if (covered.some(([s, e]) => start < e && end > s)) return;
    covered.push([start, end]);
    const kindWord = kindBefore(text, start);
    // Keep the kind word in the text when it belongs to the phrase ("manufactured between ...").
    const near = kindWord && start - kindWord.index <= 40 ? kindWord.index : start;
    out.push({
      kind: kindWord?.kind ?? defaultKind,
      from,
      to,
      text: text.slice(near, end).replace(/\s+/g, ' ').trim(),
      origin,
      index: start,
    });
  };
  for (const m of text.matchAll(DATE_RANGE)) {
    // "and" joins two dates into a period only after "between".
    if (m[5]?.toLowerCase() === 'and' && m[1]?.toLowerCase() !== 'between') continue;
    const from = isoDate(m[2], m[3], m[4]);
    const to = isoDate(m[6], m[7], m[8]);
    if (from && to) add(m.index, m.index + m[0].length, from, to);
  }
  for (const m of text.matchAll(YEAR_RANGE)) {
    if (m[2] && m[3] && m[2] <= m[3]) add(m.index, m.index + m[0].length, m[2], m[3]);
  }
  return out.sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------------------------------
// Brands

export interface MinedBrand {
  value: string;
  /**
   * 'recaller': the firm a CPSC title names ("Kettlebrook Recalls ...", "... Recalled by X");
   * 'branded': "Brookstone-Branded", "Brookstone branded"; 'marked': a name with ® or ™.
   */
  via: 'recaller' | 'branded' | 'marked';
}

export interface TitleBrands {
  brands: MinedBrand[];
  /** "Sold Exclusively on Amazon by Y" / "Sold on Amazon.com by Y": the marketplace seller, never a brand. */
  seller: string | null;
  /** "Sold Exclusively at Lowe's": the only retailer, never a brand. */
  exclusiveRetailer: string | null;
}

/**
 * Brands marked in a name: "Brookstone-branded Tabletop Fire Pits", "Brookstone Branded ...",
 * "Ariens® DELUXE", "BlueStar™". Only the word glued to the mark is taken: the words before it are
 * as often the recaller or the verb ("Southern Telecom Recalls Brookstone-Branded").
 */
export function mineMarkedBrands(text: string): MinedBrand[] {
  const out: MinedBrand[] = [];
  for (const m of text.matchAll(/([\p{L}\p{N}][\p{L}\p{N}'’&.]*)(?:-|\s+)branded\b/giu)) {
    if (m[1] && /^\p{Lu}|^\d/u.test(m[1])) out.push({ value: m[1], via: 'branded' });
  }
  for (const m of text.matchAll(/([\p{L}\p{N}][\p{L}\p{N}'’&.-]*)\s?[®™]/gu)) {
    if (m[1]) out.push({ value: m[1], via: 'marked' });
  }
  return out;
}

/**
 * The brands a CPSC title names, and the seller it names (which is never a brand). Titles read
 * "X Recalls <product> Due to ...", "<product> Recalled by X Due to ...", "X and Y Recall ...", and may
 * end "; Sold Exclusively on Amazon by Y", "; Sold on Amazon.com by Y" or "; Sold Exclusively at Z".
 */
export function mineBrandFromTitle(title: string): TitleBrands {
  let rest = title.replace(/\s+/g, ' ').trim();
  let seller: string | null = null;
  let exclusiveRetailer: string | null = null;
  const sold = /;?\s*Sold\s+(?:Exclusively\s+)?(?:on|at|through|via|by)\s+(.+)$/i.exec(rest);
  if (sold?.[1]) {
    rest = rest.slice(0, sold.index).trim();
    const by = /^(.+?)\s+by\s+(.+)$/i.exec(sold[1]);
    if (by?.[2]) seller = by[2].trim();
    else exclusiveRetailer = sold[1].trim();
  }
  const recallers: string[] = [];
  const recalls = /^(?:CPSC,\s+)?(.+?)\s+(?:Recalls|Recall|Announces?\s+Recall\s+of)\s+\S/.exec(rest);
  const recalledBy = /\bRecalled\s+by\s+(.+?)(?:\s+Due\s+to\b|;|$)/.exec(rest);
  if (recalls?.[1] && !/\bRecalled\b/.test(recalls[1])) {
    // "X and Y Recall ..." names two firms; a single "X Recalls" subject stays whole ("Bed Bath and Beyond").
    const plural = !/\sRecalls\s/.test(recalls[0]);
    recallers.push(...(plural ? recalls[1].split(/,\s*|\s+and\s+/) : [recalls[1]]));
  } else if (recalledBy?.[1]) {
    recallers.push(recalledBy[1]);
  }
  const excluded = new Set([seller, exclusiveRetailer].map((s) => (s ? brandKey(s) : null)).filter(Boolean));
  const brands: MinedBrand[] = [];
  const seen = new Set<string>();
  const push = (b: MinedBrand) => {
    const key = brandKey(b.value);
    if (!key || seen.has(key) || excluded.has(key)) return;
    seen.add(key);
    brands.push(b);
  };
  for (const b of mineMarkedBrands(rest)) push(b);
  for (const r of recallers) push({ value: r.trim(), via: 'recaller' });
  return { brands, seller, exclusiveRetailer };
}
