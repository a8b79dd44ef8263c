/**
 * China SAMR Defective Product Administrative Center (DPAC, samrdprc.org.cn) consumer-product recall
 * notices, in two forms:
 *
 * 1. The HTML notice page, as a string (or an array of them): title in `div.show_tit`, date in
 *    `div.show_tit2`, body in `div.TRS_Editor` (the old-site selectors; ../shared/notes/feeds.md §8). The
 *    page is read without a DOM (the service worker has none) through extract/html-text.ts. The body
 *    is prose with labelled items (产品名称, 生产者, 型号/规格, 生产日期/批次, 召回数量, 缺陷描述, 召回措施,
 *    召回编号) read by identity/chinese-text.ts, and where the labels are missing the same facts are
 *    mined from the sentences ("召回2025年10月1日至2026年1月31日期间生产的…，共计1.2万台").
 * 2. Our own structured JSON, `{"format": "samr-recall-notices", "formatVersion": 1, "notices": [...]}`,
 *    documented as a JSON Schema in samr-format.schema.json, so that a platform or regulator can publish
 *    notices machine-readably. Notices are checked one by one: a bad one is skipped with a reason.
 *
 * No real notice page is in the research corpus: the fixtures follow the documented selectors and
 * labels, and every label reader has a prose fallback. Barcodes are rare in these notices.
 */
import { z } from 'zod';
import { documentTitle, htmlToText, innerHtmlByClass } from '../../extract/html-text';
import { brandKey } from '../../identity/brand';
import {
  extractNoticeFields,
  mineChineseDateRanges,
  mineChineseQuantities,
  normalizeChinese,
  parseChineseDate,
  parseChineseQuantity,
  splitChineseList,
  unitsText,
} from '../../identity/chinese-text';
import { mineGtins } from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION, RecallStatus } from '../../schemas';
import {
  defineFeed,
  describeIssues,
  type FeedHttp,
  type FeedParseResult,
  type FeedSyncOptions,
  type FeedSyncResult,
} from '../feed';
import { Collector } from '../lib/collector';
import { collectRecalls, type EntryReading, type RecallLoop } from '../lib/map-records';
import { bound, later, overlapDay } from '../lib/sync-walk';
import { clean, isRecord, readUrl } from '../lib/text';

const SOURCE = 'samr';
export const SAMR_FORMAT = 'samr-recall-notices';
export const SAMR_FORMAT_VERSION = 1;
const SITE = 'https://www.samrdprc.org.cn';

// ---------------------------------------------------------------------------------------------------
// Our structured format (keep in step with samr-format.schema.json)

const Text = z.string().nullish();
const TextList = z.array(z.string()).nullish();

export const SamrNoticeProduct = z.object({
  name: z.string().min(1),
  brands: TextList,
  models: TextList,
  gtins: TextList,
  lots: TextList,
  productionDates: z.array(z.object({ from: Text, to: Text }).partial()).nullish(),
});

export const SamrNotice = z.object({
  recallNumber: Text,
  title: z.string().min(1),
  url: Text,
  published: z.string().min(1),
  updated: Text,
  status: RecallStatus.nullish(),
  manufacturer: Text,
  hazard: Text,
  remedy: Text,
  remedyOptions: TextList,
  quantity: z.union([z.string(), z.number().int().nonnegative()]).nullish(),
  contact: Text,
  soldAt: Text,
  countryOfOrigin: TextList,
  products: z.array(SamrNoticeProduct).min(1),
});
export type SamrNotice = z.infer<typeof SamrNotice>;

const Envelope = z.object({
  format: z.literal(SAMR_FORMAT),
  formatVersion: z.literal(SAMR_FORMAT_VERSION),
  publisher: Text,
  generatedAt: Text,
  notices: z.array(z.unknown()),
});

// ---------------------------------------------------------------------------------------------------
// Small readers

/** A notice page: the DPAC body or title container, and a recall word. */
function isNoticePage(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /class\s*=\s*["'][^"']*\b(?:TRS_Editor|show_tit)\b/.test(value) &&
    value.includes('召回')
  );
}

