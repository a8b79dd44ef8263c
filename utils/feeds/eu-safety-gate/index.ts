/**
 * EU Safety Gate (ex-RAPEX): product alerts notified by EU/EEA authorities. Three documents are read:
 *
 * - one alert's detail JSON (`GET /public/api/notification/{id}?language=en`), with structured brands,
 *   model types, barcodes and batch numbers, per-language `versions`, risk and measures;
 * - a list page of such details (`{ "content": [detail, ...], "totalPages": n }`, the Spring page the
 *   public web app's `mostRecent` POST returns);
 * - the weekly report XML (`<report_date>DD/MM/YYYY</report_date>` and one `<notifications>` element per
 *   alert, values in CDATA), as a fallback when the JSON API moves. It arrives as a string.
 *
 * Quirks handled: brand placeholders ("nincs", Hungarian for "none", and `brandKnown: false` with `[]`);
 * barcodes are free text and may be internal codes ("BCD25042500206593"), which stay out of the GTIN
 * keys; the notifying country's key "XX" means the origin is unknown; only the English `versions` entry
 * is read. The XML is read with a small regex reader for the known, flat elements (see `xmlElement`),
 * so no DOM is needed in the extension's service worker.
 */
import { z } from 'zod';
import { brandKey } from '../../identity/brand';
import { splitCodes } from '../../identity/gtin';
import { mineDateRanges, mineGtins, mineLots } from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION } from '../../schemas';
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
import { clean, distinct, isoDay, isRecord, present, readUrl } from '../lib/text';

// ---------------------------------------------------------------------------------------------------
// The outward schema (detail JSON)

const Text = z.string().nullish();
const Id = z.union([z.number(), z.string()]).nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item.nullish()).nullish();
const Keyed = z.object({ key: Text, name: Text }).nullish();
/** `language` is `{key:"EN"}` in details; a bare "en" is accepted for copies that flattened it. */
const Language = z.union([z.string(), z.object({ key: Text })]).nullish();

export const EuAlert = z.object({
  id: Id,
  reference: Text,
  country: Keyed,
  creationDate: Text,
  publicationDate: Text,
  modificationDate: Text,
  product: z
    .object({
      nameSpecific: Text,
      name: Text,
      brandKnown: z.boolean().nullish(),
      brands: list(z.object({ brand: Text })),
      typeModelKnown: z.boolean().nullish(),
      modelTypes: list(z.object({ modelType: Text })),
      barcodeKnown: z.boolean().nullish(),
      barcodes: list(z.object({ barcode: Text })),
      batchNumberKnown: z.boolean().nullish(),
      batchNumbers: list(z.object({ batchNumber: Text })),
      productCategory: Keyed,
      versions: list(
        z.object({ language: Language, name: Text, description: Text, packageDescription: Text }),
      ),
      photos: list(z.object({ id: Id, mainPicture: z.boolean().nullish(), fileName: Text })),
    })
    .nullish(),
  risk: z
    .object({
      riskType: list(z.object({ key: Text, name: Text })),
      versions: list(z.object({ language: Language, riskDescription: Text })),
    })
    .nullish(),
  measureTaken: z
    .object({
      measures: list(z.object({ measureCategory: Keyed, measureType: Keyed })),
      companyRecalls: list(z.object({ link: Text })),
    })
    .nullish(),
  traceability: z.object({ countryOrigin: Keyed, isSoldOnline: Keyed }).nullish(),
  onlineTraderProductIdentifierReference: list(
    z.object({ onlineTrader: Text, uniqueProductIdentifier: Text }),
  ),
});
export type EuAlert = z.infer<typeof EuAlert>;

const SOURCE = 'eu-safety-gate';
const BASE = 'https://ec.europa.eu/safety-gate-alerts';

// ---------------------------------------------------------------------------------------------------
// One alert, from either document, before it becomes a Recall

