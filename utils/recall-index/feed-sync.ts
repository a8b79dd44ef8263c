/**
 * Syncing one official feed into the index: incremental by cursor (the newest record date, re-queried
 * with a day of overlap), upserted into the live generation in one transaction; the first sync and a
 * periodic deep rescan (feeds such as CPSC do not move their date on silent edits) download the whole
 * feed into a staging generation and swap it in, which also drops records the authority removed.
 *
 * A feed is fetched either by one GET of `endpoint.buildUrl(since)` or, when it declares one, by its own
 * `sync` walk over several documents, through an HTTP client that keeps it on its own host.
 */
import type { FeedMapper } from '../feeds/feed';
import { feedOrigins } from '../feeds/lib/permissions';
import type { Recall, SourceStatus, SyncOutcome, SyncProgress } from '../schemas';
import type { Settings } from '../settings';
import { applyChanges, type RecallDb, replaceSource } from './db';
import { feedHttp } from './feed-http';
import { get, type HttpDeps, HttpError, readJson } from './http';
import { type SyncState, syncedStatus } from './sync-state';

const DAY_MS = 24 * 60 * 60_000;
/** How often a feed is read again from the top, to catch notices edited without a new date. */
export const DEEP_SCAN_EVERY_MS = 30 * DAY_MS;
const OVERLAP_MS = DAY_MS;
/** Requests one run of a feed's `sync` walk may make, whatever its own bounds say: a last guard. */
const MAX_WALK_REQUESTS = 1_000;

export interface FeedSyncDeps extends HttpDeps {
  db: RecallDb;
  settings: Settings;
  onProgress?: (p: SyncProgress) => void;
  /**
   * Whether the extension holds the host permission a feed needs (lib/permissions.ts). Absent in tests
   * and the CLI; the background asks the browser. Not consulted when a base URL replaces the official
   * host (a mirror or a local server must answer with CORS headers instead).
   */
  mayReach?: (origins: string[]) => Promise<boolean>;
}

