/**
 * The published index: Recall Sentinel's recalls as static files that any CDN or object store can
 * serve, rebuilt on a schedule by CI (`npm run cli -- index build`) and read by the extension's sync
 * engine. The same pure code runs in Node (the CLI, tests) and in an MV3 service worker: Web Crypto for
 * SHA-256, CompressionStream/DecompressionStream for gzip, no Node APIs and no `browser.*`.
 *
 *   manifest.json                      plain JSON, small, fetched on every sync (ETag / If-None-Match)
 *   shards/<i>-<sha16>.json.gz         the whole index, recalls spread over K shards by a hash of the id
 *   deltas/<from>-<to>.json.gz         upserts and removals between two consecutive versions
 *
 * Decisions (documented for clients in published.schema.json):
 * - Shards and deltas are gzipped by us, not left to the CDN: the 40 MB budget then holds on any host
 *   (GitHub Pages, a bare bucket), and the size a client downloads is the size the manifest states.
 * - `sha256` is the digest of the uncompressed JSON, not of the .gz file. Hosts disagree on `.gz` files:
 *   some serve them as bytes, some add `Content-Encoding: gzip` so that fetch() hands over plain JSON.
 *   A digest of the content verifies in both cases (`decodeJson` sniffs the gzip magic instead of
 *   trusting the extension), and it does not depend on the zlib build that compressed the file.
 * - Shard file names carry their digest, so a shard URL never changes content: CDNs may cache it
 *   forever, and a client holding an older manifest gets a 404 (refetch the manifest), never a mix.
 * - `version` is an integer read off the build clock, YYYYMMDDhhmmss in UTC, bumped past the previous
 *   version when the clock disagrees: monotonic without a counter stored anywhere, readable, and safe
 *   in file names. It moves only when the records change; a rebuild of the same data keeps it.
 * - Shard assignment is FNV-1a(id) mod K with K a power of two chosen from the record count, so a
 *   record stays in its shard between builds and a growing index splits shards instead of reshuffling.
 * - Output is deterministic: ids sorted, keys serialised in sorted order, `now` injected. The same
 *   input gives byte-identical files, so an unchanged shard keeps its name and its cache entries.
 */

import { z } from 'zod';
import { readCapped } from '../read-capped';
import { RECALL_SCHEMA_VERSION, Recall, type RecallIdentifier, RecallProduct } from '../schemas';
import { isIndexable } from './indexable';

export const MANIFEST_FORMAT = 'recall-sentinel-index';
export const SHARD_FORMAT = 'recall-sentinel-shard';
export const DELTA_FORMAT = 'recall-sentinel-delta';
export const PUBLISHED_FORMAT_VERSION = 1;

/** Daily builds keep a month of deltas: a browser closed for weeks still catches up incrementally. */
export const MAX_DELTAS = 30;
/** Records per shard at most (before rounding K up to a power of two); ~1 MB gzipped per shard. */
export const SHARD_TARGET_RECORDS = 4096;
/** Enough skip reasons to act on, bounded in the manifest (the status table shows the same cap). */
export const MAX_SKIP_REASONS = 20;
/** A decoded file larger than this is refused: a damaged or hostile gzip must not exhaust the worker. */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------
// Schemas

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest is 64 lowercase hex digits');
/** Relative paths inside the index only: a client resolves them against the manifest URL, and the CLI
 * copies carried deltas by them, so neither may climb out of the index directory. */
const IndexPath = (dir: 'shards' | 'deltas') =>
  z.string().regex(new RegExp(`^${dir}/[A-Za-z0-9][A-Za-z0-9._-]*$`), `a file under ${dir}/`);
const IndexVersion = z.number().int().positive();
const Count = z.number().int().nonnegative();

