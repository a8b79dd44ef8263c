/**
 * The sync engine's runner: keeps the on-device index current from official feeds (feed-sync.ts) and
 * from a published Recall Sentinel index (published-sync.ts), the way Safe Browsing and uBlock keep
 * their lists. It decides which sources are due, runs them one after another, and records each outcome.
 *
 * Any failure (HTTP error, timeout, truncated body, an error record, a checksum mismatch) leaves the live
 * index as it was, is recorded in words, and backs off exponentially with jitter, honouring Retry-After.
 * Nothing here touches `browser.*`: fetch, clock, randomness and settings are injected.
 */
import { z } from 'zod';
import type { FeedMapper } from '../feeds/feed';
import type { SyncOutcome } from '../schemas';
import { feedEnabled, type Settings } from '../settings';
import { sweepOrphanGenerations } from './db';
import { type FeedSyncDeps, syncFeed } from './feed-sync';
import { HttpError } from './http';
import { PUBLISHED, type PublishedSyncDeps, syncPublished } from './published-sync';
import { isClosedConnection, isStorageFull } from './storage-full';
import { readSyncState, type SyncState, storedSyncStates, writeSyncState } from './sync-state';

const MINUTE = 60_000;
/**
 * How often the published index is checked, at most, whatever the feeds' interval: one conditional
 * request (ETag) when nothing changed, and a day's delta is tens of KB, so a recall published upstream
 * reaches the page within the hour at p95 with the workflow's half-hourly builds (README, "How fresh").
 * The official feeds keep the user's interval (6 hours by default): they are the authorities' hosts.
 */
export const INDEX_CHECK_MINUTES = 30;

/** The sync alarm's period: the settings' interval, or the index's when a published index is set. */
export function syncAlarmMinutes(
  settings: Pick<Settings, 'syncIntervalMinutes' | 'publishedIndexUrl'>,
): number {
  return settings.publishedIndexUrl
    ? Math.min(settings.syncIntervalMinutes, INDEX_CHECK_MINUTES)
    : settings.syncIntervalMinutes;
}
const BACKOFF_BASE_MS = 5 * MINUTE;
const BACKOFF_MAX_MS = 24 * 60 * MINUTE;

export interface SyncDeps extends FeedSyncDeps, PublishedSyncDeps {
  random: () => number;
  feeds: readonly FeedMapper[];
}

/** Exponential back-off with ±25% jitter, never sooner than the server asked. */
export function backoffMs(failures: number, random: number, retryAfterMs: number | null): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  const jittered = exp * (0.75 + random * 0.5);
  return Math.max(jittered, retryAfterMs ?? 0);
}

function describeError(e: unknown): string {
  if (e instanceof z.ZodError) return `unexpected data: ${e.issues[0]?.message ?? 'invalid'}`;
  if (isStorageFull(e)) return 'there is not enough storage space on this device for the new records';
  return e instanceof Error ? e.message : String(e);
}

interface Target {
  source: string;
  /** A source synced less than this long ago is not due. */
  intervalMinutes: number;
  run: (state: SyncState) => Promise<SyncOutcome>;
}

function targets(deps: SyncDeps): Target[] {
  const out: Target[] = [];
  const { publishedIndexUrl: url, syncIntervalMinutes } = deps.settings;
  if (url)
    out.push({
      source: PUBLISHED,
      intervalMinutes: Math.min(syncIntervalMinutes, INDEX_CHECK_MINUTES),
      run: (s) => syncPublished(deps, url, s),
    });
  for (const mapper of deps.feeds) {
    if (mapper.endpoint && feedEnabled(deps.settings, mapper.id)) {
      out.push({
        source: mapper.id,
        intervalMinutes: syncIntervalMinutes,
        run: (s) => syncFeed(deps, mapper, s),
      });
    }
  }
  return out;
}

/**
 * Deletes what a worker stopped mid-write left behind (db.ts, `sweepOrphanGenerations`), keeping the
 * staging generations of the targets that will resume them. A target no longer synced (the published
 * index turned off) has its staging abandoned first. Runs only here, where nothing else is writing (the
 * runner runs one sync at a time; `replaceSource` in this worker protects its own generation).
 */
async function sweepBeforeSync(deps: SyncDeps, synced: ReadonlySet<string>): Promise<void> {
  const keep: string[] = [];
  for (const state of await storedSyncStates(deps.db)) {
    if (!state.staging) continue;
    if (synced.has(state.source)) keep.push(...Object.values(state.staging.gens));
    else await writeSyncState(deps.db, { ...state, staging: null });
  }
  await sweepOrphanGenerations(deps.db, keep);
}

/**
 * Syncs every enabled source that is due (or all of them with `force`), one after another. Never
 * throws: each source's outcome, success or failure, is returned and recorded in its state.
 */
export async function runSync(deps: SyncDeps, options: { force?: boolean } = {}): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  const all = targets(deps);
  await sweepBeforeSync(deps, new Set(all.map((t) => t.source)));
  for (const target of all) {
    const state = await readSyncState(deps.db, target.source);
    const now = deps.now();
    if (!options.force) {
      if (state.nextAttemptAt && Date.parse(state.nextAttemptAt) > now.getTime()) {
        outcomes.push({
          source: target.source,
          status: 'not-due',
          message: `backing off until ${state.nextAttemptAt}`,
        });
        continue;
      }
      const fresh =
        state.lastSuccessAt &&
        now.getTime() - Date.parse(state.lastSuccessAt) < target.intervalMinutes * MINUTE;
      if (fresh && !state.staging) {
        outcomes.push({ source: target.source, status: 'not-due', message: 'synced recently' });
        continue;
      }
    }
    state.lastAttemptAt = now.toISOString();
    // Recorded before the run: if the worker or the browser stops it, the status says so (sync-state.ts).
    state.startedAt = state.lastAttemptAt;
    await writeSyncState(deps.db, state);
    deps.db.syncing.add(target.source);
    try {
      const outcome = await target.run(state);
      Object.assign(state, {
        failures: 0,
        lastError: null,
        failingSince: null,
        nextAttemptAt: null,
        lastSuccessAt: deps.now().toISOString(),
      });
      outcomes.push(outcome);
    } catch (e) {
      state.failures += 1;
      state.lastError = describeError(e);
      state.failingSince ??= now.toISOString();
      const wait = backoffMs(state.failures, deps.random(), e instanceof HttpError ? e.retryAfterMs : null);
      state.nextAttemptAt = new Date(now.getTime() + wait).toISOString();
      outcomes.push({
        source: target.source,
        status: 'failed',
        message: `${state.lastError}; the previous index is kept`,
      });
    } finally {
      deps.db.syncing.delete(target.source);
    }
    state.startedAt = null;
    // A failure that closed the database (a full disk) fails this write too; the outcome still stands,
    // and the next run starts from the state saved before.
    await writeSyncState(deps.db, state).catch((e: unknown) => {
      if (!isClosedConnection(e)) throw e;
      console.warn('recall-sentinel: could not save the sync state', e);
    });
  }
  return outcomes;
}
