/**
 * Saved copies of the CPSC's own data, turned into the records our CPSC mapper reads, so the starter
 * index is built by the same code as a live sync (utils/feeds/cpsc/index.ts: mining, brands, firms).
 *
 * Two copies, neither of them the live API:
 * - the compact list of every recall (`{ prefix, rows[] }`; per row `n` product names joined with " | ",
 *   `h` hazard, `y` recall date, `u` the notice's URL path, `o` remedy option, `c` its UPCs). It has no
 *   description, firm or model, and no RecallID;
 * - the cpsc.gov recall-search CSV export (Recall Number, Date, Recall Heading, Name of product,
 *   Description, Hazard Description, Remedy, Units, Sold At, Importers, Manufacturers, Distributors,
 *   Manufactured In, …): the full notices, without URL or UPCs.
 *
 * A notice found in both keeps the CSV's text and takes the compact row's URL and UPCs. Neither copy has
 * the API's RecallID, so ids are the recall number where the CSV gives it (`cpsc:24-039`) and a hash of
 * the recall date and a hash of the notice's URL otherwise (`cpsc:20260820-3f2a9c`): both differ in form
 * from live ids (`cpsc:10220`), and the first CPSC sync replaces the source's records whole anyway. Ids
 * that start with the date put a day's notices side by side in a shard, which compresses the shipped
 * starter index by a few percent.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { decodeEntities } from '../../utils/extract/html-text';
import cpsc, { type CpscRecord } from '../../utils/feeds/cpsc';
import type { FeedSkip } from '../../utils/feeds/feed';
import type { Recall } from '../../utils/schemas';

export interface CompactRow {
  n?: string;
  h?: string;
  y?: string;
  u?: string;
  o?: string;
  c?: string;
}

export interface CompactCopy {
  prefix: string;
  rows: CompactRow[];
}

export function isCompactCopy(data: unknown): data is CompactCopy {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as CompactCopy).prefix === 'string' &&
    Array.isArray((data as CompactCopy).rows)
  );
}

/** The CSV export's columns that we read (the export has 22). */
const CSV_COLUMNS = ['Recall Number', 'Date', 'Recall Heading', 'Name of product', 'Description'] as const;

type CsvRow = Record<string, string | undefined>;

/** The export's cells, with the HTML character references the site leaves in them (`&amp;`, `&nbsp;`) decoded. */
export function parseCsvExport(text: string): CsvRow[] {
  const parsed = Papa.parse<CsvRow>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    transform: (value) => decodeEntities(value).replace(/\u00a0/g, ' '),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = CSV_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length > 0) throw new Error(`CPSC CSV export: missing columns ${missing.join(', ')}`);
  return parsed.data;
}

/**
 * The notice's URL, rebuilt from the `Recalls/<year>/<slug>` path: some rows carry damaged URLs
 * ("hhttps://…", "https:/www…", a slug with the whole URL pasted after it). Only cpsc.gov notice paths
 * come out; anything else is null.
 */
export function noticeUrl(prefix: string, u: string | undefined): string | null {
  if (!u) return null;
  const joined = /^[a-z]*:?\/+/i.test(u) ? u : `${prefix}${u}`;
  const all = [...joined.matchAll(/Recalls\/(\d{4})\/([A-Za-z0-9][A-Za-z0-9._~%-]*?)(?=https?:|$)/g)];
  const last = all.at(-1);
  if (!last) return null;
  return `https://www.cpsc.gov/Recalls/${last[1]}/${last[2]}`;
}

