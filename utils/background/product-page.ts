/**
 * Product pages on another origin than the cart, read by the background for a content script.
 *
 * A JD cart (cart.jd.com) lists SKUs whose pages are on item.jd.com; Taobao's cart and eBay's carts are
 * likewise on other hosts than their items. The content script cannot read those (the page's CORS rules
 * apply to it), so it sends `fetch-product-page` and parses the HTML it gets back with its own adapter.
 *
 * The background is the privileged side, so it trusts nothing in the request:
 * - the sender must be our content script, in a tab's top frame, on a cart or order page of a
 *   marketplace that lists `productHosts` (the adapter's own `claims` and `pageType` decide);
 * - the URL must be https, carry no user name, password, port or fragment, be on one of that
 *   marketplace's `productHosts` exactly (so `item.jd.com.evil.test` is not `item.jd.com`), and be a
 *   product page by the adapter's `pageType`; where redirects land is checked the same way;
 * - the answer must be HTML, at most `maxBytes` (read in chunks and cut off, whatever Content-Length
 *   says), within `timeoutMs`, and it is decoded by its declared charset (GBK on older Tmall pages,
 *   often declared only in a `<meta>`).
 *
 * Credentials are omitted: product pages are public, and a request without the shopper's cookies is
 * one the marketplace cannot tie to their account or add to their browsing history ("recently viewed",
 * recommendations). It tells the marketplace nothing it does not already know (the item is in the cart).
 * The cost: a marketplace that shows anonymous visitors a login wall (Taobao often does) gives a page the
 * adapter reads as 'other', and that line stays as the cart shows it. Same-origin product pages are still
 * fetched by the content script, as the page itself would.
 */
import { decodeHtml } from '../extract/decode-html';
import type { MarketplaceAdapter } from '../marketplaces/adapter';
import type { ErrorResponse, FetchProductPageResponse } from '../messaging';
import { PUBLIC_PAGE_REQUEST, readPageBody } from '../public-page';

export interface ProductPageLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Requests in flight at once, across all tabs; the rest wait their turn. */
  concurrency: number;
}

export const PRODUCT_PAGE_LIMITS: ProductPageLimits = {
  maxBytes: 4 * 1024 * 1024,
  timeoutMs: 10_000,
  concurrency: 4,
};

const MAX_URL_LENGTH = 2048;

export type ProductPageCheck = { ok: true; url: URL; adapter: MarketplaceAdapter } | ErrorResponse;

const fail = (error: string): ErrorResponse => ({ ok: false, error });

function parse(raw: string | undefined): URL | null {
  if (!raw || raw.length > MAX_URL_LENGTH || !URL.canParse(raw)) return null;
  return new URL(raw);
}

/** True when `url` is one of `adapter`'s cross-origin product pages, by host list and by the adapter's own page type. */
export function isProductPageOf(adapter: MarketplaceAdapter, url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    url.hash === '' &&
    (adapter.productHosts ?? []).includes(url.hostname) &&
    adapter.claims(url) &&
    adapter.pageType(url) === 'product'
  );
}

/**
 * Decides whether the background may fetch `rawUrl` for a content script running at `senderUrl`: the
 * sender is a cart or order page of a marketplace, and the URL one of that marketplace's product pages.
 */
export function checkProductPageRequest(
  rawUrl: string,
  senderUrl: string | undefined,
  adapters: readonly MarketplaceAdapter[],
): ProductPageCheck {
  const page = parse(senderUrl);
  const adapter = page ? adapters.find((a) => a.claims(page)) : undefined;
  if (!page || !adapter?.productHosts?.length) return fail('not sent from a marketplace page');
  const type = adapter.pageType(page);
  if (type !== 'cart' && type !== 'orders')
    return fail('product pages are read for cart and order pages only');
  const url = parse(rawUrl);
  if (!url) return fail('not a URL');
  if (!isProductPageOf(adapter, url)) return fail(`not a ${adapter.name} product page`);
  return { ok: true, url, adapter };
}

/** Fetches a checked product page (see `checkProductPageRequest`) and returns its HTML as text. */
export async function fetchProductPage(
  url: URL,
  adapter: MarketplaceAdapter,
  fetchImpl: typeof fetch,
  limits: ProductPageLimits = PRODUCT_PAGE_LIMITS,
): Promise<FetchProductPageResponse | ErrorResponse> {
  try {
    const res = await fetchImpl(url.href, {
      ...PUBLIC_PAGE_REQUEST,
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
    const landed = res.url ? parse(res.url) : url;
    if (!landed || !isProductPageOf(adapter, landed)) {
      await res.body?.cancel().catch(() => undefined);
      return fail('the product page redirected elsewhere');
    }
    const contentType = res.headers.get('content-type') ?? '';
    if (!res.ok || !/\bhtml\b/i.test(contentType)) {
      await res.body?.cancel().catch(() => undefined);
      return fail(res.ok ? 'not an HTML page' : `HTTP ${res.status}`);
    }
    const bytes = await readPageBody(res, limits.maxBytes);
    if (!bytes) return fail(`larger than ${limits.maxBytes} bytes`);
    return { ok: true, url: landed.href, html: decodeHtml(bytes, contentType) };
  } catch (e) {
    return fail(e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'could not be fetched');
  }
}

/** Runs at most `n` of the wrapped calls at once; later calls wait for a free slot. */
export function limitConcurrency<A extends unknown[], R>(
  n: number,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (...args) => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn(...args);
    } finally {
      // A finished call hands its slot straight to the next in line, so no newcomer can slip in between.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