function isStructured(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && value.format === SAMR_FORMAT;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable id for a notice that prints no 召回编号. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** ISO day from "2026-03-05", "2026年3月5日" or "发布时间：2026-03-05 10:00". */
function readDay(value: string | null | undefined): string | null {
  const day = parseChineseDate(clean(value));
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

const CN_SUFFIX = /(?:股份有限公司|有限责任公司|有限公司|集团|公司|厂)$/;
const CN_REGION = /^(?:中国|[\u4e00-\u9fa5]{2,3}(?:省|市|自治区))+/;

/**
 * The brand a 生产者 names: "宁波暖洋电器有限公司" → "暖洋电器". Legal form, "(中国)" and the leading region
 * go, the way brand.ts's key does; the result is kept only when its brandKey is the firm's, so the index
 * and the matcher see the same name.
 */
export function firmBrand(firm: string): string | null {
  const name = normalizeChinese(firm).replace(/\s+/g, ' ').trim();
  const key = brandKey(name);
  if (!key) return null;
  let bare = name.replace(/\((?:中国|China)\)/gi, '');
  for (let previous = ''; previous !== bare; ) {
    previous = bare;
    bare = bare.replace(CN_SUFFIX, '').trim();
  }
  bare = bare.replace(CN_REGION, '');
  // brand.ts drops a leading city without 市 too ("宁波暖洋电器"): the shortest tail with the firm's key is
  // the trade name.
  if (!/[\u4e00-\u9fa5]/.test(bare)) return name;
  for (let cut = bare.length - 2; cut >= 0; cut--) {
    const candidate = bare.slice(cut);
    if (brandKey(candidate) === key) return candidate;
  }
  return name;
}

/** "NY-H200型", "NY-H300等": model values lose the counter word; Chinese-only values are no model. */
function modelValues(text: string): string[] {
  return splitChineseList(text)
    .map((v) => v.replace(/(?:型号|型|款|系列产品)$/, '').trim())
    .filter((v) => /[A-Za-z0-9]/.test(v) && !/[\u4e00-\u9fa5]{3,}/.test(v));
}

/** Batch codes: "B2501、B2502", "批次号:B2501"; a production-date sentence in the same field is no code. */
function lotValues(text: string): string[] {
  return splitChineseList(text)
    .map((v) => v.replace(/^(?:生产)?(?:批次号?|批号)\s*[:为]?\s*/, '').trim())
    .filter((v) => /^[A-Za-z0-9][A-Za-z0-9\-_/.]{1,29}$/.test(v) && /\d/.test(v) && !parseChineseDate(v));
}

const REMEDY_WORDS: Array<[RegExp, string]> = [
  [/更换|换货|换新/, 'Replace'],
  [/维修|修理|检修|加装|升级/, 'Repair'],
  [/退货|退款|退还|回收/, 'Refund'],
];

function remedyOptions(text: string): string[] {
  return REMEDY_WORDS.filter(([re]) => re.test(text)).map(([, word]) => word);
}

/** The sentences of a text (split after 。；; and line ends). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;])|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------
// An HTML notice page

/** "宁波暖洋电器有限公司召回部分便携式电暖器": the recaller and the product, when the title has that form. */
function splitTitle(title: string): { firm: string | null; product: string | null } {
  const m =
    /^(.+?(?:公司|集团|厂|商行))(?:关于)?(?:召回|扩大召回)(?:部分|全部)?(.+?)(?:的公告|的通告)?$/.exec(title);
  return { firm: clean(m?.[1]) || null, product: clean(m?.[2]) || null };
}

/** Model numbers in prose: "型号为NY-H200、NY-H300的…", "NY-H200型便携式电暖器". */
function proseModels(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /型号(?:为|是|包括)?\s*:?\s*([A-Za-z0-9][A-Za-z0-9\-_./ 、,及和]*[A-Za-z0-9])/g,
  ))
    out.push(...modelValues(m[1] ?? ''));
  for (const m of text.matchAll(/(?<![A-Za-z0-9-])([A-Z][A-Z0-9]*-?[A-Z0-9]*\d[A-Z0-9-]*)型(?!号)/g))
    if (m[1]) out.push(m[1]);
  return out;
}

/** Barcodes: "条形码：6901234567892", "商品条码 6901234567892" (text-mining knows only Latin labels). */
function barcodeValues(text: string): string[] {
  return [...text.matchAll(/(?:商品条码|条形码|条码|EAN|UPC)\s*(?:为|:)?\s*(\d[\d -]{6,18}\d)/gi)].map((m) =>
    (m[1] ?? '').trim(),
  );
}

interface PageParts {
  title: string;
  dateText: string;
  body: string;
  url: string | null;
}

