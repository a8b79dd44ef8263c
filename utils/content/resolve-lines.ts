/**
 * Cart and order lines rarely show a barcode or model; the product page of each line does. For lines
 * with nothing to check, this fetches the line's product page, reads it with the same adapter, and lends
 * the line that product's identifiers, so a cart warning is as strong as a product-page warning. A page
 * on the cart's own origin is fetched here, with the user's own session, as the page itself would; one
 * on another origin (JD, Taobao/Tmall, eBay carts) by the background, which the page's CORS rules do not
 * bind (utils/background/product-page.ts). Bounded: a few pages at a time, a cap per page view, a timeout
 * each, and every product page read at most once per page view.
 */
import { decodeHtml } from '../extract/decode-html';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import { send } from '../messaging/send';
import { readCapped } from '../read-capped';
import { identifierKeys } from '../recall-index/keys';
import type { ProductIdentity } from '../schemas';

export const MAX_RESOLVED_LINES = 25;
const CONCURRENCY = 3;

export type FetchDocument = (url: string) => Promise<Document | null>;

/** The line as the cart shows it, with the product page's identifiers (and their sources) added. */
export function mergeLine(line: ProductIdentity, product: ProductIdentity): ProductIdentity {
  const fromProduct = product.facts.filter(
    (f) => f.field !== 'itemId' && f.field !== 'title' && f.field !== 'seller',
  );
  return {
    ...line,
    brand: line.brand ?? product.brand,
    manufacturer: line.manufacturer ?? product.manufacturer,
    models: [...new Set([...line.models, ...product.models])],
    gtins: [...new Set([...line.gtins, ...product.gtins])],
    rawGtins: [...new Set([...line.rawGtins, ...product.rawGtins])],
    facts: [...line.facts, ...fromProduct].slice(0, 200),
  };
}

/**
 * Returns the lines with identifiers from their product pages where a line had none; lines that could
 * not be resolved come back unchanged. `cache` (product URL → identity) lives as long as the page view.
 * `cachedOnly`: read no page, lend only what the cache holds (a cart that changed, checked at once).
 */
export async function resolveLines(
  lines: ProductIdentity[],
  adapter: MarketplaceAdapter,
  page: URL,
  fetchDocument: FetchDocument,
  cache: Map<string, Promise<ProductIdentity | null>>,
  { cachedOnly = false }: { cachedOnly?: boolean } = {},
): Promise<ProductIdentity[]> {
  const productUrl = adapter.productUrl;
  if (!productUrl) return lines;
  const wanted = lines
    .map((line, i) => ({
      line,
      i,
      url: line.itemId && identifierKeys(line).length === 0 ? productUrl(line.itemId, page) : null,
    }))
    .filter((w): w is { line: ProductIdentity; i: number; url: string } => w.url !== null)
    .slice(0, MAX_RESOLVED_LINES);

  const read = (url: string): Promise<ProductIdentity | null> => {
    let pending = cache.get(url);
    if (!pending && cachedOnly) return Promise.resolve(null);
    if (!pending) {
      pending = fetchDocument(url)
        .then((doc) => (doc ? (adapter.extract(doc, new URL(url)).items[0] ?? null) : null))
        .catch(() => null);
      cache.set(url, pending);
    }
    return pending;
  };

  const out = [...lines];
  for (let start = 0; start < wanted.length; start += CONCURRENCY) {
    const batch = wanted.slice(start, start + CONCURRENCY);
    const products = await Promise.all(batch.map((w) => read(w.url)));
    batch.forEach((w, k) => {
      const product = products[k];
      if (product) out[w.i] = mergeLine(w.line, product);
    });
  }
  return out;
}

/**
 * The most of a same-origin product page read for a cart line: the background's cap for other origins
 * (utils/background/product-page.ts), so a page that streams without end cannot fill the tab's memory
 * (issue 14, finding 2). A longer page is not read.
 */
export const SAME_ORIGIN_MAX_BYTES = 4 * 1024 * 1024;

/** Fetches and parses a same-origin page the way the browser would show it (cookies, declared charset). */
export const fetchDocumentInPage: FetchDocument = async (url) => {
  const res = await fetch(url, { credentials: 'include', signal: AbortSignal.timeout(8000) });
  const contentType = res.headers.get('content-type') ?? '';
  if (!res.ok || !contentType.includes('html') || !res.body) return null;
  const bytes = await readCapped(res.body, SAME_ORIGIN_MAX_BYTES);
  if (!bytes) return null;
  const text = decodeHtml(bytes, contentType);
  return new DOMParser().parseFromString(text, 'text/html');
};

/** Asks the background for a product page on another origin, and parses the HTML it returns. */
export const fetchDocumentViaBackground: FetchDocument = async (url) => {
  const res = await send('fetch-product-page', { url });
  return res.ok ? new DOMParser().parseFromString(res.html, 'text/html') : null;
};

/** Same-origin product pages in the page, the others through the background. */
export function fetchDocumentFor(page: URL): FetchDocument {
  return (url) =>
    new URL(url).origin === page.origin ? fetchDocumentInPage(url) : fetchDocumentViaBackground(url);
}
