/**
 * The column step: the format we recognised, the encoding we decoded, how many listings, and one row per
 * catalog field with the column we guessed for it, which the merchant can change or clear before the
 * audit runs. A field's choices are the file's headers as printed.
 */
import { i18n } from '#i18n';
import { CATALOG_FIELDS, type CatalogField, type ColumnMapping } from '@/utils/audit/catalog-fields';
import { recognisedCatalog } from '@/utils/audit/labels';
import type { Catalog } from '@/utils/audit/read-catalog';

const FIELD_NAME: Record<CatalogField, () => string> = {
  sku: () => i18n.t('audit.fieldSku'),
  title: () => i18n.t('audit.fieldTitle'),
  brand: () => i18n.t('audit.fieldBrand'),
  barcode: () => i18n.t('audit.fieldBarcode'),
  model: () => i18n.t('audit.fieldModel'),
  asin: () => i18n.t('audit.fieldAsin'),
  url: () => i18n.t('audit.fieldUrl'),
  manufacturer: () => i18n.t('audit.fieldManufacturer'),
  responsiblePerson: () => i18n.t('audit.fieldResponsiblePerson'),
  warnings: () => i18n.t('audit.fieldWarnings'),
  batch: () => i18n.t('audit.fieldBatch'),
};

/** The fields a listing needs one of to be looked up (read-catalog.ts). */
const LOOKUP_FIELDS: readonly CatalogField[] = ['barcode', 'model', 'asin', 'title'];
export const canLookUp = (mapping: ColumnMapping): boolean => LOOKUP_FIELDS.some((f) => mapping[f]);

interface Props {
  name: string;
  catalog: Catalog;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  /** While an audit runs, the columns it uses stay as they are. */
  disabled?: boolean;
  offThread?: boolean;
}

export function MappingStep({ name, catalog, mapping, onChange, disabled = false, offThread }: Props) {
  const set = (field: CatalogField, header: string) => {
    const next: ColumnMapping = { ...mapping };
    // A column feeds one field: choosing it here takes it from another.
    for (const f of CATALOG_FIELDS) if (header && next[f] === header) delete next[f];
    if (header) next[field] = header;
    else delete next[field];
    onChange(next);
  };
  return (
    <section aria-labelledby="mapping-heading" data-testid="mapping">
      <h2 id="mapping-heading">{i18n.t('audit.mappingTitle')}</h2>
      <p data-testid="catalog-format" data-off-thread={String(Boolean(offThread))}>
        {recognisedCatalog(name, catalog)}
      </p>
      <p class="muted">{i18n.t('audit.mappingNote')}</p>
      <table class="mapping">
        <thead>
          <tr>
            <th scope="col">{i18n.t('audit.fieldHeader')}</th>
            <th scope="col">{i18n.t('audit.columnHeader')}</th>
          </tr>
        </thead>
        <tbody>
          {CATALOG_FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row">
                <label for={`map-${field}`}>{FIELD_NAME[field]()}</label>
              </th>
              <td>
                <select
                  id={`map-${field}`}
                  value={mapping[field] ?? ''}
                  disabled={disabled}
                  onChange={(e) => set(field, e.currentTarget.value)}
                >
                  <option value="">{i18n.t('audit.notInFile')}</option>
                  {catalog.headers
                    .filter((h) => h)
                    .map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!canLookUp(mapping) && (
        <p role="alert" class="error">
          {i18n.t('audit.noLookupColumn')}
        </p>
      )}
    </section>
  );
}