export const FeedEntrySchema = z.object({
  records: Count,
  skipped: Count,
  /** The first MAX_SKIP_REASONS reasons, in words: "record 7 (RecallID 12): RecallID is not a number". */
  skippedReasons: z.array(z.string()).max(MAX_SKIP_REASONS),
  /** The newest `Recall.version` among the feed's records; null for a feed with none. */
  version: z.string().nullable(),
  /** When this feed's records were last read from an official file. A feed missing from a build keeps
   * its previous records and its previous `updatedAt`, so the popup can say that it is stale. */
  updatedAt: z.iso.datetime({ offset: true }),
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

export const ShardEntrySchema = z.object({
  file: IndexPath('shards'),
  /** SHA-256 of the uncompressed JSON. */
  sha256: Sha256,
  records: Count,
  /** Size of the file as published (gzipped). */
  bytes: Count,
});
export type ShardEntry = z.infer<typeof ShardEntrySchema>;

export const DeltaEntrySchema = z.object({
  from: IndexVersion,
  to: IndexVersion,
  file: IndexPath('deltas'),
  sha256: Sha256,
  bytes: Count,
  upserts: Count,
  removals: Count,
});
export type DeltaEntry = z.infer<typeof DeltaEntrySchema>;

export const ManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(PUBLISHED_FORMAT_VERSION),
  /** The `Recall.schemaVersion` of every record in the shards and deltas. */
  recallSchemaVersion: z.literal(RECALL_SCHEMA_VERSION),
  version: IndexVersion,
  generatedAt: z.iso.datetime({ offset: true }),
  feeds: z.record(z.string(), FeedEntrySchema),
  records: Count,
  shards: z.array(ShardEntrySchema),
  /** Oldest first; consecutive entries chain (`to` of one is `from` of the next). */
  deltas: z.array(DeltaEntrySchema).max(MAX_DELTAS),
});
export type Manifest = z.infer<typeof ManifestSchema>;

// ---------------------------------------------------------------------------------------------------
// Packed recalls: how shards and deltas carry records

/**
 * Records travel column by column: `{ "count": n, "columns": { "id": [...], "title": [...], ...,
 * "products": [products per recall], "products.name": [...], ... } }`. Measured on 250,000 synthetic
 * recalls, gzip needs 250 bytes a record for an array of Recall objects (the deflate window is 32 KB, so
 * each record pays again for its key names and structure) and 141 bytes in columns, where similar values
 * sit next to each other: 61 MB against 35 MB, and the budget is 40 MB. Identifiers repeat a value that
 * is already in one of the product's lists, so they carry its position in that list instead:
 * `[field, value or index, source, origin]`. Column names are the schema's own field names, so a field
 * added to `Recall` becomes a column without a format change.
 */
const RECALL_FIELDS = Object.keys(Recall.shape).filter((k) => k !== 'products') as Exclude<
  keyof Recall,
  'products'
>[];
const PRODUCT_FIELDS = Object.keys(RecallProduct.shape).filter((k) => k !== 'identifiers') as Exclude<
  keyof RecallProduct,
  'identifiers'
>[];
const PRODUCTS = 'products';
const IDENTIFIERS = 'products.identifiers';

const IDENTIFIER_LIST = {
  gtin: 'gtins',
  rawGtin: 'rawGtins',
  model: 'models',
  lot: 'lots',
  brand: 'brands',
} as const satisfies Record<RecallIdentifier['field'], keyof RecallProduct>;

type PackedIdentifier = [RecallIdentifier['field'], string | number, RecallIdentifier['source'], string];

export interface PackedRecalls {
  count: number;
  columns: Record<string, unknown[]>;
}

/** Records into columns (see above). Pure and order-preserving: the caller sorts. */
export function packRecalls(recalls: readonly Recall[]): PackedRecalls {
  const columns: Record<string, unknown[]> = {};
  const column = (name: string): unknown[] => {
    let c = columns[name];
    if (!c) {
      c = [];
      columns[name] = c;
    }
    return c;
  };
  for (const name of [
    ...RECALL_FIELDS,
    PRODUCTS,
    ...PRODUCT_FIELDS.map((f) => `${PRODUCTS}.${f}`),
    IDENTIFIERS,
  ])
    column(name);
  for (const r of recalls) {
    for (const f of RECALL_FIELDS) column(f).push(r[f]);
    column(PRODUCTS).push(r.products.length);
    for (const p of r.products) {
      for (const f of PRODUCT_FIELDS) column(`${PRODUCTS}.${f}`).push(p[f]);
      column(IDENTIFIERS).push(
        p.identifiers.map((i): PackedIdentifier => {
          const at = (p[IDENTIFIER_LIST[i.field]] as string[]).indexOf(i.value);
          return [i.field, at >= 0 ? at : i.value, i.source, i.origin];
        }),
      );
    }
  }
  return { count: recalls.length, columns };
}

