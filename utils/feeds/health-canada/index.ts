/**
 * Health Canada Recalls and Safety Alerts, open data (`HCRSAMOpenData.json`, refreshed daily): one JSON
 * array of rows, every value a string.
 *
 *   [{ "NID", "Title", "URL", "Organization", "Product", "Issue", "What you should do", "Category",
 *      "Recall class", "Last updated", "Archived" }, ...]
 *
 * The file has no brand, model or GTIN fields (they are only on the HTML detail pages), so a record
 * identifies its product by name; brands come from the title ("X brand Y recalled ...") and the
 * "doing business as" name of a joint recall. Quirks handled: every notice appears twice, English and
 * French (`/en/` and `/fr/` URLs; the French row is skipped with a reason); titles carry zero-width and
 * trailing spaces; "What you should do" is HTML-stripped text with `&nbsp;` entities and sentences glued
 * together ("product.Consumers"); there is no publication date, only "Last updated"; Transport Canada
 * rows are vehicle recalls and are left out.
 */
import { z } from 'zod';
import { dbaNames } from '../../identity/brand';
import { mineGtins, mineMarkedBrands, mineModels } from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION } from '../../schemas';
import { defineFeed, type FeedHttp, type FeedParseResult, type FeedSyncResult } from '../feed';
import { brandsNamedAsBrand } from '../lib/brand-hints';
import { Collector } from '../lib/collector';
import { mapRecords } from '../lib/map-records';
import { cursorDay, later, overlapDay } from '../lib/sync-walk';
import { clean, isRecord, readUrl } from '../lib/text';
import about from './about';

const Text = z.string().nullish();
/** Values are strings in the file; a number (a re-serialised copy) is read as its text. */
const Value = z.union([z.string(), z.number()]).nullish();

export const HcRow = z.object({
  NID: Value,
  Title: Text,
  URL: Text,
  Organization: Text,
  Product: Text,
  Issue: Text,
  'What you should do': Text,
  Category: Text,
  'Recall class': Text,
  'Last updated': Text,
  Archived: Value,
});
export type HcRow = z.infer<typeof HcRow>;

const SOURCE = 'health-canada';
export const HC_OPEN_DATA_URL =
  'https://recalls-rappels.canada.ca/sites/default/files/opendata-donneesouvertes/HCRSAMOpenData.json';

/** `&nbsp;` and friends survive the feed's HTML stripping; sentences lose the space after their period. */
function readProse(value: string | null | undefined): string {
  return clean(
    (value ?? '')
      .replace(/&nbsp;/gi, ' ')
      .replace(/&amp;/gi, '&')
      .replace(/&#39;|&rsquo;/gi, '’')
      .replace(/&quot;/gi, '"')
      .replace(/([a-z0-9)][.!?])(?=[A-Z])/g, '$1 '),
  );
}

function nativeIdOf(raw: Record<string, unknown>): string | null {
  const id = raw.NID;
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  if (typeof id === 'string' && /^\d+$/.test(id.trim())) return id.trim();
  return null;
}

/** "Smarter Snacks brand Vegan Protein Puff ... recalled due to ...": the words before "brand". */
function titleBrands(title: string): string[] {
  const lead = /^(.+?)\s+brand\s+\S/i.exec(title)?.[1];
  const named = lead && !/^(?:various|multiple|several|some|certain)\b/i.test(lead) ? [lead] : [];
  return [...named, ...brandsNamedAsBrand(title)];
}

function mapRow(r: HcRow, nativeId: string): unknown {
  const title = clean(r.Title);
  const product = clean(r.Product);
  const name = product || title;
  const remedy = readProse(r['What you should do']);
  const updated = /^\d{4}-\d{2}-\d{2}$/.test(clean(r['Last updated'])) ? clean(r['Last updated']) : null;

  const c = new Collector();
  for (const b of titleBrands(title)) c.brand(b, 'prose', 'Title');
  for (const b of mineMarkedBrands(`${title} ${product}`)) c.brand(b.value, 'prose', 'Title');
  // "Joint recall with ... and Dragon Gear Inc. doing business as Gobi Heat": the dba name is the brand
  // when the product name starts with it.
  for (const found of dbaNames(remedy)) {
    // The glued text gives dbaNames no comma to stop at: "... as Gobi Heat.Please note ..." runs on.
    const dba = (found.split(/\.(?:\s|$)/)[0] ?? '').trim();
    if (dba && product.toLowerCase().startsWith(dba.toLowerCase()))
      c.brand(dba, 'prose', 'What you should do');
  }
  for (const [text, origin] of [
    [title, 'Title'],
    [product, 'Product'],
  ] as const) {
    for (const g of mineGtins(text, origin)) c.gtin(g.raw, 'prose', g.origin);
    for (const m of mineModels(text, origin)) if (m.kind === 'exact') c.model(m.value, 'prose', m.origin);
  }

  const archived = String(r.Archived ?? '').trim() === '1';
  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'CA',
    recallNumber: nativeId,
    title: title || name,
    url: readUrl(r.URL),
    // The file has no publication date: "Last updated" stands for both.
    published: updated,
    updated,
    // Archived notices stay on the site for reference; the recall itself is no longer current.
    status: archived ? 'completed' : 'active',
    version: updated ?? '0000-00-00',
    hazard: clean(r.Issue)
      .split(/\s+-\s+/)
      .filter(Boolean)
      .join('; '),
    remedy,
    remedyOptions: [],
    units: null,
    soldAt: null,
    countryOfOrigin: [],
    manufacturers: [],
    images: [],
    products: [c.product(name)],
  };
}

