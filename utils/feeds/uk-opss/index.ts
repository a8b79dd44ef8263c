/**
 * UK OPSS Product Safety Alerts, Reports and Recalls, as GOV.UK publishes them (Open Government Licence).
 *
 * Read here: the GOV.UK Content API item of one notice (`/api/content/product-safety-alerts-reports-
 * recalls/<slug>`), a plain array of such items, or a bundle `{"results": [item, ...]}`. The identifiers
 * live only in the HTML body's "Product information" table (rows Brand, Model, Batches, Barcode,
 * Country of Origin, Product Description); `details.metadata` gives type, date, risk level and measures.
 *
 * Not read: the GOV.UK Search API response. Its results carry title, link, date and risk level only, so
 * a record built from one could never be found by GTIN or model, and it would replace the full record
 * of the same notice when both are loaded. `map` refuses it with an instruction, and `contentApiUrl`
 * turns each result's `link` into the item URL a sync fetches instead.
 *
 * Outward lenient (every field nullish, the body as a string or GOV.UK's multi-format list), inward
 * strict: each mapped record must pass `Recall`, or it is skipped with a reason.
 */
import { z } from 'zod';
import { htmlToText } from '../../extract/html-text';
import { brandKey } from '../../identity/brand';
import { splitCodes } from '../../identity/gtin';
import { mineDateRanges, mineGtins, mineModels } from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION, type RecallProduct } from '../../schemas';
import {
  defineFeed,
  type FeedHttp,
  type FeedParseResult,
  type FeedSyncOptions,
  type FeedSyncResult,
} from '../feed';
import { Collector } from '../lib/collector';
import { kindOf, mapRecords } from '../lib/map-records';
import { bound, later, overlapDay } from '../lib/sync-walk';
import { clean, isoDay, isRecord } from '../lib/text';

const SOURCE = 'uk-opss';
const SITE = 'https://www.gov.uk';
/** Every notice lives under the finder's base path; its document type names it too. */
const BASE_PATH = '/product-safety-alerts-reports-recalls/';
const DOCUMENT_TYPE = 'product_safety_alert_report_recall';
const SEARCH_ENDPOINT = 'https://www.gov.uk/api/search.json';

// ---------------------------------------------------------------------------------------------------
// The outward schema

const Text = z.string().nullish();
/**
 * `details.body` is an HTML string in the saved item; other GOV.UK content API responses send a list of
 * renderings (`[{content_type: "text/govspeak"}, {content_type: "text/html"}]`).
 */
const Body = z.union([z.string(), z.array(z.object({ content_type: Text, content: Text }).nullish())]);

export const UkOpssItem = z.object({
  base_path: Text,
  title: Text,
  description: Text,
  document_type: Text,
  first_published_at: Text,
  public_updated_at: Text,
  updated_at: Text,
  withdrawn_notice: z.object({ explanation: Text, withdrawn_at: Text }).partial().nullish(),
  details: z.object({
    body: Body.nullish(),
    metadata: z
      .object({
        product_alert_type: Text,
        product_category: Text,
        product_risk_level: Text,
        product_recall_alert_date: Text,
        // A single value arrives as a string in some exports; the finder sends a list.
        product_measure_type: z.union([z.array(Text), z.string()]).nullish(),
      })
      .nullish(),
    attachments: z.array(z.object({ url: Text, title: Text, content_type: Text }).nullish()).nullish(),
  }),
});
export type UkOpssItem = z.infer<typeof UkOpssItem>;

// ---------------------------------------------------------------------------------------------------
// Small readers

/** A content item: it has `details`, and its document type or base path is the OPSS finder's. */
function isContentItem(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.details)) return false;
  return (
    value.document_type === DOCUMENT_TYPE ||
    (typeof value.base_path === 'string' && value.base_path.startsWith(BASE_PATH))
  );
}

