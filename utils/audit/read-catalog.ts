/**
 * A catalog file → listings to audit: decoded (decode-catalog.ts), recognised by its shape (a Shopify
 * export, an Amazon report, a Merchant Center feed in XML or TSV, else any CSV/TSV), its columns mapped
 * (the format's own names, then the guess, then the user's corrections), and each record turned into a
 * row of catalog fields. Problems are per row and never stop the rest: junk lines, exact duplicates of an
 * earlier row, and rows with nothing to look up are reported with their number and left out.
 * Browser-safe: bytes in, data out (the CLI reads the file, the audit page will hand over a File's bytes).
 */
import { AMAZON_COLUMNS, deriveAmazonIdentifiers, isAmazonReport } from './amazon-report';
import {
  CATALOG_FIELDS,
  type CatalogField,
  type CatalogRow,
  type ColumnMapping,
  FIELD_LABEL,
  type RowProblem,
} from './catalog-fields';
import { type CatalogTable, readDelimited } from './catalog-table';
import { applyOverrides, guessColumns, type MappingOverride } from './column-guess';
import { decodeCatalog } from './decode-catalog';
import { isMerchantCenterXml, readMerchantCenterXml } from './merchant-center-xml';
import { inheritShopifyProducts, isShopifyExport, SHOPIFY_COLUMNS } from './shopify-csv';
import { isLegacyWorkbook, isZip, WorkbookError, workbookSheet } from './workbook';

/** Past this a file is refused before it is decoded: 100 MB is about a million listings. */
export const MAX_CATALOG_BYTES = 100 * 1024 * 1024;

export type CatalogFormat =
  | 'csv'
  | 'tsv'
  | 'merchant-center-tsv'
  | 'merchant-center-xml'
  | 'shopify-csv'
  | 'amazon-report'
  /** Not a file: a Shopify store's products.json, read by the storefront scan (storefront.ts). */
  | 'shopify-store'
  /** Not a file: listing pages on the supported marketplaces, read by their adapters (listing-pages.ts). */
  | 'marketplace-listings'
  /** An Excel workbook's sheet of any columns (workbook.ts); a Shopify export saved as XLSX stays shopify-csv. */
  | 'xlsx';

export interface Catalog {
  format: CatalogFormat;
  encoding: string;
  headers: string[];
  mapping: ColumnMapping;
  rows: CatalogRow[];
  problems: RowProblem[];
}

export interface ReadCatalogOptions {
  overrides?: readonly MappingOverride[];
  /**
   * The whole mapping as a person chose it (the audit page's column step, which can also leave a field
   * unmapped): used instead of the guess and the overrides, less any header the file does not have.
   */
  mapping?: ColumnMapping;
  /** The file's name, for messages only (formats are recognised by content). */
  name?: string;
}

export class CatalogTooLargeError extends Error {}

/** A file that is no catalog this reads (an old XLS, a ZIP that is no workbook), with what to do instead. */
export class UnsupportedCatalogError extends Error {}

/** A feed's TSV: Merchant Center's attribute names as headers, `id` and `title` always among them. */
const isMerchantCenterTsv = (table: CatalogTable) =>
  table.delimiter === '\t' &&
  ['id', 'title'].every((h) => table.headers.includes(h)) &&
  ['gtin', 'mpn', 'brand', 'link'].some((h) => table.headers.includes(h));

function recognise(text: string): { format: CatalogFormat; table: CatalogTable; fixed: ColumnMapping } {
  if (isMerchantCenterXml(text))
    return { format: 'merchant-center-xml', table: readMerchantCenterXml(text), fixed: {} };
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  if (firstLine.includes('seller-sku') && firstLine.includes('\t')) {
    const table = readDelimited(text, { delimiter: '\t', quotes: false });
    if (isAmazonReport(table.headers))
      return { format: 'amazon-report', table: deriveAmazonIdentifiers(table), fixed: AMAZON_COLUMNS };
  }
  const table = readDelimited(text);
  if (isShopifyExport(table.headers))
    return { format: 'shopify-csv', table: inheritShopifyProducts(table), fixed: SHOPIFY_COLUMNS };
  if (isMerchantCenterTsv(table)) return { format: 'merchant-center-tsv', table, fixed: {} };
  return { format: table.delimiter === '\t' ? 'tsv' : 'csv', table, fixed: {} };
}

/** The guess with the format's own columns on top: a header feeds one field. */
function formatMapping(headers: readonly string[], fixed: ColumnMapping): ColumnMapping {
  const mapping = guessColumns(headers);
  const taken = new Set(Object.values(fixed));
  for (const field of Object.keys(mapping) as CatalogField[])
    if (taken.has(mapping[field] as string)) delete mapping[field];
  for (const [field, header] of Object.entries(fixed) as [CatalogField, string][])
    if (headers.includes(header)) mapping[field] = header;
  return mapping;
}

