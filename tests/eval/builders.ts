/**
 * Builders for hand-made evaluation pairs. Codes are given as printed and keyed with the real GTIN
 * functions, and every value is parsed by the real schemas, so a hand-made pair cannot hold data the
 * extension would never see (a "GTIN" with a bad check digit lands in the raw codes, as a mapper would
 * put it).
 */
import { gtinKey } from '../../utils/identity/gtin';
import {
  type IdentityFact,
  ProductIdentity,
  Recall,
  type RecallIdentifier,
  type RecallProduct,
} from '../../utils/schemas';

export interface PageFields {
  marketplace?: string;
  itemId?: string | null;
  brand?: string | null;
  manufacturer?: string | null;
  models?: string[];
  /** Codes as the page printed them; valid ones become GTIN keys, all stay in `rawGtins`. */
  codes?: string[];
  /** The listing title; without one, the title is the brand and models, as a bare listing would be. */
  title?: string;
}

export function page(fields: PageFields): ProductIdentity {
  const codes = fields.codes ?? [];
  const facts: IdentityFact[] = [
    ...(fields.brand ? [{ field: 'brand' as const, value: fields.brand, source: 'json-ld' as const }] : []),
    ...(fields.models ?? []).map((value) => ({
      field: 'model' as const,
      value,
      source: 'spec-table' as const,
    })),
    ...codes.map((value) => ({ field: 'gtin' as const, value, source: 'json-ld' as const })),
    ...(fields.title ? [{ field: 'title' as const, value: fields.title, source: 'json-ld' as const }] : []),
  ];
  const marketplace = fields.marketplace ?? 'amazon';
  const itemId = fields.itemId === undefined ? 'B0EVAL0000' : fields.itemId;
  return ProductIdentity.parse({
    schemaVersion: 1,
    marketplace,
    pageType: 'product',
    url: `https://shop.example/${marketplace}/${itemId ?? 'item'}`,
    itemId,
    title: fields.title ?? [fields.brand, ...(fields.models ?? [])].filter(Boolean).join(' '),
    brand: fields.brand ?? null,
    manufacturer: fields.manufacturer ?? null,
    models: fields.models ?? [],
    gtins: [...new Set(codes.map(gtinKey).filter((k): k is string => k !== null))],
    rawGtins: codes,
    seller: null,
    variant: null,
    quantity: null,
    facts,
  });
}

export interface NoticeFields {
  /** The recalled product's name (default "Recalled product", which no title rule can meet). */
  name?: string;
  brands?: string[];
  manufacturers?: string[];
  models?: string[];
  /** Codes as the notice printed them; valid ones become GTIN keys, the others raw codes. */
  codes?: string[];
  lots?: string[];
  dateRanges?: RecallProduct['dateRanges'];
  status?: Recall['status'];
  published?: string;
}

let noticeCount = 0;

export function notice(fields: NoticeFields): Recall {
  noticeCount += 1;
  const codes = fields.codes ?? [];
  const gtins = codes.map(gtinKey).filter((k): k is string => k !== null);
  const rawGtins = codes.filter((c) => gtinKey(c) === null);
  const identifiers: RecallIdentifier[] = [
    ...(fields.models ?? []).map((value) => ({
      field: 'model' as const,
      value,
      source: 'prose' as const,
      origin: 'Description',
    })),
    ...codes.map((value) => ({
      field: gtinKey(value) ? ('gtin' as const) : ('rawGtin' as const),
      value,
      source: 'structured' as const,
      origin: 'ProductUPCs',
    })),
  ];
  return Recall.parse({
    schemaVersion: 1,
    id: `eval:${noticeCount}`,
    source: 'eval',
    jurisdiction: 'US',
    recallNumber: String(noticeCount),
    title: `Hand-made notice ${noticeCount}`,
    url: null,
    published: fields.published ?? '2026-06-01',
    updated: fields.published ?? '2026-06-01',
    status: fields.status ?? 'active',
    version: '2026-06-01T00:00:00',
    hazard: 'It can break.',
    remedy: 'Refund',
    remedyOptions: ['Refund'],
    units: null,
    soldAt: null,
    countryOfOrigin: [],
    manufacturers: fields.manufacturers ?? [],
    images: [],
    products: [
      {
        name: fields.name ?? 'Recalled product',
        brands: fields.brands ?? [],
        models: fields.models ?? [],
        gtins: [...new Set(gtins)],
        rawGtins,
        lots: fields.lots ?? [],
        dateRanges: fields.dateRanges ?? [],
        identifiers,
      },
    ],
  });
}
