/**
 * Amazon Seller Central inventory and listing reports ("All Listings", "Active Listings", "Inventory"):
 * tab-separated, unquoted, with lower-case hyphenated headers (seller-sku, asin1, item-name, product-id,
 * product-id-type, brand-name in some). `product-id` is typed by `product-id-type`: 1 ASIN, 2 ISBN,
 * 3 UPC, 4 EAN (5 and up are other schemes, GCID among them, that name no barcode). So the barcode and
 * the ASIN columns are derived here, and the rest is left to the column guess.
 */
import type { ColumnMapping } from './catalog-fields';
import type { CatalogTable } from './catalog-table';

export const isAmazonReport = (headers: readonly string[]): boolean =>
  headers.includes('seller-sku') && (headers.includes('asin1') || headers.includes('product-id'));

/** Columns added by `deriveAmazonIdentifiers`; named so they cannot clash with Amazon's own. */
export const AMAZON_BARCODE = 'product-id (barcode)';
export const AMAZON_ASIN = 'asin';

export const AMAZON_COLUMNS: ColumnMapping = {
  sku: 'seller-sku',
  title: 'item-name',
  barcode: AMAZON_BARCODE,
  asin: AMAZON_ASIN,
};

const BARCODE_TYPES = new Set(['2', '3', '4']);

export function deriveAmazonIdentifiers(table: CatalogTable): CatalogTable {
  const records = table.records.map((record) => {
    const { cells } = record;
    const id = cells['product-id'] ?? '';
    const type = (cells['product-id-type'] ?? '').trim();
    const asin = cells.asin1 || (type === '1' ? id : '');
    return {
      ...record,
      cells: { ...cells, [AMAZON_BARCODE]: BARCODE_TYPES.has(type) ? id : '', [AMAZON_ASIN]: asin },
    };
  });
  return { ...table, headers: [...table.headers, AMAZON_BARCODE, AMAZON_ASIN], records };
}