/** A key that a heading and its URL slug share: letters and digits only, accents dropped. */
function headingKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** "December 07, 2023" → "2023-12-07". */
function csvDate(text: string | undefined): string | null {
  if (!text) return null;
  const d = new Date(`${text.trim()} 00:00:00 UTC`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** "Royal Appliance Mfg. Co., of Charlotte, North Carolina" lines, one per firm, as the API lists them. */
function firms(text: string | undefined): Array<{ Name: string }> {
  return (text ?? '')
    .split(/\r?\n|(?<=\))\s*;\s*|;\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((Name) => ({ Name }));
}

function compactRecord(prefix: string, row: CompactRow): CpscRecord {
  const url = noticeUrl(prefix, row.u);
  // The URL slug is the notice's heading with its punctuation dropped: the best title this copy has.
  const title = url ? decodeURIComponent(url.replace(/^.*\//, '')).replace(/-/g, ' ') : null;
  return {
    RecallID: 1,
    RecallNumber: null,
    RecallDate: row.y ?? null,
    Title: title,
    URL: url,
    Products: (row.n ?? '')
      .split(' | ')
      .filter((n) => n.trim())
      .map((Name) => ({ Name, Model: null, NumberOfUnits: null })),
    Hazards: row.h ? [{ Name: row.h }] : [],
    RemedyOptions: row.o ? [{ Option: row.o }] : [],
    ProductUPCs: (row.c ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((UPC) => ({ UPC })),
  };
}

function csvRecord(row: CsvRow, compact: CompactRow | undefined, prefix: string): CpscRecord {
  const fromCompact = compact ? compactRecord(prefix, compact) : undefined;
  const sold = row['Sold At']?.trim();
  return {
    RecallID: 1,
    RecallNumber: row['Recall Number']?.trim() || null,
    RecallDate: csvDate(row.Date) ?? fromCompact?.RecallDate ?? null,
    Title: row['Recall Heading']?.trim() || fromCompact?.Title || null,
    URL: fromCompact?.URL ?? null,
    Description: row.Description ?? null,
    Products: [{ Name: row['Name of product'] ?? null, Model: null, NumberOfUnits: row.Units ?? null }],
    Hazards: row['Hazard Description'] ? [{ Name: row['Hazard Description'] }] : fromCompact?.Hazards,
    Remedies: row.Remedy ? [{ Name: row.Remedy }] : [],
    RemedyOptions: row['Remedy Type']
      ? row['Remedy Type'].split(/\s*,\s*/).map((Option) => ({ Option }))
      : fromCompact?.RemedyOptions,
    Retailers: sold ? [{ Name: sold }] : [],
    Manufacturers: firms(row.Manufacturers),
    Importers: firms(row.Importers),
    Distributors: firms(row.Distributors),
    ManufacturerCountries: (row['Manufactured In'] ?? '')
      .split(/\s*,\s*|\s+and\s+/)
      .filter(Boolean)
      .map((Country) => ({ Country })),
    ProductUPCs: fromCompact?.ProductUPCs ?? [],
  };
}

export interface CopiesResult {
  recalls: Recall[];
  skipped: FeedSkip[];
  /** CSV notices matched to a compact row (URL and UPCs taken from it). */
  joined: number;
}

/** One CpscRecord through the live mapper, under the id the copy allows. */
function mapOne(record: CpscRecord, id: string, now: Date): { recall?: Recall; skip?: string } {
  const result = cpsc.map([record], { now });
  const recall = result.recalls[0];
  if (!recall) return { skip: result.skipped[0]?.reason ?? 'not mapped' };
  return { recall: { ...recall, id: `cpsc:${id}` } };
}

const urlHash = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 6);

/** Reads both copies into recalls, the CSV's full notices first, each notice once. */
export function readCpscCopies(compact: CompactCopy | null, csvText: string | null, now: Date): CopiesResult {
  const prefix = compact?.prefix ?? 'https://www.cpsc.gov/Recalls/';
  const rows = compact?.rows ?? [];
  const byHeading = new Map<string, CompactRow>();
  const byDayAndName = new Map<string, CompactRow>();
  for (const row of rows) {
    const url = noticeUrl(prefix, row.u);
    if (url) byHeading.set(headingKey(decodeURIComponent(url.replace(/^.*\//, ''))), row);
    if (row.y && row.n) byDayAndName.set(`${row.y}|${headingKey(row.n)}`, row);
  }

  const recalls: Recall[] = [];
  const skipped: FeedSkip[] = [];
  const used = new Set<CompactRow>();
  const ids = new Set<string>();
  let joined = 0;

  const csvRows = csvText ? parseCsvExport(csvText) : [];
  csvRows.forEach((row, index) => {
    const number = row['Recall Number']?.trim() ?? '';
    const heading = row['Recall Heading'] ?? '';
    const name = row['Name of product'] ?? '';
    const match =
      byHeading.get(headingKey(heading)) ?? byDayAndName.get(`${csvDate(row.Date)}|${headingKey(name)}`);
    if (match) {
      used.add(match);
      joined++;
    }
    if (!/^\d{2}-\d{3}$/.test(number)) {
      skipped.push({ index, nativeId: number || null, reason: `CSV row ${index}: no recall number` });
      return;
    }
    if (ids.has(number)) {
      skipped.push({ index, nativeId: number, reason: `CSV row ${index}: recall ${number} listed twice` });
      return;
    }
    const out = mapOne(csvRecord(row, match, prefix), number, now);
    if (!out.recall) {
      skipped.push({ index, nativeId: number, reason: `CSV row ${index}: ${out.skip}` });
      return;
    }
    ids.add(number);
    recalls.push(out.recall);
  });

  // A notice that recalls several products can be listed once per product (same URL and date): one
  // recall with all of them. The same URL on another date is another notice.
  const notices = new Map<string, { index: number; record: CpscRecord }>();
  rows.forEach((row, index) => {
    if (used.has(row)) return;
    const record = compactRecord(prefix, row);
    if (!record.URL) {
      skipped.push({ index, nativeId: null, reason: `compact row ${index}: no notice URL` });
      return;
    }
    const key = `${record.URL} ${record.RecallDate}`;
    const seen = notices.get(key);
    if (!seen) {
      notices.set(key, { index, record });
      return;
    }
    seen.record.Products = [...(seen.record.Products ?? []), ...(record.Products ?? [])];
    seen.record.ProductUPCs = [...(seen.record.ProductUPCs ?? []), ...(record.ProductUPCs ?? [])];
  });

  for (const [key, { index, record }] of notices) {
    const id = `${(record.RecallDate ?? '0000-00-00').replace(/-/g, '')}-${urlHash(key)}`;
    if (ids.has(id)) throw new Error(`CPSC copies: two notices hash to ${id}; lengthen the hash`);
    ids.add(id);
    const out = mapOne(record, id, now);
    if (!out.recall) {
      skipped.push({ index, nativeId: null, reason: `compact row ${index}: ${out.skip}` });
      continue;
    }
    recalls.push(out.recall);
  }

  return { recalls, skipped, joined };
}
