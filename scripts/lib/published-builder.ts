/**
 * The published-index builder: each feed's records in, the files of a published index out (manifest,
 * shards, a delta from the previous build). Build-only code, used by the CLI (`index build`, `index
 * starter`), the tests and the benches; kept under scripts/ so that no extension bundle carries it
 * (tests/unit/architecture/build-only-code.test.ts). The format it writes and the extension reads is
 * utils/recall-index/published/.
 */

import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { fnv1a } from '../../utils/fnv1a';
import { own, setOwn } from '../../utils/own';
import { KEY_RULES_VERSION, recallKeys } from '../../utils/recall-index/keys';
import { canonicalJson, gzip, jsonContent } from '../../utils/recall-index/published/codec';
import { packRecalls } from '../../utils/recall-index/published/columns';
import type {
  Delta,
  DeltaSchema,
  KeysSchema,
  ShardSchema,
} from '../../utils/recall-index/published/documents';
import {
  DELTA_FORMAT,
  type DeltaEntry,
  type FeedEntry,
  KEYS_FORMAT,
  type KeysEntry,
  MANIFEST_FORMAT,
  MAX_DELTAS,
  MAX_SKIP_REASONS,
  type Manifest,
  ManifestSchema,
  PUBLISHED_FORMAT_VERSION,
  SHARD_FORMAT,
  SHARD_TARGET_RECORDS,
  type ShardEntry,
} from '../../utils/recall-index/published/format';
import { SIGNATURE_FILE } from '../../utils/recall-index/published/signature';
import { RECALL_SCHEMA_VERSION, Recall } from '../../utils/schemas';
import { signManifest } from './index-signing';

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

/** The shard a recall id lives in when there are `k` shards: FNV-1a over the id's UTF-16 code units. */
export function shardOf(id: string, k: number): number {
  return fnv1a(id) % k;
}

/** Newer record wins; between equal versions the one read first stays (feed order is the tiebreak). */
function keepNewest(into: Map<string, Recall>, recall: Recall): void {
  const kept = into.get(recall.id);
  if (!kept || recall.version > kept.version) into.set(recall.id, recall);
}

/** Same content, whatever the key order. Plain JSON first: records parsed by the same schema share
 * their key order, and the sorting pass costs three times as much, so it runs only on a difference. */
function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
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

/**
 * A document as a published file: its canonical JSON hashed and gzipped once, named by `name` (shards
 * and key files carry their digest in their names).
 */
async function publishedFile(
  document: unknown,
  name: (sha256: string) => string,
): Promise<{ file: string; sha256: string; bytes: Uint8Array }> {
  const { json, sha256 } = await jsonContent(document);
  const file = name(sha256);
  return { file, sha256, bytes: await gzip(json, file) };
}

/** A delta's file, packed, with its manifest entry. */
export async function encodeDelta(delta: Delta): Promise<{ entry: DeltaEntry; bytes: Uint8Array }> {
  const wire: z.input<typeof DeltaSchema> = { ...delta, upserts: packRecalls(delta.upserts) };
  const { file, sha256, bytes } = await publishedFile(wire, () => `deltas/${delta.from}-${delta.to}.json.gz`);
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

export interface FeedInput {
  recalls: readonly Recall[];
  /** Skips as the feed mapper reported them; only `reason` is kept. */
  skipped: ReadonlyArray<{ reason: string }>;
  /** The records are what changed, not the whole feed (a walk bounded per run, `index fetch`): the
   * source's records in `previous` are kept and these laid over them. */
  incremental?: boolean;
}

export interface PreviousIndex {
  manifest: Manifest;
  recalls: readonly Recall[];
}

export interface BuildOptions {
  /** A build in which a feed present before loses more than half its records throws unless this is
   * set: an empty or truncated official response must not publish a mass removal. */
  allowShrink?: boolean;
  /** Signs manifest.json with this Ed25519 key into manifest.json.sig (signature.ts). */
  signKey?: KeyObject;
  /** Writes each shard's key file (format.ts, `KeysEntrySchema`); on unless false. The starter index the
   * extension ships leaves them out: the extension works its keys out itself. */
  keys?: boolean;
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

/** Shard `i`'s key file: each record's keys, in the shard's order, by the rules of this build. */
async function keysFile(
  i: number,
  bucket: readonly Recall[],
  files: Map<string, Uint8Array>,
): Promise<KeysEntry> {
  const document: z.input<typeof KeysSchema> = {
    format: KEYS_FORMAT,
    formatVersion: PUBLISHED_FORMAT_VERSION,
    keys: bucket.map(recallKeys),
  };
  const { file, sha256, bytes } = await publishedFile(
    document,
    (sha) => `keys/${i}-${sha.slice(0, 16)}.json.gz`,
  );
  files.set(file, bytes);
  return { file, sha256, bytes: bytes.byteLength, rules: KEY_RULES_VERSION };
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
  const incremental = new Set<string>();

  for (const [source, input] of recallsBySource) {
    if (input.incremental) incremental.add(source);
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
    for (const r of previous.recalls) {
      if (!fresh.has(r.source)) keepNewest(merged, r);
      // An incremental feed's new records win over the ones it held, whatever their versions say.
      else if (incremental.has(r.source) && !merged.has(r.id)) merged.set(r.id, r);
    }
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
      setOwn(feeds, source, {
        records: counted.records,
        skipped: reasons.length,
        skippedReasons: reasons.slice(0, MAX_SKIP_REASONS),
        version: counted.version,
        updatedAt: generatedAt,
      });
    } else {
      const before = previous ? own(previous.manifest.feeds, source) : undefined;
      setOwn(
        feeds,
        source,
        before
          ? { ...before, records: counted.records, version: counted.version }
          : {
              records: counted.records,
              skipped: 0,
              skippedReasons: [],
              version: counted.version,
              updatedAt: generatedAt,
            },
      );
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
    const { file, sha256, bytes } = await publishedFile(
      shard,
      (sha) => `shards/${i}-${sha.slice(0, 16)}.json.gz`,
    );
    files.set(file, bytes);
    const keys = options.keys === false ? undefined : await keysFile(i, bucket, files);
    shards.push({ file, sha256, records: bucket.length, bytes: bytes.byteLength, ...(keys ? { keys } : {}) });
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
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  files.set('manifest.json', manifestBytes);
  if (options.signKey) files.set(SIGNATURE_FILE, signManifest(manifestBytes, options.signKey));
  return { manifest, files, delta, recalls };
}
