/**
 * `index fetch`: downloads the official feeds for the publisher (.github/workflows/publish-index.yml),
 * with the same walks the extension syncs them by (each feed's `endpoint`, through feed-http.ts), and
 * writes one fetched-feed file per source (scripts/lib/fetched-feed.ts) for `index build`.
 *
 *   index fetch --out <dir> [--source <id> ...] [--state <file>] [--base-url <id>=<url> ...]
 *               [--max-pages <n>] [--max-items <n>] [--pace-ms <ms>] [--retries <n>]
 *
 * Feeds whose walk is bounded per run continue from a cursor kept in the state file, which the workflow
 * publishes beside the index (fetch-state.json) and hands back on the next run; every 30 days a walk
 * starts over from the top, as the extension's deep rescan does, to pick up silently edited notices. A
 * feed that fails is named in the summary and writes no file, so the build keeps its earlier records;
 * only when every feed fails does the command fail.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { feedById, feeds } from '../../utils/feeds';
import type { FeedMapper } from '../../utils/feeds/feed';
import { feedHttp } from '../../utils/recall-index/feed-http';
import { DEEP_SCAN_EVERY_MS, getFeedDocument } from '../../utils/recall-index/feed-sync';
import { parseRetryAfter } from '../../utils/recall-index/http';
import { FETCHED_FEED_FORMAT, type FetchedFeed } from '../lib/fetched-feed';

/** Requests one feed's walk may make in one run, whatever its own bounds say: a last guard. */
const MAX_REQUESTS_PER_FEED = 2_000;
/** An official host can be slow with a 27 MB body (CPSC); a hung one must not hold the job. */
const REQUEST_TIMEOUT_MS = 180_000;
/** The longest a retry waits, whatever Retry-After asks: the job has a time limit. */
const MAX_RETRY_WAIT_MS = 300_000;

export const STATE_FILE = 'fetch-state.json';

const FeedState = z.object({
  cursor: z.string().nullable().default(null),
  lastDeepScanAt: z.string().nullable().default(null),
  lastSuccessAt: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
  failingSince: z.string().nullable().default(null),
});
type FeedState = z.infer<typeof FeedState>;
const FetchState = z.object({ formatVersion: z.literal(1), feeds: z.record(z.string(), FeedState) });
type FetchState = z.infer<typeof FetchState>;

export interface FetchOptions {
  out: string;
  sources: string[];
  /** The previous run's state file; missing or unreadable means every feed starts from the top. */
  stateFile?: string;
  /** A feed's official origin replaced by another (tests, a mirror), by feed id. */
  baseUrls: Record<string, string>;
  maxPages?: number;
  maxItems?: number;
  /** The least time between two requests to one host: the publisher is a polite client. */
  paceMs: number;
  /** Retries of a request answered 429/5xx or not answered, honouring Retry-After. */
  retries: number;
  /** The wait before the first retry when the host names none (then twice it, ...). */
  retryDelayMs: number;
  now: Date;
  fetch?: typeof fetch;
}

export interface FetchedSource {
  source: string;
  status: 'fetched' | 'unchanged' | 'failed';
  file?: string;
  incremental?: boolean;
  documents?: number;
  requests: number;
  error?: string;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readState(file: string | undefined): { state: FetchState; warning?: string } {
  const empty: FetchState = { formatVersion: 1, feeds: {} };
  if (!file) return { state: empty };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { state: empty, warning: `${file}: not read (${errorText(e)}); every feed starts from the top` };
  }
  const parsed = FetchState.safeParse(data);
  if (!parsed.success)
    return { state: empty, warning: `${file}: not a fetch state; every feed starts from the top` };
  return { state: parsed.data };
}

/**
 * fetch with pacing and retries: a 429 or 5xx answer, or no answer, is retried after the Retry-After the
 * host asked for (else `retryDelayMs`, twice it, ...; at most 5 minutes); the last answer is passed on for the sync
 * code to turn into an error that names the status.
 */
function politeFetch(
  base: typeof fetch,
  opts: Pick<FetchOptions, 'paceMs' | 'retries' | 'retryDelayMs'>,
): typeof fetch {
  let last = 0;
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const wait = last + opts.paceMs - Date.now();
      if (wait > 0) await sleep(wait);
      last = Date.now();
      let res: Response | undefined;
      let failure: unknown;
      try {
        res = await base(input, init);
      } catch (e) {
        failure = e;
      }
      const retryable = !res || res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= opts.retries) {
        if (res) return res;
        throw failure;
      }
      const askedMs = parseRetryAfter(res?.headers.get('retry-after') ?? null, new Date());
      await res?.body?.cancel();
      await sleep(Math.min(askedMs ?? opts.retryDelayMs * (attempt + 1), MAX_RETRY_WAIT_MS));
    }
  };
}

