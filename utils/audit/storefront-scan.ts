/**
 * The storefront scan as a resumable run: products.json pages fetched a few at a time (a polite delay
 * between requests, 429/503 retried as the store asks, a time limit per page), their variants appended
 * as catalog rows, and the state saved after every batch, so a reload mid-scan resumes at the page it
 * stopped at. A page that fails (HTTP 500, a hang, not products.json) stops the scan with the reason and
 * keeps every row before it. Aborting the signal pauses (the caller drops the state to cancel).
 * Browser-safe and dependency-injected (fetch, sleep, save), so the tests drive it with a fake store.
 */

import { i18n } from '../ui-language/i18n';
import type { CatalogRow } from './catalog-fields';
import type { Catalog } from './read-catalog';
import {
  MAX_STORE_PAGES,
  PAGE_TIMEOUT_MS,
  POLITE_DELAY_MS,
  productsPageUrl,
  readProductsPage,
  retryDecision,
  STORE_CONCURRENCY,
  STORE_PAGE_SIZE,
  type StorePage,
} from './storefront';

export const SCAN_STATE_VERSION = 1;

export interface ScanState {
  version: typeof SCAN_STATE_VERSION;
  origin: string;
  /** The next products.json page to fetch, from 1. */
  nextPage: number;
  /** Every variant read so far, numbered from 1 in the order the store listed them. */
  rows: CatalogRow[];
  status: 'scanning' | 'paused' | 'stopped' | 'done';
  /** Why a scan stopped, in words. */
  message: string | null;
  startedAt: string;
  updatedAt: string;
}

export interface ScanDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Resolves after `ms`, or rejects when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  save: (state: ScanState) => Promise<void>;
  onProgress?: (state: ScanState) => void;
  signal?: AbortSignal;
  concurrency?: number;
  delayMs?: number;
  timeoutMs?: number;
  now?: () => Date;
}

export function newScan(origin: string, now: Date = new Date()): ScanState {
  const at = now.toISOString();
  return {
    version: SCAN_STATE_VERSION,
    origin,
    nextPage: 1,
    rows: [],
    status: 'scanning',
    message: null,
    startedAt: at,
    updatedAt: at,
  };
}

/** A saved state, if it is one (storage holds what an older version wrote, or nothing). */
export function readScanState(value: unknown): ScanState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<ScanState>;
  return v.version === SCAN_STATE_VERSION &&
    typeof v.origin === 'string' &&
    typeof v.nextPage === 'number' &&
    Array.isArray(v.rows)
    ? (v as ScanState)
    : null;
}

export const sleepFor = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

type PageResult = { page: number; read: StorePage } | { page: number; error: string };

class Paused extends Error {}

async function fetchPage(origin: string, page: number, startIn: number, deps: ScanDeps): Promise<PageResult> {
  const timeoutMs = deps.timeoutMs ?? PAGE_TIMEOUT_MS;
  const sleep = async (ms: number) => {
    try {
      await deps.sleep(ms, deps.signal);
    } catch {
      throw new Paused();
    }
  };
  if (startIn > 0) await sleep(startIn);
  for (let attempt = 0; ; attempt++) {
    if (deps.signal?.aborted) throw new Paused();
    const timeout = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await deps.fetch(productsPageUrl(origin, page), {
        signal: deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout,
        credentials: 'omit',
        headers: { accept: 'application/json' },
      });
    } catch (e) {
      if (deps.signal?.aborted) throw new Paused();
      if (timeout.aborted)
        return { page, error: i18n.t('storeScanStop.timeout', [String(page), String(timeoutMs / 1000)]) };
      return {
        page,
        error: i18n.t('storeScanStop.unreachable', [
          String(page),
          e instanceof Error ? e.message : String(e),
        ]),
      };
    }
    if (res.ok) {
      try {
        return { page, read: readProductsPage(await res.json(), origin) };
      } catch (e) {
        if (deps.signal?.aborted) throw new Paused();
        return {
          page,
          error: i18n.t('storeScanStop.pageError', [
            String(page),
            e instanceof Error ? e.message : String(e),
          ]),
        };
      }
    }
    const decision = retryDecision(
      res.status,
      res.headers.get('retry-after'),
      attempt,
      (deps.now?.() ?? new Date()).getTime(),
    );
    if ('stop' in decision)
      return { page, error: i18n.t('storeScanStop.pageError', [String(page), decision.stop]) };
    await sleep(decision.retryInMs);
  }
}

/** Runs the scan from where `start` left off until the store's last page, a failure, or a pause. */
export async function scanStorefront(start: ScanState, deps: ScanDeps): Promise<ScanState> {
  const concurrency = Math.max(1, deps.concurrency ?? STORE_CONCURRENCY);
  const delayMs = deps.delayMs ?? POLITE_DELAY_MS;
  const stamp = () => (deps.now?.() ?? new Date()).toISOString();
  let state: ScanState = { ...start, rows: [...start.rows], status: 'scanning', message: null };
  const finish = async (status: ScanState['status'], message: string | null) => {
    state = { ...state, status, message, updatedAt: stamp() };
    await deps.save(state);
    deps.onProgress?.(state);
    return state;
  };
  while (true) {
    if (state.nextPage > MAX_STORE_PAGES)
      return finish('stopped', i18n.t('storeScanStop.tooLarge', [String(MAX_STORE_PAGES)]));
    const pages = Array.from({ length: concurrency }, (_, i) => state.nextPage + i);
    // Staggered: one request every delayMs, never a burst. Each page is kept (and saved) as soon as it
    // and the pages before it are in, so a page that hangs never holds back the ones before it.
    const inFlight = pages.map((page, i) => fetchPage(state.origin, page, i * delayMs, deps));
    for (const p of inFlight) p.catch(() => undefined);
    for (const pending of inFlight) {
      let result: PageResult;
      try {
        result = await pending;
      } catch (e) {
        if (e instanceof Paused) return finish('paused', null);
        throw e;
      }
      if ('error' in result) return finish('stopped', result.error);
      const first = state.rows.length + 1;
      state.rows.push(...result.read.rows.map((r, i) => ({ ...r, row: first + i })));
      state.nextPage = result.page + 1;
      // A short page is the last; a page fetched beside it is not needed.
      if (result.read.products < STORE_PAGE_SIZE) return finish('done', null);
      state = { ...state, updatedAt: stamp() };
      await deps.save(state);
      deps.onProgress?.(state);
    }
    try {
      await deps.sleep(delayMs, deps.signal);
    } catch {
      return finish('paused', null);
    }
  }
}

/** The rows a scan read, as a catalog the audit takes: the fields are the columns, mapped to themselves. */
export function scanCatalog(state: ScanState): Catalog {
  const fields = ['sku', 'title', 'brand', 'barcode', 'model', 'url'] as const;
  return {
    format: 'shopify-store',
    encoding: 'utf-8',
    headers: [...fields],
    mapping: Object.fromEntries(fields.map((f) => [f, f])),
    rows: state.rows,
    problems: [],
  };
}
