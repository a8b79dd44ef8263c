/**
 * The Shopify product CSV export (Products → Export): one row per variant, and per extra image. The
 * product's own columns (Title, Vendor, Body) are filled on its first row only; later rows of the same
 * Handle carry the variant (Variant SKU, Variant Barcode, Option1 Value) and inherit the rest, so a
 * variant row without a Title belongs to the Handle above it. Rows with nothing of a variant (only an
 * image) are not listings and are dropped without a message.
 * Columns of the 2024–2026 export: Handle, Title, Body (HTML), Vendor, Product Category, Type, Tags,
 * Published, Option1 Name, Option1 Value, …, Variant SKU, …, Variant Barcode, Image Src, …, and metafield
 * columns such as "Google Shopping / MPN" that the column guess maps like any other.
 */
import type { ColumnMapping } from './catalog-fields';
import type { CatalogTable } from './catalog-table';

export const isShopifyExport = (headers: readonly string[]): boolean =>
  headers.includes('Handle') && (headers.includes('Variant SKU') || headers.includes('Variant Barcode'));

/** The export's own names, which win over the guess. */
export const SHOPIFY_COLUMNS: ColumnMapping = {
  sku: 'Variant SKU',
  title: 'Title',
  brand: 'Vendor',
  barcode: 'Variant Barcode',
};

const PRODUCT_COLUMNS = ['Title', 'Vendor', 'Body (HTML)', 'Type', 'Product Category', 'Tags'];
const VARIANT_COLUMNS = ['Variant SKU', 'Variant Barcode', 'Option1 Value', 'Variant Price'];

/** Variant rows with the product columns of their Handle's first row filled in. */
export function inheritShopifyProducts(table: CatalogTable): CatalogTable {
  const firstOf = new Map<string, Record<string, string>>();
  const records = table.records.flatMap((record) => {
    const handle = record.cells.Handle ?? '';
    const first = firstOf.get(handle);
    if (!first) firstOf.set(handle, record.cells);
    if (!VARIANT_COLUMNS.some((c) => record.cells[c])) return [];
    const cells = { ...record.cells };
    if (first) for (const c of PRODUCT_COLUMNS) if (!cells[c] && first[c]) cells[c] = first[c];
    return [{ ...record, cells }];
  });
  return { ...table, records };
}