interface Alert {
  reference: string | null;
  numericId: string | null;
  /** Names as [English type name, brand, original-language name]. */
  typeName: string;
  specificName: string;
  brands: string[];
  models: string[];
  barcodes: string[];
  batches: string[];
  description: string;
  hazard: string;
  riskTypes: string[];
  measures: string[];
  notifyingCountry: string | null;
  countryOfOrigin: string | null;
  published: string | null;
  version: string;
  updated: string | null;
  images: Array<{ url: string; caption: string | null }>;
  soldAt: string | null;
  companyRecalls: string[];
  /** The feed field each identifier list came from. */
  origins: { brands: string; models: string; barcodes: string; batches: string; description: string };
}

/** Placeholders for "no brand" that brand.ts does not already treat as sentinels (HU, PL, NL, FR ...). */
const PLACEHOLDER_BRANDS = new Set([
  'notknown',
  'nomarca',
  'brak',
  'brakmarki',
  'geen',
  'geenmerk',
  'ingen',
  'nessuna',
  'nessunmarchio',
  'aucune',
  'aucunemarque',
  'noname',
  'nn',
  'x',
  'xx',
  'xxx',
]);

/** A brand value that names a brand: not empty, not a placeholder ("nincs", "No brand", "Unknown", "-"). */
export function isRealBrand(value: string): boolean {
  const key = brandKey(value);
  return key !== null && !PLACEHOLDER_BRANDS.has(key);
}

/**
 * Barcode fields are free text: an EAN-13, several codes in one value, or an internal code with letters
 * ("BCD25042500206593", "S24061300040000101"). Only values made of digits and separators are barcodes;
 * `rawGtinKey` would otherwise strip the letters and keep a 14-digit tail as a "raw GTIN".
 */
export function barcodeValues(field: string): string[] {
  const parts = splitCodes(field);
  return (parts.length > 0 ? parts : [clean(field)]).filter((p) => /^[\d\s.-]+$/.test(p));
}

/** "PRODUCT_RECALL_FROM_CONSUMERS" → "Product recall from consumers". */
function humanise(code: string): string {
  const s = code.replace(/_/g, ' ').toLowerCase().trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isEnglish(language: z.infer<typeof Language>): boolean {
  const key = typeof language === 'string' ? language : language?.key;
  return (key ?? '').toLowerCase() === 'en';
}

/** Splits a free-text list field of the weekly XML ("ABC-1; ABC-2", one per line, "A, B"). */
function listField(value: string): string[] {
  return distinct(value.split(/\s*[;\n|]\s*|,\s+/));
}

function fromDetail(a: EuAlert): Alert {
  const p = a.product;
  const en = present(p?.versions).find((v) => isEnglish(v.language)) ?? present(p?.versions)[0];
  const riskEn = present(a.risk?.versions).find((v) => isEnglish(v.language));
  const riskTypes = distinct(present(a.risk?.riskType).map((r) => r.name));
  const measures = present(a.measureTaken?.measures).map((m) => {
    const category = clean(m.measureCategory?.name);
    const type = clean(m.measureType?.name).toLowerCase();
    return category ? `${humanise(category)}${type ? ` (${type})` : ''}` : '';
  });
  const origin = a.traceability?.countryOrigin;
  const numericId = a.id === null || a.id === undefined ? null : clean(String(a.id)) || null;
  const modified = clean(a.modificationDate) || clean(a.publicationDate);
  const traders = present(a.onlineTraderProductIdentifierReference).map((t) =>
    [clean(t.onlineTrader), clean(t.uniqueProductIdentifier)].filter((x) => x && x !== 'Other').join(': '),
  );
  return {
    reference: clean(a.reference) || null,
    numericId,
    typeName: clean(en?.name) || clean(p?.name),
    specificName: clean(p?.nameSpecific),
    // brandKnown:false comes with `[]`, but a stray value with it is not trusted either.
    brands: p?.brandKnown === false ? [] : present(p?.brands).map((b) => clean(b.brand)),
    models: p?.typeModelKnown === false ? [] : present(p?.modelTypes).map((m) => clean(m.modelType)),
    barcodes: p?.barcodeKnown === false ? [] : present(p?.barcodes).map((b) => clean(b.barcode)),
    batches: p?.batchNumberKnown === false ? [] : present(p?.batchNumbers).map((b) => clean(b.batchNumber)),
    description: distinct([en?.description, en?.packageDescription]).join(' '),
    hazard: clean(riskEn?.riskDescription),
    riskTypes,
    measures: distinct(measures),
    notifyingCountry: clean(a.country?.name) || null,
    // "XX"/"Unknown" is how the feed says it does not know.
    countryOfOrigin: origin && clean(origin.key) !== 'XX' ? clean(origin.name) || null : null,
    published: isoDay(a.publicationDate),
    updated: isoDay(modified),
    version: modified || '0000-00-00T00:00:00.000Z',
    images: present(p?.photos)
      .filter((photo) => photo.id !== null && photo.id !== undefined)
      .sort((x, y) => Number(Boolean(y.mainPicture)) - Number(Boolean(x.mainPicture)))
      .map((photo) => ({
        url: `${BASE}/public/api/notification/image/${encodeURIComponent(String(photo.id))}`,
        caption: null,
      })),
    soldAt: distinct(traders).join('; ') || null,
    companyRecalls: distinct(present(a.measureTaken?.companyRecalls).map((r) => r.link)),
    origins: {
      brands: 'product.brands',
      models: 'product.modelTypes',
      barcodes: 'product.barcodes',
      batches: 'product.batchNumbers',
      description: 'product.versions.description',
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The weekly report XML

/**
 * The text of the first `<tag>` element in `xml`: CDATA sections kept verbatim, entities decoded
 * outside them, inner tags dropped. The weekly report's elements are flat and known (caseNumber,
 * product, brand, type_numberOfModel, barcode, ...), which is all this reader handles: no namespaces,
 * no attributes that matter, no nesting of the same tag.
 */
export function xmlElement(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag}\\s*>)`).exec(xml);
  return m?.[1] ? xmlText(m[1]) : '';
}

function xmlText(inner: string): string {
  return inner
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part.replace(/<[^>]*>/g, '')),
    )
    .join('')
    .trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return named[body.toLowerCase()] ?? whole;
  });
}

/** Every `<tag>...</tag>` block, outermost text included. */
function xmlBlocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>[\\s\\S]*?</${tag}\\s*>`, 'g'))].map((m) => m[0]);
}

