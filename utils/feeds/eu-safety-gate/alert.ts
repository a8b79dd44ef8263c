/**
 * One Safety Gate alert as the mapper sees it, whichever document it came from (the detail JSON or a
 * weekly report XML), and how it becomes a Recall. The two readers (detail.ts, weekly-xml.ts) fill the
 * same `Alert`, so the identifier rules (placeholder brands, barcodes that are not barcodes, batch
 * values that constrain nothing) are written once, here.
 */
import { brandKey } from '../../identity/brand';
import { splitCodes } from '../../identity/gtin';
import { mineDateRanges, mineGtins, mineLots } from '../../identity/text-mining';
import { RECALL_SCHEMA_VERSION } from '../../schemas';
import { Collector } from '../lib/collector';
import { clean, distinct, readUrl } from '../lib/text';

/** The feed id, and the `source` of every record. */
export const SOURCE = 'eu-safety-gate';
/** The public web app, under which alert pages, photos and the API live. */
export const BASE = 'https://ec.europa.eu/safety-gate-alerts';

/** One alert, from either document, before it becomes a Recall. */
export interface Alert {
  reference: string | null;
  numericId: string | null;
  /** Names as [English type name, brand, original-language name]. */
  typeName: string;
  specificName: string;
  brands: string[];
  models: string[];
  barcodes: string[];
  batches: string[];
  description: string;
  hazard: string;
  riskTypes: string[];
  measures: string[];
  notifyingCountry: string | null;
  countryOfOrigin: string | null;
  published: string | null;
  version: string;
  updated: string | null;
  images: Array<{ url: string; caption: string | null }>;
  soldAt: string | null;
  companyRecalls: string[];
  /** The feed field each identifier list came from. */
  origins: { brands: string; models: string; barcodes: string; batches: string; description: string };
}

/** Placeholders for "no brand" that brand.ts does not already treat as sentinels (HU, PL, NL, FR ...). */
const PLACEHOLDER_BRANDS = new Set([
  'notknown',
  'nomarca',
  'brak',
  'brakmarki',
  'geen',
  'geenmerk',
  'ingen',
  'nessuna',
  'nessunmarchio',
  'aucune',
  'aucunemarque',
  'noname',
  'nn',
  'x',
  'xx',
  'xxx',
]);

/** A brand value that names a brand: not empty, not a placeholder ("nincs", "No brand", "Unknown", "-"). */
export function isRealBrand(value: string): boolean {
  const key = brandKey(value);
  return key !== null && !PLACEHOLDER_BRANDS.has(key);
}

/**
 * Barcode fields are free text: an EAN-13, several codes in one value, or an internal code with letters
 * ("BCD25042500206593", "S24061300040000101"). Only values made of digits and separators are barcodes;
 * `rawGtinKey` would otherwise strip the letters and keep a 14-digit tail as a "raw GTIN".
 */
export function barcodeValues(field: string): string[] {
  const parts = splitCodes(field);
  return (parts.length > 0 ? parts : [clean(field)]).filter((p) => /^[\d\s.-]+$/.test(p));
}

/** An `Alert` as a Recall (the record loop checks it against the schema). */
export function mapAlert(a: Alert, nativeId: string): unknown {
  const c = new Collector();
  for (const b of a.brands) if (isRealBrand(b)) c.brand(b, 'structured', a.origins.brands);
  for (const m of a.models) c.model(m, 'structured', a.origins.models);
  for (const field of a.barcodes) {
    for (const code of barcodeValues(field)) c.gtin(code, 'structured', a.origins.barcodes);
  }
  // "All batches are concerned", "unknown": a batch value needs a digit to constrain anything.
  for (const b of a.batches) if (/\d/.test(b)) c.lot(b, 'structured', a.origins.batches);
  for (const g of mineGtins(a.description, a.origins.description)) {
    // Prose GTINs pass the same barcode-shape guard as the structured field.
    if (g.gtin14 || /^[\d\s.-]+$/.test(g.raw)) c.gtin(g.raw, 'prose', g.origin);
  }
  for (const lot of mineLots(a.description, a.origins.description)) c.lot(lot.value, 'prose', lot.origin);
  for (const d of mineDateRanges(a.description, a.origins.description)) c.dateRange(d);

  const brand = c.lists.brands[0] ?? '';
  const title = distinct([a.typeName, brand, a.specificName]).join(' – ') || `Safety Gate alert ${nativeId}`;
  const name = distinct([brand, a.specificName || a.typeName]).join(' ') || title;
  const url =
    a.numericId && /^\d+$/.test(a.numericId)
      ? `${BASE}/screen/webReport/alertDetail/${a.numericId}?lang=en`
      : (readUrl(a.companyRecalls[0]) ?? null);

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'EU',
    recallNumber: a.reference,
    title,
    url,
    published: a.published,
    updated: a.updated ?? a.published,
    // Safety Gate publishes no end to an alert: every published alert stands.
    status: 'active',
    version: a.version,
    hazard: a.hazard || a.riskTypes.join(', '),
    remedy: a.measures.join('; '),
    remedyOptions: a.measures,
    units: null,
    soldAt: a.soldAt,
    countryOfOrigin: a.countryOfOrigin ? [a.countryOfOrigin] : [],
    manufacturers: [],
    images: a.images,
    products: [c.product(name)],
  };
}