/**
 * The shape of one product's packed identifiers, checked by hand: this runs once per product of every
 * record of a full download, and a zod parse per product cost more than the rest of the unpacking put
 * together. The values themselves are checked by the `Recall` schema the records go through next.
 */
function isPackedIdentifiers(value: unknown): value is PackedIdentifier[] {
  if (!Array.isArray(value)) return false;
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 4) return false;
    const [, at] = entry;
    if (typeof at !== 'string' && !(typeof at === 'number' && Number.isInteger(at) && at >= 0)) return false;
  }
  return true;
}

const PackedColumnsSchema = z.object({ count: Count, columns: z.record(z.string(), z.array(z.unknown())) });

/** Columns back into plain records, or the reason they cannot be; the records are not checked yet. */
function unpackRecalls(
  packed: z.output<typeof PackedColumnsSchema>,
): { records: unknown[] } | { error: string } {
  const fail = (error: string) => ({ error });
  const { count, columns } = packed;
  const col = (name: string) => columns[name] ?? [];
  const productCounts = col(PRODUCTS);
  if (productCounts.length !== count)
    return fail(`column "${PRODUCTS}" has ${productCounts.length} of ${count} entries`);
  for (const f of RECALL_FIELDS) {
    if (col(f).length !== count) return fail(`column "${f}" has ${col(f).length} of ${count} entries`);
  }
  const records: unknown[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    for (const f of RECALL_FIELDS) record[f] = col(f)[i];
    const n = productCounts[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return fail(`record ${i}: bad product count`);
    const products: Record<string, unknown>[] = [];
    for (let j = 0; j < n; j++, at++) {
      const product: Record<string, unknown> = {};
      for (const f of PRODUCT_FIELDS) product[f] = col(`${PRODUCTS}.${f}`)[at];
      const packedIds = col(IDENTIFIERS)[at];
      if (!isPackedIdentifiers(packedIds)) return fail(`record ${i} product ${j}: unreadable identifiers`);
      const identifiers: RecallIdentifier[] = [];
      for (const [field, value, source, origin] of packedIds) {
        const list = product[IDENTIFIER_LIST[field]];
        const resolved = typeof value === 'number' ? (Array.isArray(list) ? list[value] : undefined) : value;
        if (typeof resolved !== 'string')
          return fail(`record ${i} product ${j}: identifier points past its list`);
        identifiers.push({ field, value: resolved, source, origin });
      }
      product.identifiers = identifiers;
      products.push(product);
    }
    record.products = products;
    records.push(record);
  }
  for (const f of [...PRODUCT_FIELDS.map((p) => `${PRODUCTS}.${p}`), IDENTIFIERS]) {
    if (col(f).length !== at) return fail(`column "${f}" has ${col(f).length} of ${at} entries`);
  }
  return { records };
}

/** Columns back into records, each checked with the strict `Recall` schema. */
const PackedRecallsSchema = PackedColumnsSchema.transform((packed, ctx): unknown[] => {
  const unpacked = unpackRecalls(packed);
  if ('error' in unpacked) {
    ctx.addIssue({ code: 'custom', message: unpacked.error });
    return z.NEVER;
  }
  return unpacked.records;
}).pipe(z.array(Recall));

/** A shard as published: `recalls` packed; parsing yields `Recall[]`. */
export const ShardSchema = z.object({
  format: z.literal(SHARD_FORMAT),
  formatVersion: z.literal(PUBLISHED_FORMAT_VERSION),
  recalls: PackedRecallsSchema,
});
/** A shard as read (records unpacked and checked). */
export type Shard = z.output<typeof ShardSchema>;
/** A shard's layout, records still packed and unchecked. */
const ShardLayoutSchema = ShardSchema.extend({ recalls: PackedColumnsSchema });

export const DeltaSchema = z.object({
  format: z.literal(DELTA_FORMAT),
  formatVersion: z.literal(PUBLISHED_FORMAT_VERSION),
  from: IndexVersion,
  to: IndexVersion,
  /** New records and new versions of existing ones, whole and packed: a client replaces by id. */
  upserts: PackedRecallsSchema,
  /** Ids of records that left the index (withdrawn from the feed). */
  removals: z.array(z.string()),
});
/** A delta as read (upserts unpacked and checked). */
export type Delta = z.output<typeof DeltaSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses one of our documents, refusing a newer formatVersion with words a user can act on instead of
 * a zod dump: an old extension meeting a new index should say "update", not "invalid literal".
 */
function parseDocument<T>(schema: z.ZodType<T, unknown>, format: string, data: unknown, file: string): T {
  if (!isRecord(data) || data.format !== format) throw new Error(`${file}: expected "format": "${format}"`);
  if (typeof data.formatVersion === 'number' && data.formatVersion > PUBLISHED_FORMAT_VERSION) {
    throw new Error(
      `${file}: formatVersion ${data.formatVersion} is newer than this build reads (${PUBLISHED_FORMAT_VERSION}); update the extension`,
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') ?? '';
    throw new Error(`${file}: invalid ${format}: ${where ? `${where}: ` : ''}${issue?.message ?? 'unknown'}`);
  }
  return parsed.data;
}

export const parseManifest = (data: unknown, file = 'manifest.json'): Manifest =>
  parseDocument(ManifestSchema, MANIFEST_FORMAT, data, file);
export const parseShard = (data: unknown, file: string): Shard =>
  parseDocument(ShardSchema, SHARD_FORMAT, data, file);
/**
 * A shard as the extension's full download reads it: the layout checked as strictly as `parseShard`,
 * each record only as far as indexing needs (`isIndexable`). The full `Recall` schema is applied when a
 * record is read back from the index (db.ts), to the few records a page brings up; applying it to all
 * 250,000 records of a download was a third of the download's time in the service worker, where zod
 * cannot compile its checks (extension pages forbid eval). A record that fails is skipped and counted.
 */
export function parseShardForIndex(data: unknown, file: string): { recalls: Recall[]; skipped: number } {
  const packed = parseDocument(ShardLayoutSchema, SHARD_FORMAT, data, file).recalls;
  const unpacked = unpackRecalls(packed);
  if ('error' in unpacked) throw new Error(`${file}: invalid ${SHARD_FORMAT}: recalls: ${unpacked.error}`);
  const recalls = unpacked.records.filter(isIndexable);
  return { recalls, skipped: unpacked.records.length - recalls.length };
}

export const parseDelta = (data: unknown, file: string): Delta =>
  parseDocument(DeltaSchema, DELTA_FORMAT, data, file);

// ---------------------------------------------------------------------------------------------------
// Bytes: canonical JSON, gzip, SHA-256

/**
 * JSON with object keys in sorted order, so equal values serialise to equal bytes whichever code built
 * them (a feed mapper's literal, a zod parse, a record read back from a shard). Digests, file names
 * and "content changed" all rest on this.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isRecord(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = v[k];
    return sorted;
  });
}

/** Same content, whatever the key order. Plain JSON first: records parsed by the same schema share
 * their key order, and the sorting pass costs three times as much, so it runs only on a difference. */
function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}

/** Lowercase hex SHA-256 through Web Crypto: the same call in Node 20 and in a service worker. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a stream to the end, refusing more than `limit` bytes. */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number, file: string): Promise<Uint8Array> {
  const bytes = await readCapped(stream, limit);
  if (!bytes) throw new Error(`${file}: decodes to more than ${limit} bytes`);
  return bytes;
}

