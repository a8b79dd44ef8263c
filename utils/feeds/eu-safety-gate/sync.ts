/**
 * The Safety Gate sync walk: the public web app's list (a POST, newest first, no date filter), each
 * summary's detail, and the weekly report XML when the list is refused. Bounded per run; what lies
 * beyond the bounds waits for a later run's deep rescan.
 */
import { decodeXML } from 'entities';
import { isRecord } from '../../is-record';
import type { FeedHttp, FeedSyncOptions, FeedSyncResult } from '../feed';
import { bound, later, overlapDay } from '../lib/sync-walk';
import { distinct } from '../lib/text';
import { BASE } from './alert';
import { looksLikeDetail } from './detail';
import { looksLikeWeeklyXml } from './weekly-xml';

/** The list request of the public web app: a POST, 0-based string page numbers. */
export function listRequest(page: number): { url: string; method: 'POST'; body: string } {
  return {
    url: `${BASE}/public/api/notification/mostRecent/?`,
    method: 'POST',
    body: JSON.stringify({ language: 'en', page: String(page) }),
  };
}

/** One alert's detail JSON, in English. */
export function detailUrl(id: number | string): string {
  return `${BASE}/public/api/notification/${encodeURIComponent(String(id))}?language=en`;
}

/** The weekly report list (XML), read when the JSON list is refused. */
export const WEEKLY_REPORT_LIST_URL = `${BASE}/api/download/weeklyReport/list/xml/en`;

/** List pages (POST mostRecent) per run. */
export const EU_MAX_PAGES = 40;
/** Detail GETs per run (~80 alerts are published a week, so a run covers about five weeks). */
export const EU_MAX_ITEMS = 400;
/** Weekly reports read by the XML fallback. */
export const EU_MAX_WEEKLY_REPORTS = 2;

const stampOf = (item: unknown): string | null => {
  if (!isRecord(item)) return null;
  const stamp = item.modificationDate ?? item.publicationDate;
  return typeof stamp === 'string' && stamp ? stamp : null;
};

/** The 4xx of a refused request (the sync engine's HttpError carries `status`). */
const clientError = (e: unknown) =>
  isRecord(e) && typeof e.status === 'number' && e.status >= 400 && e.status < 500;

/**
 * The weekly report XML, when the JSON API is gone: the list document is read, and either is a report
 * itself or names reports (links containing "weeklyReport"), the newest `EU_MAX_WEEKLY_REPORTS` read.
 */
async function weeklyFallback(http: FeedHttp): Promise<FeedSyncResult> {
  const list = await http.getText(WEEKLY_REPORT_LIST_URL);
  const text = typeof list.body === 'string' ? list.body : '';
  if (looksLikeWeeklyXml(list.body)) return { documents: [list.body], cursor: null };
  const links = distinct(
    [...text.matchAll(/https?:\/\/[^\s<>"']+/g)]
      .map((m) => decodeXML(m[0]))
      .filter((u) => /weeklyReport/i.test(u) && u !== WEEKLY_REPORT_LIST_URL),
  ).slice(0, EU_MAX_WEEKLY_REPORTS);
  const documents: string[] = [];
  const skipped: string[] = [];
  for (const link of links) {
    const res = await http.getText(link);
    if (res.body && looksLikeWeeklyXml(res.body)) documents.push(res.body);
    else skipped.push(`weekly report ${link}: HTTP ${res.status}, not a report`);
  }
  if (documents.length === 0 && links.length === 0)
    throw new Error('EU Safety Gate: the alert list failed and the weekly report list names no report');
  return { documents, cursor: null, skipped };
}

/**
 * The public web app's list, newest first: POST mostRecent page 0, 1, ... until an alert older than a
 * day before the cursor (its modificationDate, else publicationDate), the last page, or `maxPages`.
 * A list entry that is only a summary has its detail fetched (at most `maxItems` per run; a detail
 * answering 404 is skipped and named). The cursor is the newest date seen. When the list request is
 * refused (4xx) or answers something that is not a list page, the weekly report XML is read instead.
 * No date filter exists, so alerts beyond the bounds wait for a later run's deep rescan.
 */
export async function syncSafetyGate(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const maxPages = bound(opts, 'maxPages', EU_MAX_PAGES);
  const maxItems = bound(opts, 'maxItems', EU_MAX_ITEMS);
  const since = overlapDay(cursor);
  const content: unknown[] = [];
  const skipped: string[] = [];
  let newest: string | null = null;
  let fetched = 0;
  let done = false;
  for (let page = 0; page < maxPages && !done; page++) {
    const request = listRequest(page);
    let res: Awaited<ReturnType<FeedHttp['postJson']>>;
    try {
      res = await http.postJson(request.url, JSON.parse(request.body));
    } catch (e) {
      if (page === 0 && clientError(e)) return weeklyFallback(http);
      throw e;
    }
    // Summaries count here (their details are fetched below), unlike `looksLikeListPage` for `map`.
    const listPage = res.body;
    if (!isRecord(listPage) || !Array.isArray(listPage.content)) {
      if (page === 0) return weeklyFallback(http);
      break;
    }
    for (const item of listPage.content) {
      const stamp = stampOf(item);
      if (since && stamp && stamp.slice(0, 10) < since) {
        done = true;
        break;
      }
      newest = later(newest, stamp);
      const id = isRecord(item) ? item.id : null;
      if (looksLikeDetail(item) || (typeof id !== 'number' && typeof id !== 'string')) {
        content.push(item);
        continue;
      }
      if (fetched >= maxItems) {
        skipped.push(`alert ${String(id)}: not fetched, the run reached its ${maxItems}-detail bound`);
        continue;
      }
      fetched += 1;
      const detail = await http.getJson(detailUrl(id));
      if (detail.status === 404 || !looksLikeDetail(detail.body))
        skipped.push(`alert ${String(id)}: its detail could not be read (HTTP ${detail.status})`);
      else content.push(detail.body);
    }
    if (typeof listPage.totalPages !== 'number' || page + 1 >= listPage.totalPages) done = true;
  }
  // The list is newest first; the records are handed over oldest first.
  content.reverse();
  const documents = content.some(looksLikeDetail) ? [{ content, totalPages: 1 }] : [];
  if (documents.length === 0 && content.length > 0)
    skipped.push(`${content.length} list entries had neither an id nor details`);
  return { documents, cursor: newest, skipped };
}
