/**
 * The recalls an audit is checked against, in memory: a published index folder given with `--index`
 * (built by `index build`, what a team publishes on a CDN), or else the starter index the extension
 * ships (public/starter/), so a merchant needs no feed files to audit a catalog (feed files given with
 * `--feed` are read by feed-index.ts). Published indexes are read the way the extension reads them:
 * each file verified against the manifest's checksum.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryIndex } from '../../utils/recall-index/memory-index';
import { decodeJson } from '../../utils/recall-index/published/codec';
import { parseManifest } from '../../utils/recall-index/published/documents';
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
  for (const selected of await selectFromShards(dir, manifest.shards, wanted, threads)) {
    for (const [i, r] of selected.records.entries()) index.add(r, selected.keys[i]);
    skipped += selected.skipped;
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
