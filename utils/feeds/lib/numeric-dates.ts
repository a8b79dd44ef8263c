/**
 * Date ranges printed as numbers after a date label, in English or French (`numericDateRanges`): the
 * numeric counterpart of text-mining.ts's month-name reader, for feeds whose code fields print use-by
 * and production dates as digits (openFDA `code_info`, French lot lines).
 */
import type { DateRange } from '../../schemas';
import { clean } from './text';

const DATE_LABELS: Array<[RegExp, DateRange['kind']]> = [
  [
    /\b(?:use[\s-]+by|best[\s-]+(?:by|before|if\s+used\s+by)|sell[\s-]+by|fresh\s+thru|enjoy\s+by|exp(?:iration|iry)?(?:\s+dates?)?|expires|date\s+limite\s+de\s+consommation|date\s+de\s+durabilit[ée]\s+minimale|dlc|ddm|dluo)\b/gi,
    'best-before',
  ],
  [
    /\b(?:production|produced|packed|pack|manufactur\w*|made|date\s+de\s+fabrication)(?:\s+(?:dates?|on))?\b/gi,
    'manufactured',
  ],
];
const NUMERIC_DATE =
  /(?<![\d/.-])(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})([/.-])(\d{1,2})\5(\d{4}|\d{2}))(?![\d/.-]*\d)/g;
const RANGE_JOIN = /^\s*(?:to|through|thru|until|au|jusqu'au|[–—-])\s*$/i;

/**
 * Dates printed as numbers after a date label: "USE BY: 10/19/2027; 9/22/2027", "Fresh Thru: 07/20/26",
 * "Expiration dates from 01/19/2012 through 05/02/2012", "Production dates: 7-28-2025 to 7-28-2026".
 * text-mining.ts's `mineDateRanges` reads month names only. A date without a label before it (or in a
 * list that followed one) is not taken: "Lot 12/03/26" is a lot code as often as a date. `order` says
 * how to read "07/08/26": month first (US) or day first (France).
 */
export function numericDateRanges(text: string, order: 'mdy' | 'dmy'): DateRange[] {
  const dates: Array<{ start: number; end: number; iso: string }> = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    let iso: string | null = null;
    if (m[1]) iso = `${m[1]}-${m[2]}-${m[3]}`;
    else if (m[4] && m[6] && m[7]) {
      const [month, day] = order === 'mdy' ? [Number(m[4]), Number(m[6])] : [Number(m[6]), Number(m[4])];
      const year = m[7].length === 2 ? `20${m[7]}` : m[7];
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
        iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    if (iso) dates.push({ start: m.index, end: m.index + m[0].length, iso });
  }
  const out: DateRange[] = [];
  let previous: { end: number; kind: DateRange['kind']; labelStart: number } | null = null;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i] as (typeof dates)[number];
    const windowStart = Math.max(previous?.end ?? 0, date.start - 80);
    const window = text.slice(windowStart, date.start);
    let label: { index: number; kind: DateRange['kind'] } | null = null;
    for (const [re, kind] of DATE_LABELS) {
      for (const m of window.matchAll(re)) {
        if (!label || m.index > label.index) label = { index: m.index, kind };
      }
    }
    let kind: DateRange['kind'] | null = null;
    let labelStart = date.start;
    if (label) {
      kind = label.kind;
      labelStart = windowStart + label.index;
    } else if (
      previous &&
      /^[\s,;&]*(?:and|or|et|ou)?[\s,;&]*$/i.test(text.slice(previous.end, date.start))
    ) {
      kind = previous.kind;
      labelStart = date.start;
    }
    if (!kind) continue;
    let end = date.end;
    let to = date.iso;
    const next = dates[i + 1];
    if (next && RANGE_JOIN.test(text.slice(date.end, next.start))) {
      to = next.iso;
      end = next.end;
      i++;
    }
    out.push({ kind, from: date.iso, to, text: clean(text.slice(labelStart, end)) });
    previous = { end, kind, labelStart };
  }
  return out;
}