async function fetchSource(
  mapper: FeedMapper,
  state: FeedState,
  opts: FetchOptions,
  counter: { requests: number },
): Promise<{ fetched: FetchedFeed | null; cursor: string | null; deepScan: boolean }> {
  const deps = {
    fetch: politeFetch(opts.fetch ?? fetch, opts),
    now: () => opts.now,
    timeoutMs: REQUEST_TIMEOUT_MS,
  };
  const baseUrl = opts.baseUrls[mapper.id] ?? null;
  const fetchedAt = opts.now.toISOString();
  const walk = mapper.endpoint?.sync;
  if (!walk) {
    // A feed served whole in one answer (CPSC): downloaded whole every run, so the build replaces it.
    counter.requests = 1;
    const body = await getFeedDocument(deps, mapper, null, baseUrl);
    const fetched: FetchedFeed = {
      format: FETCHED_FEED_FORMAT,
      formatVersion: 1,
      source: mapper.id,
      fetchedAt,
      incremental: false,
      documents: [body],
      skipped: [],
    };
    return { fetched, cursor: state.cursor, deepScan: true };
  }
  const deepScan =
    !state.cursor ||
    !state.lastDeepScanAt ||
    opts.now.getTime() - Date.parse(state.lastDeepScanAt) > DEEP_SCAN_EVERY_MS;
  const http = feedHttp(deps, mapper, baseUrl, () => {
    counter.requests += 1;
    if (counter.requests > MAX_REQUESTS_PER_FEED)
      throw new Error(`${mapper.name}: more than ${MAX_REQUESTS_PER_FEED} requests in one run`);
  });
  const result = await walk(http, deepScan ? null : state.cursor, {
    now: opts.now,
    ...(opts.maxPages !== undefined && { maxPages: opts.maxPages }),
    ...(opts.maxItems !== undefined && { maxItems: opts.maxItems }),
  });
  if (result.notModified) return { fetched: null, cursor: state.cursor, deepScan };
  // Always laid over the earlier records: a walk is bounded per run, so even a walk from the top sees
  // only the newest notices, and must not drop the rest.
  const fetched: FetchedFeed = {
    format: FETCHED_FEED_FORMAT,
    formatVersion: 1,
    source: mapper.id,
    fetchedAt,
    incremental: true,
    documents: result.documents,
    skipped: result.skipped ?? [],
  };
  return { fetched, cursor: result.cursor ?? state.cursor, deepScan };
}

/** Every official feed that can be fetched from its host: the sources `--source all` means. */
export const fetchableSources = (): string[] => feeds.filter((f) => f.endpoint).map((f) => f.id);

export async function fetchFeeds(opts: FetchOptions): Promise<{
  out: string;
  state: string;
  warning?: string;
  sources: FetchedSource[];
}> {
  for (const id of opts.sources) {
    if (!feedById(id)?.endpoint)
      throw new Error(`not a feed that can be fetched: ${id} (one of ${fetchableSources().join(', ')})`);
  }
  const { state, warning } = readState(opts.stateFile);
  mkdirSync(opts.out, { recursive: true });
  const now = opts.now.toISOString();
  const sources: FetchedSource[] = [];
  for (const id of opts.sources) {
    const mapper = feedById(id) as FeedMapper;
    const before = FeedState.parse(state.feeds[id] ?? {});
    const counter = { requests: 0 };
    const requests = () => counter.requests;
    try {
      const { fetched, cursor, deepScan } = await fetchSource(mapper, before, opts, counter);
      state.feeds[id] = {
        ...before,
        cursor,
        lastDeepScanAt: deepScan ? now : before.lastDeepScanAt,
        lastSuccessAt: now,
        lastError: null,
        failingSince: null,
      };
      if (!fetched) {
        sources.push({ source: id, status: 'unchanged', requests: requests() });
        continue;
      }
      const file = path.join(opts.out, `${id}.json`);
      writeFileSync(file, JSON.stringify(fetched));
      sources.push({
        source: id,
        status: 'fetched',
        file,
        incremental: fetched.incremental,
        documents: fetched.documents.length,
        requests: requests(),
      });
    } catch (e) {
      state.feeds[id] = { ...before, lastError: errorText(e), failingSince: before.failingSince ?? now };
      sources.push({ source: id, status: 'failed', requests: requests(), error: errorText(e) });
    }
  }
  const stateOut = path.join(opts.out, STATE_FILE);
  writeFileSync(stateOut, `${JSON.stringify(state, null, 2)}\n`);
  if (sources.every((s) => s.status === 'failed'))
    throw new Error(`every feed failed: ${sources.map((s) => `${s.source}: ${s.error}`).join('; ')}`);
  return { out: opts.out, state: stateOut, ...(warning && { warning }), sources };
}