function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(transform as TransformStream<Uint8Array, Uint8Array>);
}

/** True for the two bytes every gzip member starts with; JSON text never starts with 0x1f. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The bytes a file's content is hashed over: the JSON text, gunzipped when the file came gzipped. */
async function contentBytes(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    return await readAll(pipe(bytes, new DecompressionStream('gzip')), MAX_DECODED_BYTES, file);
  } catch (e) {
    throw new Error(`${file}: not readable gzip (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The canonical JSON text of `value` as UTF-8, and its digest: what a manifest entry describes. */
export async function jsonContent(value: unknown): Promise<{ json: Uint8Array; sha256: string }> {
  const json = new TextEncoder().encode(canonicalJson(value));
  return { json, sha256: await sha256Hex(json) };
}

/** A file's bytes: canonical JSON, gzipped when the name ends in `.gz` (shards and deltas do). */
export async function encodeJson(value: unknown, file: string): Promise<Uint8Array> {
  const { json } = await jsonContent(value);
  return file.endsWith('.gz') ? readAll(pipe(json, new CompressionStream('gzip')), Infinity, file) : json;
}

/**
 * The JSON value in a file. Gzip is recognised by its magic bytes, not by `file`'s extension, because a
 * host may already have undone the compression (Content-Encoding) before fetch() returns the body.
 * `file` only names the file in errors.
 */
export async function decodeJson(bytes: Uint8Array, file: string): Promise<unknown> {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return JSON.parse(text.decode(await contentBytes(bytes, file)));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(message.startsWith(file) ? message : `${file}: not readable JSON (${message})`);
  }
}

/**
 * True when `bytes` (gzipped or already decoded by the transport) hold the content the manifest
 * promised. Never throws: a damaged file is a reason to fall back to a full download, not a crash.
 */
export async function verifyFile(bytes: Uint8Array, expectedSha256: string): Promise<boolean> {
  try {
    return (await sha256Hex(await contentBytes(bytes, 'file'))) === expectedSha256;
  } catch {
    return false;
  }
}

/**
 * The JSON value in a file whose content must hash to `expectedSha256`, or null when it does not (or
 * is not readable gzip). One decompression serves both the digest and the parse: a full download of
 * 250,000 recalls used to gunzip every shard twice.
 */
export async function decodeVerified(
  bytes: Uint8Array,
  expectedSha256: string,
  file: string,
): Promise<{ value: unknown } | null> {
  let content: Uint8Array;
  try {
    content = await contentBytes(bytes, file);
  } catch {
    return null;
  }
  if ((await sha256Hex(content)) !== expectedSha256) return null;
  return { value: await decodeJson(content, file) };
}

/**
 * Verify, then decode: the one call a client makes per downloaded shard or delta. Throws (with the file
 * named) on a checksum mismatch, unreadable bytes or a document that is not the expected kind.
 */
export async function readVerifiedShard(bytes: Uint8Array, entry: ShardEntry): Promise<Shard> {
  const verified = await decodeVerified(bytes, entry.sha256, entry.file);
  if (!verified) throw new Error(`${entry.file}: checksum mismatch`);
  return parseShard(verified.value, entry.file);
}

export async function readVerifiedDelta(bytes: Uint8Array, entry: DeltaEntry): Promise<Delta> {
  const verified = await decodeVerified(bytes, entry.sha256, entry.file);
  if (!verified) throw new Error(`${entry.file}: checksum mismatch`);
  return parseDelta(verified.value, entry.file);
}

// ---------------------------------------------------------------------------------------------------
// Records: shards, diffs, deltas

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Shard count for `records`: the smallest power of two that keeps shards at or under
 * SHARD_TARGET_RECORDS. Powers of two mean a growing index splits each shard in two rather than
 * moving most records (10k → 4 shards, 250k → 64).
 */
export function shardCount(records: number): number {
  let k = 1;
  while (records / k > SHARD_TARGET_RECORDS) k *= 2;
  return k;
}

/** FNV-1a over the id's UTF-16 code units: tiny, synchronous, identical in every runtime. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The shard a recall id lives in when there are `k` shards; exported so a client can re-fetch only the
 * shards whose digest changed. */
export function shardOf(id: string, k: number): number {
  return fnv1a(id) % k;
}

/** Newer record wins; between equal versions the one read first stays (feed order is the tiebreak). */
function keepNewest(into: Map<string, Recall>, recall: Recall): void {
  const kept = into.get(recall.id);
  if (!kept || recall.version > kept.version) into.set(recall.id, recall);
}

/**
 * What changed between two sets of records, sorted by id. A record is an upsert when it is new, when
 * its `version` changed, or when its content changed under the same version (CPSC edits notices
 * without moving LastPublishDate, so a version alone would miss silent corrections).
 */
export function diffRecalls(
  oldRecalls: readonly Recall[],
  newRecalls: readonly Recall[],
): { upserts: Recall[]; removals: string[] } {
  const old = new Map(oldRecalls.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const upserts: Recall[] = [];
  for (const r of newRecalls) {
    seen.add(r.id);
    const before = old.get(r.id);
    if (!before || before.version !== r.version || !sameContent(before, r)) upserts.push(r);
  }
  const removals = [...old.keys()].filter((id) => !seen.has(id)).sort();
  return { upserts: upserts.sort(byId), removals };
}

/** The records after a delta: what a client's IndexedDB must hold; tests check it equals the new set. */
export function applyDelta(recalls: readonly Recall[], delta: Pick<Delta, 'upserts' | 'removals'>): Recall[] {
  const out = new Map(recalls.map((r) => [r.id, r]));
  for (const id of delta.removals) out.delete(id);
  for (const r of delta.upserts) out.set(r.id, r);
  return [...out.values()].sort(byId);
}

/** A delta document between two index versions. */
export function makeDelta(
  from: number,
  to: number,
  change: { upserts: Recall[]; removals: string[] },
): Delta {
  return {
    format: DELTA_FORMAT,
    formatVersion: PUBLISHED_FORMAT_VERSION,
    from,
    to,
    upserts: change.upserts,
    removals: change.removals,
  };
}

/** A delta's file, packed, with its manifest entry. */
export async function encodeDelta(delta: Delta): Promise<{ entry: DeltaEntry; bytes: Uint8Array }> {
  const file = `deltas/${delta.from}-${delta.to}.json.gz`;
  const wire: z.input<typeof DeltaSchema> = { ...delta, upserts: packRecalls(delta.upserts) };
  const { sha256 } = await jsonContent(wire);
  const bytes = await encodeJson(wire, file);
  return {
    entry: {
      from: delta.from,
      to: delta.to,
      file,
      sha256,
      bytes: bytes.byteLength,
      upserts: delta.upserts.length,
      removals: delta.removals.length,
    },
    bytes,
  };
}

/** YYYYMMDDhhmmss of `now` in UTC, as a number. */
export function clockVersion(now: Date): number {
  return Number(now.toISOString().replace(/\D/g, '').slice(0, 14));
}

// ---------------------------------------------------------------------------------------------------
// Building

export interface FeedInput {
  recalls: readonly Recall[];
  /** Skips as the feed mapper reported them; only `reason` is kept. */
  skipped: ReadonlyArray<{ reason: string }>;
}

export interface PreviousIndex {
  manifest: Manifest;
  recalls: readonly Recall[];
}

export interface BuildOptions {
  /** A build in which a feed present before loses more than half its records throws unless this is
   * set: an empty or truncated official response must not publish a mass removal. */
  allowShrink?: boolean;
}

export interface PublishedBuild {
  manifest: Manifest;
  /** Files this build wrote, by path relative to the index root (manifest.json included). Deltas carried
   * over from `previous` are listed in the manifest but not here: the caller copies them. */
  files: Map<string, Uint8Array>;
  /** The delta from `previous`, when there was a change; null otherwise. */
  delta: DeltaEntry | null;
  /** Every record in the index, sorted by id (handy for stats and tests). */
  recalls: Recall[];
}

/**
 * Builds the whole index from each feed's records. With `previous`, feeds absent from this build keep
 * their earlier records (a failed download must not empty a source), the version moves only when the
 * records changed, a delta from the previous version is added, and the last MAX_DELTAS deltas stay
 * listed. Deterministic for a given input and `now`.
 */
export async function buildPublishedIndex(
  recallsBySource: ReadonlyMap<string, FeedInput>,
  previous: PreviousIndex | undefined,
  now: Date,
  options: BuildOptions = {},
): Promise<PublishedBuild> {
  const generatedAt = now.toISOString();
  const merged = new Map<string, Recall>();
  const feeds: Record<string, FeedEntry> = {};
  const fresh = new Set<string>();
  const skippedBySource = new Map<string, string[]>();

  for (const [source, input] of recallsBySource) {
    for (const r of input.recalls) {
      const recall = Recall.parse(r);
      fresh.add(recall.source);
      keepNewest(merged, recall);
    }
    fresh.add(source);
    const reasons = skippedBySource.get(source) ?? [];
    reasons.push(...input.skipped.map((s) => s.reason));
    skippedBySource.set(source, reasons);
  }
  if (previous) {
    for (const r of previous.recalls) if (!fresh.has(r.source)) keepNewest(merged, r);
  }
  const recalls = [...merged.values()].sort(byId);

  const countBySource = new Map<string, { records: number; version: string | null }>();
  for (const r of recalls) {
    const c = countBySource.get(r.source) ?? { records: 0, version: null };
    c.records++;
    if (c.version === null || r.version > c.version) c.version = r.version;
    countBySource.set(r.source, c);
  }
  for (const source of [...new Set([...fresh, ...countBySource.keys()])].sort()) {
    const counted = countBySource.get(source) ?? { records: 0, version: null };
    if (fresh.has(source)) {
      const reasons = skippedBySource.get(source) ?? [];
      feeds[source] = {
        records: counted.records,
        skipped: reasons.length,
        skippedReasons: reasons.slice(0, MAX_SKIP_REASONS),
        version: counted.version,
        updatedAt: generatedAt,
      };
    } else {
      const before = previous?.manifest.feeds[source];
      feeds[source] = before
        ? { ...before, records: counted.records, version: counted.version }
        : {
            records: counted.records,
            skipped: 0,
            skippedReasons: [],
            version: counted.version,
            updatedAt: generatedAt,
          };
    }
  }

  if (previous && !options.allowShrink) {
    for (const [source, before] of Object.entries(previous.manifest.feeds)) {
      const after = feeds[source]?.records ?? 0;
      if (before.records > 0 && after < before.records / 2) {
        throw new Error(
          `feed ${source} shrank from ${before.records} to ${after} records; refusing to publish a mass removal (allow it explicitly if it is real)`,
        );
      }
    }
  }

  const files = new Map<string, Uint8Array>();
  const k = shardCount(recalls.length);
  const buckets: Recall[][] = Array.from({ length: k }, () => []);
  for (const r of recalls) buckets[shardOf(r.id, k)]?.push(r);
  const shards: ShardEntry[] = [];
  for (const [i, bucket] of buckets.entries()) {
    const shard: z.input<typeof ShardSchema> = {
      format: SHARD_FORMAT,
      formatVersion: PUBLISHED_FORMAT_VERSION,
      recalls: packRecalls(bucket),
    };
    const { sha256 } = await jsonContent(shard);
    const file = `shards/${i}-${sha256.slice(0, 16)}.json.gz`;
    const bytes = await encodeJson(shard, file);
    files.set(file, bytes);
    shards.push({ file, sha256, records: bucket.length, bytes: bytes.byteLength });
  }

  let version = clockVersion(now);
  let deltas: DeltaEntry[] = [];
  let delta: DeltaEntry | null = null;
  if (previous) {
    const change = diffRecalls(previous.recalls, recalls);
    const prev = previous.manifest.version;
    if (change.upserts.length === 0 && change.removals.length === 0) {
      version = prev;
      deltas = previous.manifest.deltas;
    } else {
      version = Math.max(version, prev + 1);
      const encoded = await encodeDelta(makeDelta(prev, version, change));
      files.set(encoded.entry.file, encoded.bytes);
      delta = encoded.entry;
      deltas = [...previous.manifest.deltas, encoded.entry].slice(-MAX_DELTAS);
    }
  }

  const manifest: Manifest = ManifestSchema.parse({
    format: MANIFEST_FORMAT,
    formatVersion: PUBLISHED_FORMAT_VERSION,
    recallSchemaVersion: RECALL_SCHEMA_VERSION,
    version,
    generatedAt,
    feeds,
    records: recalls.length,
    shards,
    deltas,
  });
  // The manifest stays readable JSON with a trailing newline: people and `curl` read it too.
  files.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return { manifest, files, delta, recalls };
}

/**
 * The deltas a client at `current` applies, in order, to reach the manifest's version; null when the
 * chain is broken (too old, or a rebuild without history) and a full download is needed.
 */
export function deltaChain(manifest: Manifest, current: number): DeltaEntry[] | null {
  if (current === manifest.version) return [];
  const chain: DeltaEntry[] = [];
  let at = current;
  for (const d of manifest.deltas) {
    if (d.from === at) {
      chain.push(d);
      at = d.to;
    }
  }
  return at === manifest.version ? chain : null;
}