/** A chosen mapping, kept to the headers the file has. */
function chosenMapping(headers: readonly string[], chosen: ColumnMapping): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [field, header] of Object.entries(chosen) as [CatalogField, string | undefined][])
    if (header !== undefined && headers.includes(header)) mapping[field] = header;
  return mapping;
}

/** The fields a row needs at least one of to be looked up at all. */
const LOOKUP_FIELDS: readonly CatalogField[] = ['barcode', 'model', 'asin', 'title'];

export function readCatalog(bytes: Uint8Array, options: ReadCatalogOptions = {}): Catalog {
  const name = options.name ?? 'the catalog';
  if (bytes.byteLength > MAX_CATALOG_BYTES)
    throw new CatalogTooLargeError(
      `${name} is ${(bytes.byteLength / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_CATALOG_BYTES / 1024 / 1024} MB. Split it (by category or brand) and audit each part.`,
    );
  if (isZip(bytes) || isLegacyWorkbook(bytes))
    throw new UnsupportedCatalogError(`${name} is a workbook: read it with readAnyCatalog (workbook.ts)`);
  const { text, encoding } = decodeCatalog(bytes);
  const { format, table, fixed } = recognise(text);
  const mapping = options.mapping
    ? chosenMapping(table.headers, options.mapping)
    : applyOverrides(table.headers, formatMapping(table.headers, fixed), options.overrides ?? []);
  const problems: RowProblem[] = [...table.problems];
  if (table.headers.length === 0 || table.records.length + table.problems.length === 0)
    problems.push({ row: 1, message: `${name} has no listings (no rows under a header)`, skipped: true });
  else if (!LOOKUP_FIELDS.some((f) => mapping[f]))
    problems.push({
      row: 1,
      message: `no column is mapped to a barcode, model, ASIN or title (columns: ${table.headers.join(', ')}); map one with column=field`,
      skipped: true,
    });

  const rows: CatalogRow[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const values: CatalogRow['values'] = {};
    for (const field of CATALOG_FIELDS) {
      const header = mapping[field];
      const value = header === undefined ? '' : (record.cells[header] ?? '').trim();
      if (value) values[field] = value;
    }
    if (!LOOKUP_FIELDS.some((f) => values[f])) {
      if (Object.keys(values).length > 0 || Object.values(record.cells).some(Boolean))
        problems.push({
          row: record.row,
          message: `row ${record.row}: no ${LOOKUP_FIELDS.map((f) => FIELD_LABEL[f])
            .join(', ')
            .replace(/, (?=[^,]*$)/, ' or ')} to look up; not audited`,
          skipped: true,
        });
      continue;
    }
    const key = JSON.stringify(CATALOG_FIELDS.map((f) => values[f] ?? ''));
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        row: record.row,
        message: `row ${record.row}: repeats row ${earlier}; audited once`,
        skipped: true,
      });
      continue;
    }
    seen.set(key, record.row);
    rows.push({ row: record.row, values });
  }
  problems.sort((a, b) => a.row - b.row);
  return { format, encoding, headers: table.headers, mapping, rows, problems };
}

/**
 * Any catalog file, an Excel workbook included: the one door the CLI and the audit page use. A workbook's
 * first sheet with data is read as CSV (workbook.ts); its `encoding` names the sheet instead
 * (`sheet "Products"`), since the sheet is what a merchant needs to know was read.
 */
export async function readAnyCatalog(bytes: Uint8Array, options: ReadCatalogOptions = {}): Promise<Catalog> {
  const name = options.name ?? 'the catalog';
  if (bytes.byteLength > MAX_CATALOG_BYTES || !(isZip(bytes) || isLegacyWorkbook(bytes)))
    return readCatalog(bytes, options);
  let sheet: Awaited<ReturnType<typeof workbookSheet>>;
  try {
    sheet = await workbookSheet(bytes, name);
  } catch (e) {
    throw e instanceof WorkbookError ? new UnsupportedCatalogError(e.message) : e;
  }
  // The sheet is named, not the workbook: a 30 MB file can unpack to a sheet over the limit.
  if (sheet.csv.byteLength > MAX_CATALOG_BYTES)
    throw new CatalogTooLargeError(
      `sheet "${sheet.sheet}" of ${name} comes to ${(sheet.csv.byteLength / 1024 / 1024).toFixed(0)} MB unpacked; the limit is ${MAX_CATALOG_BYTES / 1024 / 1024} MB. Split it (by category or brand) and audit each part.`,
    );
  const catalog = readCatalog(sheet.csv, options);
  return {
    ...catalog,
    format: catalog.format === 'csv' ? 'xlsx' : catalog.format,
    encoding: `sheet "${sheet.sheet}"`,
  };
}
