/**
 * The audit page's lookup: the extension's own IndexedDB recall index, opened in the page (it shares the
 * extension's origin) with the same code the background uses (utils/recall-index/query.ts), so a chunk
 * of 250 listings is one read instead of a message round trip per chunk. The background is asked for the
 * index status first: that waits for the starter data on a fresh install, and names the sources for the
 * report. The database is closed when the audit ends; the page never writes to it.
 */
import type { BatchLookup } from '@/utils/audit/audit';
import { ask } from '@/utils/messaging/ask';
import { openRecallDb } from '@/utils/recall-index/db';
import { lookupIdentities } from '@/utils/recall-index/query';
import type { IndexStatus } from '@/utils/schemas';

export interface IndexLookup {
  lookup: BatchLookup;
  index: IndexStatus;
  close(): void;
}

export async function openIndexLookup(): Promise<IndexLookup> {
  const status = await ask('index-status');
  if (!status.ok) throw new Error(status.error);
  const db = await openRecallDb();
  return {
    lookup: (identities) => lookupIdentities(db, identities),
    index: status.index,
    close: () => db.close(),
  };
}
