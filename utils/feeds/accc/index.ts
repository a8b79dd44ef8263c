/**
 * Australia ACCC product safety recalls (productsafety.gov.au), from the RSS 2.0 feed
 * (`/rss/feed.xml/psa_recall`, the newest 100 recalls). The document is XML, so the mapper takes it as
 * a string; it is read without a DOM (the service worker has none) by `rssItems` below.
 *
 * Each `<item>` is one recall: `title` "<Supplier> — <Product>", `link` to the notice page, `pubDate`
 * (RFC 822), `guid`, and `description` holding the notice as HTML (entity-escaped or in CDATA) with
 * sections "Product description", "Identifying numbers" / "Details to help identify the product"
 * (model, batch, barcode lines), "What are the defects?", "What are the hazards?", "What should consumers
 * do?", "Traders who sold this product", "Dates available for sale" and the PRA number. No real feed is
 * in the research corpus; the section names follow the scraped notice pages (../shared/notes/feeds.md §6)
 * and every reader falls back to mining the whole description, so a renamed section loses structure,
 * not identifiers.
 *
 * The sync walk also reads each item's notice page (the item's `link`, on productsafety.gov.au under
 * `/recalls/` or `/search-consumer-product-recalls/`), at most `ACCC_MAX_NOTICES` per run, and hands
 * the mapper an `accc-rss-notices` document: the RSS text as it came, plus what each page said under
 * "Identifying numbers" / "Details to help identify the product", "Brand" and "Dates available for
 * sale", keyed by the item's link. The RSS stays the list: a page adds identifiers to its item's record
 * and never adds or removes a record. A plain RSS document maps exactly as it always did.
 */
import { z } from 'zod';
import { decodeEntities, htmlToText } from '../../extract/html-text';
import { brandKey, firmName } from '../../identity/brand';
import { splitCodes } from '../../identity/gtin';
import { isDistinctiveModel } from '../../identity/model';
import { MONTHS, mineGtins, mineLots, mineModels } from '../../identity/text-mining';
import { type DateRange, RECALL_SCHEMA_VERSION } from '../../schemas';
import {
  defineFeed,
  type FeedHttp,
  type FeedParseResult,
  type FeedSyncOptions,
  type FeedSyncResult,
} from '../feed';
import { Collector } from '../lib/collector';
import { mapRecords } from '../lib/map-records';
import { bound, later, overlapDay } from '../lib/sync-walk';
import { clean, readUrl } from '../lib/text';

const SOURCE = 'accc';
const SITE = 'productsafety.gov.au';
const ORIGIN = 'https://www.productsafety.gov.au';
const FEED_URL = `${ORIGIN}/rss/feed.xml/psa_recall`;

// ---------------------------------------------------------------------------------------------------
// RSS without a DOM

export interface RssItem {
  title: string | null;
  link: string | null;
  pubDate: string | null;
  description: string | null;
  guid: string | null;
}

/**
 * The text of an XML element's content: CDATA sections are taken as they are, everything else has its
 * entities decoded (`&lt;p&gt;` → `<p>`). Only one level is decoded: the HTML that comes out keeps its
 * own entities for the HTML reader.
 */
export function xmlText(content: string): string {
  let out = '';
  let at = 0;
  for (const m of content.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += decodeEntities(content.slice(at, m.index));
    out += m[1] ?? '';
    at = m.index + m[0].length;
  }
  return (out + decodeEntities(content.slice(at))).trim();
}

/** The first child element `name` of an item's XML (namespaced children like `<dc:creator>` are not it). */
function child(xml: string, name: string): string | null {
  const re = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'i');
  const m = re.exec(xml);
  if (!m) return null;
  return xmlText(m[1] ?? '') || null;
}

/**
 * The `<item>`s of an RSS 2.0 document: title, link, pubDate, description and guid as text. Comments
 * are dropped first (a commented-out item is no item); CDATA is read before tags so an item's HTML
 * description cannot close the item early. Returns null when the text is not an RSS channel.
 */
