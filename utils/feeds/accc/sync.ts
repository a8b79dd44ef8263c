/**
 * The ACCC sync walk: one GET of the RSS, then the notice page of each new item, handed to the mapper
 * as one `accc-rss-notices` document (the RSS text as it came, plus what each page said, keyed by the
 * item's link). The RSS stays the list: a page adds identifiers to its item's record and never adds or
 * removes a record.
 */
import { z } from 'zod';
import { setOwn } from '../../own';
import type { FeedHttp, FeedSyncOptions, FeedSyncResult } from '../feed';
import { bound, later, overlapDay } from '../lib/sync-walk';
import { clean } from '../lib/text';
import { AcccNotice, readNoticePage } from './notice-page';
import { readPubDate } from './notice-text';
import { rssItems } from './rss';
import { FEED_URL, noticeUrl } from './site';

/** Notice pages read per run: the newest items first; the rest keep what their RSS description says. */
export const ACCC_MAX_NOTICES = 40;
/** After this many notice pages in a row cannot be read, the rest wait for the next run. */
const MAX_FAILURES_IN_A_ROW = 3;
/** The `format` of the document the sync walk hands the mapper: the RSS plus what the pages said. */
export const ACCC_NOTICES_FORMAT = 'accc-rss-notices';

/** The document the walk hands the mapper: the RSS as it came, and what each notice page added. */
export const AcccNoticesDocument = z.object({
  format: z.literal(ACCC_NOTICES_FORMAT),
  rss: z.string(),
  /** Incremental runs: items published before this day are already stored and left out. */
  since: z.string().nullable(),
  /** By the item's `link` as the RSS prints it (trimmed). */
  notices: z.record(z.string(), AcccNotice),
});
export type AcccNoticesDocument = z.infer<typeof AcccNoticesDocument>;

/**
 * One GET of the RSS as text (decoded by its charset): the feed is always the newest 100 recalls, with
 * no paging or date filter. A body that is not RSS fails the run, keeping the last good index. The
 * cursor is the newest `pubDate` day; an incremental run hands on only the items from a day before it
 * (older ones are stored already, with whatever their pages added), a full run all of them.
 *
 * Then the notice page of each item handed on, newest first, at most `maxItems` (`ACCC_MAX_NOTICES`, 40)
 * per run; items past the bound keep what their RSS description says. A page that answers 404, cannot
 * be fetched or is not a notice page leaves its item as the RSS has it and is named in `skipped`; after
 * three such pages in a row the rest are left for the next run. No page ever fails the run.
 */
export async function syncAccc(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const res = await http.getText(FEED_URL, { accept: 'application/rss+xml, application/xml, text/xml' });
  if (res.status === 404 || !res.body) throw new Error(`ACCC feed: HTTP ${res.status}, no RSS`);
  const items = rssItems(res.body);
  if (!items) throw new Error('ACCC feed: not an RSS 2.0 channel (no <rss> with a <channel>)');
  const since = overlapDay(cursor);
  const maxNotices = bound(opts, 'maxItems', ACCC_MAX_NOTICES);
  const notices: Record<string, AcccNotice> = {};
  const skipped: string[] = [];
  const tried = new Set<string>();
  let newest = cursor;
  let failuresInARow = 0;
  for (const item of items) {
    const day = readPubDate(item.pubDate)?.day;
    newest = later(newest, day);
    if (since && day && day < since) continue;
    const link = clean(item.link);
    const url = noticeUrl(link);
    if (!url || tried.has(link) || tried.size >= maxNotices || failuresInARow >= MAX_FAILURES_IN_A_ROW)
      continue;
    tried.add(link);
    const why = await readNotice(http, url).then(
      (notice) => {
        if (typeof notice === 'string') return notice;
        setOwn(notices, link, notice);
        return null;
      },
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    failuresInARow = why === null ? 0 : failuresInARow + 1;
    if (why !== null) skipped.push(`notice page ${url}: ${why}; its RSS item is kept as the feed has it`);
  }
  return {
    documents: [{ format: ACCC_NOTICES_FORMAT, rss: res.body, since, notices }],
    cursor: newest,
    skipped,
  };
}

/** One notice page read, or why not in words. */
async function readNotice(http: FeedHttp, url: string): Promise<AcccNotice | string> {
  const page = await http.getText(url, { accept: 'text/html' });
  if (page.status === 404 || !page.body) return `HTTP ${page.status}`;
  return readNoticePage(page.body) ?? 'not a recall notice page';
}
