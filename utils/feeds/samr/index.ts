/**
 * China SAMR Defective Product Administrative Center (DPAC, samrdprc.org.cn) consumer-product recall
 * notices, in two forms:
 *
 * 1. The HTML notice page, as a string (or an array of them), read without a DOM (the service worker
 *    has none) by notice-page.ts: title in `div.show_tit`, date in `div.show_tit2`, body in
 *    `div.TRS_Editor` (the old site's selectors). The body is prose with labelled items (产品名称, 生产者,
 *    型号/规格, 生产日期/批次, 召回数量, 缺陷描述, 召回措施, 召回编号) read by notice-fields.ts, and where the
 *    labels are missing the same facts are mined from the sentences with chinese-text.ts.
 * 2. Our own structured JSON, `{"format": "samr-recall-notices", "formatVersion": 1, "notices": [...]}`,
 *    read by format.ts and documented as a JSON Schema in samr-format.schema.json, so that a platform or
 *    regulator can publish notices machine-readably.
 *
 * What both forms share (the day, the firm's trade name, the id of a notice without a number) is in
 * notice.ts; the sync walk over the channel's list pages in sync.ts. No real notice page was at hand when
 * this was written: the fixtures follow the documented selectors and labels, and every label reader has
 * a prose fallback. Barcodes are rare in these notices.
 */
import { defineFeed, type FeedParseResult } from '../feed';
import about from './about';
import { isStructured, mapStructured, SAMR_FORMAT } from './format';
import { isNoticePage, mapNoticePages } from './notice-page';
import { samrListUrl, syncSamr } from './sync';

export { SAMR_FORMAT, SAMR_FORMAT_VERSION, SamrNotice, SamrNoticeProduct } from './format';
export { firmBrand } from './notice';
export { type ListedNotice, listedNotices, SAMR_MAX_ITEMS, SAMR_MAX_PAGES, samrListUrl } from './sync';

function mapSamr(data: unknown): FeedParseResult {
  if (typeof data === 'string') return mapNoticePages([data]);
  if (Array.isArray(data)) return mapNoticePages(data);
  if (isStructured(data)) return mapStructured(data);
  throw new Error(
    `SAMR feed: expected a DPAC notice page (HTML text), an array of them, or a "${SAMR_FORMAT}" document`,
  );
}

export default defineFeed({
  id: about.id,
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: `a SAMR/DPAC recall notice page (HTML text) or a "${SAMR_FORMAT}" document`,
  detect(data) {
    if (isNoticePage(data) || isStructured(data)) return true;
    // An array of pages: every entry a string, at least one a notice page (one broken page is skipped).
    return (
      Array.isArray(data) &&
      data.length > 0 &&
      data.every((d) => typeof d === 'string') &&
      data.some(isNoticePage)
    );
  },
  map: mapSamr,
  endpoint: {
    buildUrl(since) {
      // The consumer-product channel is an HTML list; notice links are read from it, each page fetched.
      if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since))
        throw new Error(`SAMR since must be YYYY-MM-DD, got ${since}`);
      return samrListUrl(0);
    },
    sync: syncSamr,
    notes:
      'HTML only, no API: the channel /xfpzh/ lists notices (index.html, index_1.html ...), newest first; ' +
      'stop paging at the first notice older than since. Each notice page is GB2312/UTF-8 HTML: decode it ' +
      'and hand the text to the mapper. Anti-scraping was reported on the old dpac.org.cn; poll gently.',
  },
});
