/**
 * A merchant's listings on the supported marketplaces, audited by their addresses: the listing pages the
 * merchant pastes (one per line) are each fetched and read by that marketplace's own adapter
 * (utils/marketplaces), the same reading a shopper's banner gets, and become catalog rows.
 *
 * Why addresses and not a seller's storefront page: a storefront (Amazon /stores/, eBay /str/, Etsy
 * /shop/) lists titles and prices only, is assembled by script after load, and no adapter reads one (no
 * saved real storefront page exists to build one from); a listing page carries the barcode, model and
 * brand the matcher needs. Only addresses an adapter claims as a product page are taken; the rest are
 * refused per line with the reason.
 *
 * Polite and bounded: one request at a time per host with a pause between, a time limit and a size cap
 * per page, no cookies (the page is public; the marketplace learns nothing about who asks beyond the
 * request itself). A page that fails, or shows no product (a login wall, a robot check), is a problem of
 * its line; the others are read. Browser-safe, with fetch, parsing and sleep injected.
 */
import { decodeHtml } from '../extract/decode-html';
import { detectsByContent } from '../extract/extract-page';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import { PUBLIC_PAGE_REQUEST, readPageBody } from '../public-page';
import type { PageType, ProductIdentity } from '../schemas';
import type { CatalogField, CatalogRow, RowProblem } from './catalog-fields';
import type { Catalog } from './read-catalog';

/** At most this many addresses are read from one list. */
export const MAX_LISTING_URLS = 200;
/** Between two requests to one host. */
export const LISTING_DELAY_MS = 1000;
/** Hosts read at once (each one page at a time). */
export const LISTING_HOSTS_AT_ONCE = 2;
export const LISTING_TIMEOUT_MS = 20_000;
export const LISTING_MAX_BYTES = 4 * 1024 * 1024;

export interface ListingPage {
  /** The line of the pasted list, from 1: the row number the findings and problems name. */
  line: number;
  url: string;
  host: string;
  /** The adapter's name: "eBay". */
  marketplace: string;
}

export interface ListingList {
  pages: ListingPage[];
  problems: RowProblem[];
}

/** The adapters that can own an address (not those that recognise a page by its content). */
const byUrl = (adapters: readonly MarketplaceAdapter[]) => adapters.filter((a) => !detectsByContent(a));

/**
 * The pasted text → the listing pages to read, and a problem per line that is not one: not a web
 * address, not https, not a supported marketplace, not a product listing, or a repeat.
 */
export function parseListingUrls(text: string, adapters: readonly MarketplaceAdapter[]): ListingList {
  const pages: ListingPage[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const owners = byUrl(adapters);
  /** The page a line names, or why it names none. */
  const read = (raw: string, line: number): ListingPage | string => {
    if (!URL.canParse(raw)) return `"${raw.slice(0, 100)}" is not a web address`;
    const url = new URL(raw);
    url.hash = '';
    if (url.protocol !== 'https:') return `${url.href} is not an https address`;
    const adapter = owners.find((a) => a.claims(url));
    if (!adapter)
      return `${url.host} is not a marketplace Recall Sentinel reads (a Shopify store is scanned above)`;
    if (adapter.pageType(url) !== 'product')
      return `${url.href} is not a product listing on ${adapter.name} (a listing's own page is needed)`;
    const earlier = seen.get(url.href);
    if (earlier !== undefined) return `repeats line ${earlier}`;
    if (pages.length >= MAX_LISTING_URLS)
      return `only the first ${MAX_LISTING_URLS} addresses of a list are read`;
    seen.set(url.href, line);
    return { line, url: url.href, host: url.host, marketplace: adapter.name };
  };
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = i + 1;
    if (!raw.trim()) continue;
    const page = read(raw.trim(), line);
    if (typeof page === 'string')
      problems.push({ row: line, message: `line ${line}: ${page}`, skipped: true });
    else pages.push(page);
  }
  return { pages, problems };
}

/** The host permissions a read asks for: each host of the list, and no other. */
export const hostPatterns = (pages: readonly ListingPage[]): string[] => [
  ...new Set(pages.map((p) => `https://${p.host}/*`)),
];

/**
 * A listing page's identity as a catalog row, so it is audited like a file's row: its codes as printed
 * (rowIdentity reads and checks them again), its models, title, brand and manufacturer; the item id as
 * the SKU, and as the ASIN on Amazon, where a notice may print it.
 */
export function listingRow(identity: ProductIdentity): CatalogRow['values'] {
  const values: CatalogRow['values'] = { url: identity.url };
  const codes = identity.rawGtins.length > 0 ? identity.rawGtins : identity.gtins;
  if (codes.length > 0) values.barcode = codes.join(', ');
  if (identity.models.length > 0) values.model = identity.models.join(', ');
  if (identity.title) values.title = identity.title;
  if (identity.brand) values.brand = identity.brand;
  if (identity.manufacturer) values.manufacturer = identity.manufacturer;
  if (identity.itemId) {
    values.sku = identity.itemId;
    if (identity.marketplace === 'amazon') values.asin = identity.itemId;
  }
  return values;
}

