/**
 * Starter data: the extension ships an index snapshot so the first page check works before any network.
 * It is built by the same CLI as a published index, from our own demo data
 * (`npm run build:starter`: public/demo/cpsc-demo.json → public/demo/starter-snapshot.json), loaded on
 * install and update and whenever the index is empty, and replaced by the first sync of each source.
 * Records are filed under their own source, so a CPSC sync replaces exactly the CPSC starter records.
 */
import { parseFeedDocument } from '../feeds';
import type { Recall, SourceStatus } from '../schemas';
import { type RecallDb, replaceSource, sourceStatuses } from './db';

/** Files under public/ that hold bundled data: snapshots or raw feed responses. */
export const BUNDLED_FILES = ['/demo/starter-snapshot.json'];

/** At most this many skip reasons are kept per source: enough to act on, bounded in storage. */
const MAX_REASONS = 20;

export async function loadBundledData(
  db: RecallDb,
  readJson: (path: string) => Promise<unknown>,
  now: Date = new Date(),
): Promise<SourceStatus[]> {
  const statuses = await sourceStatuses(db);
  const out: SourceStatus[] = [];
  for (const path of BUNDLED_FILES) {
    const result = parseFeedDocument(await readJson(path), { now });
    const bySource = new Map<string, Recall[]>();
    for (const r of result.recalls) {
      const list = bySource.get(r.source);
      if (list) list.push(r);
      else bySource.set(r.source, [r]);
    }
    if (bySource.size === 0) bySource.set(result.source, []);
    for (const [source, recalls] of bySource) {
      // Synced data is newer than what shipped in the package; never overwrite it with the bundle.
      if (statuses.find((s) => s.source === source)?.origin === 'sync') continue;
      const skipped = bySource.size === 1 ? result.skipped : [];
      const status: SourceStatus = {
        source,
        records: recalls.length,
        skipped: skipped.length,
        skippedReasons: skipped.slice(0, MAX_REASONS).map((s) => s.reason),
        loadedAt: now.toISOString(),
        origin: 'bundled',
      };
      await replaceSource(db, recalls, status);
      out.push(status);
    }
  }
  return out;
}
