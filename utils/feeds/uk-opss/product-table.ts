/**
 * The "Product information" table of an OPSS notice body, the only place its identifiers are printed:
 * rows Brand, Model, Batches, Barcode, Country of Origin, Product Description, read by label from each
 * `<table>` (flattened to "label | value" lines by extract/html-text.ts), and the readers of the cells
 * that need more than a split (batches that are "all batches", barcode cells in prose).
 */

import { htmlToText } from '../../extract/html-text';
import { splitCodes } from '../../identity/gtin';
import { mineDateRanges, mineGtins } from '../../identity/text-mining';
import type { Collector } from '../lib/collector';
import { clean } from '../lib/text';

/** Table row labels, lower case without a trailing colon, by what they hold. */
export type RowKind =
  | 'brand'
  | 'model'
  | 'batch'
  | 'barcode'
  | 'country'
  | 'description'
  | 'type'
  | 'name'
  | 'maker';
const ROWS: Array<[RegExp, RowKind]> = [
  [/^brands?(?: names?)?$/, 'brand'],
  [
    /^(?:models?|model (?:numbers?|names?|no\.?)|model\s*\/\s*type|type\s*\/\s*model|models? and types?)$/,
    'model',
  ],
  [
    /^(?:batch(?:es)?|batch (?:numbers?|codes?)|lots?|lot (?:numbers?|codes?)|batch\s*\/\s*lot(?: numbers?)?)$/,
    'batch',
  ],
  [/^(?:barcodes?|barcode numbers?|ean|gtin|upc|ean\s*\/\s*barcode)$/, 'barcode'],
  [/^country of origin$/, 'country'],
  [/^(?:product )?description$/, 'description'],
  [/^(?:type|product type|category)$/, 'type'],
  [/^(?:product|product name|name)$/, 'name'],
  [/^manufacturer$/, 'maker'],
];

/** Values that say "we do not know" rather than name anything. */
export const UNKNOWN =
  /^(?:unknown|not known|not provided|not applicable|n\/?a|none|no brand|unbranded|various|-)\b\.?/i;

/** One table's rows by kind (the first row of each kind wins). */
export interface ProductTable {
  rows: Map<RowKind, string>;
}

/** Each `<table>` of the body with its "label | value" rows read by kind; tables with no known row are left. */
export function productTables(html: string): ProductTable[] {
  const out: ProductTable[] = [];
  for (const m of html.matchAll(/<table\b[\s\S]*?<\/table\s*>/gi)) {
    const text = htmlToText(m[0]);
    const rows = new Map<RowKind, string>();
    for (const line of text.split('\n')) {
      const bar = line.indexOf(' | ');
      if (bar < 0) continue;
      const label = clean(line.slice(0, bar)).toLowerCase().replace(/:$/, '');
      const value = clean(line.slice(bar + 3).replace(/ \| /g, ', '));
      const kind = ROWS.find(([re]) => re.test(label))?.[1];
      // The first row of the table is a header row: "<th>Type</th><th>Toys - ...</th>" (quirk: the
      // category sits in <thead>). Reading cells the same way keeps it.
      if (kind && value && !rows.has(kind)) rows.set(kind, value);
    }
    if (rows.size > 0) out.push({ rows });
  }
  return out;
}

/** "a, b; c", "GP-NL300 / GP-NL310" (a spaced slash; "A/B" stays one value) → separate values. */
export function splitList(value: string): string[] {
  return value
    .split(/\s*(?:[,;\n]|\band\b)\s*|\s+\/\s+/i)
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Batches: "186334, 184455, ... (All batches)". A notice that says all batches are affected is not
 * lot-specific: its listed batches are kept as identifiers but not as `lots`, which would make the
 * matcher warn "only some lots are recalled".
 */
export function readBatches(c: Collector, value: string): void {
  const all = /\ball\s+(?:batches|lots|batch numbers)\b/i.test(value);
  const listed = value.replace(/\(?\s*all\s+(?:batches|lots|batch numbers)\s*\)?/gi, ' ');
  for (const raw of splitList(listed)) {
    const token = raw.replace(/^(?:batch|lot)(?:\s+(?:number|no\.?|code))?\s*:?\s*/i, '');
    // A code has a digit and no words: "Manufactured from January 2025 ..." is a period, read below.
    if (!/\d/.test(token) || /[a-z]{3,}/.test(token) || UNKNOWN.test(token)) continue;
    if (all) c.identifiers.push({ field: 'lot', value: token, source: 'structured', origin: 'Batches' });
    else c.lot(token, 'structured', 'Batches');
  }
  for (const d of mineDateRanges(value, 'Batches', 'manufactured')) c.dateRange(d);
}

/** Barcode cells: "5052089365995", "5052089365995 / 5052089366008", "Unknown", or prose with codes. */
export function readBarcodes(c: Collector, value: string): void {
  if (UNKNOWN.test(value)) return;
  const codes = splitCodes(value);
  if (codes.length > 0) for (const code of codes) c.gtin(code, 'structured', 'Barcode');
  else for (const g of mineGtins(`Barcode ${value}`, 'Barcode')) c.gtin(g.raw, 'structured', 'Barcode');
}
