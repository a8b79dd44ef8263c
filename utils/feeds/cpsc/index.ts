/**
 * US CPSC Recalls Retrieval Web Services (saferproducts.gov), JSON form: one array of recall records.
 *
 * Outward the schema is lenient: only the fields we use, every one nullish, ids as numbers or strings,
 * unknown keys ignored (third-party copies drop keys; 2018 responses have no image captions). Each record
 * is validated on its own, so one bad record is skipped with a reason and never costs the rest. Inward
 * every mapped record must pass the strict `Recall` schema, or it is skipped too.
 *
 * What the feed does not structure is mined from prose (see identity/text-mining.ts): `ProductUPCs` is
 * filled for ~5% of recalls and `Products[].Model` is always "", while the Description and image
 * captions print UPCs, model numbers, flattened tables, lot and date codes.
 */
import { z } from 'zod';
import { mineAsins } from '../../identity/asin';
import { brandKey, dbaNames, firmName } from '../../identity/brand';
import { splitCodes } from '../../identity/gtin';
import { noticeBrands, readHeading } from '../../identity/notice-brands';
import { mineDateRanges, mineGtins, mineLots, mineModels } from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION, type RecallProduct } from '../../schemas';
import { defineFeed, type FeedParseResult } from '../feed';
import { sharedLeadingWords } from '../lib/brand-hints';
import { Collector } from '../lib/collector';
import { mapRecords } from '../lib/map-records';
import { clean, distinct, isRecord, present, readUrl } from '../lib/text';
import about from './about';

// ---------------------------------------------------------------------------------------------------
// The outward schema: the fields we read, as loosely as the feed (and copies of it) deliver them.

const Text = z.string().nullish();
const Id = z.union([z.number(), z.string()]).nullish();
/** Arrays may be missing, null, or hold null entries; entries are filtered after parsing. */
const list = <T extends z.ZodType>(item: T) => z.array(item.nullish()).nullish();
const Named = z.object({ Name: Text });

export const CpscRecord = z.object({
  RecallID: Id,
  RecallNumber: Id,
  RecallDate: Text,
  Description: Text,
  URL: Text,
  Title: Text,
  LastPublishDate: Text,
  Products: list(z.object({ Name: Text, Model: Text, NumberOfUnits: Text })),
  Images: list(z.object({ URL: Text, Caption: Text })),
  Manufacturers: list(Named),
  Retailers: list(Named),
  Importers: list(Named),
  Distributors: list(Named),
  ManufacturerCountries: list(z.object({ Country: Text })),
  ProductUPCs: list(z.object({ UPC: Id })),
  Hazards: list(Named),
  Remedies: list(Named),
  RemedyOptions: list(z.object({ Option: Text })),
});
export type CpscRecord = z.infer<typeof CpscRecord>;

const SOURCE = 'cpsc';
const ENDPOINT = 'https://www.saferproducts.gov/RestWebServices/Recall';

// ---------------------------------------------------------------------------------------------------
// Small readers

/**
 * The error response comes with HTTP 200: `[{"RecallID":0,"Title":"Error retrieving Recalls: ...",
 * "RecallNumber":null}]`. It is recognised before validation so that a malformed one is still an error.
 */
function isErrorRecord(value: unknown): boolean {
  return isRecord(value) && (value.RecallID === 0 || value.RecallID === '0');
}

function errorMessageOf(value: unknown): string {
  return (isRecord(value) && typeof value.Title === 'string' && clean(value.Title)) || 'no message';
}

/** A readable native id, for skip reasons: "10915", or null. */
function nativeIdOf(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const id = value.RecallID;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (typeof id === 'string' && id.trim()) return id.trim();
  return null;
}

