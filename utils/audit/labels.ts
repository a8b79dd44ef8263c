/**
 * Names of an audit's kinds in the UI's language: a catalog's format and a notice's status, shown on the
 * audit page and in the printable evidence report (and in English by the CLI, which answers every UI
 * message in English), and the line that says what a catalog file was read as. The notice's own text
 * stays as its authority published it.
 */
import type { RecallStatus } from '../schemas';
import { i18n } from '../ui-language/i18n';
import type { Catalog, CatalogFormat } from './read-catalog';

const FORMAT_NAME: Record<CatalogFormat, () => string> = {
  csv: () => 'CSV',
  tsv: () => 'TSV',
  'merchant-center-tsv': () => i18n.t('catalogFormat.merchantCenterTsv'),
  'merchant-center-xml': () => i18n.t('catalogFormat.merchantCenterXml'),
  'shopify-csv': () => i18n.t('catalogFormat.shopifyCsv'),
  'amazon-report': () => i18n.t('catalogFormat.amazonReport'),
  'shopify-store': () => i18n.t('catalogFormat.shopifyStore'),
  'marketplace-listings': () => i18n.t('catalogFormat.marketplaceListings'),
  xlsx: () => i18n.t('catalogFormat.xlsx'),
};

export const catalogFormatName = (format: CatalogFormat): string => FORMAT_NAME[format]();

/** "products.csv: Shopify product export (CSV), UTF-8, 1,204 listings". */
export const recognisedCatalog = (
  name: string,
  catalog: Pick<Catalog, 'format' | 'encoding' | 'rows'>,
): string =>
  i18n.t('audit.recognised', [
    name,
    catalogFormatName(catalog.format),
    catalog.encoding,
    catalog.rows.length.toLocaleString(),
  ]);

const STATUS_NAME: Record<RecallStatus, () => string> = {
  active: () => i18n.t('audit.statusActive'),
  completed: () => i18n.t('audit.statusCompleted'),
  withdrawn: () => i18n.t('audit.statusWithdrawn'),
  other: () => i18n.t('audit.statusOther'),
};

export const recallStatusName = (status: RecallStatus): string => STATUS_NAME[status]();
