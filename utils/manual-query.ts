/**
 * What a shopper types into the popup's manual lookup, read as a product identity: a barcode (UPC, EAN,
 * JAN, GTIN-14, UPC-E or ISBN, with or without spaces and dashes) or a model number, with a brand when
 * they give one. A barcode is checked by its check digit before anything is looked up: a mistyped digit
 * is the likeliest reason for "no recall found", so the shopper hears about it instead. A model too
 * generic to name one product ("A1", "2-pack") is refused for the same reason the matcher never matches
 * on it. Pure: the popup uses it to explain, the background to build the identity it looks up.
 */
import { i18n } from '#i18n';
import { gtinCheckDigit, gtinKeys, rawGtinKey } from './identity/gtin';
import { cleanModel, type ModelRejection, modelRejection } from './identity/model';
import { IDENTITY_SCHEMA_VERSION, type ProductIdentity } from './schemas';

export const MANUAL_QUERY_MAX = 200;

/** The address a manual lookup's identity carries: it was read from no page. */
export const MANUAL_URL = 'about:manual-lookup';

export type ManualQuery =
  | { ok: true; kind: 'barcode'; printed: string; gtin14: string; brand: string | null }
  | { ok: true; kind: 'model'; model: string; brand: string | null }
  | { ok: false; reason: string };

const BARCODE_LENGTHS = [8, 12, 13, 14];

/** Why a typed model cannot be looked up, in the UI's language (read when needed, not at import). */
const MODEL_REFUSALS: Record<ModelRejection, () => string> = {
  empty: () => i18n.t('manualQuery.empty'),
  'too-short': () => i18n.t('manualQuery.tooShort'),
  'too-long': () => i18n.t('manualQuery.modelTooLong'),
  sentinel: () => i18n.t('manualQuery.sentinel'),
  'no-digit': () => i18n.t('manualQuery.noDigit'),
  measure: () => i18n.t('manualQuery.measure'),
  year: () => i18n.t('manualQuery.year'),
  'gtin-like': () => i18n.t('manualQuery.gtinLike'),
  'only-digits-short': () => i18n.t('manualQuery.shortDigits'),
};

function refusal(reason: string): ManualQuery {
  return { ok: false, reason };
}

/** Reads the typed text (and an optional brand) as a barcode or a model number, or says why not. */
export function readManualQuery(text: string, brandText = ''): ManualQuery {
  const typed = text.normalize('NFKC').trim();
  const brand = brandText.normalize('NFKC').trim().slice(0, MANUAL_QUERY_MAX) || null;
  if (typed.length > MANUAL_QUERY_MAX) return refusal(i18n.t('manualQuery.tooLong'));
  if (!typed) return refusal(MODEL_REFUSALS.empty());

  const digits = rawGtinKey(typed);
  const looksLikeBarcode = /^[\d\s\p{Pd}.]+[Xx]?$/u.test(typed) && digits.length >= 6;
  if (looksLikeBarcode) return readBarcode(typed, digits, brand);

  const model = cleanModel(typed);
  const rejected = model ? modelRejection(model) : 'empty';
  if (rejected || !model) return refusal(MODEL_REFUSALS[rejected ?? 'empty']());
  return { ok: true, kind: 'model', model, brand };
}

function readBarcode(typed: string, digits: string, brand: string | null): ManualQuery {
  const [gtin14] = gtinKeys(typed);
  if (gtin14) return { ok: true, kind: 'barcode', printed: digits, gtin14, brand };
  if (digits.length === 10 && /^\d{9}[\dX]$/.test(digits)) return refusal(i18n.t('manualQuery.isbnCheck'));
  if (!BARCODE_LENGTHS.includes(digits.length)) {
    const length = i18n.t('manualQuery.length', [String(digits.length)]);
    return refusal(digits.length === 11 ? `${length} ${i18n.t('manualQuery.elevenDigits')}` : length);
  }
  const expected = gtinCheckDigit(digits.slice(0, -1));
  return refusal(i18n.t('manualQuery.checkDigit', [String(expected), digits.at(-1) ?? '']));
}

/** The identity a valid manual query is looked up as: no page, no shop, only what was typed. */
export function manualIdentity(query: Extract<ManualQuery, { ok: true }>): ProductIdentity {
  const barcode = query.kind === 'barcode';
  return {
    schemaVersion: IDENTITY_SCHEMA_VERSION,
    marketplace: null,
    pageType: 'product',
    url: MANUAL_URL,
    itemId: null,
    title: null,
    brand: query.brand,
    manufacturer: null,
    models: barcode ? [] : [query.model],
    gtins: barcode ? [query.gtin14] : [],
    rawGtins: barcode ? [query.printed] : [],
    seller: null,
    variant: null,
    quantity: null,
    facts: [
      barcode
        ? { field: 'gtin', value: query.printed, source: 'typed' }
        : { field: 'model', value: query.model, source: 'typed' },
      ...(query.brand ? [{ field: 'brand' as const, value: query.brand, source: 'typed' as const }] : []),
    ],
  };
}