/** "2026-07-30T00:00:00" (the feed's form, no zone), "2026-07-30" (older exports) or "7/30/2026". */
function readDateTime(value: string | null | undefined): { day: string; stamp: string } | null {
  const s = clean(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return { day, stamp: `${day}T${iso[4] ?? '00'}:${iso[5] ?? '00'}:${iso[6] ?? '00'}` };
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(s);
  if (us?.[1] && us[2]) {
    const day = `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
    return { day, stamp: `${day}T00:00:00` };
  }
  return null;
}

/** RecallNumber is a 5-character string with leading zeros ("03525"); a number has lost them. */
function readRecallNumber(value: string | number | null | undefined): string | null {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value).padStart(5, '0') : null;
  return clean(value) || null;
}

/** ProductUPCs holds 12-digit strings; a number has lost its leading zero(s) ("080313081316"). */
function readUpcValues(value: string | number | null | undefined): string[] {
  if (typeof value === 'number') return Number.isInteger(value) ? [String(value).padStart(12, '0')] : [];
  const s = clean(value);
  if (!s) return [];
  const parts = splitCodes(s);
  return parts.length > 0 ? parts : [s];
}

/**
 * A firm line without its corporate-parent clause: "DR Power Equipment, of South Burlington, Vermont, a
 * subsidiary of Generac Power Systems Inc." would otherwise keep its whole tail as the "name".
 */
function firmLine(value: string | null | undefined): string {
  return clean(value).replace(
    /,\s+(?:a|an)\s+(?:wholly[- ]owned\s+)?(?:subsidiary|division|affiliate|unit)\s+of\s+.*$/i,
    '',
  );
}

/**
 * Words that start product names without naming anyone: CPSC titles of the "<product> Recalled" form
 * name no recaller, and the words a product name shares with a firm are often the only short brand.
 */
const NAME_STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'new',
  'all',
  'recalled',
  'children',
  "children's",
  'kids',
  'baby',
]);

// ---------------------------------------------------------------------------------------------------
// One record

function mapRecord(r: CpscRecord, nativeId: string): unknown {
  const products = present(r.Products);
  const images = present(r.Images);
  const captions = images.map((i) => clean(i.Caption)).filter((c) => c.length > 0);
  const description = r.Description ?? '';
  const title =
    clean(r.Title) ||
    clean(products[0]?.Name) ||
    `CPSC recall ${readRecallNumber(r.RecallNumber) ?? nativeId}`;
  const firms: Array<{ name: string; origin: string }> = [
    ...present(r.Manufacturers).map((f) => ({ name: firmLine(f.Name), origin: 'Manufacturers' })),
    ...present(r.Importers).map((f) => ({ name: firmLine(f.Name), origin: 'Importers' })),
    ...present(r.Distributors).map((f) => ({ name: firmLine(f.Name), origin: 'Distributors' })),
  ].filter((f) => f.name.length > 0);
  const retailers = present(r.Retailers)
    .map((x) => clean(x.Name))
    .filter((x) => x.length > 0);

  // Identifiers the notice gives for all of its products.
  const shared = new Collector();
  for (const entry of present(r.ProductUPCs)) {
    for (const upc of readUpcValues(entry.UPC)) shared.gtin(upc, 'structured', 'ProductUPCs');
  }
  for (const g of mineGtins(description, 'Description')) shared.gtin(g.raw, 'prose', g.origin);
  for (const caption of captions) {
    for (const g of mineGtins(caption, 'Images.Caption')) shared.gtin(g.raw, 'prose', g.origin);
  }
  for (const g of mineGtins(title, 'Title')) shared.gtin(g.raw, 'prose', g.origin);
  // Families ("models beginning with TRX1") are not models: matching one exactly would be wrong.
  const minedModels = [description, ...captions].flatMap((text, i) =>
    mineModels(text, i === 0 ? 'Description' : 'Images.Caption'),
  );
  for (const m of minedModels) if (m.kind === 'exact') shared.model(m.value, 'prose', m.origin);
  // Amazon item ids the notice prints ("ASIN: B09YRHCZY5", "identifiers: B0D62S9H39, …"), kept as models:
  // the matcher meets them with an Amazon listing's item id (identity/asin.ts).
  for (const [i, text] of [description, ...captions].entries()) {
    for (const asin of mineAsins(text))
      shared.model(asin, 'prose', i === 0 ? 'Description' : 'Images.Caption');
  }
  const minedLots = [description, ...captions].flatMap((text, i) =>
    mineLots(text, i === 0 ? 'Description' : 'Images.Caption'),
  );
  for (const lot of minedLots) shared.lot(lot.value, 'prose', lot.origin);
  for (const d of mineDateRanges(description, 'Description')) shared.dateRange(d);
  // A Retailers line is a sale period without the word "sold": "Online at Amazon.com from September
  // 2023 through June 2026 for about $130."
  for (const line of retailers) {
    for (const d of mineDateRanges(line, 'Retailers', 'sold')) shared.dateRange(d);
  }

  // Brands: first the product's own, as the notice prints them (identity/notice-brands.ts: "Enerco Recalls
  // DEWALT … Heaters" gives DEWALT, "Walmart Recalls Mainstays …" Mainstays), then the recalling firm as
  // the title names it, the firm lines' dba names and firm names. Never the seller that a title names
  // ("Sold on Amazon by DualOranges Store") nor its retailers ("Sold Exclusively at Lowe's"), even when a
  // firm line carries the same name as its dba.
  const heading = readHeading(title);
  const excluded = [heading.seller, ...heading.retailers]
    .map((s) => (s ? brandKey(s) : null))
    .filter((k): k is string => k !== null);
  const prose = [description, ...captions].join(' \n ');

  const productEntries = products.length > 0 ? products : [{ Name: title, Model: null, NumberOfUnits: null }];
  const mappedProducts: RecallProduct[] = productEntries.map((product) => {
    const name = clean(product.Name) || title;
    const c = new Collector({ excludedBrandKeys: excluded });
    for (const b of noticeBrands({ title, productName: name, description: prose }))
      c.brand(b.value, 'prose', b.origin);
    for (const firm of [...heading.recallers, ...heading.firms]) c.brand(firm, 'prose', 'Title');
    for (const f of firms) {
      const lead = sharedLeadingWords(name, firmName(f.name), NAME_STOPWORDS);
      if (lead) c.brand(lead, 'prose', 'Products.Name');
    }
    for (const f of firms) for (const dba of dbaNames(f.name)) c.brand(dba, 'structured', f.origin);
    for (const f of firms) c.brand(firmName(f.name), 'structured', f.origin);
    // Products[].Model is "" in every recent record; older or third-party data may fill it.
    for (const m of clean(product.Model).split(/\s*[,;]\s*/))
      if (m) c.model(m, 'structured', 'Products.Model');
    c.absorb(shared);
    return c.product(name);
  });

  const published = readDateTime(r.RecallDate);
  const updated = readDateTime(r.LastPublishDate);
  const manufacturers: string[] = [];
  for (const f of firms) {
    const name = firmName(f.name);
    const key = brandKey(name) ?? name.toLowerCase();
    if (name && !manufacturers.some((m) => (brandKey(m) ?? m.toLowerCase()) === key))
      manufacturers.push(name);
  }

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'US',
    recallNumber: readRecallNumber(r.RecallNumber),
    title,
    url: readUrl(r.URL),
    published: published?.day ?? null,
    updated: updated?.day ?? published?.day ?? null,
    status: 'active',
    // A republished notice gets a later LastPublishDate, so the newer copy replaces the older one.
    version: updated?.stamp ?? published?.stamp ?? '0000-00-00T00:00:00',
    hazard: distinct(present(r.Hazards).map((h) => h.Name)).join(' '),
    remedy: distinct(present(r.Remedies).map((h) => h.Name)).join(' '),
    remedyOptions: distinct(present(r.RemedyOptions).map((o) => o.Option)),
    units: clean(products.find((p) => clean(p.NumberOfUnits))?.NumberOfUnits) || null,
    soldAt: retailers.join(' ') || null,
    countryOfOrigin: distinct(present(r.ManufacturerCountries).map((c) => c.Country)),
    manufacturers,
    images: images
      .map((i) => ({ url: clean(i.URL).replace(/ /g, '%20'), caption: clean(i.Caption) || null }))
      .filter((i) => i.url.length > 0),
    products: mappedProducts,
  };
}

// ---------------------------------------------------------------------------------------------------
// The document

function mapCpsc(data: unknown): FeedParseResult {
  if (!Array.isArray(data)) {
    throw new Error(
      `CPSC feed: expected a JSON array of recall records, got ${data === null ? 'null' : typeof data}`,
    );
  }
  const errorRecords = data.filter(isErrorRecord);
  if (data.length > 0 && errorRecords.length === data.length) {
    throw new Error(
      `CPSC feed returned an error record instead of recalls: ${errorMessageOf(errorRecords[0])}`,
    );
  }
  return mapRecords(data, {
    source: SOURCE,
    label: (id) => `RecallID ${id}`,
    later: 'published later',
    schema: CpscRecord,
    refuse: (raw) => (isErrorRecord(raw) ? `CPSC error record: ${errorMessageOf(raw)}` : null),
    nativeId: (raw) => {
      const id = nativeIdOf(raw);
      return id !== null && /^\d+$/.test(id) ? id : null;
    },
    missingId: (raw) =>
      nativeIdOf(raw) === null
        ? 'RecallID is missing'
        : `RecallID is not a number: ${JSON.stringify(raw.RecallID)}`,
    map: mapRecord,
  });
}

export default defineFeed({
  id: about.id,
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: 'a CPSC Recalls API array',
  detect(data) {
    // An empty array is the API's "no results" answer; otherwise some element carries a RecallID.
    return Array.isArray(data) && (data.length === 0 || data.some((r) => isRecord(r) && 'RecallID' in r));
  },
  map: mapCpsc,
  endpoint: {
    buildUrl(since) {
      const url = new URL(ENDPOINT);
      url.searchParams.set('format', 'json');
      if (since !== null) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(since))
          throw new Error(`CPSC since must be YYYY-MM-DD, got ${since}`);
        url.searchParams.set('LastPublishDateStart', since);
      }
      return url.href;
    },
    notes:
      'No pagination: one array per request (the whole corpus is ~10k records, ~27 MB). Errors come back as ' +
      'HTTP 200 with a RecallID 0 record. Misspelled parameters are ignored and return the whole corpus, ' +
      'so cap the record count. LastPublishDate does not move on silent edits: rescan a recent window now ' +
      'and then. Query one day before the last watermark; filters are substring matches.',
  },
});