export interface FetchedListing {
  html: string;
  /** Where the page landed after redirects. */
  url: string;
}

/**
 * Fetches one listing page: no cookies, no referrer, a time limit and a size cap; HTML only, decoded
 * by its declared charset. Throws an Error whose message says why, in words, for the line's problem.
 */
export async function fetchListingPage(
  url: string,
  signal: AbortSignal,
  fetchImpl: typeof fetch,
  limits = { timeoutMs: LISTING_TIMEOUT_MS, maxBytes: LISTING_MAX_BYTES },
): Promise<FetchedListing> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  let res: Response;
  try {
    res = await fetchImpl(url, { ...PUBLIC_PAGE_REQUEST, signal: AbortSignal.any([signal, timeout]) });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new Error(
      timeout.aborted ? `did not answer within ${limits.timeoutMs / 1000} s` : 'could not be fetched',
    );
  }
  const contentType = res.headers.get('content-type') ?? '';
  if (!res.ok || !/\bhtml\b/i.test(contentType)) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(
      res.ok ? `the answer is not a web page (${contentType || 'no type'})` : `HTTP ${res.status}`,
    );
  }
  const bytes = await readPageBody(res, limits.maxBytes);
  if (!bytes) throw new Error(`the page is larger than ${limits.maxBytes / 1024 / 1024} MB`);
  return { html: decodeHtml(bytes, contentType), url: res.url || url };
}

export interface ListingReadDeps {
  fetchPage: (url: string, signal: AbortSignal) => Promise<FetchedListing>;
  /** The page read by the adapters (the audit page: DOMParser + extractPage). */
  extract: (html: string, url: URL) => { pageType: PageType; items: ProductIdentity[] };
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  delayMs?: number;
  hostsAtOnce?: number;
}

export interface ListingRead {
  rows: CatalogRow[];
  problems: RowProblem[];
  /** Pages read (or failed) before the end or a cancel. */
  done: number;
  cancelled: boolean;
}

/** Reads every page, host by host, one at a time per host; a failed page is its line's problem. */
export async function readListingPages(
  pages: readonly ListingPage[],
  deps: ListingReadDeps,
): Promise<ListingRead> {
  const rows: CatalogRow[] = [];
  const problems: RowProblem[] = [];
  let done = 0;
  const byHost = new Map<string, ListingPage[]>();
  for (const p of pages) byHost.set(p.host, [...(byHost.get(p.host) ?? []), p]);
  const queue = [...byHost.values()];

  const readOne = async (page: ListingPage) => {
    const problem = (why: string) =>
      problems.push({ row: page.line, message: `line ${page.line}: ${page.url}: ${why}`, skipped: true });
    try {
      const fetched = await deps.fetchPage(page.url, deps.signal);
      const landed = new URL(fetched.url);
      const read = deps.extract(fetched.html, landed);
      const items = read.pageType === 'product' ? read.items : [];
      if (items.length === 0)
        problem('no product on the page (a login wall, a robot check, or the listing has ended)');
      for (const item of items) rows.push({ row: page.line, values: listingRow(item) });
    } catch (e) {
      if (deps.signal.aborted) throw e;
      problem(e instanceof Error ? e.message : String(e));
    }
    done++;
    deps.onProgress?.(done, pages.length);
  };

  const worker = async () => {
    for (let host = queue.shift(); host; host = queue.shift())
      for (const [i, page] of host.entries()) {
        if (i > 0) await deps.sleep(deps.delayMs ?? LISTING_DELAY_MS, deps.signal);
        deps.signal.throwIfAborted();
        await readOne(page);
      }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, deps.hostsAtOnce ?? LISTING_HOSTS_AT_ONCE) }, worker));
  } catch (e) {
    if (!deps.signal.aborted) throw e;
  }
  const byLine = (a: { row: number }, b: { row: number }) => a.row - b.row;
  return { rows: rows.sort(byLine), problems: problems.sort(byLine), done, cancelled: deps.signal.aborted };
}

const LISTING_FIELDS: readonly CatalogField[] = [
  'sku',
  'title',
  'brand',
  'barcode',
  'model',
  'asin',
  'manufacturer',
  'url',
];

/** What was read, as a catalog the audit takes: the fields are the columns, mapped to themselves. */
export function listingCatalog(
  read: Pick<ListingRead, 'rows' | 'problems'>,
  listProblems: readonly RowProblem[] = [],
): Catalog {
  return {
    format: 'marketplace-listings',
    encoding: 'utf-8',
    headers: [...LISTING_FIELDS],
    mapping: Object.fromEntries(LISTING_FIELDS.map((f) => [f, f])),
    rows: read.rows,
    problems: [...listProblems, ...read.problems].sort((a, b) => a.row - b.row),
  };
}
