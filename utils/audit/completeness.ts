/**
 * Listing completeness: what a regulator asks every listing to show, whether or not it is recalled.
 * - EU GPSR (Regulation (EU) 2023/988) Art. 19, distance sales: the manufacturer's name and address;
 *   where the manufacturer is outside the EU, the EU responsible person (Art. 16); information
 *   identifying the product (type, batch or serial number, other identifier); warnings and safety
 *   information in a language consumers understand.
 * - SAMR Announcement 2025 No. 21 (China, online sales of consumer products): the product's barcode and
 *   its production batch disclosed on the listing, so that a recall can be traced to the listings that
 *   sold it.
 * Only what the catalog's columns carry can be judged: a missing column makes every listing "missing"
 * that item, which is the honest answer (the listing data the merchant holds does not show it).
 */
import type { CatalogField, CatalogRow } from './catalog-fields';

export interface CompletenessItem {
  id: 'manufacturer' | 'responsible-person' | 'identifiers' | 'warnings' | 'barcode' | 'batch';
  rule: 'EU GPSR Art. 19' | 'SAMR 2025 No. 21';
  label: string;
  fields: readonly CatalogField[];
}

export const COMPLETENESS_ITEMS: readonly CompletenessItem[] = [
  { id: 'manufacturer', rule: 'EU GPSR Art. 19', label: 'manufacturer', fields: ['manufacturer'] },
  {
    id: 'responsible-person',
    rule: 'EU GPSR Art. 19',
    label: 'EU responsible person',
    fields: ['responsiblePerson'],
  },
  {
    id: 'identifiers',
    rule: 'EU GPSR Art. 19',
    label: 'product identifier',
    fields: ['barcode', 'model', 'batch'],
  },
  { id: 'warnings', rule: 'EU GPSR Art. 19', label: 'warnings and safety information', fields: ['warnings'] },
  { id: 'barcode', rule: 'SAMR 2025 No. 21', label: 'barcode', fields: ['barcode'] },
  { id: 'batch', rule: 'SAMR 2025 No. 21', label: 'batch', fields: ['batch'] },
];

export interface Completeness {
  /** The items this listing does not show, in the order above. */
  missing: CompletenessItem['id'][];
  /** "Complete" or "missing: EU responsible person, warnings (GPSR); batch (SAMR No. 21)". */
  summary: string;
}

export function listingCompleteness(row: CatalogRow): Completeness {
  const missing = COMPLETENESS_ITEMS.filter((item) => !item.fields.some((f) => row.values[f]?.trim()));
  if (missing.length === 0) return { missing: [], summary: 'complete' };
  const byRule = (rule: CompletenessItem['rule'], short: string) => {
    const labels = missing.filter((m) => m.rule === rule).map((m) => m.label);
    return labels.length > 0 ? `${labels.join(', ')} (${short})` : null;
  };
  const parts = [byRule('EU GPSR Art. 19', 'GPSR'), byRule('SAMR 2025 No. 21', 'SAMR No. 21')].filter(
    Boolean,
  );
  return { missing: missing.map((m) => m.id), summary: `missing: ${parts.join('; ')}` };
}
