/**
 * UK OPSS Product Safety Alerts, Reports and Recalls, as GOV.UK publishes them (Open Government Licence).
 *
 * Read here: the GOV.UK Content API item of one notice (`/api/content/product-safety-alerts-reports-
 * recalls/<slug>`), a plain array of such items, or a bundle `{"results": [item, ...]}`. The identifiers
 * live only in the HTML body's "Product information" table (rows Brand, Model, Batches, Barcode,
 * Country of Origin, Product Description); `details.metadata` gives type, date, risk level and measures.
 *
 * Not read: the GOV.UK Search API response. Its results carry title, link, date and risk level only, so
 * a record built from one could never be found by GTIN or model, and it would replace the full record
 * of the same notice when both are loaded. `map` refuses it with an instruction, and `contentApiUrl`
 * turns each result's `link` into the item URL a sync fetches instead.
 *
 * Outward lenient (every field nullish, the body as a string or GOV.UK's multi-format list), inward
 * strict: each mapped record must pass `Recall`, or it is skipped with a reason.
 *
 * Beside this mapper: content-item.ts (the item's schema and the readers of its body), product-table.ts
 * (the identifiers' table) and sync.ts (search, then each item).
 */
import { htmlToText } from '../../extract/html-text';
import { brandKey } from '../../identity/brand';
import { mineGtins, mineModels } from '../../identity/text-mining';
import { isRecord } from '../../is-record';
import { own } from '../../own';
import { RECALL_SCHEMA_VERSION, type RecallProduct } from '../../schemas';
import { defineFeed, type FeedParseResult } from '../feed';
import { Collector } from '../lib/collector';
import { kindOf, mapRecords } from '../lib/map-records';
import { clean, isoDay } from '../lib/text';
import about from './about';
import {
  bodyHtml,
  entriesOf,
  isContentItem,
  isSearchResult,
  prose,
  psdNumber,
  readStamp,
  SITE,
  sections,
  soldBy,
  summaryLine,
  UkOpssItem,
} from './content-item';
import { productTables, type RowKind, readBarcodes, readBatches, splitList, UNKNOWN } from './product-table';
import { searchUrl, syncUkOpss } from './sync';

export { UkOpssItem } from './content-item';
export { contentApiUrl, searchUrl, UK_OPSS_MAX_ITEMS, UK_OPSS_MAX_PAGES } from './sync';

const SOURCE = 'uk-opss';

// ---------------------------------------------------------------------------------------------------
// One notice

const MEASURES: Record<string, string> = {
  'recall-of-product-from-end-users': 'Recall of the product from end users',
  'withdrawal-of-product-from-market': 'Withdrawal of the product from the market',
  'removal-of-listing-by-online-marketplace': 'Removal of the listing by the online marketplace',
  'import-rejected-at-border': 'Import rejected at the border',
  'destruction-of-the-product': 'Destruction of the product',
  'warning-consumers-of-risks': 'Warning consumers of the risks',
};