/** One `<notifications>` block as the detail JSON's lenient shape would have given it. */
export interface XmlNotification {
  caseNumber: string;
  reportDate: string | null;
  fields: Record<string, string>;
  pictures: string[];
}

const XML_FIELDS = [
  'reference',
  'category',
  'product',
  'brand',
  'name',
  'type_numberOfModel',
  'barcode',
  'batchNumber',
  'description',
  'danger',
  'measures',
  'riskType',
  'notifyingCountry',
  'countryOfOrigin',
  'URLrecall',
  'level',
] as const;

export function readWeeklyXml(xml: string): XmlNotification[] {
  // <report_date> is day-first: 02/10/2026 is 2 October.
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(xmlElement(xml, 'report_date'));
  const reportDate = date ? `${date[3]}-${date[2]}-${date[1]}` : null;
  return xmlBlocks(xml, 'notifications').map((block) => ({
    caseNumber: xmlElement(block, 'caseNumber'),
    reportDate,
    fields: Object.fromEntries(XML_FIELDS.map((f) => [f, xmlElement(block, f)])),
    pictures: xmlBlocks(block, 'picture').map((p) =>
      xmlText(p.replace(/^<picture[^>]*>|<\/picture\s*>$/g, '')),
    ),
  }));
}

const XmlRecord = z.object({
  caseNumber: z.string().min(1, 'caseNumber is empty'),
  reportDate: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  pictures: z.array(z.string()),
});

