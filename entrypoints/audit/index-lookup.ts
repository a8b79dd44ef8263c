/**
 * The audit page's lookup: the extension's own IndexedDB recall index, read with the same code the
 * background uses (utils/recall-index/query.ts), so a chunk of listings is one read instead of a message
 * round trip per chunk. The reading, parsing and matching run in a worker (lookup-worker.ts) so the page
 * stays responsive through a 50,000-row audit; where the worker cannot start or fails, the same lookups
 * run on the page. Either way the candidates read are kept for this audit only (record-cache.ts) and
 * dropped by `close()`. The background is asked for the index status first: that waits for the starter
 * data on a fresh install, and names the sources for the report. The page never writes to the index.
 */
import type { BatchLookup } from '@/utils/audit/audit';
import { ask } from '@/utils/messaging/ask';
import { openRecallDb, type RecallDb } from '@/utils/recall-index/db';
import { lookupIdentities } from '@/utils/recall-index/query';
import { RecordCache } from '@/utils/recall-index/record-cache';
import type { IndexStatus } from '@/utils/schemas';
import { lookupOverWorker, WorkerFailedError, type WorkerLookup } from './lookup-off-thread';

export interface IndexLookup {
  lookup: BatchLookup;
  index: IndexStatus;
  close(): void;
}

async function startWorker(): Promise<WorkerLookup | null> {
  try {
    // Imported lazily, as read-off-thread.ts does: the import-boundary tests bundle the page with esbuild.
    const { default: LookupWorker } = (await import('./lookup-worker.ts?worker')) as {
      default: new () => Worker;
    };
    return lookupOverWorker(new LookupWorker());
  } catch {
    return null;
  }
}

/** Lookups on the page itself, with the audit's own cache. */
function onPage(): { lookup: BatchLookup; close(): void } {
  const db: Promise<RecallDb> = openRecallDb();
  const cache = new RecordCache();
  return {
    lookup: async (identities) => lookupIdentities(await db, identities, cache),
    close: () => {
      cache.clear();
      void db.then((d) => d.close()).catch(() => {});
    },
  };
}

export async function openIndexLookup(): Promise<IndexLookup> {
  const status = await ask('index-status');
  if (!status.ok) throw new Error(status.error);
  let worker = await startWorker();
  let page: ReturnType<typeof onPage> | null = worker ? null : onPage();
  return {
    lookup: async (identities) => {
      if (worker) {
        try {
          return await worker.lookup(identities);
        } catch (e) {
          if (!(e instanceof WorkerFailedError)) throw e;
          console.warn('recall-sentinel: the audit continues on the page:', e.message);
          worker = null;
        }
      }
      page ??= onPage();
      return page.lookup(identities);
    },
    index: status.index,
    close: () => {
      worker?.close();
      page?.close();
    },
  };
}
