/**
 * The recalls an audit is checked against, in memory: the feed files given with `--feed` (any format
 * `check` reads), a published index folder given with `--index` (built by `index build`, what a team
 * publishes on a CDN), or else the starter index the extension ships (public/starter/), so a merchant
 * needs no feed files to audit a catalog. Published indexes are read the way the extension reads them:
 * each shard verified against the manifest's checksum.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeedDocument } from '../../utils/feeds';
import { MemoryIndex } from '../../utils/recall-index/memory-index';
import { decodeJson, decodeVerified } from '../../utils/recall-index/published/codec';
import { parseManifest, parseShardForIndex } from '../../utils/recall-index/published/documents';
import { readFeedFile } from '../lib/feed-file';
import { STARTER_DIR } from './starter-index';

export interface LoadedFeed {
  file: string;
  source: string;
  records: number;
  skipped: number;
}

export interface AuditIndex {
  index: MemoryIndex;
  feeds: LoadedFeed[];
}

/** A published index folder (manifest.json + shards), every shard checked against its checksum. */
export async function loadPublishedIndex(dir: string): Promise<AuditIndex> {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = parseManifest(await decodeJson(readFileSync(manifestFile), manifestFile), manifestFile);
  const index = new MemoryIndex();
  let skipped = 0;
  for (const entry of manifest.shards) {
    const verified = await decodeVerified(readFileSync(path.join(dir, entry.file)), entry.sha256, entry.file);
    if (!verified) throw new Error(`starter index ${entry.file}: checksum mismatch`);
    const shard = parseShardForIndex(verified.value, entry.file);
    for (const r of shard.recalls) index.add(r);
    skipped += shard.skipped;
  }
  const feeds = Object.entries(manifest.feeds).map(([source, feed]) => ({
    file: manifestFile,
    source,
    records: feed.records,
    skipped: feed.skipped + (source === Object.keys(manifest.feeds)[0] ? skipped : 0),
  }));
  return { index, feeds };
}

/** The starter index the extension ships. */
export const loadStarterIndex = (): Promise<AuditIndex> => loadPublishedIndex(STARTER_DIR);

/**
 * Feed files into one index, as `check` and `audit` read them; a file in no known format fails with its
 * name. Each feed's skipped records come back in full (`check` prints them).
 */
export function readFeedFiles(files: readonly string[]) {
  const index = new MemoryIndex();
  const feeds = files.map((file) => {
    const data = readFeedFile(file);
    let result: ReturnType<typeof parseFeedDocument>;
    try {
      result = parseFeedDocument(data, { now: new Date() });
    } catch (e) {
      throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const r of result.recalls) index.add(r);
    return { file, source: result.source, records: result.recalls.length, skipped: result.skipped };
  });
  return { index, feeds };
}

/** Feed files as the audit counts them. */
export function loadFeedIndex(files: readonly string[]): AuditIndex {
  const { index, feeds } = readFeedFiles(files);
  return { index, feeds: feeds.map((f) => ({ ...f, skipped: f.skipped.length })) };
}
