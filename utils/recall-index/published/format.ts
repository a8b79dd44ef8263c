/**
 * The published index: Recall Sentinel's recalls as static files that any CDN or object store can
 * serve, rebuilt on a schedule by CI (`npm run cli -- index build`, scripts/lib/published-builder.ts) and
 * read by the extension's sync engine. The reading side runs in Node (the CLI, tests) and in an MV3
 * service worker alike: Web Crypto for SHA-256, CompressionStream/DecompressionStream for gzip, no Node
 * APIs and no `browser.*`.
 *
 *   manifest.json                      plain JSON, small, fetched on every sync (ETag / If-None-Match)
 *   shards/<i>-<sha16>.json.gz         the whole index, recalls spread over K shards by a hash of the id
 *   deltas/<from>-<to>.json.gz         upserts and removals between two consecutive versions
 *   keys/<i>-<sha16>.json.gz           optional, beside shard i: the index keys of each of its records
 *
 * This module holds the format's constants and the manifest; columns.ts how records are packed,
 * documents.ts the shard and delta documents and their parsers, codec.ts the bytes. The JSON Schema for
 * clients (../published.schema.json) is generated from these schemas (`npm run build:schema`).
 *
 * Decisions:
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
import { RECALL_SCHEMA_VERSION } from '../../schemas';

export const MANIFEST_FORMAT = 'recall-sentinel-index';
export const SHARD_FORMAT = 'recall-sentinel-shard';
export const DELTA_FORMAT = 'recall-sentinel-delta';
export const KEYS_FORMAT = 'recall-sentinel-keys';
export const PUBLISHED_FORMAT_VERSION = 1;

/** Daily builds keep a month of deltas: a browser closed for weeks still catches up incrementally. */
export const MAX_DELTAS = 30;
/** Records per shard at most (before rounding K up to a power of two); ~1 MB gzipped per shard. */
export const SHARD_TARGET_RECORDS = 4096;
/** Enough skip reasons to act on, bounded in the manifest (the status table shows the same cap). */
export const MAX_SKIP_REASONS = 20;

export const Sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest is 64 lowercase hex digits')
  .meta({ id: 'sha256' });
/** Relative paths inside the index only: a client resolves them against the manifest URL, and the CLI
 * copies carried deltas by them, so neither may climb out of the index directory. */
const IndexPath = (dir: 'shards' | 'deltas' | 'keys') =>
  z.string().regex(new RegExp(`^${dir}/[A-Za-z0-9][A-Za-z0-9._-]*$`), `a file under ${dir}/`);
export const IndexVersion = z.number().int().positive().meta({
  id: 'version',
  description:
    'The index version: an integer read off the build clock as YYYYMMDDhhmmss (UTC), raised to previous + 1 when the clock is behind. It changes only when the records change.',
});
export const Count = z.number().int().nonnegative().meta({ id: 'count' });

export const FeedEntrySchema = z.object({
  records: Count,
  skipped: Count.meta({ description: 'Records of the official file that were not published.' }),
  /** The first MAX_SKIP_REASONS reasons, in words: "record 7 (RecallID 12): RecallID is not a number". */
  skippedReasons: z
    .array(z.string())
    .max(MAX_SKIP_REASONS)
    .meta({
      description: `The first ${MAX_SKIP_REASONS} reasons, in words, each naming its file and record.`,
    }),
  /** The newest `Recall.version` among the feed's records; null for a feed with none. */
  version: z.string().nullable().meta({ description: 'The newest Recall.version of the feed.' }),
  /** When this feed's records were last read from an official file. A feed missing from a build keeps
   * its previous records and its previous `updatedAt`, so the popup can say that it is stale. */
  updatedAt: z.iso.datetime({ offset: true }).meta({
    description:
      'When the feed was last read from an official file. A feed missing from a build keeps its records and this date, so staleness shows.',
  }),
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

/**
 * A shard's key file: the keys each of its records is filed under (utils/recall-index/keys.ts), worked
 * out when the index is built, so a reader holding the whole index in memory (the CLI's audit of 250,000
 * recalls, issue 11) need not work them out again for every record: that was 8 of its 20 seconds. Only
 * for readers whose key rules are the same `rules` version; any other reader works the keys out itself.
 * The extension's download does not fetch them (they would add about a quarter to it).
 */
export const KeysEntrySchema = z.object({
  file: IndexPath('keys'),
  sha256: Sha256,
  bytes: Count,
  rules: z.int().positive().meta({ description: 'KEY_RULES_VERSION the keys were worked out with.' }),
});
export type KeysEntry = z.infer<typeof KeysEntrySchema>;

export const ShardEntrySchema = z.object({
  file: IndexPath('shards'),
  /** SHA-256 of the uncompressed JSON. */
  sha256: Sha256,
  records: Count,
  /** Size of the file as published (gzipped). */
  bytes: Count.meta({ description: 'Size of the file as published (gzipped).' }),
  keys: KeysEntrySchema.optional().meta({
    description:
      "The shard's key file: per record, in the shard's order, the index keys it is filed under. Optional; readers with other key rules ignore it.",
  }),
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

export const ManifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    formatVersion: z
      .literal(PUBLISHED_FORMAT_VERSION)
      .meta({ description: 'A reader refuses a newer formatVersion and asks the user to update.' }),
    /** The `Recall.schemaVersion` of every record in the shards and deltas. */
    recallSchemaVersion: z
      .literal(RECALL_SCHEMA_VERSION)
      .meta({ description: 'Recall.schemaVersion of every record in the shards and deltas.' }),
    version: IndexVersion,
    generatedAt: z.iso.datetime({ offset: true }),
    feeds: z.record(z.string(), FeedEntrySchema).meta({ description: 'Per source (Recall.source).' }),
    records: Count,
    shards: z.array(ShardEntrySchema).meta({
      description: `K shards, K the smallest power of two keeping each at or under ${SHARD_TARGET_RECORDS} records; a recall lives in shard FNV-1a-32(id as UTF-16 code units) mod K.`,
    }),
    /** Oldest first; consecutive entries chain (`to` of one is `from` of the next). */
    deltas: z
      .array(DeltaEntrySchema)
      .max(MAX_DELTAS)
      .meta({
        description: `The last ${MAX_DELTAS} deltas, oldest first; each one's \`to\` is the next one's \`from\`.`,
      }),
  })
  .meta({ id: 'manifest', title: 'manifest.json' });
export type Manifest = z.infer<typeof ManifestSchema>;

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
