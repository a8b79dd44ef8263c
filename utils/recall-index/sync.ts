/**
 * The sync engine: keeps the on-device index current from official feeds and from a published
 * Recall Sentinel index, the way Safe Browsing and uBlock keep their lists.
 *
 *   official feed   incremental by cursor (the newest record date, re-queried with a day of overlap),
 *                   upserted into the live generation in one transaction; the first sync and a periodic
 *                   deep rescan (feeds such as CPSC do not move their date on silent edits) download the
 *                   whole feed into a staging generation and swap it in, which also drops records the
 *                   authority removed
 *   published index manifest with ETag; a delta from the live version when one is listed (applied in one
 *                   transaction per source); otherwise every shard, each checked against its SHA-256,
 *                   written into staging generations that survive a stopped service worker, then swapped
 *                   in together. A delta that fails its checksum falls back to the full download
 *
 * Any failure (HTTP error, timeout, truncated body, an error record, a checksum mismatch) leaves the live
 * index as it was, is recorded in words, and backs off exponentially with jitter, honouring Retry-After.
 * Nothing here touches `browser.*`: fetch, clock, randomness and settings are injected.
 */
import { z } from 'zod';
import type { FeedHttp, FeedMapper, FeedResponse } from '../feeds/feed';
import { feedOrigins } from '../feeds/lib/permissions';
import type { Recall, SourceStatus, SyncOutcome, SyncProgress } from '../schemas';
import { feedEnabled, type Settings } from '../settings';
import {
  activateGenerations,
  applyChanges,
  changeCount,
  dropGeneration,
  generationCount,
  nextGeneration,
  type RecallDb,
  replaceSource,
  writeGeneration,
} from './db';
import { decodeVerified } from './published/codec';
import { parseDelta, parseManifest, parseShardForIndex } from './published/documents';
import { type DeltaEntry, deltaChain, type Manifest } from './published/format';
import { readSyncState, type SyncState, writeSyncState } from './sync-state';

export const PUBLISHED = 'published';

const MINUTE = 60_000;
const BACKOFF_BASE_MS = 5 * MINUTE;
const BACKOFF_MAX_MS = 24 * 60 * MINUTE;
const DEEP_SCAN_EVERY_MS = 30 * 24 * 60 * MINUTE;
const OVERLAP_MS = 24 * 60 * MINUTE;
/** Change rows in the live index beyond which a published sync downloads in full instead of a delta. */
export const MAX_PILED_CHANGES = 5_000;

export interface SyncDeps {
  db: RecallDb;
  fetch: typeof fetch;
  now: () => Date;
  random: () => number;
  settings: Settings;
  feeds: readonly FeedMapper[];
  onProgress?: (p: SyncProgress) => void;
  /** Per request; a feed that hangs must not hold the sync forever. */
  timeoutMs?: number;
  /**
   * Whether the extension holds the host permission a feed needs (lib/permissions.ts). Absent in tests
   * and the CLI; the background asks the browser. Not consulted when a base URL replaces the official
   * host (a mirror or a local server must answer with CORS headers instead).
   */
  mayReach?: (origins: string[]) => Promise<boolean>;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

export class ChecksumError extends Error {}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Exponential back-off with ±25% jitter, never sooner than the server asked. */
export function backoffMs(failures: number, random: number, retryAfterMs: number | null): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  const jittered = exp * (0.75 + random * 0.5);
  return Math.max(jittered, retryAfterMs ?? 0);
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

/** One request with the engine's timeout; unreachable hosts, 429 and 5xx become errors with reasons. */
async function request(deps: SyncDeps, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await deps.fetch(url, {
      ...init,
      signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000),
      cache: 'no-store',
    });
  } catch (e) {
    const why = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new Error(`${new URL(url).host} ${why}`);
  }
  if (res.status === 429 || res.status >= 500) {
    throw new HttpError(
      `${new URL(url).host} answered HTTP ${res.status}${res.status === 429 ? ' (too many requests)' : ''}`,
      res.status,
      parseRetryAfter(res.headers.get('retry-after'), deps.now()),
    );
  }
  return res;
}

const get = (deps: SyncDeps, url: string, headers: Record<string, string> = {}): Promise<Response> =>
  request(deps, url, { headers });

