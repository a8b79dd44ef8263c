/**
 * `audit <store URL>`: a Shopify store read for the CLI through the scan the audit page runs
 * (utils/audit/storefront-scan.ts: products.json 250 products a page, a polite delay between requests,
 * 429/503 retried as Retry-After says, a time limit per page). Node's own fetch; nothing is saved
 * (a CI run starts afresh). A store that cannot be read at all (unreachable, not a Shopify store, no
 * public product list) is bad input and throws; one that fails part-way (HTTP 500, a hang) gives the
 * rows read before it, with the reason, to be audited as a partial result.
 */
import { parseStoreUrl } from '../../utils/audit/storefront';
import {
  newScan,
  type ScanDeps,
  type ScanState,
  scanStorefront,
  sleepFor,
} from '../../utils/audit/storefront-scan';

/** Only an address with its scheme is a store: "catalog.csv" is a file name, not a host. */
export const isStoreUrl = (arg: string): boolean => /^https?:\/\//i.test(arg.trim());

export interface StoreRead {
  /** The store's host, the catalog's name in the outputs. */
  host: string;
  state: ScanState;
}

/** Node's "fetch failed" names no reason; its cause does (ECONNREFUSED, ENOTFOUND, a certificate). */
function fetchFailure(e: unknown): Error {
  if (!(e instanceof Error) || e.name === 'AbortError' || e.name === 'TimeoutError') return e as Error;
  const cause = e.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const why: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'the host name could not be looked up',
    ECONNRESET: 'the connection was reset',
  };
  if (code)
    return new Error(
      `${why[code] ?? (typeof cause?.message === 'string' ? cause.message : 'failed')} (${code})`,
    );
  return e;
}

/**
 * Scans the store at `address` to its last page or the first page that fails. `deps` replaces parts of
 * the scan for tests (a shorter delay or page time limit); the CLI itself runs with the page's defaults.
 */
export async function readStore(address: string, deps: Partial<ScanDeps> = {}): Promise<StoreRead> {
  const store = parseStoreUrl(address);
  if (!store)
    throw new Error(`${address} is not a store's web address (type it like https://shop.example.com)`);
  const host = new URL(store.origin).host;
  // Aborted once the scan ends, so a page fetched beside the last one neither waits nor keeps Node alive.
  const done = new AbortController();
  let state: ScanState;
  try {
    state = await scanStorefront(newScan(store.origin), {
      fetch: (url, init) => fetch(url, init).catch((e: unknown) => Promise.reject(fetchFailure(e))),
      sleep: sleepFor,
      save: async () => {},
      signal: done.signal,
      ...deps,
    });
  } finally {
    done.abort();
  }
  if (state.status === 'stopped' && state.rows.length === 0)
    throw new Error(
      `${store.origin} could not be scanned: ${state.message}. A Shopify store lists its products at ${store.origin}/products.json; is this one, and is it public?`,
    );
  if (state.status === 'done' && state.rows.length === 0)
    throw new Error(`${store.origin} lists no products in its products.json: nothing to audit`);
  return { host, state };
}
