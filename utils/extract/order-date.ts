/**
 * The day an order was placed, as an order page prints it: the first full date (day, month and year) in
 * the order's own box, which on every Amazon layout since 2014 is the header's "Order placed" /
 * "Ordered on" / "Pedido realizado" / "Bestellung aufgegeben" / "注文日" date. Labels are not read (they
 * are localised); the header comes first in the box and delivery dates below it print no year ("Delivered
 * Dec 16"), so the first full date is the order's. Pure text work, no Intl: content scripts carry this.
 */

/** Month names as order pages print them (en, es, pt, de, fr, it, nl, sv, pl), by their first letters. */
const MONTH_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:jan|ene|gen|sty)/, 1],
  [/^(?:feb|fév|fev|lut)/, 2],
  [/^(?:mar|mär|maa|mrt)/, 3],
  [/^(?:apr|abr|avr|kwi)/, 4],
  [/^(?:may|mai|mag|mei|maj|maio)/, 5],
  [/^(?:jun|juin|giu|cze)/, 6],
  [/^(?:jul|juil|lug|lip)/, 7],
  [/^(?:aug|ago|aoû|aou|sie)/, 8],
  [/^(?:sep|set|wrz)/, 9],
  [/^(?:oct|okt|out|ott|paź|paz)/, 10],
  [/^(?:nov|lis)/, 11],
  [/^(?:dec|dic|dez|déc|gru)/, 12],
];

function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  // "mar" is March in English and Spanish, but "março" is Portuguese March too: all start the same.
  // "juin"/"juil" must be told apart before "jun"/"jul" would take them, hence the longer ones first.
  if (w.startsWith('juin')) return 6;
  if (w.startsWith('juil')) return 7;
  for (const [re, n] of MONTH_WORDS) if (re.test(w)) return n;
  return null;
}

const L = '\\p{L}';
/** "December 14, 2023" / "Dec. 14 2023". */
const MONTH_DAY_YEAR = new RegExp(`(${L}{3,12})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'gu');
/** "16 December 2025", "15 de enero de 2026", "1. Dezember 2026", "1 déc. 2026". */
const DAY_MONTH_YEAR = new RegExp(
  `(\\d{1,2})\\.?\\s+(?:de\\s+)?(${L}{3,12})\\.?\\s+(?:de\\s+)?(\\d{4})`,
  'gu',
);
/** "2026年2月17日" (Japanese and Chinese), "2026-02-17", "2026/2/17". */
const YEAR_MONTH_DAY = /(\d{4})\s*(?:年|-|\/)\s*(\d{1,2})\s*(?:月|-|\/)\s*(\d{1,2})/g;

function isoDay(year: number, month: number | null, day: number): string | null {
  if (!month || month < 1 || month > 12 || day < 1 || year < 1995 || year > 2100) return null;
  // The calendar decides: "February 31" is no day.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first match of `pattern` in `text` that reads as a real day, with where it starts. */
function firstDay(
  text: string,
  pattern: RegExp,
  read: (m: RegExpExecArray) => string | null,
): { at: number; iso: string } | null {
  for (const m of text.matchAll(pattern)) {
    const iso = read(m);
    if (iso) return { at: m.index, iso };
  }
  return null;
}

/** The first full date printed in `text`, as an ISO day, or null. */
export function firstPrintedDate(text: string): string | null {
  const found = [
    firstDay(text, MONTH_DAY_YEAR, (m) => isoDay(Number(m[3]), monthOf(m[1] as string), Number(m[2]))),
    firstDay(text, DAY_MONTH_YEAR, (m) => isoDay(Number(m[3]), monthOf(m[2] as string), Number(m[1]))),
    firstDay(text, YEAR_MONTH_DAY, (m) => isoDay(Number(m[1]), Number(m[2]), Number(m[3]))),
  ].filter((f) => f !== null);
  found.sort((a, b) => a.at - b.at);
  return found[0]?.iso ?? null;
}

/** How much of an order box's text to read: its header, not the rest of a long order. */
const HEADER_CHARS = 1500;

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The first `limit` characters of what `box` shows: its text, without the scripts order cards carry. */
function shownText(box: Element, limit: number): string {
  let text = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && text.length < limit; child = child.nextSibling) {
      if (child.nodeType === 3) {
        // Templated pages hold kilobytes of indentation between two words: only words count.
        const words = (child.nodeValue ?? '').replace(/\s+/g, ' ').trim();
        if (words) text += ` ${words}`;
      } else if (child.nodeType === 1 && !NOT_TEXT.has((child as Element).tagName.toUpperCase())) walk(child);
    }
  };
  walk(box);
  return text.slice(0, limit);
}

/** The day the order in `box` was placed, or null when its header prints no full date. */
export function orderDateOf(box: Element): string | null {
  return firstPrintedDate(shownText(box, HEADER_CHARS));
}