/** A Search API result: a `link` under the finder, no `details`. */
function isSearchResult(value: unknown): boolean {
  if (!isRecord(value) || 'details' in value) return false;
  const typed = value.document_type === DOCUMENT_TYPE || value.elasticsearch_type === DOCUMENT_TYPE;
  return typed || (typeof value.link === 'string' && value.link.startsWith(BASE_PATH));
}

/** The entries of a document: one item, a plain array, or `{results: [...]}`. Null for anything else. */
function entriesOf(data: unknown): unknown[] | null {
  if (isContentItem(data)) return [data];
  if (Array.isArray(data)) return data;
  if (isRecord(data) && Array.isArray(data.results)) return data.results;
  return null;
}

/** "2026-10-02T14:24:26+01:00" → the UTC stamp "2026-10-02T13:24:26"; "2026-10-02" → midnight. */
function readStamp(value: string | null | undefined): string | null {
  const s = clean(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return `${s}T00:00:00`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return null;
  const time = Date.parse(s);
  return Number.isNaN(time) ? s.slice(0, 19) : new Date(time).toISOString().slice(0, 19);
}

/** The HTML rendering of the body, whichever form it came in. */
function bodyHtml(body: UkOpssItem['details']['body']): string {
  if (typeof body === 'string') return body;
  const renderings = (body ?? []).filter((b) => b !== null && b !== undefined);
  return (renderings.find((b) => b.content_type === 'text/html') ?? renderings[0])?.content ?? '';
}

/** "PSD notification number: 2609-0229" (body), else "(2609-0229)" at the end of the title. */
function psdNumber(text: string, title: string): string | null {
  const inBody = /\bPSD\s+(?:notification|case|reference)\s+(?:number|no\.?)\s*:?\s*(\d{4}-\d{4})\b/i.exec(
    text,
  );
  if (inBody?.[1]) return inBody[1];
  return /\((\d{4}-\d{4})\)\s*$/.exec(title)?.[1] ?? null;
}

/** Body sections by heading text ("Summary", "Hazard", "Corrective action"), as plain text. */
function sections(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = html.split(/<h[23]\b[^>]*>([\s\S]*?)<\/h[23]\s*>/i);
  for (let i = 1; i < parts.length; i += 2) {
    const heading = clean(htmlToText(parts[i] ?? '')).toLowerCase();
    if (!out.has(heading)) out.set(heading, htmlToText(parts[i + 1] ?? ''));
  }
  return out;
}

/** "Hazard: ..." in the Summary section. */
function summaryLine(summary: string, label: string): string | null {
  const re = new RegExp(`^${label}\\s*:\\s*(.+)$`, 'im');
  return clean(re.exec(summary)?.[1]) || null;
}

/** The text of a section without the paragraph that only links elsewhere ("For more information ..."). */
function prose(section: string | undefined): string {
  return clean(
    (section ?? '')
      .split('\n')
      .filter((l) => !/^For more information/i.test(l))
      .join(' '),
  );
}

/** "sold by The Works", "sold via Amazon": the seller the title or Summary names. */
function soldBy(text: string): string | null {
  return clean(/\bsold\s+(?:by|via|at|on|through)\s+(.+?)(?:\s*\(\d{4}-\d{4}\))?$/i.exec(text)?.[1]) || null;
}

/** Table row labels, lower case without a trailing colon, by what they hold. */
type RowKind =
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
const UNKNOWN =
  /^(?:unknown|not known|not provided|not applicable|n\/?a|none|no brand|unbranded|various|-)\b\.?/i;

interface ProductTable {
  rows: Map<RowKind, string>;
}

/** Each `<table>` of the body with its "label | value" rows read by kind; tables with no known row are left. */
function productTables(html: string): ProductTable[] {
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
function splitList(value: string): string[] {
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
function readBatches(c: Collector, value: string): void {
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
function readBarcodes(c: Collector, value: string): void {
  if (UNKNOWN.test(value)) return;
  const codes = splitCodes(value);
  if (codes.length > 0) for (const code of codes) c.gtin(code, 'structured', 'Barcode');
  else for (const g of mineGtins(`Barcode ${value}`, 'Barcode')) c.gtin(g.raw, 'structured', 'Barcode');
}

// ---------------------------------------------------------------------------------------------------
// One notice

const MEASURES: Record<string, string> = {
  'recall-of-product-from-end-users': 'Recall of the product from end users',
  'withdrawal-of-product-from-market': 'Withdrawal of the product from the market',
  'removal-of-listing-by-online-marketplace': 'Removal of the listing by the online marketplace',
  'import-rejected-at-border': 'Import rejected at the border',
  'destruction-of-the-product': 'Destruction of the product',
  'warning-consumers-of-risks': 'Warning consumers of the risks',
};

function measureWords(value: string): string {
  return MEASURES[value] ?? value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function mapItem(item: UkOpssItem, nativeId: string): unknown {
  const html = bodyHtml(item.details.body);
  const psd = psdNumber(htmlToText(html), item.title ?? '');
  const bySection = sections(html);
  const summary = bySection.get('summary') ?? '';
  const metadata = item.details.metadata;
  const title = clean(item.title) || `OPSS notice ${psd ?? nativeId}`;

  const productLine =
    summaryLine(summary, 'Product') ?? title.replace(/^[^:]+:\s*/, '').replace(/\s*\(\d{4}-\d{4}\)$/, '');
  const seller = soldBy(productLine) ?? soldBy(title);
  const baseName = clean(productLine.replace(/\s+sold\s+(?:by|via|at|on|through)\s+.+$/i, '')) || title;
  const sellerKey = seller ? brandKey(seller) : null;

  const tables = productTables(html);
  const products: RecallProduct[] = (tables.length > 0 ? tables : [{ rows: new Map<RowKind, string>() }]).map(
    (table, i) => {
      const c = new Collector({ placeholder: UNKNOWN });
      const rows = table.rows;
      // Brands split on commas, semicolons and a spaced slash only: "Marks and Spencer" is one brand.
      for (const b of (rows.get('brand') ?? '').split(/\s*[,;]\s*|\s+\/\s+/).filter(Boolean)) {
        // The seller the title names ("sold by The Works") is a retailer, not a brand.
        if (!sellerKey || brandKey(b) !== sellerKey) c.brand(b, 'structured', 'Brand');
      }
      for (const m of splitList(rows.get('model') ?? '')) c.model(m, 'structured', 'Model');
      readBarcodes(c, rows.get('barcode') ?? '');
      readBatches(c, rows.get('batch') ?? '');
      const description = rows.get('description') ?? '';
      for (const g of mineGtins(description, 'Product Description')) c.gtin(g.raw, 'prose', g.origin);
      for (const m of mineModels(description, 'Product Description'))
        if (m.kind === 'exact') c.model(m.value, 'prose', m.origin);
      // One table names the notice's product; several tables need their own names: the Product row, else
      // the first sentence of the description, else the category row ("Toys - Ride-on toys").
      const firstSentence = clean(/^[^.]{3,100}/.exec(description)?.[0]);
      const name =
        tables.length > 1
          ? clean(rows.get('name')) || firstSentence || clean(rows.get('type')) || `${baseName} (${i + 1})`
          : clean(rows.get('name')) || baseName;
      return c.product(name);
    },
  );

  const countries = [
    ...new Set(tables.map((t) => clean(t.rows.get('country'))).filter((v) => v && !UNKNOWN.test(v))),
  ];
  const makers = [
    ...new Set(tables.map((t) => clean(t.rows.get('maker'))).filter((v) => v && !UNKNOWN.test(v))),
  ];
  const measures = metadata?.product_measure_type;
  const measureList = (typeof measures === 'string' ? [measures] : (measures ?? []))
    .map(clean)
    .filter(Boolean);
  const version =
    readStamp(item.public_updated_at) ?? readStamp(item.updated_at) ?? readStamp(item.first_published_at);
  const published = isoDay(metadata?.product_recall_alert_date) ?? isoDay(item.first_published_at);
  const basePath = clean(item.base_path);
  // GOV.UK keeps a withdrawn notice online with a `withdrawn_notice` (explanation, withdrawn_at).
  const withdrawn = Boolean(
    item.withdrawn_notice && (clean(item.withdrawn_notice.explanation) || item.withdrawn_notice.withdrawn_at),
  );

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'GB',
    recallNumber: psd,
    title,
    url: basePath.startsWith('/') ? `${SITE}${basePath}` : null,
    published,
    updated: isoDay(item.public_updated_at) ?? published,
    status: withdrawn ? 'withdrawn' : 'active',
    version: version ?? (published ? `${published}T00:00:00` : '0000-00-00T00:00:00'),
    hazard: summaryLine(summary, 'Hazard') ?? prose(bySection.get('hazard')),
    remedy: summaryLine(summary, 'Corrective action') ?? prose(bySection.get('corrective action')),
    remedyOptions: measureList.map(measureWords),
    units: null,
    soldAt: seller,
    countryOfOrigin: countries,
    manufacturers: makers,
    images: (item.details.attachments ?? [])
      .filter((a) => a && /^image\//.test(clean(a.content_type)) && clean(a.url))
      .map((a) => ({ url: clean(a?.url), caption: clean(a?.title) || null })),
    products,
  };
}

// ---------------------------------------------------------------------------------------------------
// The document

/** The PSD notification number (body, else title), else the base path: a notice's id. */
function nativeIdOf(value: Record<string, unknown>): string | null {
  const title = typeof value.title === 'string' ? value.title : '';
  const details = isRecord(value.details) ? value.details : {};
  const parsedBody = UkOpssItem.shape.details.shape.body.safeParse(details.body);
  const body = parsedBody.success ? bodyHtml(parsedBody.data) : '';
  const basePath = typeof value.base_path === 'string' ? value.base_path.replace(/^\/+/, '') : '';
  return psdNumber(htmlToText(body), title) ?? (basePath || null);
}

function mapUkOpss(data: unknown): FeedParseResult {
  const entries = entriesOf(data);
  if (!entries)
    throw new Error('UK OPSS feed: expected a GOV.UK content item, an array of items or {"results": [...]}');
  if (entries.length > 0 && entries.every(isSearchResult)) {
    throw new Error(
      'UK OPSS feed: this is a GOV.UK search response, which lists notices without their product tables ' +
        '(no barcode, model or batch); fetch each result through the content API (contentApiUrl(link)) and map those',
    );
  }
  return mapRecords(entries, {
    source: SOURCE,
    noun: 'item',
    later: 'updated later',
    schema: UkOpssItem,
    refuse(raw) {
      if (isSearchResult(raw)) return 'a search result, not a content item (fetch /api/content + its link)';
      return isContentItem(raw) ? null : `not an OPSS content item (${kindOf(raw)})`;
    },
    nativeId: nativeIdOf,
    missingId: 'neither a PSD notification number nor a base_path',
    map: mapItem,
  });
}

/** The Content API URL of a search result's `link` ("/product-safety-alerts-reports-recalls/<slug>"). */
export function contentApiUrl(link: string): string {
  if (!link.startsWith(BASE_PATH)) throw new Error(`UK OPSS: not a notice link: ${link}`);
  return `${SITE}/api/content${link}`;
}

/** The Search API page listing notices published or republished on or after `since` (null: all). */
export function searchUrl(since: string | null): string {
  const url = new URL(SEARCH_ENDPOINT);
  url.searchParams.set('filter_format', DOCUMENT_TYPE);
  url.searchParams.set('order', '-public_timestamp');
  url.searchParams.set('count', '100');
  url.searchParams.set('start', '0');
  url.searchParams.set('fields', 'title,link,public_timestamp,product_recall_alert_date,product_risk_level');
  if (since !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new Error(`UK OPSS since must be YYYY-MM-DD, got ${since}`);
    url.searchParams.set('filter_public_timestamp', `from:${since}`);
  }
  return url.href;
}

/** Search pages (100 results each) per run. */
export const UK_OPSS_MAX_PAGES = 10;
/** Content items fetched per run. */
export const UK_OPSS_MAX_ITEMS = 200;

/**
 * Search, then each result's content item. A full run reads the newest notices first (up to
 * `maxItems`); an incremental run asks for notices from a day before the cursor, oldest first, so one
 * stopped at a bound resumes from the last notice it read. Search pages move `start` by the page's
 * length until `total` or `maxPages`. A content item answering 404 (withdrawn between the two
 * requests) is skipped and named. The cursor is the newest `public_timestamp` read.
 */
async function syncUkOpss(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const maxPages = bound(opts, 'maxPages', UK_OPSS_MAX_PAGES);
  const maxItems = bound(opts, 'maxItems', UK_OPSS_MAX_ITEMS);
  const since = overlapDay(cursor);
  const items: unknown[] = [];
  const skipped: string[] = [];
  let newest: string | null = cursor;
  let start = 0;
  for (let page = 0; page < maxPages && items.length + skipped.length < maxItems; page++) {
    const url = new URL(searchUrl(since));
    if (since) url.searchParams.set('order', 'public_timestamp');
    url.searchParams.set('start', String(start));
    const res = await http.getJson(url.href);
    const body = isRecord(res.body) ? res.body : {};
    if (res.status === 404 || !Array.isArray(body.results))
      throw new Error(`UK OPSS: the search API answered HTTP ${res.status} without results`);
    for (const result of body.results) {
      if (items.length + skipped.length >= maxItems) break;
      const link = isRecord(result) && typeof result.link === 'string' ? result.link : '';
      if (!link.startsWith(BASE_PATH)) {
        skipped.push(`search result ${JSON.stringify(link)}: not an OPSS notice link`);
        continue;
      }
      const item = await http.getJson(contentApiUrl(link));
      if (item.status === 404 || !isRecord(item.body)) {
        skipped.push(`${link}: the content item could not be read (HTTP ${item.status})`);
        continue;
      }
      items.push(item.body);
      const stamp =
        isRecord(result) && typeof result.public_timestamp === 'string' ? result.public_timestamp : null;
      newest = later(newest, stamp);
    }
    start += body.results.length;
    const total = typeof body.total === 'number' ? body.total : 0;
    if (body.results.length === 0 || start >= total) break;
  }
  return { documents: items.length > 0 ? [items] : [], cursor: newest, skipped };
}

export default defineFeed({
  id: 'uk-opss',
  jurisdiction: 'GB',
  name: 'UK OPSS Product Safety Alerts, Reports and Recalls',
  accepts: 'a GOV.UK OPSS content item (or an array or {"results"} bundle of them)',
  detect(data) {
    if (isContentItem(data)) return true;
    // A bundle or array claims the document only when an entry is an OPSS item or search result, so
    // `{"results": []}`, openFDA `{meta, results}` and RappelConso `{total_count, results}` stay unclaimed.
    const entries = Array.isArray(data)
      ? data
      : isRecord(data) && Array.isArray(data.results)
        ? data.results
        : [];
    return entries.some((e) => isContentItem(e) || isSearchResult(e));
  },
  map: mapUkOpss,
  endpoint: {
    buildUrl: searchUrl,
    sync: syncUkOpss,
    notes:
      'Two steps: the search API (this URL; page with start += count while start < total) lists links only, ' +
      'then each link is fetched from the content API (contentApiUrl) and mapped. public_timestamp moves on ' +
      'republication; ~3,700 notices since 2021. Identifiers are only in the body HTML table.',
  },
});