function pageParts(html: string): PageParts {
  const titleHtml = innerHtmlByClass(html, 'div', 'show_tit');
  const dateHtml = innerHtmlByClass(html, 'div', 'show_tit2');
  const bodyHtml = innerHtmlByClass(html, 'div', 'TRS_Editor');
  const canonical =
    /<link\b[^>]*\brel\s*=\s*["']canonical["'][^>]*\bhref\s*=\s*["']([^"']+)["']/i.exec(html)?.[1] ??
    /<meta\b[^>]*\bproperty\s*=\s*["']og:url["'][^>]*\bcontent\s*=\s*["']([^"']+)["']/i.exec(html)?.[1] ??
    null;
  return {
    title:
      clean(normalizeChinese(htmlToText(titleHtml ?? '')).replace(/\n/g, ' ')) || clean(documentTitle(html)),
    dateText: normalizeChinese(htmlToText(dateHtml ?? '')),
    body: normalizeChinese(htmlToText(bodyHtml ?? '')),
    url: canonical ? readUrl(canonical, SITE) : null,
  };
}

function mapPage(parts: PageParts, nativeId: string, recallNumber: string | null): unknown {
  const { title, body } = parts;
  const fields = extractNoticeFields(body);
  const fromTitle = splitTitle(title);
  const manufacturer = fields.manufacturer ?? fromTitle.firm;
  const name = fields.productName ?? fromTitle.product ?? title;
  const published = readDay(parts.dateText) ?? readDay(body);

  const c = new Collector();
  // 品牌 is the brand when the notice gives one; the 生产者 always stands for its own trade name too.
  if (fields.brand) for (const b of splitChineseList(fields.brand)) c.brand(b, 'structured', '品牌');
  const firm = manufacturer ? firmBrand(manufacturer) : null;
  if (firm) c.brand(firm, 'structured', '生产者');

  if (fields.model) for (const m of modelValues(fields.model)) c.model(m, 'structured', '型号');
  for (const m of proseModels(body)) c.model(m, 'prose', '正文');

  if (fields.batch) for (const l of lotValues(fields.batch)) c.lot(l, 'structured', '批次');

  if (fields.productionDate) {
    for (const d of mineChineseDateRanges(fields.productionDate, 'manufactured', true))
      c.dateRange({ kind: 'manufactured', from: d.from, to: d.to, text: d.text });
  }
  for (const d of mineChineseDateRanges(body)) {
    // Prose ranges count only when their words say made or sold; "自2026年3月1日起" starts the recall.
    if (d.kind === 'manufactured' || d.kind === 'sold')
      c.dateRange({ kind: d.kind, from: d.from, to: d.to, text: d.text });
  }

  for (const code of barcodeValues(body)) c.gtin(code, 'structured', '条形码');
  for (const g of mineGtins(body, '正文')) if (g.gtin14) c.gtin(g.raw, 'prose', g.origin);

  const quantity =
    (fields.quantity ? parseChineseQuantity(fields.quantity) : null) ?? mineChineseQuantities(body)[0];
  const hazard =
    fields.defect ??
    sentences(body).find((s) => /隐患|风险|可能导致|存在.*缺陷/.test(s) && !/^\d/.test(s)) ??
    '';
  const remedy = fields.measures ?? sentences(body).find((s) => /免费|召回措施|将为/.test(s)) ?? '';

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'CN',
    recallNumber,
    title,
    url: parts.url,
    published,
    updated: published,
    status: 'active',
    version: published ? `${published}T00:00:00` : '0000-00-00T00:00:00',
    hazard: clean(hazard).replace(/[。；;]$/, ''),
    remedy: clean(remedy).replace(/[。；;]$/, ''),
    remedyOptions: remedyOptions(remedy),
    units: quantity ? unitsText(quantity) : null,
    soldAt: null,
    countryOfOrigin: [],
    manufacturers: manufacturer ? [clean(manufacturer)] : [],
    images: [],
    products: [c.product(clean(name))],
  };
}

// ---------------------------------------------------------------------------------------------------
// A structured notice

function mapNotice(n: SamrNotice, nativeId: string): unknown {
  const published = readDay(n.published);
  const updated = readDay(n.updated) ?? published;
  const firm = n.manufacturer ? firmBrand(n.manufacturer) : null;
  const products = n.products.map((p) => {
    const c = new Collector();
    for (const b of p.brands ?? []) c.brand(b, 'structured', 'brands');
    if (firm) c.brand(firm, 'structured', 'manufacturer');
    for (const m of p.models ?? []) c.model(m, 'structured', 'models');
    for (const g of p.gtins ?? []) c.gtin(g, 'structured', 'gtins');
    for (const l of p.lots ?? []) c.lot(l, 'structured', 'lots');
    for (const d of p.productionDates ?? []) {
      const from = d.from ? parseChineseDate(d.from) : null;
      const to = d.to ? parseChineseDate(d.to) : null;
      if (from || to)
        c.dateRange({ kind: 'manufactured', from, to, text: [d.from, d.to].filter(Boolean).join(' 至 ') });
    }
    return c.product(clean(p.name));
  });
  const quantity =
    typeof n.quantity === 'number'
      ? { value: n.quantity }
      : n.quantity
        ? parseChineseQuantity(n.quantity)
        : null;
  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'CN',
    recallNumber: clean(n.recallNumber) || null,
    title: clean(n.title),
    url: readUrl(n.url, SITE),
    published,
    updated,
    status: n.status ?? 'active',
    version: updated ? `${updated}T00:00:00` : '0000-00-00T00:00:00',
    hazard: clean(n.hazard).replace(/[。；;]$/, ''),
    remedy: clean(n.remedy).replace(/[。；;]$/, ''),
    remedyOptions: n.remedyOptions?.map(clean).filter(Boolean) ?? remedyOptions(n.remedy ?? ''),
    units: quantity ? `${quantity.value} units` : null,
    soldAt: clean(n.soldAt) || null,
    countryOfOrigin: (n.countryOfOrigin ?? []).map(clean).filter(Boolean),
    manufacturers: n.manufacturer ? [clean(n.manufacturer)] : [],
    images: [],
    products,
  };
}

// ---------------------------------------------------------------------------------------------------
// The document

function onePage(raw: unknown): EntryReading {
  if (!isNoticePage(raw))
    return { nativeId: null, skip: 'not a DPAC notice page (no div.TRS_Editor or div.show_tit)' };
  const parts = pageParts(raw);
  const recallNumber = extractNoticeFields(parts.body).recallNumber ?? null;
  if (!parts.title) return { nativeId: recallNumber, skip: 'the page has no title (div.show_tit)' };
  if (!parts.body) return { nativeId: recallNumber, skip: 'the page has no notice body (div.TRS_Editor)' };
  const published = readDay(parts.dateText) ?? readDay(parts.body);
  // Without a 召回编号 the id is a hash of what identifies the notice to a reader: its title and date.
  const id = recallNumber ?? `h-${fnv1a(`${parts.title}|${published ?? ''}`)}`;
  return { nativeId: id, recall: mapPage(parts, id, recallNumber) };
}

function oneNotice(raw: unknown): EntryReading {
  const number =
    isRecord(raw) && typeof raw.recallNumber === 'string' ? clean(raw.recallNumber) || null : null;
  const parsed = SamrNotice.safeParse(raw);
  if (!parsed.success)
    return { nativeId: number, skip: `unreadable notice: ${describeIssues(parsed.error.issues)}` };
  const n = parsed.data;
  if (!readDay(n.published))
    return { nativeId: number, skip: `published is not a date: ${JSON.stringify(n.published)}` };
  const id = number ?? `h-${fnv1a(`${clean(n.title)}|${readDay(n.published)}`)}`;
  return { nativeId: id, recall: mapNotice(n, id) };
}

/** How SAMR entries are named in skip reasons; a later `published`/`updated` day supersedes. */
const PAGES: RecallLoop = { source: SOURCE, noun: 'page', later: 'published later' };
const NOTICES: RecallLoop = { ...PAGES, noun: 'notice' };

function mapSamr(data: unknown): FeedParseResult {
  if (typeof data === 'string') return collectRecalls([data], PAGES, onePage);
  if (Array.isArray(data)) return collectRecalls(data, PAGES, onePage);
  if (isStructured(data)) {
    if (typeof data.formatVersion === 'number' && data.formatVersion > SAMR_FORMAT_VERSION) {
      throw new Error(
        `${SAMR_FORMAT} formatVersion ${data.formatVersion} is newer than this build reads (${SAMR_FORMAT_VERSION})`,
      );
    }
    const envelope = Envelope.safeParse(data);
    if (!envelope.success)
      throw new Error(`${SAMR_FORMAT} envelope is invalid: ${describeIssues(envelope.error.issues)}`);
    return collectRecalls(envelope.data.notices, NOTICES, oneNotice);
  }
  throw new Error(
    `SAMR feed: expected a DPAC notice page (HTML text), an array of them, or a "${SAMR_FORMAT}" document`,
  );
}

// ---------------------------------------------------------------------------------------------------
// The sync walk

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
async function syncSamr(
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

export default defineFeed({
  id: 'samr',
  jurisdiction: 'CN',
  name: 'China SAMR/DPAC Consumer Product Recalls',
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
