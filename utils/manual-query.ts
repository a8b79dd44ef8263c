/**
 * What a shopper types into the popup's manual lookup, read as a product identity: a barcode (UPC, EAN,
 * JAN, GTIN-14, UPC-E or ISBN, with or without spaces and dashes) or a model number, with a brand when
 * they give one. A barcode is checked by its check digit before anything is looked up: a mistyped digit
 * is the likeliest reason for "no recall found", so the shopper hears about it instead. A model too
 * generic to name one product ("A1", "2-pack") is refused for the same reason the matcher never matches
 * on it. Pure: the popup uses it to explain, the background to build the identity it looks up.
 */
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

const MODEL_REFUSALS: Record<ModelRejection, string> = {
  empty: 'Type a barcode or a model number.',
  'too-short': 'That model is too short to name one product: type it in full, as printed on the item.',
  'too-long': 'That is too long for a model number: type only the model, as printed on the item.',
  sentinel: 'That is not a model number: type the model printed on the item or its label.',
  'no-digit':
    'A model number has at least one digit. A brand or product name alone cannot identify a recalled product.',
  measure: 'That looks like a size or a pack count, not a model number.',
  year: 'That looks like a year, not a model number.',
  'gtin-like': 'That looks like a barcode: type all of its digits.',
  'only-digits-short': 'A model made only of digits needs at least 6 of them to name one product.',
};

function refusal(reason: string): ManualQuery {
  return { ok: false, reason };
}

/** Reads the typed text (and an optional brand) as a barcode or a model number, or says why not. */
export function readManualQuery(text: string, brandText = ''): ManualQuery {
  const typed = text.normalize('NFKC').trim();
  const brand = brandText.normalize('NFKC').trim().slice(0, MANUAL_QUERY_MAX) || null;
  if (typed.length > MANUAL_QUERY_MAX)
    return refusal('That is too long: type one barcode or one model number.');
  if (!typed) return refusal(MODEL_REFUSALS.empty);

  const digits = rawGtinKey(typed);
  const looksLikeBarcode = /^[\d\s\p{Pd}.]+[Xx]?$/u.test(typed) && digits.length >= 6;
  if (looksLikeBarcode) return readBarcode(typed, digits, brand);

  const model = cleanModel(typed);
  const rejected = model ? modelRejection(model) : 'empty';
  if (rejected || !model) return refusal(MODEL_REFUSALS[rejected ?? 'empty']);
  return { ok: true, kind: 'model', model, brand };
}

function readBarcode(typed: string, digits: string, brand: string | null): ManualQuery {
  const [gtin14] = gtinKeys(typed);
  if (gtin14) return { ok: true, kind: 'barcode', printed: digits, gtin14, brand };
  if (digits.length === 10 && /^\d{9}[\dX]$/.test(digits))
    return refusal('That ISBN has a wrong check digit: compare it with the book again.');
  if (!BARCODE_LENGTHS.includes(digits.length)) {
    const hint =
      digits.length === 11 ? ' An 11-digit number is usually a UPC with its last digit missing.' : '';
    return refusal(`A barcode has 8, 12, 13 or 14 digits; that has ${digits.length}.${hint}`);
  }
  const expected = gtinCheckDigit(digits.slice(0, -1));
  return refusal(
    `The last digit of that barcode should be ${expected}, not ${digits.at(-1)}: one digit is probably mistyped. Check it against the package.`,
  );
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
