/**
 * The UK OPSS sync walk: the GOV.UK Search API lists the notices (links only), then each link is
 * fetched from the Content API, whose items carry the product tables the mapper reads.
 */
import { isRecord } from '../../is-record';
import type { FeedHttp, FeedSyncOptions, FeedSyncResult } from '../feed';
import { bound, later, overlapDay } from '../lib/sync-walk';
import { BASE_PATH, DOCUMENT_TYPE, SITE } from './content-item';

const SEARCH_ENDPOINT = 'https://www.gov.uk/api/search.json';

/** The Content API URL of a search result's `link` ("/product-safety-alerts-reports-recalls/<slug>"). */
export function contentApiUrl(link: string): string {
  if (!link.startsWith(BASE_PATH)) throw new Error(`UK OPSS: not a notice link: ${link}`);
  return `${SITE}/api/content${link}`;
}

/** The Search API page listing notices published or republished on or after `since` (null: all). */
export function searchUrl(since: string | null): string {
  const url = new URL(SEARCH_ENDPOINT);
  url.searchParams.set('filter_format', DOCUMENT_TYPE);
  url.searchParams.set('order', '-public_timestamp');
  url.searchParams.set('count', '100');
  url.searchParams.set('start', '0');
  url.searchParams.set('fields', 'title,link,public_timestamp,product_recall_alert_date,product_risk_level');
  if (since !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new Error(`UK OPSS since must be YYYY-MM-DD, got ${since}`);
    url.searchParams.set('filter_public_timestamp', `from:${since}`);
  }
  return url.href;
}

/** Search pages (100 results each) per run. */
export const UK_OPSS_MAX_PAGES = 10;
/** Content items fetched per run. */
export const UK_OPSS_MAX_ITEMS = 200;

/**
 * Search, then each result's content item. A full run reads the newest notices first (up to
 * `maxItems`); an incremental run asks for notices from a day before the cursor, oldest first, so one
 * stopped at a bound resumes from the last notice it read. Search pages move `start` by the page's
 * length until `total` or `maxPages`. A content item answering 404 (withdrawn between the two
 * requests) is skipped and named. The cursor is the newest `public_timestamp` read.
 */
export async function syncUkOpss(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const maxPages = bound(opts, 'maxPages', UK_OPSS_MAX_PAGES);
  const maxItems = bound(opts, 'maxItems', UK_OPSS_MAX_ITEMS);
  const since = overlapDay(cursor);
  const items: unknown[] = [];
  const skipped: string[] = [];
  let newest: string | null = cursor;
  let start = 0;
  for (let page = 0; page < maxPages && items.length + skipped.length < maxItems; page++) {
    const url = new URL(searchUrl(since));
    if (since) url.searchParams.set('order', 'public_timestamp');
    url.searchParams.set('start', String(start));
    const res = await http.getJson(url.href);
    const body = isRecord(res.body) ? res.body : {};
    if (res.status === 404 || !Array.isArray(body.results))
      throw new Error(`UK OPSS: the search API answered HTTP ${res.status} without results`);
    for (const result of body.results) {
      if (items.length + skipped.length >= maxItems) break;
      const link = isRecord(result) && typeof result.link === 'string' ? result.link : '';
      if (!link.startsWith(BASE_PATH)) {
        skipped.push(`search result ${JSON.stringify(link)}: not an OPSS notice link`);
        continue;
      }
      const item = await http.getJson(contentApiUrl(link));
      if (item.status === 404 || !isRecord(item.body)) {
        skipped.push(`${link}: the content item could not be read (HTTP ${item.status})`);
        continue;
      }
      items.push(item.body);
      const stamp =
        isRecord(result) && typeof result.public_timestamp === 'string' ? result.public_timestamp : null;
      newest = later(newest, stamp);
    }
    start += body.results.length;
    const total = typeof body.total === 'number' ? body.total : 0;
    if (body.results.length === 0 || start >= total) break;
  }
  return { documents: items.length > 0 ? [items] : [], cursor: newest, skipped };
}
