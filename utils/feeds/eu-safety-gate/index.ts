/**
 * EU Safety Gate (ex-RAPEX): product alerts notified by EU/EEA authorities. Three documents are read:
 *
 * - one alert's detail JSON (`GET /public/api/notification/{id}?language=en`), with structured brands,
 *   model types, barcodes and batch numbers, per-language `versions`, risk and measures;
 * - a list page of such details (`{ "content": [detail, ...], "totalPages": n }`, the Spring page the
 *   public web app's `mostRecent` POST returns);
 * - the weekly report XML (`<report_date>DD/MM/YYYY</report_date>` and one `<notifications>` element per
 *   alert, values in CDATA), as a fallback when the JSON API moves. It arrives as a string.
 *
 * Quirks handled: brand placeholders ("nincs", Hungarian for "none", and `brandKnown: false` with `[]`);
 * barcodes are free text and may be internal codes ("BCD25042500206593"), which stay out of the GTIN
 * keys; the notifying country's key "XX" means the origin is unknown; only the English `versions` entry
 * is read. The XML is read with a small regex reader for the known, flat elements, so no DOM is needed
 * in the extension's service worker.
 *
 * Beside this mapper: detail.ts and weekly-xml.ts read the two outside formats into one `Alert`,
 * alert.ts turns an `Alert` into a Recall, and sync.ts walks the public web app's list.
 */
import { defineFeed, type FeedParseResult } from '../feed';
import { mapRecords } from '../lib/map-records';
import { clean } from '../lib/text';
import about from './about';
import { mapAlert, SOURCE } from './alert';
import { EuAlert, fromDetail, looksLikeDetail, looksLikeListPage } from './detail';
import { listRequest, syncSafetyGate } from './sync';
import { fromXml, looksLikeWeeklyXml, readWeeklyXml, XmlRecord } from './weekly-xml';

export { barcodeValues, isRealBrand } from './alert';
export { EuAlert } from './detail';
export {
  detailUrl,
  EU_MAX_ITEMS,
  EU_MAX_PAGES,
  EU_MAX_WEEKLY_REPORTS,
  listRequest,
  WEEKLY_REPORT_LIST_URL,
} from './sync';
export { readWeeklyXml, type XmlNotification, xmlElement } from './weekly-xml';

function alertNativeId(raw: Record<string, unknown>): string | null {
  const reference = typeof raw.reference === 'string' ? clean(raw.reference) : '';
  if (reference) return reference;
  if (typeof raw.id === 'number' && Number.isInteger(raw.id)) return String(raw.id);
  if (typeof raw.id === 'string' && /^\d+$/.test(raw.id.trim())) return raw.id.trim();
  return null;
}

function mapDetails(records: readonly unknown[]): FeedParseResult {
  return mapRecords(records, {
    source: SOURCE,
    label: (id) => `alert ${id}`,
    schema: EuAlert,
    nativeId: alertNativeId,
    missingId: 'reference and id are missing',
    exclude: (a) => (a.product ? null : 'no product details (a list summary: fetch the alert detail)'),
    map: (a, nativeId) => mapAlert(fromDetail(a), nativeId),
  });
}

function mapSafetyGate(data: unknown): FeedParseResult {
  if (looksLikeWeeklyXml(data)) {
    return mapRecords(readWeeklyXml(data), {
      source: SOURCE,
      label: (id) => `caseNumber ${id}`,
      schema: XmlRecord,
      nativeId: (raw) => (typeof raw.caseNumber === 'string' && raw.caseNumber ? raw.caseNumber : null),
      missingId: 'caseNumber is missing',
      map: (n, nativeId) => mapAlert(fromXml(n), nativeId),
    });
  }
  if (looksLikeListPage(data)) return mapDetails(data.content);
  if (looksLikeDetail(data)) return mapDetails([data]);
  throw new Error(
    'EU Safety Gate: expected an alert detail, a list page {content, totalPages} or a weekly report XML',
  );
}

export default defineFeed({
  id: about.id,
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: 'an EU Safety Gate alert, alert list page or weekly report XML',
  detect(data) {
    return looksLikeDetail(data) || looksLikeListPage(data) || looksLikeWeeklyXml(data);
  },
  map: mapSafetyGate,
  endpoint: {
    buildUrl() {
      // The list is a POST (see listRequest) and has no date filter: page from 0 until an alert's
      // modificationDate is older than the watermark.
      return listRequest(0).url;
    },
    sync: syncSafetyGate,
    notes:
      'Undocumented web-app API: POST mostRecent with {"language":"en","page":"N"} returns {content, ' +
      'totalPages}, newest first; GET the detail per id when content holds summaries. No date filter: stop ' +
      'paging at the watermark (modificationDate). Fallback: the weekly report XML list (one report a ' +
      'week, ~80 alerts). Barcodes are free text; brands may be placeholders.',
  },
});