function fromXml(n: XmlNotification): Alert {
  const f = (name: string) => n.fields[name] ?? '';
  return {
    reference: n.caseNumber,
    numericId: null,
    typeName: f('product'),
    specificName: f('name'),
    brands: listField(f('brand')),
    // "LF-22 & LF-23", "VT-1800 and VT-1800S": one field, several models.
    models: listField(f('type_numberOfModel')).flatMap((m) => m.split(/\s+(?:&|and)\s+/)),
    barcodes: listField(f('barcode')),
    batches: listField(f('batchNumber')),
    description: f('description'),
    hazard: f('danger'),
    riskTypes: listField(f('riskType')),
    measures: listField(f('measures')),
    notifyingCountry: f('notifyingCountry') || null,
    countryOfOrigin: /^(?:unknown|xx)?$/i.test(f('countryOfOrigin')) ? null : f('countryOfOrigin'),
    published: n.reportDate,
    updated: n.reportDate,
    // The weekly report carries no modification time: a week's report date orders its copies.
    version: n.reportDate ? `${n.reportDate}T00:00:00.000Z` : '0000-00-00T00:00:00.000Z',
    images: distinct(n.pictures)
      .map((url) => readUrl(url))
      .filter((url): url is string => url !== null)
      .map((url) => ({ url, caption: null })),
    soldAt: null,
    companyRecalls: distinct([f('URLrecall')]),
    origins: {
      brands: 'brand',
      models: 'type_numberOfModel',
      barcodes: 'barcode',
      batches: 'batchNumber',
      description: 'description',
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Alert → Recall

function mapAlert(a: Alert, nativeId: string): unknown {
  const c = new Collector();
  for (const b of a.brands) if (isRealBrand(b)) c.brand(b, 'structured', a.origins.brands);
  for (const m of a.models) c.model(m, 'structured', a.origins.models);
  for (const field of a.barcodes) {
    for (const code of barcodeValues(field)) c.gtin(code, 'structured', a.origins.barcodes);
  }
  // "All batches are concerned", "unknown": a batch value needs a digit to constrain anything.
  for (const b of a.batches) if (/\d/.test(b)) c.lot(b, 'structured', a.origins.batches);
  for (const g of mineGtins(a.description, a.origins.description)) {
    // Prose GTINs pass the same barcode-shape guard as the structured field.
    if (g.gtin14 || /^[\d\s.-]+$/.test(g.raw)) c.gtin(g.raw, 'prose', g.origin);
  }
  for (const lot of mineLots(a.description, a.origins.description)) c.lot(lot.value, 'prose', lot.origin);
  for (const d of mineDateRanges(a.description, a.origins.description)) c.dateRange(d);

  const brand = c.lists.brands[0] ?? '';
  const title = distinct([a.typeName, brand, a.specificName]).join(' – ') || `Safety Gate alert ${nativeId}`;
  const name = distinct([brand, a.specificName || a.typeName]).join(' ') || title;
  const url =
    a.numericId && /^\d+$/.test(a.numericId)
      ? `${BASE}/screen/webReport/alertDetail/${a.numericId}?lang=en`
      : (readUrl(a.companyRecalls[0]) ?? null);

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'EU',
    recallNumber: a.reference,
    title,
    url,
    published: a.published,
    updated: a.updated ?? a.published,
    // Safety Gate publishes no end to an alert: every published alert stands.
    status: 'active',
    version: a.version,
    hazard: a.hazard || a.riskTypes.join(', '),
    remedy: a.measures.join('; '),
    remedyOptions: a.measures,
    units: null,
    soldAt: a.soldAt,
    countryOfOrigin: a.countryOfOrigin ? [a.countryOfOrigin] : [],
    manufacturers: [],
    images: a.images,
    products: [c.product(name)],
  };
}

// ---------------------------------------------------------------------------------------------------
// The documents

function looksLikeDetail(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    isRecord(value.product) &&
    ('reference' in value || 'notificationType' in value) &&
    ('risk' in value || 'measureTaken' in value || 'traceability' in value)
  );
}

function looksLikeListPage(value: unknown): value is { content: unknown[]; totalPages: unknown } {
  return (
    isRecord(value) &&
    Array.isArray(value.content) &&
    typeof value.totalPages === 'number' &&
    (value.content.length === 0 || value.content.some(looksLikeDetail))
  );
}

function looksLikeWeeklyXml(value: unknown): value is string {
  return typeof value === 'string' && /<notifications[\s>]/.test(value) && /<caseNumber[\s>]/.test(value);
}

function alertNativeId(raw: Record<string, unknown>): string | null {
  const reference = typeof raw.reference === 'string' ? clean(raw.reference) : '';
  if (reference) return reference;
  if (typeof raw.id === 'number' && Number.isInteger(raw.id)) return String(raw.id);
  if (typeof raw.id === 'string' && /^\d+$/.test(raw.id.trim())) return raw.id.trim();
  return null;
}

function mapDetails(records: readonly unknown[]): FeedParseResult {
  return mapRecords(records, {
    source: SOURCE,
    label: (id) => `alert ${id}`,
    schema: EuAlert,
    nativeId: alertNativeId,
    missingId: 'reference and id are missing',
    exclude: (a) => (a.product ? null : 'no product details (a list summary: fetch the alert detail)'),
    map: (a, nativeId) => mapAlert(fromDetail(a), nativeId),
  });
}

function mapSafetyGate(data: unknown): FeedParseResult {
  if (looksLikeWeeklyXml(data)) {
    return mapRecords(readWeeklyXml(data), {
      source: SOURCE,
      label: (id) => `caseNumber ${id}`,
      schema: XmlRecord,
      nativeId: (raw) => (typeof raw.caseNumber === 'string' && raw.caseNumber ? raw.caseNumber : null),
      missingId: 'caseNumber is missing',
      map: (n, nativeId) => mapAlert(fromXml(n), nativeId),
    });
  }
  if (looksLikeListPage(data)) return mapDetails(data.content);
  if (looksLikeDetail(data)) return mapDetails([data]);
  throw new Error(
    'EU Safety Gate: expected an alert detail, a list page {content, totalPages} or a weekly report XML',
  );
}

// ---------------------------------------------------------------------------------------------------
// The sync seam

/** The list request of the public web app: a POST, 0-based string page numbers. */
export function listRequest(page: number): { url: string; method: 'POST'; body: string } {
  return {
    url: `${BASE}/public/api/notification/mostRecent/?`,
    method: 'POST',
    body: JSON.stringify({ language: 'en', page: String(page) }),
  };
}

export function detailUrl(id: number | string): string {
  return `${BASE}/public/api/notification/${encodeURIComponent(String(id))}?language=en`;
}

export const WEEKLY_REPORT_LIST_URL = `${BASE}/api/download/weeklyReport/list/xml/en`;

/** List pages (POST mostRecent) per run. */
export const EU_MAX_PAGES = 40;
/** Detail GETs per run (~80 alerts are published a week, so a run covers about five weeks). */
export const EU_MAX_ITEMS = 400;
/** Weekly reports read by the XML fallback. */
export const EU_MAX_WEEKLY_REPORTS = 2;

const stampOf = (item: unknown): string | null => {
  if (!isRecord(item)) return null;
  const stamp = item.modificationDate ?? item.publicationDate;
  return typeof stamp === 'string' && stamp ? stamp : null;
};

/** The 4xx of a refused request (the sync engine's HttpError carries `status`). */
const clientError = (e: unknown) =>
  isRecord(e) && typeof e.status === 'number' && e.status >= 400 && e.status < 500;

/**
 * The weekly report XML, when the JSON API is gone: the list document is read, and either is a report
 * itself or names reports (links containing "weeklyReport"), the newest `EU_MAX_WEEKLY_REPORTS` read.
 */
async function weeklyFallback(http: FeedHttp): Promise<FeedSyncResult> {
  const list = await http.getText(WEEKLY_REPORT_LIST_URL);
  const text = typeof list.body === 'string' ? list.body : '';
  if (looksLikeWeeklyXml(list.body)) return { documents: [list.body], cursor: null };
  const links = distinct(
    [...text.matchAll(/https?:\/\/[^\s<>"']+/g)]
      .map((m) => decodeEntities(m[0]))
      .filter((u) => /weeklyReport/i.test(u) && u !== WEEKLY_REPORT_LIST_URL),
  ).slice(0, EU_MAX_WEEKLY_REPORTS);
  const documents: string[] = [];
  const skipped: string[] = [];
  for (const link of links) {
    const res = await http.getText(link);
    if (res.body && looksLikeWeeklyXml(res.body)) documents.push(res.body);
    else skipped.push(`weekly report ${link}: HTTP ${res.status}, not a report`);
  }
  if (documents.length === 0 && links.length === 0)
    throw new Error('EU Safety Gate: the alert list failed and the weekly report list names no report');
  return { documents, cursor: null, skipped };
}

/**
 * The public web app's list, newest first: POST mostRecent page 0, 1, ... until an alert older than a
 * day before the cursor (its modificationDate, else publicationDate), the last page, or `maxPages`.
 * A list entry that is only a summary has its detail fetched (at most `maxItems` per run; a detail
 * answering 404 is skipped and named). The cursor is the newest date seen. When the list request is
 * refused (4xx) or answers something that is not a list page, the weekly report XML is read instead.
 * No date filter exists, so alerts beyond the bounds wait for a later run's deep rescan.
 */
async function syncSafetyGate(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const maxPages = bound(opts, 'maxPages', EU_MAX_PAGES);
  const maxItems = bound(opts, 'maxItems', EU_MAX_ITEMS);
  const since = overlapDay(cursor);
  const content: unknown[] = [];
  const skipped: string[] = [];
  let newest: string | null = null;
  let fetched = 0;
  let done = false;
  for (let page = 0; page < maxPages && !done; page++) {
    const request = listRequest(page);
    let res: Awaited<ReturnType<FeedHttp['postJson']>>;
    try {
      res = await http.postJson(request.url, JSON.parse(request.body));
    } catch (e) {
      if (page === 0 && clientError(e)) return weeklyFallback(http);
      throw e;
    }
    // Summaries count here (their details are fetched below), unlike `looksLikeListPage` for `map`.
    const listPage = res.body;
    if (!isRecord(listPage) || !Array.isArray(listPage.content)) {
      if (page === 0) return weeklyFallback(http);
      break;
    }
    for (const item of listPage.content) {
      const stamp = stampOf(item);
      if (since && stamp && stamp.slice(0, 10) < since) {
        done = true;
        break;
      }
      newest = later(newest, stamp);
      const id = isRecord(item) ? item.id : null;
      if (looksLikeDetail(item) || (typeof id !== 'number' && typeof id !== 'string')) {
        content.push(item);
        continue;
      }
      if (fetched >= maxItems) {
        skipped.push(`alert ${String(id)}: not fetched, the run reached its ${maxItems}-detail bound`);
        continue;
      }
      fetched += 1;
      const detail = await http.getJson(detailUrl(id));
      if (detail.status === 404 || !looksLikeDetail(detail.body))
        skipped.push(`alert ${String(id)}: its detail could not be read (HTTP ${detail.status})`);
      else content.push(detail.body);
    }
    if (typeof listPage.totalPages !== 'number' || page + 1 >= listPage.totalPages) done = true;
  }
  // The list is newest first; the records are handed over oldest first.
  content.reverse();
  const documents = content.some(looksLikeDetail) ? [{ content, totalPages: 1 }] : [];
  if (documents.length === 0 && content.length > 0)
    skipped.push(`${content.length} list entries had neither an id nor details`);
  return { documents, cursor: newest, skipped };
}

export default defineFeed({
  id: SOURCE,
  jurisdiction: 'EU',
  name: 'EU Safety Gate alerts',
  accepts: 'an EU Safety Gate alert, alert list page or weekly report XML',
  detect(data) {
    return looksLikeDetail(data) || looksLikeListPage(data) || looksLikeWeeklyXml(data);
  },
  map: mapSafetyGate,
  endpoint: {
    buildUrl() {
      // The list is a POST (see listRequest) and has no date filter: page from 0 until an alert's
      // modificationDate is older than the watermark.
      return listRequest(0).url;
    },
    sync: syncSafetyGate,
    notes:
      'Undocumented web-app API: POST mostRecent with {"language":"en","page":"N"} returns {content, ' +
      'totalPages}, newest first; GET the detail per id when content holds summaries. No date filter: stop ' +
      'paging at the watermark (modificationDate). Fallback: the weekly report XML list (one report a ' +
      'week, ~80 alerts). Barcodes are free text; brands may be placeholders.',
  },
});
