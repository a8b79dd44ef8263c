/**
 * A DPAC notice page (HTML, as text): title in `div.show_tit`, date in `div.show_tit2`, body in
 * `div.TRS_Editor` (the old site's selectors), read without a DOM through extract/html-text.ts. The
 * body's labelled items are read by notice-fields.ts, and where the labels are missing the same facts
 * are mined from the sentences ("召回2025年10月1日至2026年1月31日期间生产的…，共计1.2万台").
 */
import { documentTitle, htmlToText, innerHtmlByClass } from '../../extract/html-text';
import { forMining, markupForMining } from '../../identity/mining-limit';
import { mineGtins } from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION } from '../../schemas';
import type { FeedParseResult } from '../feed';
import { Collector } from '../lib/collector';
import { collectRecalls, type EntryReading, type RecallLoop } from '../lib/map-records';
import { clean, readUrl } from '../lib/text';
import {
  mineChineseDateRanges,
  mineChineseQuantities,
  normalizeChinese,
  parseChineseDate,
  parseChineseQuantity,
  splitChineseList,
  unitsText,
} from './chinese-text';
import { firmBrand, hashedNoticeId, readDay, remedyOptions, SITE, SOURCE } from './notice';
import { extractNoticeFields } from './notice-fields';

/** A notice page: the DPAC body or title container, and a recall word. */
export function isNoticePage(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /class\s*=\s*["'][^"']*\b(?:TRS_Editor|show_tit)\b/.test(value) &&
    value.includes('召回')
  );
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

/** The sentences of a text (split after 。；; and line ends). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;])|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

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
  // Each part is cut before it is decoded and again after (issue 14, finding 6): a notice's body is a
  // few KB, and everything below mines it.
  const text = (part: string | null) => forMining(normalizeChinese(htmlToText(markupForMining(part ?? ''))));
  return {
    title: clean(text(titleHtml).replace(/\n/g, ' ')) || forMining(clean(documentTitle(html))),
    dateText: text(dateHtml),
    body: text(bodyHtml),
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

function onePage(raw: unknown): EntryReading {
  if (!isNoticePage(raw))
    return { nativeId: null, skip: 'not a DPAC notice page (no div.TRS_Editor or div.show_tit)' };
  const parts = pageParts(raw);
  const recallNumber = extractNoticeFields(parts.body).recallNumber ?? null;
  if (!parts.title) return { nativeId: recallNumber, skip: 'the page has no title (div.show_tit)' };
  if (!parts.body) return { nativeId: recallNumber, skip: 'the page has no notice body (div.TRS_Editor)' };
  const published = readDay(parts.dateText) ?? readDay(parts.body);
  // Without a 召回编号 the id is a hash of what identifies the notice to a reader: its title and date.
  const id = recallNumber ?? hashedNoticeId(`${parts.title}|${published ?? ''}`);
  return { nativeId: id, recall: mapPage(parts, id, recallNumber) };
}

/** How pages are named in skip reasons; a later `published` day supersedes. */
const PAGES: RecallLoop = { source: SOURCE, noun: 'page', later: 'published later' };

/** Maps notice pages one by one: an unreadable page is skipped alone. */
export function mapNoticePages(pages: readonly unknown[]): FeedParseResult {
  return collectRecalls(pages, PAGES, onePage);
}
