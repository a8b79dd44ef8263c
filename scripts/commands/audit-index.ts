/**
 * The recalls an audit is checked against, in memory: a published index folder given with `--index`
 * (built by `index build`, what a team publishes on a CDN), or else the starter index the extension
 * ships (public/starter/), so a merchant needs no feed files to audit a catalog (feed files given with
 * `--feed` are read by feed-index.ts). Published indexes are read the way the extension reads them:
 * each file verified against the manifest's checksum.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isIndexable } from '../../utils/recall-index/indexable';
import { KEY_RULES_VERSION, recallKeys } from '../../utils/recall-index/keys';
import { MemoryIndex } from '../../utils/recall-index/memory-index';
import { decodeJson } from '../../utils/recall-index/published/codec';
import { parseManifest, shardReader } from '../../utils/recall-index/published/documents';
import type { ShardEntry } from '../../utils/recall-index/published/format';
import { readVerifiedFile } from '../lib/published-file';
import type { KeyedShard } from '../lib/shard-selection';
import { selectFromShards } from '../lib/shard-threads';
import { STARTER_DIR } from '../lib/starter-dir';

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

/**
 * A published index folder (manifest.json + shards), every file checked against its checksum.
 *
 * With `wanted` (the keys a catalog's rows look up), only the records filed under one of those keys are
 * kept: the lookups then bring up exactly the candidates they would in the whole index, so the findings
 * are the same, while 250,000 recalls no longer have to be unpacked, keyed and held (issue 11's CLI
 * budget: 50,000 rows against them in under 10 s). A shard's key file says which records those are
 * when the index was built with this build's key rules; otherwise each record's keys are worked out
 * here. Records are checked as they are read: one that cannot be indexed is skipped and counted.
 */
export async function loadPublishedIndex(
  dir: string,
  wanted?: ReadonlySet<string>,
  threads?: number,
): Promise<AuditIndex> {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = parseManifest(await decodeJson(readFileSync(manifestFile), manifestFile), manifestFile);
  const index = new MemoryIndex();
  let skipped = 0;
  const keyed = (e: ShardEntry): e is KeyedShard => e.keys?.rules === KEY_RULES_VERSION;
  if (wanted) {
    for (const selected of await selectFromShards(dir, manifest.shards.filter(keyed), wanted, threads)) {
      for (const [i, r] of selected.records.entries()) index.add(r, selected.keys[i]);
      skipped += selected.skipped;
    }
  }
  // Shards without key files of these rules: every record read, and its keys worked out here.
  for (const entry of manifest.shards.filter((e) => !wanted || !keyed(e))) {
    const shard = shardReader(readVerifiedFile(dir, entry), entry.file);
    for (let i = 0; i < shard.count; i++) {
      const read = shard.read(i);
      if ('error' in read || !isIndexable(read.record)) skipped++;
      else if (!wanted || recallKeys(read.record).some((k) => wanted.has(k))) index.add(read.record);
    }
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
export const loadStarterIndex = (wanted?: ReadonlySet<string>): Promise<AuditIndex> =>
  loadPublishedIndex(STARTER_DIR, wanted);
