/**
 * US openFDA enforcement reports: food, drug and device recalls, one mapper for the three endpoints
 * (`/food|drug|device/enforcement.json`), which share one record shape.
 *
 *   { "meta": { "results": { "skip", "limit", "total" }, "last_updated", ... }, "results": [record, ...] }
 *
 * No match is HTTP 404 with `{"error":{"code":"NOT_FOUND","message":"No matches found!"}}`: an empty
 * page, not a failure. Any other `error` body throws.
 *
 * Nothing that identifies a product is structured (except `openfda.upc`/`brand_name` on harmonised drug
 * records): UPCs and EANs sit in `product_description` ("UPC: 6908791000053", "UPC 1 00001 00029 7"),
 * device UDI-DIs (GTIN-14) and lot numbers in `code_info`, use-by dates as numbers ("USE BY:
 * 10/19/2027"). They are mined with identity/text-mining.ts, plus two local readers this feed needs:
 * bare code lists ("B15354, B15356") and numeric dates (lib/numeric-dates.ts).
 */
import { z } from 'zod';
import { firmName } from '../../identity/brand';
import {
  mineDateRanges,
  mineGtins,
  mineLots,
  mineMarkedBrands,
  mineModels,
} from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION, type Recall } from '../../schemas';
import {
  defineFeed,
  type FeedHttp,
  type FeedParseResult,
  type FeedSyncOptions,
  type FeedSyncResult,
} from '../feed';
import { brandsNamedAsBrand, sharedLeadingWords } from '../lib/brand-hints';
import { Collector } from '../lib/collector';
import { mapRecords } from '../lib/map-records';
import { numericDateRanges } from '../lib/numeric-dates';
import { bound, cursorDay, later, overlapDay, shiftDay } from '../lib/sync-walk';
import { clean, distinct, isRecord } from '../lib/text';
import about from './about';

// The numeric date reader lives in lib/ (it reads French labels and day-first dates too); openfda's
// tests import it from here.
export { numericDateRanges };

// ---------------------------------------------------------------------------------------------------
// The outward schema

const Text = z.string().nullish();
/** Arrays may be missing, null, or hold nulls (and, in `openfda`, non-strings): entries filtered later. */
const texts = z.array(z.unknown()).nullish();

export const OpenFdaRecord = z.object({
  recall_number: Text,
  event_id: z.union([z.string(), z.number()]).nullish(),
  status: Text,
  classification: Text,
  product_type: Text,
  product_description: Text,
  code_info: Text,
  more_code_info: Text,
  product_quantity: Text,
  reason_for_recall: Text,
  recalling_firm: Text,
  country: Text,
  distribution_pattern: Text,
  voluntary_mandated: Text,
  recall_initiation_date: Text,
  report_date: Text,
  termination_date: Text,
  openfda: z.object({ brand_name: texts, manufacturer_name: texts, upc: texts }).nullish(),
});
export type OpenFdaRecord = z.infer<typeof OpenFdaRecord>;

const SOURCE = 'openfda';
const API = 'https://api.fda.gov';
export type OpenFdaProductType = 'food' | 'drug' | 'device';

// ---------------------------------------------------------------------------------------------------
// Small readers (openFDA)

/** `report_date` and friends are `YYYYMMDD` strings ("20260902"). */
function readYmd(value: string | null | undefined): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(clean(value));
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** The data spells "Ongoing"; the docs spell "On-Going". "Pending" is not yet classified. */
function readStatus(value: string | null | undefined): Recall['status'] {
  const s = clean(value)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (s === 'ongoing') return 'active';
  if (s === 'completed' || s === 'terminated') return 'completed';
  return 'other';
}

/** "unknown", "Unknown", "N/A": a quantity field that says nothing. */
function readQuantity(value: string | null | undefined): string | null {
  const s = clean(value);
  return s && !/^(?:unknown|n\/?a|none|not\s+available)\.?$/i.test(s) ? s : null;
}

/**
 * The product's name: the description up to its first clause break. Descriptions run on into net
 * weights, packaging and label text ("..., Net Weight 16 oz, packed into retail-sized ...").
 */