async function readJson(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not complete JSON (${text.length} bytes received)`);
  }
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

function status(source: string, records: number, skipped: string[], now: Date): SourceStatus {
  return {
    source,
    records,
    skipped: skipped.length,
    skippedReasons: skipped.slice(0, 20),
    loadedAt: now.toISOString(),
    origin: 'sync',
  };
}

/** Requests one run of a feed's `sync` walk may make, whatever its own bounds say: a last guard. */
const MAX_WALK_REQUESTS = 1_000;

/** The POST twin of `get`, for the feeds whose list is a POST (EU Safety Gate). */
const post = (deps: SyncDeps, url: string, body: unknown): Promise<Response> =>
  request(deps, url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/**
 * Text by the response's charset: Content-Type first, else a `<meta charset>` or XML declaration in the
 * first bytes, else UTF-8. TextDecoder knows gbk/gb18030 (SAMR pages) in Chrome and Node.
 */
function decodeText(bytes: Uint8Array, contentType: string | null): string {
  let charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (!charset) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    charset =
      /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
      /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The `FeedHttp` a feed's walk gets: requests in the official form are sent to the configured base URL
 * instead (as `feedUrl` does), a URL on any other host is refused, and 429/5xx, timeouts and truncated
 * JSON fail the run as they do on the single-GET path.
 */
function walkHttp(deps: SyncDeps, mapper: FeedMapper, count: () => void): FeedHttp {
  const official = new URL(mapper.endpoint?.buildUrl(null) ?? '').origin;
  const baseUrl = deps.settings.feeds[mapper.id]?.baseUrl ?? null;
  const resolve = (raw: string): string => {
    const url = new URL(raw);
    if (url.origin === official) {
      if (!baseUrl) return url.href;
      const base = new URL(baseUrl);
      return new URL(`${base.pathname.replace(/\/$/, '')}${url.pathname}${url.search}`, base.origin).href;
    }
    if (baseUrl && url.origin === new URL(baseUrl).origin) return url.href;
    throw new Error(`${mapper.name}: refused to fetch ${url.host}, which is not the feed's host`);
  };
  const answer = async <T>(
    res: Response,
    url: string,
    read: (r: Response) => Promise<T>,
  ): Promise<FeedResponse<T>> => {
    if (!res.ok && res.status !== 304 && res.status !== 404)
      throw new HttpError(`${new URL(url).host} answered HTTP ${res.status}`, res.status, null);
    const body =
      res.status === 304 ? null : res.status === 404 ? await read(res).catch(() => null) : await read(res);
    return { status: res.status, header: (name) => res.headers.get(name), body };
  };
  const json = (r: Response) => readJson(r, `the ${mapper.name} response`);
  const text = async (r: Response) =>
    decodeText(new Uint8Array(await r.arrayBuffer()), r.headers.get('content-type'));
  return {
    async getJson(raw, headers = {}) {
      const url = resolve(raw);
      count();
      return answer(await get(deps, url, { accept: 'application/json', ...headers }), url, json);
    },
    async getText(raw, headers = {}) {
      const url = resolve(raw);
      count();
      return answer(await get(deps, url, headers), url, text);
    },
    async postJson(raw, body) {
      const url = resolve(raw);
      count();
      return answer(await post(deps, url, body), url, json);
    },
  };
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
  deps: SyncDeps,
  mapper: FeedMapper,
  state: SyncState,
  full: boolean,
  now: Date,
): Promise<FeedRun | null> {
  const walk = mapper.endpoint?.sync;
  if (!walk) throw new Error(`${mapper.id} has no sync walk`);
  let requests = 0;
  const http = walkHttp(deps, mapper, () => {
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

/** The single-GET path: `buildUrl(since)` fetched once, the body mapped. */
async function fetchFeed(deps: SyncDeps, mapper: FeedMapper, state: SyncState, full: boolean, now: Date) {
  const since = full ? null : isoDay(new Date(Date.parse(state.cursor as string) - OVERLAP_MS));
  const url = feedUrl(mapper, since, deps.settings.feeds[mapper.id]?.baseUrl ?? null);
  deps.onProgress?.({ source: mapper.id, phase: 'downloading', done: 0, total: 1 });
  const res = await get(deps, url, { accept: 'application/json' });
  // A 404 can carry a meaningful body (openFDA: "No matches found" is an empty result); the mapper decides.
  if (!res.ok && res.status !== 404)
    throw new HttpError(`${new URL(url).host} answered HTTP ${res.status}`, res.status, null);
  const body = await readJson(res, `the ${mapper.name} response`);
  const parsed = mapper.map(body, { now });
  return {
    recalls: parsed.recalls,
    skipped: parsed.skipped.map((s) => s.reason),
    cursor: newestDate(parsed.recalls) ?? state.cursor,
    what: full ? 'full download' : `changes since ${since}`,
  };
}

async function syncFeed(deps: SyncDeps, mapper: FeedMapper, state: SyncState): Promise<SyncOutcome> {
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

  if (full) {
    await replaceSource(deps.db, recalls, status(mapper.id, recalls.length, skipped, now));
    state.lastDeepScanAt = now.toISOString();
  } else {
    await applyChanges(deps.db, mapper.id, recalls, [], () => status(mapper.id, 0, skipped, now));
  }
  state.cursor = run.cursor;
  return {
    source: mapper.id,
    status: 'updated',
    message: `${recalls.length} records (${run.what})${skipped.length ? `, ${skipped.length} skipped` : ''}`,
  };
}

/** Downloads `file` relative to the manifest and checks it against its published SHA-256. */
async function fetchVerified(deps: SyncDeps, base: URL, file: string, sha256: string): Promise<unknown> {
  const res = await get(deps, new URL(file, base).href);
  if (!res.ok) throw new HttpError(`${file}: HTTP ${res.status}`, res.status, null);
  const verified = await decodeVerified(new Uint8Array(await res.arrayBuffer()), sha256, file);
  if (!verified) throw new ChecksumError(`${file} does not match its checksum`);
  return verified.value;
}

const sourceOf = (recallId: string) => recallId.slice(0, recallId.indexOf(':'));

function groupBySource(recalls: Recall[]): Map<string, Recall[]> {
  const out = new Map<string, Recall[]>();
  for (const r of recalls) {
    const list = out.get(r.source);
    if (list) list.push(r);
    else out.set(r.source, [r]);
  }
  return out;
}

/**
 * Applies one delta. When it reaches the manifest's version, the manifest says how many records each
 * source now holds, so the index takes that count instead of checking every changed id against the
 * stored records (a thousand page reads at 250,000 recalls).
 */
async function applyDelta(deps: SyncDeps, base: URL, entry: DeltaEntry, manifest: Manifest): Promise<void> {
  const delta = parseDelta(await fetchVerified(deps, base, entry.file, entry.sha256), entry.file);
  const upserts = groupBySource(delta.upserts);
  const removals = new Map<string, string[]>();
  for (const id of delta.removals) {
    const list = removals.get(sourceOf(id));
    if (list) list.push(id);
    else removals.set(sourceOf(id), [id]);
  }
  const now = deps.now();
  for (const source of new Set([...upserts.keys(), ...removals.keys()])) {
    const records = entry.to === manifest.version ? manifest.feeds[source]?.records : undefined;
    await applyChanges(
      deps.db,
      source,
      upserts.get(source) ?? [],
      removals.get(source) ?? [],
      (current) => status(source, current?.records ?? 0, current?.skippedReasons ?? [], now),
      { records },
    );
  }
}

async function syncPublished(deps: SyncDeps, manifestUrl: string, state: SyncState): Promise<SyncOutcome> {
  const headers: Record<string, string> = {};
  if (state.etag && !state.staging) headers['if-none-match'] = state.etag;
  if (state.lastModified && !state.staging) headers['if-modified-since'] = state.lastModified;
  const res = await get(deps, manifestUrl, headers);
  if (res.status === 304) return { source: PUBLISHED, status: 'unchanged', message: 'index not modified' };
  if (!res.ok) throw new HttpError(`manifest: HTTP ${res.status}`, res.status, null);
  const manifest = parseManifest(await readJson(res, 'the index manifest'));
  const version = String(manifest.version);
  const base = new URL(manifestUrl);
  const validators = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };

  if (state.indexVersion === version && !state.staging) {
    Object.assign(state, validators);
    return { source: PUBLISHED, status: 'unchanged', message: `index ${version} is current` };
  }

  let note = '';
  const chain =
    state.indexVersion && !state.staging ? deltaChain(manifest, Number(state.indexVersion)) : null;
  // Deltas pile up as change rows, which every lookup start-up reads; past a bound, the full download
  // is the compaction (it writes fresh generations without any).
  const piledUp = chain && chain.length > 0 ? await changeCount(deps.db) : 0;
  if (piledUp > MAX_PILED_CHANGES) {
    note = ` (replacing ${piledUp} changes applied since the last full download)`;
  } else if (chain && chain.length > 0) {
    try {
      for (const delta of chain) {
        await applyDelta(deps, base, delta, manifest);
        // Saved after each delta: a run stopped halfway resumes from the version it reached.
        state.indexVersion = String(delta.to);
        await writeSyncState(deps.db, state);
      }
      Object.assign(state, validators);
      return {
        source: PUBLISHED,
        status: 'updated',
        message: `applied ${chain.length} delta(s) up to ${version}`,
      };
    } catch (e) {
      if (!(e instanceof ChecksumError)) throw e;
      note = ' (a delta failed its checksum, so the full index was downloaded)';
    }
  }

  // Full download into staging generations; `state.staging` is saved after every shard so a stopped
  // service worker resumes here. A staging run for an older version is abandoned.
  if (state.staging && state.staging.version !== version) {
    for (const gen of Object.values(state.staging.gens)) await dropGeneration(deps.db, gen);
    state.staging = null;
  }
  const staging = state.staging ?? { version, gens: {}, done: [] };
  state.staging = staging;
  let written = 0;
  let unreadable = 0;
  for (const shard of manifest.shards) {
    deps.onProgress?.({
      source: PUBLISHED,
      phase: 'downloading',
      done: staging.done.length,
      total: manifest.shards.length,
    });
    if (staging.done.includes(shard.file)) continue;
    const parsed = parseShardForIndex(await fetchVerified(deps, base, shard.file, shard.sha256), shard.file);
    unreadable += parsed.skipped;
    for (const [source, recalls] of groupBySource(parsed.recalls)) {
      staging.gens[source] ??= await nextGeneration(deps.db, source, Object.values(staging.gens));
      const gen = staging.gens[source] as string;
      // One run per shard and source (db.ts): a resumed download writes a shard's rows again in place.
      await writeGeneration(deps.db, gen, recalls);
      written += recalls.length;
    }
    staging.done.push(shard.file);
    await writeSyncState(deps.db, state);
  }
  const now = deps.now();
  const entries = await Promise.all(
    Object.entries(staging.gens).map(async ([source, gen]) => ({
      gen,
      status: {
        ...status(
          source,
          await generationCount(deps.db, gen),
          manifest.feeds[source]?.skippedReasons ?? [],
          now,
        ),
        skipped: manifest.feeds[source]?.skipped ?? 0,
      },
    })),
  );
  const retired = await activateGenerations(deps.db, entries);
  Object.assign(state, validators, { indexVersion: version, staging: null });
  await writeSyncState(deps.db, state);
  for (const gen of retired) await dropGeneration(deps.db, gen);
  return {
    source: PUBLISHED,
    status: 'updated',
    message: `downloaded index ${version}: ${written} records in ${manifest.shards.length} shards${
      unreadable ? `, ${unreadable} unreadable records skipped` : ''
    }${note}`,
  };
}

function describeError(e: unknown): string {
  if (e instanceof z.ZodError) return `unexpected data: ${e.issues[0]?.message ?? 'invalid'}`;
  return e instanceof Error ? e.message : String(e);
}

interface Target {
  source: string;
  run: (state: SyncState) => Promise<SyncOutcome>;
}

function targets(deps: SyncDeps): Target[] {
  const out: Target[] = [];
  const url = deps.settings.publishedIndexUrl;
  if (url) out.push({ source: PUBLISHED, run: (s) => syncPublished(deps, url, s) });
  for (const mapper of deps.feeds) {
    if (mapper.endpoint && feedEnabled(deps.settings, mapper.id)) {
      out.push({ source: mapper.id, run: (s) => syncFeed(deps, mapper, s) });
    }
  }
  return out;
}

/**
 * Syncs every enabled source that is due (or all of them with `force`), one after another. Never
 * throws: each source's outcome, success or failure, is returned and recorded in its state.
 */
export async function runSync(deps: SyncDeps, options: { force?: boolean } = {}): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (const target of targets(deps)) {
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
        now.getTime() - Date.parse(state.lastSuccessAt) < deps.settings.syncIntervalMinutes * MINUTE;
      if (fresh && !state.staging) {
        outcomes.push({ source: target.source, status: 'not-due', message: 'synced recently' });
        continue;
      }
    }
    state.lastAttemptAt = now.toISOString();
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
    }
    await writeSyncState(deps.db, state);
  }
  return outcomes;
}
