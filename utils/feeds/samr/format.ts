/**
 * Our own structured JSON for SAMR notices, `{"format": "samr-recall-notices", "formatVersion": 1,
 * "notices": [...]}`, documented as a JSON Schema in samr-format.schema.json (keep the two in step), so
 * that a platform or regulator can publish notices machine-readably. Notices are checked one by one: a
 * bad one is skipped with a reason; an envelope from a newer format version is refused whole.
 */
import { z } from 'zod';
import { isRecord } from '../../is-record';
import { RECALL_SCHEMA_VERSION, RecallStatus } from '../../schemas';
import { describeIssues, type FeedParseResult } from '../feed';
import { Collector } from '../lib/collector';
import { collectRecalls, type EntryReading, type RecallLoop } from '../lib/map-records';
import { clean, readUrl } from '../lib/text';
import { parseChineseDate, parseChineseQuantity } from './chinese-text';
import { firmBrand, hashedNoticeId, readDay, remedyOptions, SITE, SOURCE } from './notice';

/** The `format` of a structured document, and the newest `formatVersion` this build reads. */
export const SAMR_FORMAT = 'samr-recall-notices';
export const SAMR_FORMAT_VERSION = 1;

const Text = z.string().nullish();
const TextList = z.array(z.string()).nullish();

/** One recalled product of a notice: its name, and the identifiers that find it. */
export const SamrNoticeProduct = z.object({
  name: z.string().min(1),
  brands: TextList,
  models: TextList,
  gtins: TextList,
  lots: TextList,
  productionDates: z.array(z.object({ from: Text, to: Text }).partial()).nullish(),
});

/** One notice: a title, a publication day and at least one product; the rest may be missing. */
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

/** A structured document by its `format`, whatever its version (a newer one is refused with a reason). */
export function isStructured(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && value.format === SAMR_FORMAT;
}

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

function oneNotice(raw: unknown): EntryReading {
  const number =
    isRecord(raw) && typeof raw.recallNumber === 'string' ? clean(raw.recallNumber) || null : null;
  const parsed = SamrNotice.safeParse(raw);
  if (!parsed.success)
    return { nativeId: number, skip: `unreadable notice: ${describeIssues(parsed.error.issues)}` };
  const n = parsed.data;
  if (!readDay(n.published))
    return { nativeId: number, skip: `published is not a date: ${JSON.stringify(n.published)}` };
  const id = number ?? hashedNoticeId(`${clean(n.title)}|${readDay(n.published)}`);
  return { nativeId: id, recall: mapNotice(n, id) };
}

/** How notices are named in skip reasons; a later `published`/`updated` day supersedes. */
const NOTICES: RecallLoop = { source: SOURCE, noun: 'notice', later: 'published later' };

/** Maps a structured document: its envelope checked whole, then each notice on its own. */
export function mapStructured(data: Record<string, unknown>): FeedParseResult {
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
