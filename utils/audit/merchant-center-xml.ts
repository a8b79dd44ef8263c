/**
 * Google Merchant Center XML feeds: RSS 2.0 (`<item>`) or Atom (`<entry>`), the product attributes in
 * the namespace http://base.google.com/ns/1.0 (`<g:id>`, `<g:gtin>`, `<g:mpn>`, `<g:brand>`), and the
 * title and link as plain RSS elements or as `g:` ones. Read like the EU weekly report
 * (utils/feeds/eu-safety-gate/weekly-xml.ts): a small regex reader for known, flat elements, entities
 * decoded by the `entities` library, CDATA kept verbatim, no DOM (the audit runs in a worker and Node).
 * Nested attributes (`<g:shipping>`, `<g:product_detail>`) are skipped whole, so their children never
 * pass for the product's own values. Each item becomes a table record whose headers are the element
 * names without their prefix, so the column guess maps them like a TSV feed's headers.
 */
import { xmlElementText } from '../xml-element-text';
import type { CatalogTable, TableRecord } from './catalog-table';

const GOOGLE_NS = 'http://base.google.com/ns/1.0';

/** Whether the text is an XML product feed: RSS or Atom with the Google namespace, or `<g:id>` items. */
export function isMerchantCenterXml(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    /^\s*</.test(head) &&
    (head.includes(GOOGLE_NS) || /<(?:item|entry)[\s>][\s\S]*<g:id>/.test(text.slice(0, 65536)))
  );
}

/** A field's text on one line: a feed's values are single-line cells of the catalog table. */
const xmlText = (inner: string): string => xmlElementText(inner).replace(/\s+/g, ' ');

/** The prefix bound to the Google namespace (`g` by convention, but a feed may choose another). */
function googlePrefix(xml: string): string {
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${GOOGLE_NS.replace(/[./]/g, '\\$&')}/?["']`).exec(xml);
  return m?.[1] ?? 'g';
}

/**
 * The direct children of one item: each element's local name (prefix dropped for the Google namespace
 * and for none) and its text. A child that holds elements is a nested attribute and is skipped.
 */
function itemFields(block: string, prefix: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const child = /<([\w.-]+(?::[\w.-]+)?)(\s[^>]*?)?(\/>|>([\s\S]*?)<\/\1\s*>)/g;
  for (const m of block.matchAll(child)) {
    const [, name = '', attributes = '', , inner = ''] = m;
    const [ns, local] = name.includes(':') ? name.split(':') : [null, name];
    if (ns !== null && ns !== prefix) continue;
    if (!local) continue;
    const isNested = /<(?!!\[CDATA\[)[\w.-]/.test(inner);
    if (isNested) continue;
    // Atom links carry the address in href.
    const text =
      local === 'link' && !inner.trim()
        ? (/\bhref\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? '')
        : xmlText(inner);
    // A repeated element (several g:gtin) is one value list, as a TSV cell would give it.
    fields[local] = fields[local] ? `${fields[local]}, ${text}` : text;
  }
  return fields;
}

export function readMerchantCenterXml(xml: string): CatalogTable {
  const prefix = googlePrefix(xml);
  const blocks = [...xml.matchAll(/<(item|entry)(?:\s[^>]*)?>([\s\S]*?)<\/\1\s*>/g)].map((m) => m[2] ?? '');
  const headers: string[] = [];
  const records: TableRecord[] = blocks.map((block, i) => {
    const cells = itemFields(block, prefix);
    for (const h of Object.keys(cells)) if (!headers.includes(h)) headers.push(h);
    return { row: i + 1, cells };
  });
  return { headers, records, problems: [], delimiter: null };
}
