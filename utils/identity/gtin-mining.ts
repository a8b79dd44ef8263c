/** GTINs mined from prose: UPC/EAN/ISBN codes printed in notices (see text-mining.ts for the rules all miners follow). */
import { rawGtinKey, readGtin } from './gtin';
import { forMining } from './mining-limit';
import type { MinedAt } from './text-mining';

export interface MinedGtin extends MinedAt {
  /** The code as printed, e.g. "8-49398-06563-1" or "7 84762 03730 3". */
  raw: string;
  /** The 14-digit key when the check digit is valid, else null (the raw string is still a weak signal). */
  gtin14: string | null;
  /** True when a UPC/EAN/GTIN/ISBN/barcode word introduced the value. */
  labelled: boolean;
}

export const DASHES = '\\-\\u2010\\u2011\\u2012\\u2013';

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

export interface GtinHit {
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

export function findGtins(input: string): readonly GtinHit[] {
  const text = forMining(input);
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
export function mineGtins(input: string, origin = 'text'): MinedGtin[] {
  const text = forMining(input);
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
