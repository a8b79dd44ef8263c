/**
 * An ACCC recall notice page (productsafety.gov.au, Drupal), read without a DOM: what it says under
 * "Identifying numbers" / "Details to help identify the product", "Brand" and "Dates available for sale".
 * The sync walk fetches the page of each RSS item and hands these lines to the mapper beside the RSS,
 * which reads them with the same notice grammar as the item's description (notice-text.ts).
 */
import { z } from 'zod';
import { htmlToText } from '../../extract/html-text';
import { clean } from '../lib/text';
import { isIdLabel, joinLines, listLines, readSections, saleRange } from './notice-text';

/** What one notice page adds to its RSS item: lines of its sections, as printed. */
export const AcccNotice = z.object({
  brands: z.array(z.string()),
  /** "Model number: GL-4SET", "Barcode | 9350000123454", prose lines: read like the RSS section. */
  identify: z.array(z.string()),
  /** "12 January 2026 - 3 October 2026", or null when the page has no such section. */
  dates: z.string().nullable(),
});
export type AcccNotice = z.infer<typeof AcccNotice>;

/**
 * The text of headings: `<h1>`..`<h6>` and Drupal's `field__label`, as the text reader prints them. (`<dt>`
 * is not one: inside a section it labels a value, "Model number".)
 */
function headingTexts(html: string): Set<string> {
  const out = new Set<string>();
  const add = (inner: string | undefined) => {
    const text = htmlToText(inner ?? '').replace(/\n/g, ' ');
    if (text) out.add(text);
  };
  for (const m of html.matchAll(/<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1\s*>/gi)) add(m[2]);
  for (const m of html.matchAll(
    /<(div|span|label|strong)\b[^>]*\bclass\s*=\s*["'][^"']*\bfield__label\b[^"']*["'][^>]*>([\s\S]*?)<\/\1\s*>/gi,
  ))
    add(m[2]);
  return out;
}

/** A barcode line loses its remarks: "Barcode: 9350000123454 (set of four)" → "Barcode: 9350000123454". */
function tidyBarcodeLine(line: string): string {
  const m = /^([A-Za-z][A-Za-z /.]{1,40}?)\s*(?::|\|)\s*(.+)$/.exec(line);
  if (!m?.[1] || !m[2] || !/^(?:barcodes?|barcode numbers?|gtin|ean|upc|apn)$/i.test(clean(m[1])))
    return line;
  return `${clean(m[1])}: ${clean(m[2].replace(/\([^)]*\)/g, ' '))}`;
}

/**
 * Identifier lines as the RSS reader wants them: a label on a line of its own and its value on the next
 * (`<dt>Model number</dt><dd>X</dd>`) become "Model number: X", and barcode lines lose their remarks.
 */
function pairLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    if (next !== undefined && isIdLabel(line) && !isIdLabel(next)) {
      out.push(tidyBarcodeLine(`${clean(line).replace(/:$/, '')}: ${next}`));
      i++;
    } else out.push(tidyBarcodeLine(line));
  }
  return out;
}

/**
 * A notice page's identifying numbers, brand and sale dates, read without a DOM from its `<main>` (else
 * its `<body>`): headings are lines of their own, so each section runs to the next heading, known or not.
 * Null when the text is not a recall notice page (no section this feed knows, or not HTML at all: a
 * maintenance page, an RSS document).
 */
export function readNoticePage(html: string): AcccNotice | null {
  if (!/<(?:html|body|main)\b/i.test(html) || /<rss\b/i.test(html.slice(0, 4096))) return null;
  const main =
    /<main\b[^>]*>([\s\S]*)<\/main\s*>/i.exec(html)?.[1] ??
    /<body\b[^>]*>([\s\S]*)<\/body\s*>/i.exec(html)?.[1] ??
    html;
  const headings = headingTexts(main);
  const bySection = readSections(htmlToText(main), (line) => headings.has(line));
  if (bySection.size === 0) return null;
  const dates = listLines(bySection.get('dates')).find((line) => saleRange(line) !== null);
  return {
    brands: listLines(bySection.get('brand')).slice(0, 5),
    identify: pairLabels(listLines(bySection.get('identify'))),
    dates: dates ?? (joinLines(bySection.get('dates')) || null),
  };
}
