/**
 * Model numbers in the tables a notice prints, once flattened to text: a header row naming a model or
 * UPC column (`findTableHeaders`), and the cpsc.gov export's tables whose cells lost the spaces between
 * them. Kept apart from the prose reader (model-mining.ts): rows are found by their neighbouring cells
 * (a UPC, a serial range), not by a label.
 */
import { readGtin } from './gtin';
import { DASHES, findGtins, type GtinHit } from './gtin-mining';
import { execAt, isStrictModelShape, type MinedModel, pushModel, QUANTITY_AFTER } from './model-shapes';
import { findTableHeaders } from './table-mining';

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

export function tableModels(text: string, origin: string, out: MinedModel[]): void {
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
export function gluedTableModels(text: string, origin: string, out: MinedModel[]): void {
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
