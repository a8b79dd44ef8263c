/**
 * Per-target sync state, persisted in the `sync` store: where the cursor is, the HTTP validators, the
 * back-off, the last error in words, and a staging run in progress (so a stopped service worker resumes
 * instead of starting over). Parsed on read: a record from an older version falls back to defaults.
 */
import { z } from 'zod';
import type { SourceStatus } from '../schemas';
import type { RecallDb } from './db';
import { MAX_SKIP_REASONS } from './published/format';
import { completeWrite } from './storage-full';

export const Staging = z.object({
  /** The published index version (or feed run id) being staged. */
  version: z.string(),
  /** Staging generation per source. */
  gens: z.record(z.string(), z.string()),
  /** Files (shards) already written into the staging generations. */
  done: z.array(z.string()),
});
export type Staging = z.infer<typeof Staging>;

export const SyncState = z.object({
  /** Feed id, or "published" for a published index. */
  source: z.string(),
  /** Feeds: the newest record date seen (YYYY-MM-DD). Published index: unused. */
  cursor: z.string().nullable().default(null),
  etag: z.string().nullable().default(null),
  lastModified: z.string().nullable().default(null),
  /** Published index: the manifest version now live. */
  indexVersion: z.string().nullable().default(null),
  /** Published index: the manifest URL `indexVersion` is of (a new URL starts over, see published-sync.ts). */
  indexUrl: z.string().nullable().default(null),
  /** Published index: the live manifest's own `generatedAt`, shown beside its host. */
  indexGeneratedAt: z.string().nullable().default(null),
  failures: z.number().int().nonnegative().default(0),
  nextAttemptAt: z.string().nullable().default(null),
  lastAttemptAt: z.string().nullable().default(null),
  lastSuccessAt: z.string().nullable().default(null),
  lastDeepScanAt: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
  /** When the current run of failures began (null while healthy). */
  failingSince: z.string().nullable().default(null),
  staging: Staging.nullable().default(null),
  /** When the run now under way began; cleared when it ends, so one left set was stopped mid-run. */
  startedAt: z.string().nullable().default(null),
});
export type SyncState = z.infer<typeof SyncState>;

export async function readSyncState(db: RecallDb, source: string): Promise<SyncState> {
  const parsed = SyncState.safeParse(await db.idb.get('sync', source));
  return parsed.success ? parsed.data : SyncState.parse({ source });
}

export async function writeSyncState(db: RecallDb, state: SyncState): Promise<void> {
  const tx = db.idb.transaction('sync', 'readwrite');
  await completeWrite(tx, () => tx.store.put(state));
}

/** What the status says of a run that began and never ended: the worker or the browser stopped it. */
export const INTERRUPTED =
  'the last sync was stopped before it finished (the browser or the extension closed); the index it had is kept, and the next sync resumes it';

/**
 * Every sync state, as the status shows it: a run that began but is not running in this worker was
 * stopped mid-run, and says so in its `lastError` (unless it failed since, which says more).
 */
export async function allSyncStates(db: RecallDb): Promise<SyncState[]> {
  return (await storedSyncStates(db)).map((state) =>
    state.startedAt && !db.syncing.has(state.source) ? { ...state, lastError: INTERRUPTED } : state,
  );
}

/** Every sync state as stored (what a sync writes back; `allSyncStates` is what the status shows). */
export async function storedSyncStates(db: RecallDb): Promise<SyncState[]> {
  return (await db.idb.getAll('sync')).flatMap((raw) => {
    const parsed = SyncState.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The status a sync files for a source it wrote: its record count and the first skip reasons. */
export function syncedStatus(source: string, records: number, skipped: string[], now: Date): SourceStatus {
  return {
    source,
    records,
    skipped: skipped.length,
    skippedReasons: skipped.slice(0, MAX_SKIP_REASONS),
    loadedAt: now.toISOString(),
    origin: 'sync',
  };
}
