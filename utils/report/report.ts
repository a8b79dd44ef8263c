/**
 * A defect report as the shopper builds it: what the page told us (product, listing, matching recall),
 * what they add (what happened, dates, injury and care, photos, contact details only if they choose),
 * and where it goes. Pure: the report page (entrypoints/report) keeps it in its state, and the package,
 * the copy helper and the case log are all made from it, so what is shown is what is shared.
 */
import type { TabVerdict } from '../messaging';
import type { ProductIdentity, Recall, RecallMatch } from '../schemas';
import type { Destination, DestinationId, ReportField } from './destinations';

export interface ReportPhoto {
  name: string;
  /** A `data:image/...` URL (the page reads the file on this device; nothing is uploaded). */
  dataUrl: string;
}

export interface ReportContact {
  name: string;
  email: string;
  phone: string;
}

export interface ReportRecall {
  id: string;
  title: string;
  /** The official notice; null where the source gives none. */
  url: string | null;
  tier: RecallMatch['tier'];
}

export interface Report {
  /** Random, made when the report starts; the case log's key and the package's name. */
  id: string;
  createdAt: string;
  product: {
    title: string;
    brand: string;
    model: string;
    gtin: string;
    itemId: string;
    seller: string;
    marketplace: string;
    pageUrl: string;
    purchaseDate: string;
  };
  recall: ReportRecall | null;
  /** The visible tab when the report started (a `data:image/jpeg` URL), or null (removed, or not taken). */
  screenshot: string | null;
  incident: {
    reporterType: 'consumer' | 'other';
    hazard: string;
    date: string;
    injury: string;
    care: string;
  };
  photos: ReportPhoto[];
  /** Null unless the shopper chose to add contact details. */
  contact: ReportContact | null;
  marketCountry: string | null;
  userCountry: string | null;
  destination: DestinationId | null;
}

/** The page's facts a report is pre-filled from; each one the page lacked is named in `missing`. */
export const PAGE_FIELDS = ['title', 'brand', 'model', 'gtin', 'itemId', 'seller', 'pageUrl'] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

/** A GTIN-14 key as people print it: GTIN-13 (EAN) or GTIN-12 (UPC) without the padding zeros. */
export function printedGtin(key: string): string {
  if (key.startsWith('00') && key.length === 14) return key.slice(2);
  if (key.startsWith('0') && key.length === 14) return key.slice(1);
  return key;
}

function recallOf(verdict: TabVerdict | null, index: number): ReportRecall | null {
  const matches = verdict?.matches[index] ?? [];
  const order = { confirmed: 0, likely: 1, possible: 2 } as const;
  const best = [...matches].sort((a, b) => order[a.tier] - order[b.tier])[0];
  const recall: Recall | undefined = best ? verdict?.recalls[best.recallId] : undefined;
  if (!best || !recall) return null;
  return { id: recall.id, title: recall.title, url: recall.url, tier: best.tier };
}

/**
 * A new report from a tab's verdict (null: the tab had none, the report starts empty). `item` picks the
 * line on a cart or order page; a product page has one.
 */
export function reportFromVerdict(input: {
  id: string;
  now: Date;
  verdict: TabVerdict | null;
  item?: number;
  /** The tab's address when there was no verdict. */
  tabUrl?: string | null;
  screenshot: string | null;
  marketCountry: string | null;
  userCountry: string | null;
}): Report {
  const index = input.item ?? 0;
  const identity: ProductIdentity | undefined = input.verdict?.identities[index];
  const gtin = identity?.gtins[0] ? printedGtin(identity.gtins[0]) : (identity?.rawGtins[0] ?? '');
  return {
    id: input.id,
    createdAt: input.now.toISOString(),
    product: {
      title: identity?.title ?? '',
      brand: identity?.brand ?? identity?.manufacturer ?? '',
      model: identity?.models[0] ?? '',
      gtin,
      itemId: identity?.itemId ?? '',
      seller: identity?.seller ?? '',
      marketplace: identity?.marketplace ?? input.verdict?.page.marketplace ?? '',
      pageUrl: identity?.url ?? input.verdict?.page.url ?? input.tabUrl ?? '',
      // An order page dates each line by its order (utils/extract/order-date.ts); other pages say nothing.
      purchaseDate: identity?.orderedAt ?? '',
    },
    recall: recallOf(input.verdict, index),
    screenshot: input.screenshot,
    incident: { reporterType: 'consumer', hazard: '', date: '', injury: '', care: '' },
    photos: [],
    contact: null,
    marketCountry: input.marketCountry,
    userCountry: input.userCountry,
    destination: null,
  };
}

/** The page facts the report lacks (the page gave none, or the shopper cleared them). */
export function missingPageFields(report: Report): PageField[] {
  const p = report.product;
  const value: Record<PageField, string> = {
    title: p.title,
    brand: p.brand,
    model: p.model,
    gtin: p.gtin,
    itemId: p.itemId,
    seller: p.seller,
    pageUrl: p.pageUrl,
  };
  return PAGE_FIELDS.filter((f) => !value[f].trim());
}

/** A field's value as text for a form, '' when the report has none. */
export function fieldValue(report: Report, field: ReportField): string {
  const p = report.product;
  switch (field) {
    case 'reporterType':
      return report.incident.reporterType === 'consumer' ? 'Consumer' : 'Other';
    case 'productName':
      return p.title;
    case 'brand':
      return p.brand;
    case 'model':
      return p.model;
    case 'gtin':
      return p.gtin;
    case 'itemId':
      return p.itemId;
    case 'seller':
      return [p.seller, p.marketplace].filter(Boolean).join(' — ');
    case 'pageUrl':
      return p.pageUrl;
    case 'purchaseDate':
      return p.purchaseDate;
    case 'hazard':
      return report.incident.hazard;
    case 'incidentDate':
      return report.incident.date;
    case 'injury':
      return report.incident.injury;
    case 'care':
      return report.incident.care;
    case 'photos': {
      const n = report.photos.length + (report.screenshot ? 1 : 0);
      return n === 0 ? '' : `${n} image${n === 1 ? '' : 's'} in the report package`;
    }
    case 'contact':
      return report.contact
        ? [report.contact.name, report.contact.email, report.contact.phone].filter((s) => s.trim()).join(', ')
        : '';
    case 'consent':
      return '';
    case 'recall':
      return report.recall
        ? [`${report.recall.title} (${report.recall.id})`, report.recall.url].filter(Boolean).join(' ')
        : '';
  }
}

export interface CopyRow {
  field: ReportField;
  required: boolean;
  value: string;
}

/** The destination's fields in its form's order, each with the report's value: the copy helper's rows. */
export function copyRows(report: Report, d: Destination): CopyRow[] {
  const rows: CopyRow[] = d.fields.map((f) => ({ ...f, value: fieldValue(report, f.field) }));
  // The matching recall is worth pasting into the description wherever the form has no field for it.
  if (report.recall && !d.fields.some((f) => f.field === 'recall'))
    rows.push({ field: 'recall', required: false, value: fieldValue(report, 'recall') });
  return rows;
}

/** A report id: random, unguessable, short enough to read out (`RS-` + 10 base-32 characters). */
export function newReportId(random: (n: number) => Uint8Array): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return `RS-${[...random(10)].map((b) => alphabet[b % 32]).join('')}`;
}