function measureWords(value: string): string {
  return own(MEASURES, value) ?? value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function mapItem(item: UkOpssItem, nativeId: string): unknown {
  const html = bodyHtml(item.details.body);
  const psd = psdNumber(htmlToText(html), item.title ?? '');
  const bySection = sections(html);
  const summary = bySection.get('summary') ?? '';
  const metadata = item.details.metadata;
  const title = clean(item.title) || `OPSS notice ${psd ?? nativeId}`;

  const productLine =
    summaryLine(summary, 'Product') ?? title.replace(/^[^:]+:\s*/, '').replace(/\s*\(\d{4}-\d{4}\)$/, '');
  const seller = soldBy(productLine) ?? soldBy(title);
  const baseName = clean(productLine.replace(/\s+sold\s+(?:by|via|at|on|through)\s+.+$/i, '')) || title;
  const sellerKey = seller ? brandKey(seller) : null;

  const tables = productTables(html);
  const products: RecallProduct[] = (tables.length > 0 ? tables : [{ rows: new Map<RowKind, string>() }]).map(
    (table, i) => {
      const c = new Collector({ placeholder: UNKNOWN });
      const rows = table.rows;
      // Brands split on commas, semicolons and a spaced slash only: "Marks and Spencer" is one brand.
      for (const b of (rows.get('brand') ?? '').split(/\s*[,;]\s*|\s+\/\s+/).filter(Boolean)) {
        // The seller the title names ("sold by The Works") is a retailer, not a brand.
        if (!sellerKey || brandKey(b) !== sellerKey) c.brand(b, 'structured', 'Brand');
      }
      for (const m of splitList(rows.get('model') ?? '')) c.model(m, 'structured', 'Model');
      readBarcodes(c, rows.get('barcode') ?? '');
      readBatches(c, rows.get('batch') ?? '');
      const description = rows.get('description') ?? '';
      for (const g of mineGtins(description, 'Product Description')) c.gtin(g.raw, 'prose', g.origin);
      for (const m of mineModels(description, 'Product Description'))
        if (m.kind === 'exact') c.model(m.value, 'prose', m.origin);
      // One table names the notice's product; several tables need their own names: the Product row, else
      // the first sentence of the description, else the category row ("Toys - Ride-on toys").
      const firstSentence = clean(/^[^.]{3,100}/.exec(description)?.[0]);
      const name =
        tables.length > 1
          ? clean(rows.get('name')) || firstSentence || clean(rows.get('type')) || `${baseName} (${i + 1})`
          : clean(rows.get('name')) || baseName;
      return c.product(name);
    },
  );

  const countries = [
    ...new Set(tables.map((t) => clean(t.rows.get('country'))).filter((v) => v && !UNKNOWN.test(v))),
  ];
  const makers = [
    ...new Set(tables.map((t) => clean(t.rows.get('maker'))).filter((v) => v && !UNKNOWN.test(v))),
  ];
  const measures = metadata?.product_measure_type;
  const measureList = (typeof measures === 'string' ? [measures] : (measures ?? []))
    .map(clean)
    .filter(Boolean);
  const version =
    readStamp(item.public_updated_at) ?? readStamp(item.updated_at) ?? readStamp(item.first_published_at);
  const published = isoDay(metadata?.product_recall_alert_date) ?? isoDay(item.first_published_at);
  const basePath = clean(item.base_path);
  // GOV.UK keeps a withdrawn notice online with a `withdrawn_notice` (explanation, withdrawn_at).
  const withdrawn = Boolean(
    item.withdrawn_notice && (clean(item.withdrawn_notice.explanation) || item.withdrawn_notice.withdrawn_at),
  );

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'GB',
    recallNumber: psd,
    title,
    url: basePath.startsWith('/') ? `${SITE}${basePath}` : null,
    published,
    updated: isoDay(item.public_updated_at) ?? published,
    status: withdrawn ? 'withdrawn' : 'active',
    version: version ?? (published ? `${published}T00:00:00` : '0000-00-00T00:00:00'),
    hazard: summaryLine(summary, 'Hazard') ?? prose(bySection.get('hazard')),
    remedy: summaryLine(summary, 'Corrective action') ?? prose(bySection.get('corrective action')),
    remedyOptions: measureList.map(measureWords),
    units: null,
    soldAt: seller,
    countryOfOrigin: countries,
    manufacturers: makers,
    images: (item.details.attachments ?? [])
      .filter((a) => a && /^image\//.test(clean(a.content_type)) && clean(a.url))
      .map((a) => ({ url: clean(a?.url), caption: clean(a?.title) || null })),
    products,
  };
}

// ---------------------------------------------------------------------------------------------------
// The document

/** The PSD notification number (body, else title), else the base path: a notice's id. */
function nativeIdOf(value: Record<string, unknown>): string | null {
  const title = typeof value.title === 'string' ? value.title : '';
  const details = isRecord(value.details) ? value.details : {};
  const parsedBody = UkOpssItem.shape.details.shape.body.safeParse(details.body);
  const body = parsedBody.success ? bodyHtml(parsedBody.data) : '';
  const basePath = typeof value.base_path === 'string' ? value.base_path.replace(/^\/+/, '') : '';
  return psdNumber(htmlToText(body), title) ?? (basePath || null);
}

function mapUkOpss(data: unknown): FeedParseResult {
  const entries = entriesOf(data);
  if (!entries)
    throw new Error('UK OPSS feed: expected a GOV.UK content item, an array of items or {"results": [...]}');
  if (entries.length > 0 && entries.every(isSearchResult)) {
    throw new Error(
      'UK OPSS feed: this is a GOV.UK search response, which lists notices without their product tables ' +
        '(no barcode, model or batch); fetch each result through the content API (contentApiUrl(link)) and map those',
    );
  }
  return mapRecords(entries, {
    source: SOURCE,
    noun: 'item',
    later: 'updated later',
    schema: UkOpssItem,
    refuse(raw) {
      if (isSearchResult(raw)) return 'a search result, not a content item (fetch /api/content + its link)';
      return isContentItem(raw) ? null : `not an OPSS content item (${kindOf(raw)})`;
    },
    nativeId: nativeIdOf,
    missingId: 'neither a PSD notification number nor a base_path',
    map: mapItem,
  });
}

export default defineFeed({
  id: about.id,
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: 'a GOV.UK OPSS content item (or an array or {"results"} bundle of them)',
  detect(data) {
    if (isContentItem(data)) return true;
    // A bundle or array claims the document only when an entry is an OPSS item or search result, so
    // `{"results": []}`, openFDA `{meta, results}` and RappelConso `{total_count, results}` stay unclaimed.
    const entries = Array.isArray(data)
      ? data
      : isRecord(data) && Array.isArray(data.results)
        ? data.results
        : [];
    return entries.some((e) => isContentItem(e) || isSearchResult(e));
  },
  map: mapUkOpss,
  endpoint: {
    buildUrl: searchUrl,
    sync: syncUkOpss,
    notes:
      'Two steps: the search API (this URL; page with start += count while start < total) lists links only, ' +
      'then each link is fetched from the content API (contentApiUrl) and mapped. public_timestamp moves on ' +
      'republication; ~3,700 notices since 2021. Identifiers are only in the body HTML table.',
  },
});
