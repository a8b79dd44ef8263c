/**
 * The grammar of an ACCC recall notice's text, shared by the two places a notice is read: the RSS
 * item's description and the notice page on productsafety.gov.au. Both print the same sections
 * ("Identifying numbers", "What are the hazards?", "Dates available for sale", ...), the same labelled
 * identifier lines ("Model number: GL-4SET", "Barcode | 9350000123454") and day-first Australian dates.
 * Everything here turns text into values; the mapper (index.ts) decides which record they go to.
 */
import { splitCodes } from '../../identity/gtin';
import { isDistinctiveModel } from '../../identity/model';
import { MONTHS } from '../../identity/text-mining';
import type { DateRange } from '../../schemas';
import type { Collector } from '../lib/collector';
import { clean } from '../lib/text';

/** Values that say "we do not know" rather than name anything: no model, brand or batch. */
export const UNKNOWN =
  /^(?:unknown|not known|not provided|not applicable|n\/?a|none|nil|all|all (?:models|batches|lots)|various|-)\b\.?$/i;

/**
 * Australian dates are day first: "1 March 2025", "01/03/2025", "1 Mar 2025". Returns ISO or null.
 * (text-mining's date reader is month first, as CPSC prints dates, so it is not used here.)
 */
function auDate(text: string): string | null {
  const s = clean(text);
  const words = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  const digits = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const monthYear = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(s);
  let y: number;
  let m: number | undefined;
  let d: number | undefined;
  if (words?.[2])
    [d, m, y] = [Number(words[1]), MONTHS[words[2].slice(0, 3).toLowerCase()], Number(words[3])];
  else if (digits) [d, m, y] = [Number(digits[1]), Number(digits[2]), Number(digits[3])];
  else if (monthYear?.[1]) {
    m = MONTHS[monthYear[1].slice(0, 3).toLowerCase()];
    return m ? `${monthYear[2]}-${String(m).padStart(2, '0')}` : null;
  } else return null;
  if (!m || !d || m > 12) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "1 March 2025 - 14 October 2026", "01/03/2025 to 14/10/2026", "1 March 2025 – present". */
export function saleRange(text: string): DateRange | null {
  const s = clean(text);
  const parts = s.split(/\s+(?:-|–|—|to|until)\s+/i);
  if (parts.length !== 2) return null;
  const from = auDate(parts[0] ?? '');
  const to = /^(?:present|now|current|ongoing)$/i.test(clean(parts[1])) ? null : auDate(parts[1] ?? '');
  if (!from) return null;
  return { kind: 'sold', from, to, text: s };
}

/** RFC 822 "Tue, 14 Oct 2026 09:12:00 +1100": the day as printed (Australian time) and a UTC stamp. */
export function readPubDate(value: string | null): { day: string; stamp: string } | null {
  const s = clean(value);
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(s);
  const month = m?.[2] ? MONTHS[m[2].toLowerCase()] : undefined;
  if (!m || !month) return null;
  const day = `${m[3]}-${String(month).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
  const time = Date.parse(s);
  return { day, stamp: Number.isNaN(time) ? `${day}T00:00:00` : new Date(time).toISOString().slice(0, 19) };
}

/** "PRA number: 2026/21345", "PRA 2026/21345" in the description. */
export function praNumber(text: string): string | null {
  return /\bPRA\s*(?:number|no\.?)?\s*:?\s*(\d{4}\/\d{3,6})\b/i.exec(text)?.[1] ?? null;
}

/** Drupal guids read "21345 at https://www.productsafety.gov.au"; the part before " at " is the id. */
export function guidId(guid: string | null): string | null {
  const s = clean(guid);
  if (!s) return null;
  return clean(/^(.+?)\s+at\s+https?:\/\//.exec(s)?.[1]) || s;
}

export type SectionKind =
  | 'description'
  | 'identify'
  | 'defect'
  | 'hazard'
  | 'action'
  | 'traders'
  | 'where'
  | 'dates'
  | 'supplier'
  | 'brand'
  | 'country';

/** Section headings as the notice pages print them (with or without "?" or ":"). */
const SECTIONS: Array<[RegExp, SectionKind]> = [
  [/^product description$/, 'description'],
  [
    /^(?:identifying numbers|details to help identify the product|identifying features|product identifiers?)$/,
    'identify',
  ],
  [/^(?:what are the defects|reason the product is recalled|defects?)$/, 'defect'],
  [/^(?:what are the hazards|the hazards to consumers|hazards?)$/, 'hazard'],
  [/^(?:what should consumers do|what consumers should do)$/, 'action'],
  [/^(?:traders(?: who sold this product)?|supplier\s*\/\s*traders|retailers?)$/, 'traders'],
  [/^where the product was sold$/, 'where'],
  [/^dates available for sale$/, 'dates'],
  [/^(?:supplier|supplier information|supplier contact)$/, 'supplier'],
  [/^brands?$/, 'brand'],
  [/^(?:manufacturer country|country of origin)$/, 'country'],
];

function sectionOf(label: string): SectionKind | null {
  const key = clean(label)
    .toLowerCase()
    .replace(/[?:]+$/, '')
    .trim();
  return SECTIONS.find(([re]) => re.test(key))?.[1] ?? null;
}

/**
 * The description's sections by kind, as lines. A heading is a line of its own ("What are the
 * hazards?") or the label of a "Label: value" line ("Dates available for sale: 1 March 2025 - ...").
 * `isHeading` (notice pages) names the other heading lines, which end a section without starting one.
 */
export function readSections(
  text: string,
  isHeading?: (line: string) => boolean,
): Map<SectionKind, string[]> {
  const out = new Map<SectionKind, string[]>();
  let current: SectionKind | null = null;
  for (const line of text.split('\n')) {
    const whole = sectionOf(line);
    if (whole) {
      current = whole;
      if (!out.has(current)) out.set(current, []);
      continue;
    }
    // A heading of a section we do not read ("Related recalls") ends the one before it.
    if (isHeading?.(line)) {
      current = null;
      continue;
    }
    const colon = /^([^:|]{3,60})\s*(?::|\|)\s*(.+)$/.exec(line);
    const inline = colon?.[1] ? sectionOf(colon[1]) : null;
    if (inline && colon?.[2]) {
      // A one-line item ("Brand: Zephyra" inside "Product description") does not end the section
      // around it: the lines after it still belong there.
      const lines = out.get(inline) ?? [];
      lines.push(colon[2]);
      out.set(inline, lines);
      continue;
    }
    if (current) out.get(current)?.push(line);
  }
  return out;
}

export const joinLines = (lines: string[] | undefined) => clean((lines ?? []).join(' '));
/** List items lose their "- " marker. */
export const listLines = (lines: string[] | undefined) =>
  (lines ?? []).map((l) => clean(l.replace(/^-\s+/, ''))).filter(Boolean);

/** The CPSC-style remedy words a "What should consumers do?" section names: Refund, Repair, Replace. */
export function remedyWords(text: string): string[] {
  const out: string[] = [];
  if (/\brefund/i.test(text)) out.push('Refund');
  if (/\brepair/i.test(text)) out.push('Repair');
  if (/\breplace(?:ment)?\b/i.test(text)) out.push('Replace');
  return out;
}

/** "Sitro Group Australia Pty Ltd — Gasmate Portable Diesel Heater DH203": supplier, then product. */
export function splitTitle(title: string): { supplier: string | null; product: string } {
  const m =
    /^(.+?)\s+[—–]\s+(.+)$/.exec(title) ??
    /^(.+?(?:Pty\.?\s+Ltd\.?|Limited|Ltd\.?|Inc\.?))\s+-\s+(.+)$/i.exec(title);
  return m?.[1] && m[2]
    ? { supplier: clean(m[1]), product: clean(m[2]) }
    : { supplier: null, product: title };
}

/** "a, b; c" and "a and b" → separate values. */
function splitList(value: string): string[] {
  return value
    .split(/\s*(?:[,;]|\band\b|\bor\b)\s*|\s+\/\s+/i)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Brands split on commas, semicolons and a spaced slash only: "Marks and Spencer" is one brand. */
export function splitBrands(value: string): string[] {
  return value
    .split(/\s*[,;]\s*|\s+\/\s+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Identifier lines: "Model: ZP-4410", "Model number | ZP-4410", "Batch numbers: B2409, B2410", "Barcode: …". */
type IdLine = 'model' | 'batch' | 'barcode' | 'brand';
const ID_LABELS: Array<[RegExp, IdLine]> = [
  [/^(?:model(?:\s+(?:numbers?|no\.?|names?))?|models)$/i, 'model'],
  [/^(?:batch(?:es)?|lots?|batch\s*\/\s*lot|(?:batch|lot)\s+(?:numbers?|codes?|no\.?))$/i, 'batch'],
  // APN (Australian Product Number) is the older local name for an EAN-13.
  [/^(?:barcodes?|barcode numbers?|gtin|ean|upc|apn|apn\s*\/\s*barcode)$/i, 'barcode'],
  [/^brands?$/i, 'brand'],
];

export function readIdentifierLine(c: Collector, line: string, origin: string): boolean {
  const m = /^([A-Za-z][A-Za-z /.]{1,40}?)\s*(?::|\||\s-\s)\s*(.+)$/.exec(clean(line.replace(/^-\s+/, '')));
  const kind = m?.[1] ? ID_LABELS.find(([re]) => re.test(clean(m[1])))?.[1] : undefined;
  const value = clean(m?.[2]);
  if (!kind || !value || UNKNOWN.test(value)) return false;
  if (kind === 'barcode') {
    const codes = splitCodes(value);
    for (const code of codes.length > 0 ? codes : [value]) c.gtin(code, 'structured', origin);
  } else if (kind === 'model') {
    for (const v of splitList(value)) if (!UNKNOWN.test(v)) c.model(v, 'structured', origin);
  } else if (kind === 'batch') {
    for (const v of splitList(value))
      if (/\d/.test(v) && !/[a-z]{3,}/.test(v)) c.lot(v, 'structured', origin);
  } else {
    for (const v of splitBrands(value)) c.brand(v, 'structured', origin);
  }
  return true;
}

/** Model numbers at the end of a product name: "Portable Diesel Heater DH203". Upper case and digits only. */
export function titleModels(product: string): string[] {
  return product
    .split(/\s+/)
    .map((w) => w.replace(/^[("']+|[)"',.]+$/g, ''))
    .filter(
      (w) => /^[A-Z0-9][A-Z0-9-]{3,}$/.test(w) && /\d/.test(w) && /[A-Z]/.test(w) && isDistinctiveModel(w),
    );
}

export const isIdLabel = (line: string) => {
  const key = clean(line).replace(/[:?]+$/, '');
  return ID_LABELS.some(([re]) => re.test(key));
};
