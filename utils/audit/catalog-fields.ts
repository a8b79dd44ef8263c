/**
 * The fields an audit reads from a catalog row, whatever the file called its columns. Identifiers are
 * what the matcher looks up (barcode, model, Amazon item id, with brand and title to weigh them); the
 * rest are what a regulator asks a listing to show (utils/audit/completeness.ts).
 */
export const CATALOG_FIELDS = [
  'sku',
  'title',
  'brand',
  'barcode',
  'model',
  'asin',
  'url',
  'manufacturer',
  'responsiblePerson',
  'warnings',
  'batch',
] as const;

export type CatalogField = (typeof CATALOG_FIELDS)[number];

/** How the fields are named to people (report headings, messages). */
export const FIELD_LABEL: Record<CatalogField, string> = {
  sku: 'SKU / id',
  title: 'title',
  brand: 'brand',
  barcode: 'barcode (GTIN/UPC/EAN)',
  model: 'model / MPN',
  asin: 'ASIN',
  url: 'URL',
  manufacturer: 'manufacturer',
  responsiblePerson: 'EU responsible person',
  warnings: 'warnings',
  batch: 'batch / lot',
};

export const isCatalogField = (name: string): name is CatalogField =>
  (CATALOG_FIELDS as readonly string[]).includes(name);

/** Which column (by its header as printed) holds each field; a field with no column is absent. */
export type ColumnMapping = Partial<Record<CatalogField, string>>;

/** One listing as the catalog gave it: the row number a person finds it at, and its mapped values. */
export interface CatalogRow {
  /** 1-based record number in the file, the header being row 1 (for XML: the item's position). */
  row: number;
  values: Partial<Record<CatalogField, string>>;
}

/** Something wrong with a row: skipped rows are not audited, the others are audited as well as they can. */
export interface RowProblem {
  row: number;
  message: string;
  skipped: boolean;
}
