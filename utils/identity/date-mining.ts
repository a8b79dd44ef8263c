/** Manufactured and sold periods mined from prose (see text-mining.ts for the rules all miners follow). */

import { forMining } from './mining-limit';
import type { MinedAt } from './text-mining';

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
  input: string,
  origin = 'text',
  defaultKind: MinedDateRange['kind'] = 'other',
): MinedDateRange[] {
  const text = forMining(input);
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
