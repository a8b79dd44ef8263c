/**
 * The SAMR sync walk: the DPAC consumer-product channel's HTML list pages, newest first, and each notice
 * page they link, fetched as text (decoded by its charset, GB2312/GBK or UTF-8). The site has no API and
 * no date filter, so the walk is bounded per run and stops at the cursor's day.
 */
import type { FeedHttp, FeedSyncOptions, FeedSyncResult } from '../feed';
import { bound, later, overlapDay } from '../lib/sync-walk';
import { SITE } from './notice';

/** List pages per run (index.html, index_1.html, ...; about 20 notices each). */
export const SAMR_MAX_PAGES = 5;
/** Notice pages fetched per run: the site is reported to throttle scrapers, so keep it small. */
export const SAMR_MAX_ITEMS = 40;

/** The channel's list page `n` (0 is the channel's index). */
export function samrListUrl(n: number): string {
  return n === 0 ? `${SITE}/xfpzh/` : `${SITE}/xfpzh/index_${n}.html`;
}

export interface ListedNotice {
  url: string;
  /** The date printed next to the link (YYYY-MM-DD), if any. */
  day: string | null;
}

/**
 * The notice links of a channel list page: each `<li>` with a link to an .html page under /xfpzh/ on
 * the site (relative links resolved against `pageUrl`), with the date printed beside it ("2026-03-05",
 * "2026年3月5日"). List pages themselves (index_N.html) and off-site links are left out.
 */
export function listedNotices(html: string, pageUrl: string): ListedNotice[] {
  const out: ListedNotice[] = [];
  const seen = new Set<string>();
  for (const block of html.match(/<li\b[\s\S]*?<\/li>/gi) ?? []) {
    const href = /<a\b[^>]*\bhref\s*=\s*["']([^"']+)["']/i.exec(block)?.[1];
    if (!href) continue;
    let url: URL;
    try {
      url = new URL(href.trim(), pageUrl);
    } catch {
      continue;
    }
    if (url.origin !== SITE || !url.pathname.startsWith('/xfpzh/')) continue;
    if (!/\.s?html?$/i.test(url.pathname) || /\/index(?:_\d+)?\.s?html?$/i.test(url.pathname)) continue;
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(block.replace(/<[^>]*>/g, ' '));
    const day = m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : null;
    out.push({ url: url.href, day });
  }
  return out;
}

/**
 * The consumer-product channel, newest first: list page 0, 1, ... (`maxPages`), each notice fetched
 * as text (decoded by its charset, GB2312/GBK or UTF-8) until a notice listed before a day earlier than
 * the cursor, or `maxItems` notices. The pages go to `map` as one array, so an unreadable page is
 * skipped alone; a notice answering 404 is skipped and named. The cursor is the newest listed date.
 * With no date filter on the site, notices beyond the bounds wait for the next deep rescan.
 */
export async function syncSamr(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const maxPages = bound(opts, 'maxPages', SAMR_MAX_PAGES);
  const maxItems = bound(opts, 'maxItems', SAMR_MAX_ITEMS);
  const since = overlapDay(cursor);
  const pages: string[] = [];
  const skipped: string[] = [];
  let newest: string | null = cursor;
  let fetched = 0;
  let done = false;
  for (let n = 0; n < maxPages && !done; n++) {
    const listUrl = samrListUrl(n);
    const list = await http.getText(listUrl);
    if (list.status === 404 || !list.body) {
      if (n === 0) throw new Error(`SAMR: the notice list answered HTTP ${list.status}`);
      break;
    }
    const notices = listedNotices(list.body, listUrl);
    if (notices.length === 0) {
      if (n === 0) throw new Error('SAMR: the notice list has no notice links (has the layout changed?)');
      break;
    }
    for (const notice of notices) {
      if (since && notice.day && notice.day < since) {
        done = true;
        break;
      }
      if (fetched >= maxItems) {
        done = true;
        break;
      }
      fetched += 1;
      const page = await http.getText(notice.url);
      if (page.status === 404 || !page.body) skipped.push(`${notice.url}: HTTP ${page.status}`);
      else pages.push(page.body);
      newest = later(newest, notice.day);
    }
  }
  return { documents: pages.length > 0 ? [pages.reverse()] : [], cursor: newest, skipped };
}
