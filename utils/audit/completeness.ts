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
 * The words are the UI's (utils/locales, `auditFinding`), as in actions.ts: the page's language, English
 * in the CLI.
 */
import { i18n } from '../ui-language/i18n';
import type { CatalogField, CatalogRow } from './catalog-fields';

export type CompletenessRule = 'gpsr' | 'samr';

export interface CompletenessItem {
  id: 'manufacturer' | 'responsible-person' | 'identifiers' | 'warnings' | 'barcode' | 'batch';
  rule: CompletenessRule;
  /** "EU responsible person", in the UI's language. */
  label: () => string;
  fields: readonly CatalogField[];
}

export const COMPLETENESS_ITEMS: readonly CompletenessItem[] = [
  {
    id: 'manufacturer',
    rule: 'gpsr',
    label: () => i18n.t('auditFinding.itemManufacturer'),
    fields: ['manufacturer'],
  },
  {
    id: 'responsible-person',
    rule: 'gpsr',
    label: () => i18n.t('auditFinding.itemResponsiblePerson'),
    fields: ['responsiblePerson'],
  },
  {
    id: 'identifiers',
    rule: 'gpsr',
    label: () => i18n.t('auditFinding.itemIdentifiers'),
    fields: ['barcode', 'model', 'batch'],
  },
  { id: 'warnings', rule: 'gpsr', label: () => i18n.t('auditFinding.itemWarnings'), fields: ['warnings'] },
  { id: 'barcode', rule: 'samr', label: () => i18n.t('auditFinding.itemBarcode'), fields: ['barcode'] },
  { id: 'batch', rule: 'samr', label: () => i18n.t('auditFinding.itemBatch'), fields: ['batch'] },
];

/** The rule's full name: "EU GPSR Art. 19", "SAMR 2025 No. 21". */
export const RULE_NAME: Record<CompletenessRule, () => string> = {
  gpsr: () => i18n.t('auditFinding.ruleGpsr'),
  samr: () => i18n.t('auditFinding.ruleSamr'),
};

/** The rule's short name in a summary: "GPSR", "SAMR No. 21". */
const RULE_SHORT: Record<CompletenessRule, () => string> = {
  gpsr: () => i18n.t('auditFinding.shortGpsr'),
  samr: () => i18n.t('auditFinding.shortSamr'),
};

/** The summary of a listing that shows everything: "complete" in the UI's language. */
export const completeSummary = (): string => i18n.t('auditFinding.complete');

export interface Completeness {
  /** The items this listing does not show, in the order above. */
  missing: CompletenessItem['id'][];
  /** "complete" or "missing: EU responsible person, warnings (GPSR); batch (SAMR No. 21)". */
  summary: string;
}

/** The items `row` does not show, in the order above. */
export function missingItems(row: CatalogRow): CompletenessItem['id'][] {
  return COMPLETENESS_ITEMS.filter((item) => !item.fields.some((f) => row.values[f]?.trim())).map(
    (m) => m.id,
  );
}

export function listingCompleteness(row: CatalogRow): Completeness {
  const missing = missingItems(row);
  return { missing, summary: completenessSummary(missing) };
}

/**
 * The summary in words (eight message lookups): the audit writes it only for rows with a finding, and
 * counts the others' gaps with `missingItems`.
 */
export function completenessSummary(ids: readonly CompletenessItem['id'][]): string {
  const missing = COMPLETENESS_ITEMS.filter((item) => ids.includes(item.id));
  if (missing.length === 0) return completeSummary();
  const parts: string[] = [];
  for (const rule of ['gpsr', 'samr'] as const) {
    const labels = missing.filter((m) => m.rule === rule).map((m) => m.label());
    if (labels.length > 0)
      parts.push(
        i18n.t('auditFinding.missingUnder', [
          labels.join(i18n.t('auditFinding.itemSeparator')),
          RULE_SHORT[rule](),
        ]),
      );
  }
  return i18n.t('auditFinding.missing', [parts.join(i18n.t('auditFinding.ruleSeparator'))]);
}
