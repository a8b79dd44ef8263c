/**
 * The domain contracts of Recall Sentinel. Every type the extension, the CLI and the tests share is
 * inferred from a schema here, so a value that crosses a boundary (a message, a stored record, a feed
 * mapped into our shape) can be checked against the same definition that the compiler uses.
 *
 * Outward-facing parsers (feeds, pages) are lenient and live next to their source; these schemas are
 * the strict inward shape. Persisted shapes carry a `schemaVersion` so stored data can be migrated.
 */
import { z } from 'zod';
import { clip, IDENTITY_LIMITS as L } from './identity-limits';

/** A canonical GTIN key: 14 digits, left-padded, with a valid mod-10 check digit. */
export const Gtin14 = z.string().regex(/^\d{14}$/, 'a GTIN-14 key is exactly 14 digits');

// ---------------------------------------------------------------------------------------------------
// ProductIdentity: what we read off a shopping page.

/**
 * A page's text cut to `max` rather than refused: a lookup fails closed, so a recalled product with a
 * 5,000-character URL or title is still checked (issue 14, finding 4; utils/identity-limits.ts).
 */
export const clipped = (max: number) => z.string().transform((text) => clip(text, max));

/** A page's list cut to its first `max` entries (before they are parsed) rather than refused. */
export const capped = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (value) => (Array.isArray(value) && value.length > max ? value.slice(0, max) : value),
    z.array(item),
  );

export const PageType = z.enum(['product', 'cart', 'orders', 'other']);
export type PageType = z.infer<typeof PageType>;

/** Where on the page a value came from; the matcher trusts structured sources above prose. */
export const IdentitySource = z.enum([
  'url',
  'embedded-json',
  'json-ld',
  'microdata',
  'meta',
  'spec-table',
  'byline',
  'title-text',
  /** Typed by the shopper into the popup's manual lookup (utils/manual-query.ts). */
  'typed',
]);
export type IdentitySource = z.infer<typeof IdentitySource>;

export const IdentityField = z.enum(['itemId', 'title', 'brand', 'manufacturer', 'model', 'gtin', 'seller']);
export type IdentityField = z.infer<typeof IdentityField>;

/** One observed fact: "the spec table row 'Item model number' said VX3276-4K-MHD". */
export const IdentityFact = z.object({
  field: IdentityField,
  value: clipped(L.factValue),
  source: IdentitySource,
  /** The page's own label for the value, when it had one (table row, JSON key). */
  label: clipped(L.factLabel).optional(),
});
export type IdentityFact = z.infer<typeof IdentityFact>;

export const IDENTITY_SCHEMA_VERSION = 1;

export const ProductIdentity = z.object({
  schemaVersion: z.literal(IDENTITY_SCHEMA_VERSION),
  /** Adapter id (file name in utils/marketplaces), or "generic" for schema.org-only pages. */
  marketplace: clipped(L.marketplace).nullable(),
  pageType: PageType,
  url: clipped(L.url),
  /** The marketplace's own id: ASIN, usItemId, eBay item number, TCIN, JD sku, Taobao id ... */
  itemId: clipped(L.itemId).nullable(),
  title: clipped(L.title).nullable(),
  brand: clipped(L.brand).nullable(),
  manufacturer: clipped(L.manufacturer).nullable(),
  models: capped(clipped(L.model), L.models),
  /** Check-digit-valid GTINs as GTIN-14 keys. */
  gtins: capped(Gtin14, L.gtins),
  /** Every GTIN-like string the page printed, as printed (valid or not). */
  rawGtins: capped(clipped(L.rawGtin), L.rawGtins),
  seller: clipped(L.seller).nullable(),
  variant: clipped(L.variant).nullable(),
  quantity: z.number().int().positive().nullable(),
  /** Per value, where it came from. */
  facts: capped(IdentityFact, L.facts),
  /** The day the order was placed (ISO), on an order page that prints it; what a purchase is dated by. */
  orderedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional(),
  /** Where the listing says it ships from ("Türkiye", "Richland Center, WI"), as it says it. */
  shipsFrom: clipped(L.shipsFrom).nullable().optional(),
});
export type ProductIdentity = z.infer<typeof ProductIdentity>;

// ---------------------------------------------------------------------------------------------------
// Recall: one official notice, normalised.

export const RecallStatus = z.enum(['active', 'completed', 'withdrawn', 'other']);
export type RecallStatus = z.infer<typeof RecallStatus>;

/** Whether an identifier came from a structured feed field or was mined from the notice's prose. */
export const RecallIdentifierSource = z.enum(['structured', 'prose']);
export type RecallIdentifierSource = z.infer<typeof RecallIdentifierSource>;

export const RecallIdentifier = z.object({
  field: z.enum(['gtin', 'rawGtin', 'model', 'brand', 'lot']),
  value: z.string(),
  source: RecallIdentifierSource,
  /** The feed field it was read from, e.g. "ProductUPCs" or "Description". */
  origin: z.string(),
});
export type RecallIdentifier = z.infer<typeof RecallIdentifier>;

