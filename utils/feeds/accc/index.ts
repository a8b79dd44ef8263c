/**
 * Australia ACCC product safety recalls (productsafety.gov.au), from the RSS 2.0 feed
 * (`/rss/feed.xml/psa_recall`, the newest 100 recalls). The document is XML, so the mapper takes it as
 * a string; it is read without a DOM (the service worker has none) by rss.ts.
 *
 * Each `<item>` is one recall: `title` "<Supplier> — <Product>", `link` to the notice page, `pubDate`
 * (RFC 822), `guid`, and `description` holding the notice as HTML (entity-escaped or in CDATA) with
 * sections "Product description", "Identifying numbers" / "Details to help identify the product"
 * (model, batch, barcode lines), "What are the defects?", "What are the hazards?", "What should consumers
 * do?", "Traders who sold this product", "Dates available for sale" and the PRA number, read by
 * notice-text.ts. No real feed document was at hand when this was written: the section names follow the
 * published notice pages (as in tests/fixtures/feeds/accc/), and every reader falls back to mining the
 * whole description, so a renamed section loses structure, not identifiers.
 *
 * The sync walk (sync.ts) also reads each item's notice page (notice-page.ts), at most
 * `ACCC_MAX_NOTICES` per run, and hands the mapper an `accc-rss-notices` document: the RSS text as it
 * came, plus what each page said, keyed by the item's link. A plain RSS document maps exactly as it
 * always did. This file is the mapper: detection, one item to a Recall, and the feed's definition.
 */
import { z } from 'zod';
import { decodeEntities, htmlToText } from '../../extract/html-text';
import { brandKey, firmName } from '../../identity/brand';
import { mineGtins, mineLots, mineModels } from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION } from '../../schemas';
import { defineFeed, type FeedParseResult } from '../feed';
import { Collector } from '../lib/collector';
import { mapRecords } from '../lib/map-records';
import { clean, readUrl } from '../lib/text';
import about from './about';
import type { AcccNotice } from './notice-page';
import {
  guidId,
  joinLines,
  listLines,
  praNumber,
  readIdentifierLine,
  readPubDate,
  readSections,
  remedyWords,
  saleRange,
  splitBrands,
  splitTitle,
  titleModels,
  UNKNOWN,
} from './notice-text';
import { channelLink, rssItems } from './rss';
import { FEED_URL, isAcccUrl } from './site';
import { ACCC_MAX_NOTICES, ACCC_NOTICES_FORMAT, AcccNoticesDocument, syncAccc } from './sync';

export { AcccNotice, readNoticePage } from './notice-page';
export { type RssItem, rssItems, xmlText } from './rss';
export { noticeUrl } from './site';
export { ACCC_MAX_NOTICES, ACCC_NOTICES_FORMAT } from './sync';

const SOURCE = 'accc';

function isAcccFeed(data: unknown): data is string {
  if (typeof data !== 'string') return false;
  const head = data
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!/^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<rss\b/i.test(head)) return false;
  // Other RSS feeds (an Opendatasoft export of Safety Gate, RappelConso) are RSS too: the channel link
  // or the first item's link must be on productsafety.gov.au.
  const link = channelLink(data) ?? /<item[\s>][\s\S]*?<link>([^<]*)<\/link>/i.exec(data)?.[1] ?? '';
  return isAcccUrl(link);
}

/** The sync walk's document: an ACCC RSS text with the notice pages it read. */
function isNoticesDocument(data: unknown): boolean {
  const doc = AcccNoticesDocument.safeParse(data);
  return doc.success && isAcccFeed(doc.data.rss);
}

// ---------------------------------------------------------------------------------------------------
// The outward schema: the item as read (strings or null), checked so a bad one is named, not guessed.

const Text = z.string().nullable();
export const AcccItem = z.object({ title: Text, link: Text, pubDate: Text, description: Text, guid: Text });
export type AcccItem = z.infer<typeof AcccItem>;

// ---------------------------------------------------------------------------------------------------
// One item

const PAGE_BRAND = 'Notice page: Brand';
const PAGE_IDENTIFY = 'Notice page: Identifying numbers';