export function shortName(text: string, max = 120): string {
  // Net weights, UPCs and brand lists follow the name without punctuation: "... Filling NET WT. 14.1 OZ".
  const s = clean(text).split(/\s+(?=net\s+w(?:t|eight)\b|upcs?\b|ndc\b|sold\s+under\b)/i)[0] ?? '';
  const head = /^(.{12,}?)(?:[,;]\s|\.\s|\s[-–]\s)/.exec(s)?.[1] ?? s;
  if (head.length <= max) return head;
  return `${head.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** "Product of China", "Made in Mexico", "PRODUCT OF USA" in a description. */
function countriesOfOrigin(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /\b(?:product\s+of|made\s+in)\s+((?:\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}+){0,2}|\p{Lu}{2,}(?:\s+\p{Lu}{2,})?)\b/giu,
  )) {
    const name = m[1];
    if (name && !/^(?:UPC|NET|WT|THE|AND)$/.test(name)) out.push(name.replace(/\s+(?:UPC|NET|WT)$/, ''));
  }
  return distinct(out);
}

/**
 * A `code_info` that is nothing but a list of codes: "B15354, B15356, B15357", "Selec1011", "AA051526".
 * The field exists to hold codes, so a bare list is a lot list even without the word "lot"; anything
 * with words in it ("No codes.", "USE BY: 10/19/2027") is left to the miners.
 */
function bareCodes(text: string): string[] {
  const s = clean(text).replace(/\.$/, '');
  if (!s) return [];
  const parts = s.split(/\s*[,;]\s*|\s+and\s+/).filter((p) => p.length > 0);
  const code = /^(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9./-]{2,29}$/;
  if (parts.length === 0 || !parts.every((p) => code.test(p))) return [];
  // Dates are not lots: "10/19/2027" alone is a date code of another kind.
  if (parts.every((p) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(p))) return [];
  return parts;
}

/** Words that start descriptions without naming a firm (openFDA descriptions start "Various ..."). */
const NAME_STOPWORDS = new Set(['the', 'a', 'an', 'new', 'all', 'recalled', 'various', 'children', 'kids']);

/** GS1 element strings in device labels: "(01)00802526559044(17)270101" — the (01) is the GTIN. */
function gs1Gtins(text: string): string[] {
  return [...text.matchAll(/\(01\)\s?(\d{14})(?!\d)/g)].map((m) => m[1] as string);
}

// ---------------------------------------------------------------------------------------------------
// One record

function eventNativeId(r: OpenFdaRecord): string | null {
  const e = r.event_id;
  if (typeof e === 'number' && Number.isInteger(e)) return String(e);
  const s = clean(typeof e === 'string' ? e : '');
  return /^\d+$/.test(s) ? s : null;
}

function mapRecord(r: OpenFdaRecord, nativeId: string): unknown {
  const description = clean(r.product_description);
  const codeInfo = clean(r.code_info);
  const moreCodeInfo = clean(r.more_code_info);
  const firm = firmName(clean(r.recalling_firm));
  const name = shortName(description) || `FDA recall ${clean(r.recall_number) || nativeId}`;
  const openfda = r.openfda;
  const strings = (items: unknown[] | null | undefined) =>
    (items ?? []).filter((x): x is string => typeof x === 'string');

  const c = new Collector();
  for (const upc of strings(openfda?.upc)) c.gtin(upc, 'structured', 'openfda.upc');
  const prose: Array<[string, string]> = [
    [description, 'product_description'],
    [codeInfo, 'code_info'],
    [moreCodeInfo, 'more_code_info'],
  ];
  for (const [text, origin] of prose) {
    for (const g of gs1Gtins(text)) c.gtin(g, 'prose', origin);
    for (const g of mineGtins(text, origin)) c.gtin(g.raw, 'prose', g.origin);
    for (const m of mineModels(text, origin)) if (m.kind === 'exact') c.model(m.value, 'prose', m.origin);
    for (const lot of mineLots(text, origin)) c.lot(lot.value, 'prose', lot.origin);
  }
  for (const code of bareCodes(codeInfo)) c.lot(code, 'structured', 'code_info');
  for (const [text, origin] of prose.slice(1)) {
    for (const d of numericDateRanges(text, 'mdy')) c.dateRange(d);
    for (const d of mineDateRanges(text, origin)) c.dateRange(d);
  }

  for (const b of strings(openfda?.brand_name)) c.brand(b, 'structured', 'openfda.brand_name');
  for (const b of brandsNamedAsBrand(description)) c.brand(b, 'prose', 'product_description');
  for (const b of mineMarkedBrands(description)) c.brand(b.value, 'prose', 'product_description');
  const lead = sharedLeadingWords(description, firm, NAME_STOPWORDS);
  if (lead) c.brand(lead, 'prose', 'product_description');
  // The recalling firm is the brand owner often enough (Lyle Style, Bazzini) to be listed, as CPSC's
  // firm lines are; the matcher only uses brands to confirm or doubt a GTIN or model hit.
  if (firm) c.brand(firm, 'structured', 'recalling_firm');

  const published = readYmd(r.report_date);
  const terminated = readYmd(r.termination_date);
  const reportDate = clean(r.report_date);
  const remedy = distinct([
    clean(r.classification) && `${clean(r.classification)} recall`,
    clean(r.voluntary_mandated),
  ]).join('; ');
  const manufacturers = distinct([firm, ...strings(openfda?.manufacturer_name)]);

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'US',
    recallNumber: clean(r.recall_number) || null,
    title: name,
    url: null,
    published,
    updated: terminated ?? published,
    status: readStatus(r.status),
    // A record is republished when it is terminated: report_date stays, termination_date appears.
    version: `${/^\d{8}$/.test(reportDate) ? reportDate : '00000000'}-${clean(r.termination_date) || '00000000'}`,
    hazard: clean(r.reason_for_recall),
    remedy,
    remedyOptions: [],
    units: readQuantity(r.product_quantity),
    soldAt: clean(r.distribution_pattern) || null,
    countryOfOrigin: countriesOfOrigin(description),
    manufacturers,
    images: [],
    products: [c.product(name)],
  };
}

function mapOpenFda(data: unknown): FeedParseResult {
  if (!isRecord(data)) throw new Error('openFDA: expected a JSON object with "results"');
  if (isRecord(data.error)) {
    const code = typeof data.error.code === 'string' ? data.error.code : 'unknown';
    const message = typeof data.error.message === 'string' ? data.error.message : 'no message';
    // "No matches found!" comes as HTTP 404 with this body: the query is fine, the page is empty.
    if (code === 'NOT_FOUND') return { source: SOURCE, recalls: [], skipped: [] };
    throw new Error(`openFDA returned an error instead of results: ${code}: ${message}`);
  }
  if (!Array.isArray(data.results)) throw new Error('openFDA: "results" is not an array');

  // A record with recall_number "" (seen in real data) is named by its event and its position among the
  // event's unnumbered records in this response; that id holds only while the response is the same.
  const unnumbered = new Map<string, number>();
  const ids = data.results.map((raw: unknown) => {
    if (!isRecord(raw)) return null;
    const number = typeof raw.recall_number === 'string' ? clean(raw.recall_number) : '';
    if (number) return number;
    const parsed = OpenFdaRecord.safeParse(raw);
    const event = parsed.success ? eventNativeId(parsed.data) : null;
    if (!event) return null;
    const n = (unnumbered.get(event) ?? 0) + 1;
    unnumbered.set(event, n);
    return `event-${event}-${n}`;
  });

  return mapRecords(data.results, {
    source: SOURCE,
    label: (id) => `recall_number ${id}`,
    schema: OpenFdaRecord,
    nativeId: (_raw, index) => ids[index] ?? null,
    missingId: 'recall_number and event_id are missing',
    map: mapRecord,
  });
}

// ---------------------------------------------------------------------------------------------------
// The sync seam

/**
 * One page of an enforcement endpoint: `report_date:[from TO to]`, oldest first, 1000 records (the
 * maximum). Later pages come from the `Link: <...>; rel="next"` header (`nextPageUrl`): `skip` stops at
 * 25,000 and must not be combined with `search_after`.
 */
export function openFdaUrl(type: OpenFdaProductType, from: string, to: string): string {
  const day = (d: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`openFDA dates must be YYYY-MM-DD, got ${d}`);
    return d.replace(/-/g, '');
  };
  // openFDA wants literal "+" between the words of a search; URLSearchParams would encode it as %2B.
  return `${API}/${type}/enforcement.json?search=report_date:[${day(from)}+TO+${day(to)}]&sort=report_date:asc&limit=1000`;
}

/** The next page from a `Link` header (`<https://api.fda.gov/...&search_after=...>; rel="next"`). */
export function nextPageUrl(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** The endpoints a sync walks, in this order. */
export const OPENFDA_TYPES: readonly OpenFdaProductType[] = ['food', 'device', 'drug'];
/** Pages (of 1,000 records) per endpoint per run: 10,000 records, 30 requests at most per run. */
export const OPENFDA_MAX_PAGES = 10;
/** A full download reaches this many years back (the whole archive is ~60,000 reports since 2004). */
export const OPENFDA_FULL_YEARS = 5;

/**
 * Food, device and drug endpoints in turn, each from the cursor's day (a day of overlap) or, on a full
 * download, `OPENFDA_FULL_YEARS` back, oldest first, following `Link: rel="next"` (search_after) up to
 * `maxPages` pages. A 404 NOT_FOUND is an empty endpoint. The next cursor is the newest report_date of
 * any endpoint, unless one stopped at the bound with pages left: then the last day that one reached, so
 * the next run carries on from there (re-reading the others' recent days, which is harmless).
 */
async function syncOpenFda(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const maxPages = bound(opts, 'maxPages', OPENFDA_MAX_PAGES);
  const from = overlapDay(cursor) ?? shiftDay(opts.now.toISOString().slice(0, 10), -365 * OPENFDA_FULL_YEARS);
  const documents: unknown[] = [];
  let newestAll: string | null = null;
  let resumeAt: string | null = null;
  for (const type of OPENFDA_TYPES) {
    let url: string | null = openFdaUrl(type, from, '2999-12-31');
    let newest: string | null = null;
    let pages = 0;
    while (url && pages < maxPages) {
      const res = await http.getJson(url);
      pages += 1;
      documents.push(res.body);
      if (res.status === 404) {
        url = null;
        break;
      }
      const results = isRecord(res.body) && Array.isArray(res.body.results) ? res.body.results : [];
      for (const r of results) {
        const day = isRecord(r) && typeof r.report_date === 'string' ? readYmd(r.report_date) : null;
        newest = later(newest, day);
      }
      url = results.length > 0 ? nextPageUrl(res.header('link')) : null;
    }
    newestAll = later(newestAll, newest);
    // Stopped at the bound with pages left: the next run resumes from the last day read, not past it.
    const reached = newest ?? from;
    if (url && (resumeAt === null || reached < resumeAt)) resumeAt = reached;
  }
  return { documents, cursor: resumeAt ?? newestAll ?? cursorDay(cursor) };
}

export default defineFeed({
  id: about.id,
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: 'an openFDA enforcement response',
  detect(data) {
    if (!isRecord(data)) return false;
    // The 404 body: only an `error` with a code and a message (GOV.UK and Opendatasoft errors differ).
    if (isRecord(data.error)) {
      return (
        typeof data.error.code === 'string' &&
        typeof data.error.message === 'string' &&
        Object.keys(data).every((k) => k === 'error' || k === 'meta')
      );
    }
    if (!Array.isArray(data.results)) return false;
    if (isRecord(data.meta) && isRecord(data.meta.results) && 'total' in data.meta.results) return true;
    // A saved copy without `meta`: the records themselves must look like enforcement reports.
    return data.results.some((r) => isRecord(r) && 'recall_number' in r && 'product_description' in r);
  },
  map: mapOpenFda,
  endpoint: {
    buildUrl(since) {
      // The far bound keeps the range closed without a clock; report_date never runs ahead of today.
      return openFdaUrl('food', since ?? '2004-01-01', '2999-12-31');
    },
    sync: syncOpenFda,
    notes:
      'Three endpoints (food, drug, device) with one shape: sync each. limit ≤ 1000; follow the Link ' +
      'rel="next" header (search_after), skip stops at 25,000. No match is HTTP 404 NOT_FOUND: an empty ' +
      'page. Without an API key: 240 requests/minute and 1,000/day per IP. A record is republished with a ' +
      'termination_date when it ends: re-query a window of report_date, or query termination_date too.',
  },
});