export const DateRange = z.object({
  kind: z.enum(['manufactured', 'sold', 'best-before', 'other']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  text: z.string(),
});
export type DateRange = z.infer<typeof DateRange>;

export const RecallProduct = z.object({
  name: z.string(),
  brands: z.array(z.string()),
  /** Model numbers as printed in the notice; matching normalises them. */
  models: z.array(z.string()),
  gtins: z.array(Gtin14),
  /** GTIN-like strings with a bad check digit (or odd length), kept for an exact-string fallback. */
  rawGtins: z.array(z.string()),
  lots: z.array(z.string()),
  dateRanges: z.array(DateRange),
  identifiers: z.array(RecallIdentifier),
});
export type RecallProduct = z.infer<typeof RecallProduct>;

export const RECALL_SCHEMA_VERSION = 1;

export const Recall = z.object({
  schemaVersion: z.literal(RECALL_SCHEMA_VERSION),
  /** `<source>:<native id>`, e.g. "cpsc:10915". */
  id: z.string().regex(/^[a-z0-9-]+:.+$/),
  source: z.string(),
  /** ISO 3166-1 alpha-2 code of the issuing authority, or "EU". */
  jurisdiction: z.string().min(2).max(3),
  /** The number the authority prints, e.g. CPSC "26687". */
  recallNumber: z.string().nullable(),
  title: z.string(),
  url: z.string().url().nullable(),
  /** ISO dates (YYYY-MM-DD). */
  published: z.string().nullable(),
  updated: z.string().nullable(),
  status: RecallStatus,
  /** Monotonic per record: a corrected notice replaces an older version. */
  version: z.string(),
  hazard: z.string(),
  remedy: z.string(),
  remedyOptions: z.array(z.string()),
  units: z.string().nullable(),
  soldAt: z.string().nullable(),
  countryOfOrigin: z.array(z.string()),
  manufacturers: z.array(z.string()),
  images: z.array(z.object({ url: z.string(), caption: z.string().nullable() })),
  products: z.array(RecallProduct).min(1),
});
export type Recall = z.infer<typeof Recall>;

// ---------------------------------------------------------------------------------------------------
// RecallMatch: why a page identity points at a recall, and how sure we are.

export const MatchTier = z.enum(['confirmed', 'likely', 'possible']);
export type MatchTier = z.infer<typeof MatchTier>;

export const MatchEvidence = z.object({
  /** `title`: the page title against the notice's product name (the weak, popup-only title rule). */
  kind: z.enum(['gtin', 'raw-gtin', 'model', 'brand', 'title']),
  pageValue: z.string(),
  pageSource: IdentitySource,
  recallValue: z.string(),
  recallSource: RecallIdentifierSource,
  recallOrigin: z.string(),
  /** Title evidence: the distinctive words both texts share. */
  shared: z.array(z.string()).max(50).optional(),
  /** Title evidence: the share of the product name's distinctive words found in the title, 0..1. */
  score: z.number().min(0).max(1).optional(),
});
export type MatchEvidence = z.infer<typeof MatchEvidence>;

export const MatchCaveat = z.object({
  kind: z.enum([
    'lot-specific',
    'date-specific',
    'brand-differs',
    'brand-unknown',
    'recall-completed',
    'title-only',
  ]),
  message: z.string(),
  values: z.array(z.string()),
  /** brand-differs: what agreed although the brand did not (the UI words each its own way). */
  basis: z.enum(['barcode', 'item-id']).optional(),
  /** recall-completed: when the notice was published, so "completed" can be read against its age. */
  published: z.string().optional(),
});
export type MatchCaveat = z.infer<typeof MatchCaveat>;

export const RecallMatch = z.object({
  recallId: z.string(),
  source: z.string(),
  tier: MatchTier,
  /** Index of the matching product within `Recall.products`. */
  productIndex: z.number().int().nonnegative(),
  evidence: z.array(MatchEvidence).min(1),
  caveats: z.array(MatchCaveat),
});
export type RecallMatch = z.infer<typeof RecallMatch>;

// ---------------------------------------------------------------------------------------------------
// Index status: how much we know and how fresh it is, shown wherever a verdict is shown.

export const SourceStatus = z.object({
  source: z.string(),
  records: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  skippedReasons: z.array(z.string()),
  loadedAt: z.string().nullable(),
  origin: z.enum(['bundled', 'sync']),
});
export type SourceStatus = z.infer<typeof SourceStatus>;

/** How syncing a source (a feed id, or "published" for a published index) is going. */
export const SyncSummary = z.object({
  source: z.string(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** When the current run of failures began; null while healthy. */
  failingSince: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** A published index: the live manifest's own `generatedAt` and the URL it came from (signed, verified). */
  indexGeneratedAt: z.string().nullish(),
  indexUrl: z.string().nullish(),
});
export type SyncSummary = z.infer<typeof SyncSummary>;

export const IndexStatus = z.object({
  records: z.number().int().nonnegative(),
  sources: z.array(SourceStatus),
  updatedAt: z.string().nullable(),
  syncs: z.array(SyncSummary),
});
export type IndexStatus = z.infer<typeof IndexStatus>;

// ---------------------------------------------------------------------------------------------------
// Sync: what a run of the sync did per source, and how far the running one has got.

export const SyncOutcome = z.object({
  source: z.string(),
  status: z.enum(['updated', 'unchanged', 'not-due', 'failed']),
  /** What happened in the sync's own (English, technical) words, for logs and the CLI. */
  message: z.string(),
  /** Records written by an update, and records skipped as unreadable: what the UI says in words. */
  records: z.number().int().nonnegative().optional(),
  skipped: z.number().int().nonnegative().optional(),
});
export type SyncOutcome = z.infer<typeof SyncOutcome>;

export const SyncProgress = z.object({
  source: z.string(),
  phase: z.string(),
  done: z.number(),
  total: z.number(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;
