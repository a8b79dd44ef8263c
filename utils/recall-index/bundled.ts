/**
 * Starter data: the extension ships an index so the first page check works before any network.
 *
 * - Every build ships the starter index in public/starter/: real recalls only (every CPSC recall, the
 *   full cpsc.gov notices of recent years, openFDA food recalls), built by `npm run build:starter`
 *   (scripts/commands/starter-index.ts) in the published-index format, so its shards are checked against
 *   their checksums and read by the same code as a download.
 * - The demo build alone adds the demo store's recalls (a snapshot, scripts/demo-store/data/), which are
 *   fictional and must never reach a user's index.
 *
 * Loaded on install and update and whenever the index is empty, and replaced by the first sync of each
 * source. Records are filed under their own source, so a CPSC sync replaces exactly the CPSC records.
 */
import { parseFeedDocument } from '../feeds';
import { isRecord } from '../is-record';
import type { Recall, SourceStatus } from '../schemas';
import { type RecallDb, replaceSource, sourceStatuses } from './db';
import { decodeJson, decodeVerified } from './published/codec';
import { parseManifest, parseShardForIndex } from './published/documents';
import { MANIFEST_FORMAT, MAX_SKIP_REASONS } from './published/format';

/** The starter index's manifest; its shards sit beside it. */
export const STARTER_MANIFEST = '/starter/manifest.json';
/** The demo store's recalls, packaged by the demo build only (wxt.config.ts). */
export const DEMO_SNAPSHOT = '/demo/demo-snapshot.json';

/** What this build packages. `import.meta.env.MODE` is fixed at build time, so production drops the rest. */
export const BUNDLED_FILES: readonly string[] =
  import.meta.env.MODE === 'demo' ? [STARTER_MANIFEST, DEMO_SNAPSHOT] : [STARTER_MANIFEST];

/** Reads a file packaged with the extension, by its path from the package root. */
export type ReadPackaged = (path: string) => Promise<Uint8Array>;

interface SourceLoad {
  recalls: Recall[];
  skipped: number;
  reasons: string[];
}

function sourceLoad(loads: Map<string, SourceLoad>, source: string): SourceLoad {
  let load = loads.get(source);
  if (!load) {
    load = { recalls: [], skipped: 0, reasons: [] };
    loads.set(source, load);
  }
  return load;
}

/** A published index packaged with the extension: each shard verified against the manifest. */
async function readPackagedIndex(
  manifestData: unknown,
  manifestPath: string,
  read: ReadPackaged,
  loads: Map<string, SourceLoad>,
): Promise<void> {
  const manifest = parseManifest(manifestData, manifestPath);
  const root = manifestPath.replace(/[^/]*$/, '');
  for (const [source, feed] of Object.entries(manifest.feeds)) {
    const load = sourceLoad(loads, source);
    load.skipped += feed.skipped;
    load.reasons.push(...feed.skippedReasons);
  }
  for (const entry of manifest.shards) {
    const verified = await decodeVerified(await read(`${root}${entry.file}`), entry.sha256, entry.file);
    if (!verified) throw new Error(`bundled ${entry.file}: checksum mismatch`);
    const shard = parseShardForIndex(verified.value, entry.file);
    for (const r of shard.recalls) sourceLoad(loads, r.source).recalls.push(r);
    if (shard.skipped > 0) {
      // Records the build wrote but this version cannot index: counted under the shard's first source.
      const load = sourceLoad(loads, shard.recalls[0]?.source ?? 'snapshot');
      load.skipped += shard.skipped;
      load.reasons.push(`${entry.file}: ${shard.skipped} records not indexable`);
    }
  }
}

/** A snapshot or a raw feed response, read by the feed registry. */
function readPackagedFeed(data: unknown, loads: Map<string, SourceLoad>, now: Date): void {
  const result = parseFeedDocument(data, { now });
  const sources = new Set(result.recalls.map((r) => r.source));
  if (sources.size === 0) sources.add(result.source);
  for (const r of result.recalls) sourceLoad(loads, r.source).recalls.push(r);
  // Skips belong to a source only when the file holds one.
  if (sources.size === 1) {
    const load = sourceLoad(loads, [...sources][0] as string);
    load.skipped += result.skipped.length;
    load.reasons.push(...result.skipped.map((s) => s.reason));
  }
}

export async function loadBundledData(
  db: RecallDb,
  read: ReadPackaged,
  now: Date = new Date(),
  files: readonly string[] = BUNDLED_FILES,
): Promise<SourceStatus[]> {
  const statuses = await sourceStatuses(db);
  const loads = new Map<string, SourceLoad>();
  for (const path of files) {
    const data = await decodeJson(await read(path), path);
    if (isRecord(data) && data.format === MANIFEST_FORMAT) await readPackagedIndex(data, path, read, loads);
    else readPackagedFeed(data, loads, now);
  }

  const out: SourceStatus[] = [];
  for (const [source, load] of loads) {
    // Synced data is newer than what shipped in the package; never overwrite it with the bundle.
    if (statuses.find((s) => s.source === source)?.origin === 'sync') continue;
    const status: SourceStatus = {
      source,
      records: load.recalls.length,
      skipped: load.skipped,
      skippedReasons: load.reasons.slice(0, MAX_SKIP_REASONS),
      loadedAt: now.toISOString(),
      origin: 'bundled',
    };
    await replaceSource(db, load.recalls, status);
    out.push(status);
  }
  return out;
}