function mapItem(item: AcccItem, nativeId: string, notice?: AcccNotice): unknown {
  const html = item.description ?? '';
  const text = htmlToText(html);
  const pra = praNumber(text);
  const bySection = readSections(text);
  const title = clean(item.title) || `ACCC recall ${pra ?? nativeId}`;
  const { supplier, product: productName } = splitTitle(title);
  const suppliers = [
    ...(supplier ? [supplier] : []),
    ...listLines(bySection.get('supplier'))
      .slice(0, 1)
      .map((s) => firmName(s)),
  ];

  const c = new Collector({ placeholder: UNKNOWN });
  for (const b of listLines(bySection.get('brand')))
    for (const v of splitBrands(b)) c.brand(v, 'structured', 'Brand');
  const identify = bySection.get('identify') ?? [];
  for (const line of [...identify, ...(bySection.get('description') ?? [])])
    readIdentifierLine(c, line, 'Identifying numbers');
  // What the labelled lines did not say, the prose may: the identifying section first, then the rest.
  const identifyText = identify.join('\n');
  for (const [chunk, origin] of [
    [identifyText, 'Identifying numbers'],
    [joinLines(bySection.get('description')), 'Product description'],
  ] as const) {
    for (const g of mineGtins(chunk, origin)) c.gtin(g.raw, 'prose', origin);
    for (const m of mineModels(chunk, origin)) if (m.kind === 'exact') c.model(m.value, 'prose', origin);
    for (const l of mineLots(chunk, origin)) c.lot(l.value, 'prose', origin);
  }
  // The notice page, when the sync read it: after the RSS, so the description's values come first.
  if (notice) {
    for (const b of notice.brands) for (const v of splitBrands(b)) c.brand(v, 'structured', PAGE_BRAND);
    for (const line of notice.identify) readIdentifierLine(c, line, PAGE_IDENTIFY);
    const pageText = notice.identify.join('\n');
    for (const g of mineGtins(pageText, PAGE_IDENTIFY)) c.gtin(g.raw, 'prose', PAGE_IDENTIFY);
    for (const m of mineModels(pageText, PAGE_IDENTIFY))
      if (m.kind === 'exact') c.model(m.value, 'prose', PAGE_IDENTIFY);
    for (const l of mineLots(pageText, PAGE_IDENTIFY)) c.lot(l.value, 'prose', PAGE_IDENTIFY);
  }
  for (const m of titleModels(productName)) c.model(m, 'prose', 'title');
  for (const s of suppliers) c.brand(firmName(s), 'structured', 'Supplier');

  const dates = joinLines(bySection.get('dates'));
  const sold = saleRange(dates);
  if (sold) c.dateRange(sold);
  const pageSold = notice?.dates ? saleRange(notice.dates) : null;
  if (pageSold) c.dateRange(pageSold);

  const traders = listLines(bySection.get('traders'));
  const where = joinLines(bySection.get('where'));
  const pub = readPubDate(item.pubDate);
  const manufacturers: string[] = [];
  for (const s of suppliers) {
    const name = firmName(s);
    if (name && !manufacturers.some((m) => brandKey(m) === brandKey(name))) manufacturers.push(name);
  }

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'AU',
    recallNumber: pra,
    title,
    url: readUrl(item.link),
    published: pub?.day ?? null,
    updated: pub?.day ?? null,
    status: 'active',
    version: pub?.stamp ?? '0000-00-00T00:00:00',
    hazard: joinLines(bySection.get('hazard')) || joinLines(bySection.get('defect')),
    remedy: joinLines(bySection.get('action')),
    remedyOptions: remedyWords(joinLines(bySection.get('action'))),
    units: null,
    soldAt: [traders.join(', '), where].filter(Boolean).join('; ') || null,
    countryOfOrigin: listLines(bySection.get('country')),
    manufacturers,
    images: [...html.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi)]
      .map((m) => ({ url: decodeEntities(m[1] ?? ''), alt: /\balt\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1] }))
      .filter((i) => readUrl(i.url) !== null)
      .map((i) => ({ url: i.url, caption: clean(decodeEntities(i.alt ?? '')) || null })),
    products: [c.product(productName || title)],
  };
}

// ---------------------------------------------------------------------------------------------------
// The document

/** The notice's id: its PRA number, else the guid's id, else the link. */
function itemNativeId(raw: Record<string, unknown>): string | null {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : null);
  return (
    praNumber(htmlToText(text('description') ?? '')) ?? guidId(text('guid')) ?? (clean(text('link')) || null)
  );
}

function mapAccc(data: unknown): FeedParseResult {
  if (typeof data === 'string') return mapRss(data, null);
  const doc = AcccNoticesDocument.safeParse(data);
  if (doc.success) return mapRss(doc.data.rss, doc.data);
  throw new Error(
    `ACCC feed: expected the RSS XML as a string (or an "${ACCC_NOTICES_FORMAT}" document from the sync)`,
  );
}

function mapRss(xml: string, withNotices: AcccNoticesDocument | null): FeedParseResult {
  const all = rssItems(xml);
  if (!all) throw new Error('ACCC feed: not an RSS 2.0 channel (no <rss> with a <channel>)');
  const since = withNotices?.since ?? null;
  const items = since
    ? all.filter((item) => {
        const day = readPubDate(item.pubDate)?.day;
        return !day || day >= since;
      })
    : all;
  const notices = new Map(Object.entries(withNotices?.notices ?? {}));
  return mapRecords(items, {
    source: SOURCE,
    noun: 'item',
    // The feed lists newest first: a second copy of a notice is the older one.
    keep: 'first',
    schema: AcccItem,
    nativeId: itemNativeId,
    missingId: 'no PRA number, guid or link',
    exclude: (item) =>
      !clean(item.title) && !clean(item.description) ? 'neither a title nor a description' : null,
    map: (item, nativeId) => mapItem(item, nativeId, notices.get(clean(item.link))),
  });
}

export default defineFeed({
  id: about.id,
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: `an ACCC productsafety.gov.au recalls RSS document (as text), or an "${ACCC_NOTICES_FORMAT}" document`,
  detect: (data) => isAcccFeed(data) || isNoticesDocument(data),
  map: mapAccc,
  endpoint: {
    buildUrl(since) {
      // The feed has no date filter: it is always the newest 100 recalls. `since` is checked and unused.
      if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since))
        throw new Error(`ACCC since must be YYYY-MM-DD, got ${since}`);
      return FEED_URL;
    },
    sync: syncAccc,
    notes:
      'RSS 2.0, XML: hand the body to the mapper as text. Only the newest 100 recalls, no paging or date ' +
      'filter: poll often enough that fewer than 100 recalls appear between polls, and keep older records. ' +
      "Identifiers are in the description HTML; the sync also reads each item's notice page (identifying " +
      `numbers, brand, sale dates), at most ${ACCC_MAX_NOTICES} per run, newest first.`,
  },
});