function mapHealthCanada(data: unknown): FeedParseResult {
  if (!Array.isArray(data)) throw new Error('Health Canada: expected the HCRSAMOpenData.json array of rows');
  return mapRecords(data, {
    source: SOURCE,
    label: (id) => `NID ${id}`,
    schema: HcRow,
    nativeId: nativeIdOf,
    missingId: 'NID is missing or not a number',
    exclude(r) {
      if (/\/fr\//.test(clean(r.URL))) return 'French copy of a notice (the English row is kept)';
      if (clean(r.Organization) === 'TC') return 'Transport Canada vehicle recall (not a consumer product)';
      if (!clean(r.Title) && !clean(r.Product)) return 'Title and Product are both empty';
      return null;
    },
    map: mapRow,
  });
}

/** More rows than this is not the open-data file (it holds ~68,000 rows, English and French). */
export const HC_MAX_ROWS = 250_000;

/** The cursor: the newest "Last updated" day, plus the validators of the file it came from. */
const HcCursor = z.object({
  day: z.string().nullable(),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
});
type HcCursor = z.infer<typeof HcCursor>;

function readHcCursor(cursor: string | null): HcCursor | null {
  if (!cursor) return null;
  try {
    const parsed = HcCursor.safeParse(JSON.parse(cursor));
    if (parsed.success) return parsed.data;
  } catch {
    // A plain day, as the single-GET sync stored it.
  }
  const day = cursorDay(cursor);
  return day ? { day, etag: null, lastModified: null } : null;
}

/**
 * One GET of the whole daily file, conditional on the ETag / Last-Modified of the last one (a 304 is
 * "nothing new"). An incremental run keeps only rows whose "Last updated" is on or after a day before
 * the cursor's day; a full run keeps them all. One request per run; a body over `HC_MAX_ROWS` rows is
 * refused as not being the open-data file.
 */
async function syncHealthCanada(http: FeedHttp, cursor: string | null): Promise<FeedSyncResult> {
  const previous = readHcCursor(cursor);
  const headers: Record<string, string> = {};
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  const res = await http.getJson(HC_OPEN_DATA_URL, headers);
  if (res.status === 304) return { documents: [], cursor, notModified: true };
  if (res.status === 404) throw new Error('Health Canada: the open-data file is not there (HTTP 404)');
  if (!Array.isArray(res.body))
    throw new Error('Health Canada: expected the HCRSAMOpenData.json array of rows');
  if (res.body.length > HC_MAX_ROWS)
    throw new Error(`Health Canada: ${res.body.length} rows is more than the open-data file holds`);
  const since = overlapDay(previous?.day ?? null);
  const updated = (row: unknown) => {
    const value = isRecord(row) ? row['Last updated'] : null;
    return typeof value === 'string' ? cursorDay(value) : null;
  };
  let newest = previous?.day ?? null;
  const rows = res.body.filter((row) => {
    const day = updated(row);
    newest = later(newest, day);
    return !since || !day || day >= since;
  });
  const next: HcCursor = { day: newest, etag: res.header('etag'), lastModified: res.header('last-modified') };
  return { documents: rows.length > 0 || !since ? [rows] : [], cursor: JSON.stringify(next) };
}

export default defineFeed({
  id: about.id,
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: 'a Health Canada HCRSAMOpenData.json array',
  detect(data) {
    // An empty array stays with CPSC, whose "no results" it is; HC rows carry NID and Organization.
    return Array.isArray(data) && data.some((r) => isRecord(r) && 'NID' in r && 'Organization' in r);
  },
  map: mapHealthCanada,
  endpoint: {
    buildUrl() {
      // One file, no query: a sync keeps rows whose "Last updated" is on or after its watermark.
      return HC_OPEN_DATA_URL;
    },
    sync: syncHealthCanada,
    notes:
      'One static JSON file (~16 MB), refreshed daily, no paging or filters: download it whole (send ' +
      'If-None-Match / If-Modified-Since) and keep rows whose "Last updated" is on or after the watermark. ' +
      'Each notice comes in English and French rows; identifiers are only on the HTML detail pages.',
  },
});
