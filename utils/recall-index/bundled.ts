/**
 * Starter data: the extension ships a small dataset so the first page check works before any network.
 * It is loaded on install and update, and whenever the index is empty. Live sync (a later stage) calls
 * the same `replaceSource`, so bundled and synced data go through one write path.
 */
import { parseFeedDocument } from '../feeds';
import type { SourceStatus } from '../schemas';
import { type RecallDb, replaceSource, sourceStatuses } from './db';

/** Files under public/ that hold bundled data, each a raw feed response or a snapshot. */
export const BUNDLED_FILES = ['/demo/cpsc-demo.json'];

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
    // Synced data is newer than what shipped in the package; never overwrite it with the bundle.
    const existing = statuses.find((s) => s.source === result.source);
    if (existing?.origin === 'sync') continue;
    const status: SourceStatus = {
      source: result.source,
      records: result.recalls.length,
      skipped: result.skipped.length,
      skippedReasons: result.skipped.slice(0, MAX_REASONS).map((s) => s.reason),
      loadedAt: now.toISOString(),
      origin: 'bundled',
    };
    await replaceSource(db, result.recalls, status);
    out.push(status);
  }
  return out;
}