/** The URL a feed is fetched from, with the user's (or a test's) base URL in place of the official host. */
export function feedUrl(mapper: FeedMapper, since: string | null, baseUrl: string | null): string {
  if (!mapper.endpoint) throw new Error(`${mapper.id} has no endpoint to sync from`);
  const official = new URL(mapper.endpoint.buildUrl(since));
  if (!baseUrl) return official.href;
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  return new URL(`${prefix}${official.pathname}${official.search}`, base.origin).href;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function newestDate(recalls: Recall[]): string | null {
  let newest: string | null = null;
  for (const r of recalls) {
    const d = (r.updated ?? r.published)?.slice(0, 10) ?? null;
    if (d && (!newest || d > newest)) newest = d;
  }
  return newest;
}

/** Of two copies of one record, the one updated (or published) later; on a tie, the one read later. */
function newer(kept: Recall, next: Recall): Recall {
  const day = (r: Recall) => r.updated ?? r.published ?? '';
  return day(next) >= day(kept) ? next : kept;
}

interface FeedRun {
  recalls: Recall[];
  skipped: string[];
  cursor: string | null;
  what: string;
}

/** One run of a feed's `sync` walk, its documents mapped and merged; null when nothing changed (304). */
async function walkFeed(
  deps: FeedSyncDeps,
  mapper: FeedMapper,
  state: SyncState,
  full: boolean,
  now: Date,
): Promise<FeedRun | null> {
  const walk = mapper.endpoint?.sync;
  if (!walk) throw new Error(`${mapper.id} has no sync walk`);
  let requests = 0;
  const http = feedHttp(deps, mapper, deps.settings.feeds[mapper.id]?.baseUrl ?? null, () => {
    requests += 1;
    if (requests > MAX_WALK_REQUESTS)
      throw new Error(`${mapper.name}: more than ${MAX_WALK_REQUESTS} requests in one run`);
    deps.onProgress?.({ source: mapper.id, phase: 'downloading', done: requests - 1, total: requests });
  });
  const result = await walk(http, full ? null : state.cursor, { now });
  if (result.notModified) return null;
  const byId = new Map<string, Recall>();
  const skipped = [...(result.skipped ?? [])];
  for (const doc of result.documents) {
    const parsed = mapper.map(doc, { now });
    for (const r of parsed.recalls) {
      const kept = byId.get(r.id);
      byId.set(r.id, kept ? newer(kept, r) : r);
    }
    skipped.push(...parsed.skipped.map((s) => s.reason));
  }
  return {
    recalls: [...byId.values()],
    skipped,
    cursor: result.cursor ?? state.cursor,
    what: full ? 'full download' : `changes since ${state.cursor}`,
  };
}

/**
 * The document of a feed served in one answer (`buildUrl(since)`, `since` null for all of it), parsed,
 * for the sync here and the publisher's `index fetch`. A 404 can carry a meaningful body (openFDA: "No
 * matches found" is an empty result), so the mapper decides; other errors throw with the status.
 */
export async function getFeedDocument(
  deps: HttpDeps,
  mapper: FeedMapper,
  since: string | null,
  baseUrl: string | null,
): Promise<unknown> {
  const url = feedUrl(mapper, since, baseUrl);
  const res = await get(deps, url, { accept: 'application/json' });
  if (!res.ok && res.status !== 404)
    throw new HttpError(`${new URL(url).host} answered HTTP ${res.status}`, res.status, null);
  return readJson(res, `the ${mapper.name} response`);
}

/** The single-GET path: `buildUrl(since)` fetched once, the body mapped. */
async function fetchFeed(
  deps: FeedSyncDeps,
  mapper: FeedMapper,
  state: SyncState,
  full: boolean,
  now: Date,
): Promise<FeedRun> {
  const since = full ? null : isoDay(new Date(Date.parse(state.cursor as string) - OVERLAP_MS));
  deps.onProgress?.({ source: mapper.id, phase: 'downloading', done: 0, total: 1 });
  const body = await getFeedDocument(deps, mapper, since, deps.settings.feeds[mapper.id]?.baseUrl ?? null);
  const parsed = mapper.map(body, { now });
  return {
    recalls: parsed.recalls,
    skipped: parsed.skipped.map((s) => s.reason),
    cursor: newestDate(parsed.recalls) ?? state.cursor,
    what: full ? 'full download' : `changes since ${since}`,
  };
}

/** One sync of one feed; `state` is updated in place (cursor, deep-scan date) for the runner to save. */
export async function syncFeed(
  deps: FeedSyncDeps,
  mapper: FeedMapper,
  state: SyncState,
): Promise<SyncOutcome> {
  const origins = feedOrigins(mapper);
  if (
    origins.length &&
    !deps.settings.feeds[mapper.id]?.baseUrl &&
    deps.mayReach &&
    !(await deps.mayReach(origins))
  ) {
    throw new Error(
      `permission to reach ${origins.join(', ')} was not granted: turn ${mapper.name} on again in the settings`,
    );
  }
  const now = deps.now();
  const deepScanDue =
    !state.lastDeepScanAt || now.getTime() - Date.parse(state.lastDeepScanAt) > DEEP_SCAN_EVERY_MS;
  const full = !state.cursor || deepScanDue;
  const run: FeedRun | null = mapper.endpoint?.sync
    ? await walkFeed(deps, mapper, state, full, now)
    : await fetchFeed(deps, mapper, state, full, now);
  if (!run) return { source: mapper.id, status: 'unchanged', message: 'not modified since the last sync' };
  const { recalls, skipped } = run;
  deps.onProgress?.({ source: mapper.id, phase: 'writing', done: 0, total: recalls.length });

  const status = (records: number): SourceStatus => syncedStatus(mapper.id, records, skipped, now);
  if (full) {
    await replaceSource(deps.db, recalls, status(recalls.length));
    state.lastDeepScanAt = now.toISOString();
  } else {
    await applyChanges(deps.db, mapper.id, recalls, [], () => status(0));
  }
  state.cursor = run.cursor;
  return {
    source: mapper.id,
    status: 'updated',
    records: recalls.length,
    skipped: skipped.length,
    message: `${recalls.length} records (${run.what})${skipped.length ? `, ${skipped.length} skipped` : ''}`,
  };
}
