/**
 * A catalog row as the ProductIdentity the matcher looks up, the same shape a product page gives, so a
 * listing and a page are judged by one set of rules. Barcodes are read by utils/identity/gtin.ts (check
 * digit, UPC-E, ISBN-10); models by utils/identity/model.ts. What a spreadsheet did to a barcode is said
 * per row, because it is the likeliest reason a recalled listing goes unflagged:
 * - "4.1260012846E+11": the column was stored as a number; the digits are lost, nothing is looked up;
 * - 11 digits: the leading zero of a 12-digit UPC was dropped; read with the zero when the check digit
 *   then holds (and said so), else kept as printed;
 * - a wrong check digit: kept as a raw code (the matcher's weak, exact-string signal) and reported.
 * The values come from the merchant's own product data, so their facts carry the `embedded-json` source
 * ("the listing's product data" in explanations). The ASIN of an Amazon report is the item id of an
 * `amazon` identity, so a notice that prints it confirms the listing; other rows have no marketplace and
 * no item id (a SKU is often the model itself, and the matcher ignores a model equal to the item id).
 */
import { gtinCheckDigit, gtinKeys, rawGtinKey, splitCodes } from '../identity/gtin';
import { cleanModel } from '../identity/model';
import { IDENTITY_SCHEMA_VERSION, type IdentityFact, type ProductIdentity } from '../schemas';
import type { CatalogRow, ColumnMapping } from './catalog-fields';

export interface RowIdentity {
  identity: ProductIdentity;
  /** Sentences about this row's values that the merchant should fix (the row is still audited). */
  warnings: string[];
}

const SOURCE = 'embedded-json' as const;
const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

/** "041260012846, 0-41260-01284-6; 4061464174801" → each code; a lone code is one. */
function barcodeValues(cell: string): string[] {
  const split = splitCodes(cell);
  return split.length > 0 ? split : [cell.trim()].filter(Boolean);
}

/** Models separated by commas, semicolons, pipes or a spaced slash; a slash inside a model stays. */
const modelValues = (cell: string): string[] =>
  cell
    .split(/[,;|]|\s\/\s/)
    .map((m) => cleanModel(m))
    .filter((m): m is string => m !== null);

export function rowIdentity(row: CatalogRow, mapping: ColumnMapping): RowIdentity {
  const v = row.values;
  const warnings: string[] = [];
  const facts: IdentityFact[] = [];
  const fact = (field: IdentityFact['field'], value: string, label?: string) =>
    facts.push({
      field,
      value: cut(value, 500),
      source: SOURCE,
      ...(label ? { label: cut(label, 200) } : {}),
    });

  const gtins: string[] = [];
  const rawGtins: string[] = [];
  for (const printed of v.barcode ? barcodeValues(v.barcode) : []) {
    if (/^\d(?:[.,]\d+)?e\+?\d+$/i.test(printed.replace(/\s/g, ''))) {
      warnings.push(
        `barcode "${printed}" was stored as a number by a spreadsheet and its digits are lost; export the column as text`,
      );
      continue;
    }
    let keys = gtinKeys(printed);
    const digits = rawGtinKey(printed);
    if (keys.length === 0 && /^\d{11}$/.test(digits) && gtinKeys(`0${digits}`).length > 0) {
      keys = gtinKeys(`0${digits}`);
      warnings.push(
        `barcode ${digits} has 11 digits; read as UPC 0${digits} (a spreadsheet drops the leading zero)`,
      );
    } else if (keys.length === 0) {
      const lengthOk = [8, 12, 13, 14].includes(digits.length);
      warnings.push(
        lengthOk
          ? `barcode ${digits} has a wrong check digit (it should end in ${gtinCheckDigit(digits.slice(0, -1))}); compared only as printed`
          : `barcode "${printed}" is not a GTIN (${digits.length} digits); compared only as printed`,
      );
    }
    for (const k of keys) if (!gtins.includes(k)) gtins.push(k);
    if (digits && !rawGtins.includes(digits)) rawGtins.push(cut(digits, 100));
    fact('gtin', printed, mapping.barcode);
  }

  const models = v.model ? modelValues(v.model).map((m) => cut(m, 100)) : [];
  for (const m of models) fact('model', m, mapping.model);
  if (v.title) fact('title', v.title, mapping.title);
  if (v.brand) fact('brand', v.brand, mapping.brand);
  if (v.manufacturer) fact('manufacturer', v.manufacturer, mapping.manufacturer);
  const asin = v.asin?.trim().toUpperCase() || null;
  if (asin) fact('itemId', asin, mapping.asin);

  return {
    identity: {
      schemaVersion: IDENTITY_SCHEMA_VERSION,
      marketplace: asin ? 'amazon' : null,
      pageType: 'product',
      url: cut(v.url ?? `catalog:row-${row.row}`, 4000),
      itemId: asin ? cut(asin, 100) : null,
      title: v.title ? cut(v.title, 1000) : null,
      brand: v.brand ? cut(v.brand, 200) : null,
      manufacturer: v.manufacturer ? cut(v.manufacturer, 200) : null,
      models: models.slice(0, 50),
      gtins: gtins.slice(0, 50),
      rawGtins: rawGtins.slice(0, 50),
      seller: null,
      variant: null,
      quantity: null,
      facts: facts.slice(0, 200),
    },
    warnings,
  };
}
