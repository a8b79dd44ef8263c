/**
 * A Shopify storefront as a catalog (issue 11's storefront scan), the pure part: the store's address as
 * typed → its origin and the one host permission the scan asks for; `/products.json?limit=250&page=N`
 * pages → catalog rows (one per variant, as the Shopify CSV export has them); and the retry policy.
 * The public products.json of a store lists each product's title, vendor and handle and each variant's
 * SKU and title; a variant's `barcode` is read where the store's JSON has it. A variant SKU goes to the
 * model as well as the SKU: small brands often use the model number as the SKU, and the matcher ignores
 * models too generic to name a product ("A1", "2-pack"), so a shop's own codes cost little.
 */
import { isRecord } from '../is-record';
import { i18n } from '../ui-language/i18n';
import type { CatalogRow } from './catalog-fields';

/** Shopify's largest page. */
export const STORE_PAGE_SIZE = 250;
/** Between two requests to one store: polite to a shop's server and under Shopify's rate limits. */
export const POLITE_DELAY_MS = 1000;
/** At most this many pages in flight at once. */
export const STORE_CONCURRENCY = 2;
/** A page that has not answered in this long is a hang. */
export const PAGE_TIMEOUT_MS = 20_000;
/** 429 and 503 are retried this many times per page, as Retry-After says or backing off. */
export const MAX_RETRIES = 4;
/** A Retry-After longer than this stops the scan (resumable) rather than keep the page waiting. */
export const MAX_RETRY_WAIT_MS = 120_000;
/** A store with more pages than this (2.5 million variants) is not a store; the scan stops there. */
export const MAX_STORE_PAGES = 10_000;

export interface Store {
  /** `https://shop.example` */
  origin: string;
  /** The host permission the scan asks for: that origin only. */
  pattern: string;
}

/** "shop.example", "https://shop.example/collections/all" → the store; null for anything else. */
export function parseStoreUrl(input: string): Store | null {
  const text = input.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname.includes('.') || url.username || url.password) return null;
  return { origin: url.origin, pattern: `${url.origin}/*` };
}

export const productsPageUrl = (origin: string, page: number): string =>
  `${origin}/products.json?limit=${STORE_PAGE_SIZE}&page=${page}`;

const text = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

export interface StorePage {
  rows: Omit<CatalogRow, 'row'>[];
  /** Products on the page: fewer than a full page means it was the last. */
  products: number;
}

/**
 * One page of products.json → a row per variant. Throws when the body is not a products.json (an HTML
 * page, a login wall), which the scan reports as the store's answer, not as an empty store.
 */
export function readProductsPage(body: unknown, origin: string): StorePage {
  if (!isRecord(body) || !Array.isArray(body.products))
    throw new Error('the answer is not a Shopify products.json (no "products" list)');
  const rows: Omit<CatalogRow, 'row'>[] = [];
  for (const product of body.products) {
    if (!isRecord(product)) continue;
    const title = text(product.title);
    const vendor = text(product.vendor);
    const handle = text(product.handle);
    const url = handle ? `${origin}/products/${encodeURIComponent(handle)}` : '';
    const variants = Array.isArray(product.variants) && product.variants.length > 0 ? product.variants : [{}];
    for (const variant of variants) {
      const v = isRecord(variant) ? variant : {};
      const option = text(v.title);
      const sku = text(v.sku);
      const values: CatalogRow['values'] = {};
      const fullTitle = option && option !== 'Default Title' ? `${title} – ${option}` : title;
      if (fullTitle) values.title = fullTitle;
      if (vendor) values.brand = vendor;
      if (sku) {
        values.sku = sku;
        values.model = sku;
      }
      const barcode = text(v.barcode);
      if (barcode) values.barcode = barcode;
      if (url) values.url = v.id !== undefined ? `${url}?variant=${encodeURIComponent(text(v.id))}` : url;
      rows.push({ values });
    }
  }
  return { rows, products: body.products.length };
}

export type RetryDecision = { retryInMs: number } | { stop: string };

/**
 * What to do after a page answered `status`: 429 (too many requests) and 503 (unavailable) wait as the
 * store's Retry-After says (seconds or an HTTP date), else back off 2, 4, 8, 16 s; anything else, and a
 * wait past MAX_RETRY_WAIT_MS or MAX_RETRIES, stops the scan with the reason, resumable later.
 */
export function retryDecision(
  status: number,
  retryAfter: string | null,
  attempt: number,
  now: number = Date.now(),
): RetryDecision {
  if (status !== 429 && status !== 503) return { stop: i18n.t('storeScanStop.status', [String(status)]) };
  if (attempt >= MAX_RETRIES)
    return { stop: i18n.t('storeScanStop.keptAnswering', [String(status), String(attempt + 1)]) };
  let wait = 2000 * 2 ** attempt;
  if (retryAfter) {
    const seconds = Number(retryAfter.trim());
    const date = Date.parse(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) wait = seconds * 1000;
    else if (Number.isFinite(date)) wait = Math.max(0, date - now);
  }
  if (wait > MAX_RETRY_WAIT_MS)
    return {
      stop: i18n.t('storeScanStop.askedToWait', [String(Math.ceil(wait / 1000)), String(status)]),
    };
  return { retryInMs: wait };
}