export function rssItems(xml: string): RssItem[] | null {
  // CDATA sections are masked (by a private-use marker) while items are found: "</item>" inside a
  // description is text.
  const cdata: string[] = [];
  const masked = xml
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => `\uE000${cdata.push(m) - 1}\uE000`)
    .replace(/<!--[\s\S]*?-->/g, '');
  if (!/<rss\b/i.test(masked) || !/<channel\b/i.test(masked)) return null;
  const unmask = (s: string) => s.replace(/\uE000(\d+)\uE000/g, (_, i: string) => cdata[Number(i)] ?? '');
  const items: RssItem[] = [];
  for (const m of masked.matchAll(/<item(?:\s[^>]*)?>([\s\S]*?)<\/item\s*>/gi)) {
    const body = m[1] ?? '';
    // Children are looked up in the masked text, then their content is unmasked and decoded.
    const get = (name: string) => {
      const re = new RegExp(`<${name}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'i');
      const c = re.exec(body);
      return c ? xmlText(unmask(c[1] ?? '')) || null : null;
    };
    items.push({
      title: get('title'),
      link: get('link'),
      pubDate: get('pubDate'),
      description: get('description'),
      guid: get('guid'),
    });
  }
  return items;
}

/** The channel's own `<link>` (the first one outside any item), for detection. */
function channelLink(xml: string): string | null {
  const head = xml.split(/<item[\s>]/i)[0] ?? '';
  return child(head.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''), 'link');
}

function isAcccFeed(data: unknown): data is string {
  if (typeof data !== 'string') return false;
  const head = data
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!/^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<rss\b/i.test(head)) return false;
  // Other RSS feeds (an Opendatasoft export of Safety Gate, RappelConso) are RSS too: the channel link
  // or the first item's link must be on productsafety.gov.au.
  const link = channelLink(data) ?? /<item[\s>][\s\S]*?<link>([^<]*)<\/link>/i.exec(data)?.[1] ?? '';
  return isAcccUrl(link);
}

function isAcccUrl(value: string): boolean {
  try {
    const host = new URL(value.trim()).hostname;
    return host === SITE || host.endsWith(`.${SITE}`);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// The outward schema: the item as read (strings or null), checked so a bad one is named, not guessed.

const Text = z.string().nullable();
export const AcccItem = z.object({ title: Text, link: Text, pubDate: Text, description: Text, guid: Text });
export type AcccItem = z.infer<typeof AcccItem>;

// ---------------------------------------------------------------------------------------------------
// Small readers

/** Values that say "we do not know" rather than name anything: no model, brand or batch. */
const UNKNOWN =
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
function saleRange(text: string): DateRange | null {
  const s = clean(text);
  const parts = s.split(/\s+(?:-|–|—|to|until)\s+/i);
  if (parts.length !== 2) return null;
  const from = auDate(parts[0] ?? '');
  const to = /^(?:present|now|current|ongoing)$/i.test(clean(parts[1])) ? null : auDate(parts[1] ?? '');
  if (!from) return null;
  return { kind: 'sold', from, to, text: s };
}

/** RFC 822 "Tue, 14 Oct 2026 09:12:00 +1100": the day as printed (Australian time) and a UTC stamp. */
function readPubDate(value: string | null): { day: string; stamp: string } | null {
  const s = clean(value);
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(s);
  const month = m?.[2] ? MONTHS[m[2].toLowerCase()] : undefined;
  if (!m || !month) return null;
  const day = `${m[3]}-${String(month).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
  const time = Date.parse(s);
  return { day, stamp: Number.isNaN(time) ? `${day}T00:00:00` : new Date(time).toISOString().slice(0, 19) };
}

/** "PRA number: 2026/21345", "PRA 2026/21345" in the description. */
function praNumber(text: string): string | null {
  return /\bPRA\s*(?:number|no\.?)?\s*:?\s*(\d{4}\/\d{3,6})\b/i.exec(text)?.[1] ?? null;
}

/** Drupal guids read "21345 at https://www.productsafety.gov.au"; the part before " at " is the id. */
function guidId(guid: string | null): string | null {
  const s = clean(guid);
  if (!s) return null;
  return clean(/^(.+?)\s+at\s+https?:\/\//.exec(s)?.[1]) || s;
}

type SectionKind =
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
function readSections(text: string, isHeading?: (line: string) => boolean): Map<SectionKind, string[]> {
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

const joinLines = (lines: string[] | undefined) => clean((lines ?? []).join(' '));
/** List items lose their "- " marker. */
const listLines = (lines: string[] | undefined) =>
  (lines ?? []).map((l) => clean(l.replace(/^-\s+/, ''))).filter(Boolean);

/** The CPSC-style remedy words a "What should consumers do?" section names: Refund, Repair, Replace. */
function remedyWords(text: string): string[] {
  const out: string[] = [];
  if (/\brefund/i.test(text)) out.push('Refund');
  if (/\brepair/i.test(text)) out.push('Repair');
  if (/\breplace(?:ment)?\b/i.test(text)) out.push('Replace');
  return out;
}

/** "Sitro Group Australia Pty Ltd — Gasmate Portable Diesel Heater DH203": supplier, then product. */
function splitTitle(title: string): { supplier: string | null; product: string } {
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
function splitBrands(value: string): string[] {
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

function readIdentifierLine(c: Collector, line: string, origin: string): boolean {
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
function titleModels(product: string): string[] {
  return product
    .split(/\s+/)
    .map((w) => w.replace(/^[("']+|[)"',.]+$/g, ''))
    .filter(
      (w) => /^[A-Z0-9][A-Z0-9-]{3,}$/.test(w) && /\d/.test(w) && /[A-Z]/.test(w) && isDistinctiveModel(w),
    );
}

// ---------------------------------------------------------------------------------------------------
// Notice pages

/** Notice pages read per run: the newest items first; the rest keep what their RSS description says. */
export const ACCC_MAX_NOTICES = 40;
/** After this many notice pages in a row cannot be read, the rest wait for the next run. */
const MAX_FAILURES_IN_A_ROW = 3;
/** The `format` of the document the sync walk hands the mapper: the RSS plus what the pages said. */
export const ACCC_NOTICES_FORMAT = 'accc-rss-notices';

/** What one notice page adds to its RSS item: lines of its sections, as printed. */
export const AcccNotice = z.object({
  brands: z.array(z.string()),
  /** "Model number: GL-4SET", "Barcode | 9350000123454", prose lines: read like the RSS section. */
  identify: z.array(z.string()),
  /** "12 January 2026 - 3 October 2026", or null when the page has no such section. */
  dates: z.string().nullable(),
});
export type AcccNotice = z.infer<typeof AcccNotice>;

const AcccNoticesDocument = z.object({
  format: z.literal(ACCC_NOTICES_FORMAT),
  rss: z.string(),
  /** Incremental runs: items published before this day are already stored and left out. */
  since: z.string().nullable(),
  /** By the item's `link` as the RSS prints it (trimmed). */
  notices: z.record(z.string(), AcccNotice),
});
type AcccNoticesDocument = z.infer<typeof AcccNoticesDocument>;

function isNoticesDocument(data: unknown): boolean {
  const doc = AcccNoticesDocument.safeParse(data);
  return doc.success && isAcccFeed(doc.data.rss);
}

/**
 * The notice page an item's link names, on the feed's origin (the www host, https), or null for a link
 * that is not a recall notice on productsafety.gov.au.
 */
export function noticeUrl(link: string | null): string | null {
  try {
    const url = new URL(clean(link), `${ORIGIN}/`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.hostname !== SITE && url.hostname !== `www.${SITE}`) return null;
    if (!/^\/(?:recalls|search-consumer-product-recalls)\/[^/]+\/?$/.test(url.pathname)) return null;
    return `${ORIGIN}${url.pathname}`;
  } catch {
    return null;
  }
}

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

const isIdLabel = (line: string) => {
  const key = clean(line).replace(/[:?]+$/, '');
  return ID_LABELS.some(([re]) => re.test(key));
};

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

// ---------------------------------------------------------------------------------------------------
// One item

const PAGE_BRAND = 'Notice page: Brand';
const PAGE_IDENTIFY = 'Notice page: Identifying numbers';

function mapItem(item: AcccItem, nativeId: string, notice?: AcccNotice): unknown {
  const html = item.description ?? '';
  const text = htmlToText(html);
  const pra = praNumber(text);
  const bySection = readSections(text);
  const title = clean(item.title) || `ACCC recall ${pra ?? nativeId}`;
  const { supplier, product: productName } = splitTitle(title);
  const suppliers = [
    ...(supplier ? [supplier] : []),
    ...listLines(bySection.get('supplier'))
      .slice(0, 1)
      .map((s) => firmName(s)),
  ];

  const c = new Collector({ placeholder: UNKNOWN });
  for (const b of listLines(bySection.get('brand')))
    for (const v of splitBrands(b)) c.brand(v, 'structured', 'Brand');
  const identify = bySection.get('identify') ?? [];
  for (const line of [...identify, ...(bySection.get('description') ?? [])])
    readIdentifierLine(c, line, 'Identifying numbers');
  // What the labelled lines did not say, the prose may: the identifying section first, then the rest.
  const identifyText = identify.join('\n');
  for (const [chunk, origin] of [
    [identifyText, 'Identifying numbers'],
    [joinLines(bySection.get('description')), 'Product description'],
  ] as const) {
    for (const g of mineGtins(chunk, origin)) c.gtin(g.raw, 'prose', origin);
    for (const m of mineModels(chunk, origin)) if (m.kind === 'exact') c.model(m.value, 'prose', origin);
    for (const l of mineLots(chunk, origin)) c.lot(l.value, 'prose', origin);
  }
  // The notice page, when the sync read it: after the RSS, so the description's values come first.
  if (notice) {
    for (const b of notice.brands) for (const v of splitBrands(b)) c.brand(v, 'structured', PAGE_BRAND);
    for (const line of notice.identify) readIdentifierLine(c, line, PAGE_IDENTIFY);
    const pageText = notice.identify.join('\n');
    for (const g of mineGtins(pageText, PAGE_IDENTIFY)) c.gtin(g.raw, 'prose', PAGE_IDENTIFY);
    for (const m of mineModels(pageText, PAGE_IDENTIFY))
      if (m.kind === 'exact') c.model(m.value, 'prose', PAGE_IDENTIFY);
    for (const l of mineLots(pageText, PAGE_IDENTIFY)) c.lot(l.value, 'prose', PAGE_IDENTIFY);
  }
  for (const m of titleModels(productName)) c.model(m, 'prose', 'title');
  for (const s of suppliers) c.brand(firmName(s), 'structured', 'Supplier');

  const dates = joinLines(bySection.get('dates'));
  const sold = saleRange(dates);
  if (sold) c.dateRange(sold);
  const pageSold = notice?.dates ? saleRange(notice.dates) : null;
  if (pageSold) c.dateRange(pageSold);

  const traders = listLines(bySection.get('traders'));
  const where = joinLines(bySection.get('where'));
  const pub = readPubDate(item.pubDate);
  const manufacturers: string[] = [];
  for (const s of suppliers) {
    const name = firmName(s);
    if (name && !manufacturers.some((m) => brandKey(m) === brandKey(name))) manufacturers.push(name);
  }

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'AU',
    recallNumber: pra,
    title,
    url: readUrl(item.link),
    published: pub?.day ?? null,
    updated: pub?.day ?? null,
    status: 'active',
    version: pub?.stamp ?? '0000-00-00T00:00:00',
    hazard: joinLines(bySection.get('hazard')) || joinLines(bySection.get('defect')),
    remedy: joinLines(bySection.get('action')),
    remedyOptions: remedyWords(joinLines(bySection.get('action'))),
    units: null,
    soldAt: [traders.join(', '), where].filter(Boolean).join('; ') || null,
    countryOfOrigin: listLines(bySection.get('country')),
    manufacturers,
    images: [...html.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi)]
      .map((m) => ({ url: decodeEntities(m[1] ?? ''), alt: /\balt\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1] }))
      .filter((i) => readUrl(i.url) !== null)
      .map((i) => ({ url: i.url, caption: clean(decodeEntities(i.alt ?? '')) || null })),
    products: [c.product(productName || title)],
  };
}

// ---------------------------------------------------------------------------------------------------
// The document

/** The notice's id: its PRA number, else the guid's id, else the link. */
function itemNativeId(raw: Record<string, unknown>): string | null {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : null);
  return (
    praNumber(htmlToText(text('description') ?? '')) ?? guidId(text('guid')) ?? (clean(text('link')) || null)
  );
}

function mapAccc(data: unknown): FeedParseResult {
  if (typeof data === 'string') return mapRss(data, null);
  const doc = AcccNoticesDocument.safeParse(data);
  if (doc.success) return mapRss(doc.data.rss, doc.data);
  throw new Error(
    `ACCC feed: expected the RSS XML as a string (or an "${ACCC_NOTICES_FORMAT}" document from the sync)`,
  );
}

function mapRss(xml: string, withNotices: AcccNoticesDocument | null): FeedParseResult {
  const all = rssItems(xml);
  if (!all) throw new Error('ACCC feed: not an RSS 2.0 channel (no <rss> with a <channel>)');
  const since = withNotices?.since ?? null;
  const items = since
    ? all.filter((item) => {
        const day = readPubDate(item.pubDate)?.day;
        return !day || day >= since;
      })
    : all;
  const notices = new Map(Object.entries(withNotices?.notices ?? {}));
  return mapRecords(items, {
    source: SOURCE,
    noun: 'item',
    // The feed lists newest first: a second copy of a notice is the older one.
    keep: 'first',
    schema: AcccItem,
    nativeId: itemNativeId,
    missingId: 'no PRA number, guid or link',
    exclude: (item) =>
      !clean(item.title) && !clean(item.description) ? 'neither a title nor a description' : null,
    map: (item, nativeId) => mapItem(item, nativeId, notices.get(clean(item.link))),
  });
}

/**
 * One GET of the RSS as text (decoded by its charset): the feed is always the newest 100 recalls, with
 * no paging or date filter. A body that is not RSS fails the run, keeping the last good index. The
 * cursor is the newest `pubDate` day; an incremental run hands on only the items from a day before it
 * (older ones are stored already, with whatever their pages added), a full run all of them.
 *
 * Then the notice page of each item handed on, newest first, at most `maxItems` (`ACCC_MAX_NOTICES`, 40)
 * per run; items past the bound keep what their RSS description says. A page that answers 404, cannot
 * be fetched or is not a notice page leaves its item as the RSS has it and is named in `skipped`; after
 * three such pages in a row the rest are left for the next run. No page ever fails the run.
 */
async function syncAccc(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const res = await http.getText(FEED_URL, { accept: 'application/rss+xml, application/xml, text/xml' });
  if (res.status === 404 || !res.body) throw new Error(`ACCC feed: HTTP ${res.status}, no RSS`);
  const items = rssItems(res.body);
  if (!items) throw new Error('ACCC feed: not an RSS 2.0 channel (no <rss> with a <channel>)');
  const since = overlapDay(cursor);
  const maxNotices = bound(opts, 'maxItems', ACCC_MAX_NOTICES);
  const notices: Record<string, AcccNotice> = {};
  const skipped: string[] = [];
  const tried = new Set<string>();
  let newest = cursor;
  let failuresInARow = 0;
  for (const item of items) {
    const day = readPubDate(item.pubDate)?.day;
    newest = later(newest, day);
    if (since && day && day < since) continue;
    const link = clean(item.link);
    const url = noticeUrl(link);
    if (!url || tried.has(link) || tried.size >= maxNotices || failuresInARow >= MAX_FAILURES_IN_A_ROW)
      continue;
    tried.add(link);
    const why = await readNotice(http, url).then(
      (notice) => {
        if (typeof notice === 'string') return notice;
        notices[link] = notice;
        return null;
      },
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    failuresInARow = why === null ? 0 : failuresInARow + 1;
    if (why !== null) skipped.push(`notice page ${url}: ${why}; its RSS item is kept as the feed has it`);
  }
  return {
    documents: [{ format: ACCC_NOTICES_FORMAT, rss: res.body, since, notices }],
    cursor: newest,
    skipped,
  };
}

/** One notice page read, or why not in words. */
async function readNotice(http: FeedHttp, url: string): Promise<AcccNotice | string> {
  const page = await http.getText(url, { accept: 'text/html' });
  if (page.status === 404 || !page.body) return `HTTP ${page.status}`;
  return readNoticePage(page.body) ?? 'not a recall notice page';
}

export default defineFeed({
  id: 'accc',
  jurisdiction: 'AU',
  name: 'Australia ACCC Product Safety Recalls',
  accepts: `an ACCC productsafety.gov.au recalls RSS document (as text), or an "${ACCC_NOTICES_FORMAT}" document`,
  detect: (data) => isAcccFeed(data) || isNoticesDocument(data),
  map: mapAccc,
  endpoint: {
    buildUrl(since) {
      // The feed has no date filter: it is always the newest 100 recalls. `since` is checked and unused.
      if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since))
        throw new Error(`ACCC since must be YYYY-MM-DD, got ${since}`);
      return FEED_URL;
    },
    sync: syncAccc,
    notes:
      'RSS 2.0, XML: hand the body to the mapper as text. Only the newest 100 recalls, no paging or date ' +
      'filter: poll often enough that fewer than 100 recalls appear between polls, and keep older records. ' +
      "Identifiers are in the description HTML; the sync also reads each item's notice page (identifying " +
      `numbers, brand, sale dates), at most ${ACCC_MAX_NOTICES} per run, newest first.`,
  },
});
