/**
 * Chinese notice text: the readers a SAMR/DPAC consumer-product recall notice needs beside its labels
 * (notice-fields.ts). Notices are prose printed with full-width punctuation, dates as 2023年1月1日 and
 * quantities in 万 ("1.2万台"). Everything here is pure string work (no DOM), so the SAMR mapper can run
 * in the service worker. Only the SAMR feed reads Chinese notices, so these readers sit beside it.
 *
 * As in identity/text-mining.ts, readers are precise before they are greedy: a date needs 年 and 月 (or
 * an ISO shape), a quantity needs a counting word or a unit.
 */

// ---------------------------------------------------------------------------------------------------
// Punctuation and spacing

/**
 * NFKC (full-width colons, commas, parentheses, digits and letters become ASCII; U+3000 becomes a
 * space), then whitespace collapsed inside lines. The enumeration comma 、 and the full stop 。 have no
 * ASCII form and are kept: they separate list items and sentences.
 */
export function normalizeChinese(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Dates

/** 2023年1月1日, 2023年1月1号, 2023年1月 (a month), 2023年 (a year); spaces allowed between parts. */
const CN_DATE = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?/y;
/** 2023-01-01, 2023.1.1, 2023/1/1: official notices mix these in with the Chinese form. */
const DIGIT_DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/y;
/** The end of a range may leave out its year: "2023年1月1日至6月30日". */
const YEARLESS_DATE = /(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/y;

function iso(year: string, month: string | undefined, day: string | undefined): string | null {
  if (!month) return year;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  const mm = String(m).padStart(2, '0');
  if (!day) return `${year}-${mm}`;
  const d = Number(day);
  // Round-trip through UTC so 2月30日 is refused rather than rolled over into March.
  const date = new Date(Date.UTC(Number(year), m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${mm}-${String(d).padStart(2, '0')}`;
}

interface DateAt {
  iso: string;
  end: number;
}

/** A date starting exactly at `at` (Chinese or digit form), or null. */
function dateAt(text: string, at: number, yearForYearless: string | null = null): DateAt | null {
  for (const re of [DIGIT_DATE, CN_DATE]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m?.[1]) {
      const value = iso(m[1], m[2], m[3]);
      return value ? { iso: value, end: at + m[0].length } : null;
    }
  }
  if (yearForYearless) {
    YEARLESS_DATE.lastIndex = at;
    const m = YEARLESS_DATE.exec(text);
    if (m?.[1]) {
      const value = iso(yearForYearless, m[1], m[2]);
      return value ? { iso: value, end: at + m[0].length } : null;
    }
  }
  return null;
}

/**
 * The first date in a text as ISO: "2023年1月1日" → "2023-01-01", "2023年3月" → "2023-03", "2023年" →
 * "2023", "2023.1.5" → "2023-01-05". Null when there is none or it is not a real date (2月30日).
 */
export function parseChineseDate(text: string): string | null {
  const s = text.normalize('NFKC');
  for (const m of s.matchAll(/\d{4}\s*[年\-./]/g)) {
    const found = dateAt(s, m.index);
    if (found) return found.iso;
  }
  return null;
}

export type ChineseDateKind = 'manufactured' | 'sold' | 'best-before' | 'other';

export interface ChineseDateRange {
  kind: ChineseDateKind;
  from: string | null;
  to: string | null;
  /** As printed, with the kind word when it is part of the phrase: "生产日期为2023年1月1日至2023年6月30日". */
  text: string;
  index: number;
}

/** "至", "到", "~", dashes; "起至" in "自2023年1月1日起至…". */
const RANGE_JOIN = /\s*(?:起\s*)?(?:至|到|~|～|〜|—|–|-|－)\s*/y;

/** Kind words before a range (生产日期为…, 销售时间…) and after it (…生产的, …期间销售的). */
const KIND_BEFORE: Array<[RegExp, ChineseDateKind]> = [
  [/(?:生产|制造|出厂)[^。；;\n]{0,8}$/, 'manufactured'],
  [/(?:销售|售出|购买|出售|上市)[^。；;\n]{0,8}$/, 'sold'],
  [/(?:保质期|有效期|到期)[^。；;\n]{0,8}$/, 'best-before'],
];
const KIND_AFTER: Array<[RegExp, ChineseDateKind]> = [
  [/^\s*(?:期间|之间|内)?\s*(?:生产|制造|出厂)/, 'manufactured'],
  [/^\s*(?:期间|之间|内)?\s*(?:销售|售出|出售|进口)/, 'sold'],
];

/**
 * Date ranges in a notice: "生产日期为2023年1月1日至2023年6月30日", "召回2022年3月至2023年1月生产的…",
 * "2023年1月1日至6月30日" (the end inherits the year). The kind comes from the words around the range
 * (生产 = manufactured, 销售 = sold, 保质期 = best-before), else `defaultKind`. A lone date is a range
 * only when `singleDates` is set (a 生产日期 field naming one day).
 */
export function mineChineseDateRanges(
  text: string,
  defaultKind: ChineseDateKind = 'other',
  singleDates = false,
): ChineseDateRange[] {
  const s = text.normalize('NFKC');
  const out: ChineseDateRange[] = [];
  let coveredUntil = 0;
  for (const m of s.matchAll(/\d{4}\s*[年\-./]/g)) {
    if (m.index < coveredUntil) continue;
    const from = dateAt(s, m.index);
    if (!from) continue;
    RANGE_JOIN.lastIndex = from.end;
    const join = RANGE_JOIN.exec(s);
    const to = join ? dateAt(s, from.end + join[0].length, from.iso.slice(0, 4)) : null;
    if (!to && !singleDates) continue;
    const end = to ? to.end : from.end;
    coveredUntil = end;
    const before = s.slice(Math.max(0, m.index - 16), m.index);
    const after = s.slice(end, end + 12);
    let kind: ChineseDateKind = defaultKind;
    let start = m.index;
    const hitBefore = KIND_BEFORE.find(([re]) => re.test(before));
    const hitAfter = KIND_AFTER.find(([re]) => re.test(after));
    if (hitAfter) kind = hitAfter[1];
    else if (hitBefore) {
      kind = hitBefore[1];
      const word = hitBefore[0].exec(before);
      if (word) start = m.index - before.length + word.index;
    }
    out.push({
      kind,
      from: from.iso,
      to: to?.iso ?? from.iso,
      text: s.slice(start, end).trim(),
      index: start,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Quantities

export interface ChineseQuantity {
  /** The count, as an integer: "1.2万台" → 12000. */
  value: number;
  /** The counting word as printed (台, 件, 辆 …), or null. */
  unit: string | null;
  /** As printed. */
  text: string;
}

const MULTIPLIER: Record<string, number> = { 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };
/** Measure words used for product counts in notices. */
const COUNTING_UNIT =
  '(?:台套|件套|台|件|辆|个|套|只|支|把|部|张|块|瓶|盒|包|袋|双|条|顶|副|组|箱|片|根|枚|座|架|艘|kg|千克|公斤|吨)';
/**
 * "1.2万", "12,345", "3千", "1万2千", "2.5亿": a number with optional multipliers. Digits may be grouped
 * with commas (ASCII after NFKC); "余"/"多" ("3千余件", more than 3,000) is read as the round number.
 */
const QUANTITY = new RegExp(
  `(\\d[\\d,]*(?:\\.\\d+)?)\\s*([百千万亿])?(?:\\s*(\\d+(?:\\.\\d+)?)\\s*([百千]))?\\s*(?:余|多)?\\s*(${COUNTING_UNIT})?`,
  'g',
);

function quantityValue(m: RegExpMatchArray): number | null {
  const base = Number((m[1] ?? '').replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  let value = base * (m[2] ? (MULTIPLIER[m[2]] ?? 1) : 1);
  if (m[3] && m[4]) value += Number(m[3]) * (MULTIPLIER[m[4]] ?? 1);
  return Number.isFinite(value) ? Math.round(value) : null;
}

/**
 * The first count in a quantity text: "1.2万台" → 12000 台, "共计12,345件" → 12345 件, "约3千余件" →
 * 3000 件, "1万2千台" → 12000 台. A bare number counts only when nothing else in the text looks like a
 * date (a 召回数量 field is short; in prose use `mineChineseQuantities`).
 */
export function parseChineseQuantity(text: string): ChineseQuantity | null {
  const s = text.normalize('NFKC');
  for (const m of s.matchAll(QUANTITY)) {
    // A year or a month of a date is no count: "2023年…" and "1月" are skipped by what follows them.
    if (/^\s*[年月日号]/.test(s.slice((m.index ?? 0) + m[0].length))) continue;
    if (!m[2] && !m[5] && /[年月]/.test(s)) continue;
    const value = quantityValue(m);
    if (value === null || value <= 0) continue;
    return { value, unit: m[5] ?? null, text: m[0].trim() };
  }
  return null;
}

/**
 * Counts in prose, after a counting phrase: "共计1.2万台", "数量为3,500件", "涉及产品约2万余件",
 * "召回…共12345辆". Without the phrase a number is left alone (prices, phone numbers, dates).
 */
export function mineChineseQuantities(text: string): ChineseQuantity[] {
  const s = text.normalize('NFKC');
  const out: ChineseQuantity[] = [];
  const lead = /(?:共计|总计|合计|共|数量(?:为|是|共计|约)?:?|涉及(?:产品|数量)?)\s*(?:约|大约|近|超过)?\s*/g;
  for (const m of s.matchAll(lead)) {
    const q = parseChineseQuantity(s.slice(m.index + m[0].length, m.index + m[0].length + 24));
    if (q && (q.unit || /^\s*\d[\d,.]*\s*[百千万亿]/.test(s.slice(m.index + m[0].length)))) out.push(q);
  }
  return out;
}

/** The `Recall.units` text of a count: 12000 → "12000 units". */
export function unitsText(quantity: ChineseQuantity): string {
  return `${quantity.value} units`;
}

// ---------------------------------------------------------------------------------------------------
// Lists

/**
 * Splits a list as notices print it: "A100、A200，A300及A400" → four values. Splits on 、 ， , ； ; and
 * on 及 / 以及 / 和 / 与 between items. Trailing 等 ("…等型号") and surrounding quotes are removed.
 */
export function splitChineseList(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/\s*(?:[、,;，；]|以及|及|和|与)\s*/)
    .map((v) =>
      v
        .replace(/^["'“”‘’「『《]+|["'“”‘’」』》]+$/g, '')
        .replace(/(?:等|等等)$/, '')
        .trim(),
    )
    .filter((v) => v.length > 0);
}
