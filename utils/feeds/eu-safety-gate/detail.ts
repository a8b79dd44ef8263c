/**
 * The alert detail JSON of the Safety Gate public web app (`GET /public/api/notification/{id}?language=en`)
 * and the list page that holds such details (`{ "content": [detail, ...], "totalPages": n }`): the
 * lenient outward schema, the shape checks, and the reading of one detail into an `Alert`. Only the
 * English `versions` entry is read; brandKnown/typeModelKnown/... false empties their lists.
 */
import { z } from 'zod';
import { isRecord } from '../../is-record';
import { clean, distinct, isoDay, present } from '../lib/text';
import { type Alert, BASE } from './alert';

const Text = z.string().nullish();
const Id = z.union([z.number(), z.string()]).nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item.nullish()).nullish();
const Keyed = z.object({ key: Text, name: Text }).nullish();
/** `language` is `{key:"EN"}` in details; a bare "en" is accepted for copies that flattened it. */
const Language = z.union([z.string(), z.object({ key: Text })]).nullish();

/** One alert's detail JSON, lenient: every field we read is nullish, and lists may hold nulls. */
export const EuAlert = z.object({
  id: Id,
  reference: Text,
  country: Keyed,
  creationDate: Text,
  publicationDate: Text,
  modificationDate: Text,
  product: z
    .object({
      nameSpecific: Text,
      name: Text,
      brandKnown: z.boolean().nullish(),
      brands: list(z.object({ brand: Text })),
      typeModelKnown: z.boolean().nullish(),
      modelTypes: list(z.object({ modelType: Text })),
      barcodeKnown: z.boolean().nullish(),
      barcodes: list(z.object({ barcode: Text })),
      batchNumberKnown: z.boolean().nullish(),
      batchNumbers: list(z.object({ batchNumber: Text })),
      productCategory: Keyed,
      versions: list(
        z.object({ language: Language, name: Text, description: Text, packageDescription: Text }),
      ),
      photos: list(z.object({ id: Id, mainPicture: z.boolean().nullish(), fileName: Text })),
    })
    .nullish(),
  risk: z
    .object({
      riskType: list(z.object({ key: Text, name: Text })),
      versions: list(z.object({ language: Language, riskDescription: Text })),
    })
    .nullish(),
  measureTaken: z
    .object({
      measures: list(z.object({ measureCategory: Keyed, measureType: Keyed })),
      companyRecalls: list(z.object({ link: Text })),
    })
    .nullish(),
  traceability: z.object({ countryOrigin: Keyed, isSoldOnline: Keyed }).nullish(),
  onlineTraderProductIdentifierReference: list(
    z.object({ onlineTrader: Text, uniqueProductIdentifier: Text }),
  ),
});
export type EuAlert = z.infer<typeof EuAlert>;

/** "PRODUCT_RECALL_FROM_CONSUMERS" → "Product recall from consumers". */
function humanise(code: string): string {
  const s = code.replace(/_/g, ' ').toLowerCase().trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isEnglish(language: z.infer<typeof Language>): boolean {
  const key = typeof language === 'string' ? language : language?.key;
  return (key ?? '').toLowerCase() === 'en';
}

/** A detail as an `Alert`: the English version's texts, known-false identifier lists left empty. */
export function fromDetail(a: EuAlert): Alert {
  const p = a.product;
  const en = present(p?.versions).find((v) => isEnglish(v.language)) ?? present(p?.versions)[0];
  const riskEn = present(a.risk?.versions).find((v) => isEnglish(v.language));
  const riskTypes = distinct(present(a.risk?.riskType).map((r) => r.name));
  const measures = present(a.measureTaken?.measures).map((m) => {
    const category = clean(m.measureCategory?.name);
    const type = clean(m.measureType?.name).toLowerCase();
    return category ? `${humanise(category)}${type ? ` (${type})` : ''}` : '';
  });
  const origin = a.traceability?.countryOrigin;
  const numericId = a.id === null || a.id === undefined ? null : clean(String(a.id)) || null;
  const modified = clean(a.modificationDate) || clean(a.publicationDate);
  const traders = present(a.onlineTraderProductIdentifierReference).map((t) =>
    [clean(t.onlineTrader), clean(t.uniqueProductIdentifier)].filter((x) => x && x !== 'Other').join(': '),
  );
  return {
    reference: clean(a.reference) || null,
    numericId,
    typeName: clean(en?.name) || clean(p?.name),
    specificName: clean(p?.nameSpecific),
    // brandKnown:false comes with `[]`, but a stray value with it is not trusted either.
    brands: p?.brandKnown === false ? [] : present(p?.brands).map((b) => clean(b.brand)),
    models: p?.typeModelKnown === false ? [] : present(p?.modelTypes).map((m) => clean(m.modelType)),
    barcodes: p?.barcodeKnown === false ? [] : present(p?.barcodes).map((b) => clean(b.barcode)),
    batches: p?.batchNumberKnown === false ? [] : present(p?.batchNumbers).map((b) => clean(b.batchNumber)),
    description: distinct([en?.description, en?.packageDescription]).join(' '),
    hazard: clean(riskEn?.riskDescription),
    riskTypes,
    measures: distinct(measures),
    notifyingCountry: clean(a.country?.name) || null,
    // "XX"/"Unknown" is how the feed says it does not know.
    countryOfOrigin: origin && clean(origin.key) !== 'XX' ? clean(origin.name) || null : null,
    published: isoDay(a.publicationDate),
    updated: isoDay(modified),
    version: modified || '0000-00-00T00:00:00.000Z',
    images: present(p?.photos)
      .filter((photo) => photo.id !== null && photo.id !== undefined)
      .sort((x, y) => Number(Boolean(y.mainPicture)) - Number(Boolean(x.mainPicture)))
      .map((photo) => ({
        url: `${BASE}/public/api/notification/image/${encodeURIComponent(String(photo.id))}`,
        caption: null,
      })),
    soldAt: distinct(traders).join('; ') || null,
    companyRecalls: distinct(present(a.measureTaken?.companyRecalls).map((r) => r.link)),
    origins: {
      brands: 'product.brands',
      models: 'product.modelTypes',
      barcodes: 'product.barcodes',
      batches: 'product.batchNumbers',
      description: 'product.versions.description',
    },
  };
}

/** An alert detail: a product object, a reference (or notification type) and risk or measures. */
export function looksLikeDetail(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    isRecord(value.product) &&
    ('reference' in value || 'notificationType' in value) &&
    ('risk' in value || 'measureTaken' in value || 'traceability' in value)
  );
}

/** A list page of details (`{content, totalPages}`); an empty page counts, a page of summaries does not. */
export function looksLikeListPage(value: unknown): value is { content: unknown[]; totalPages: unknown } {
  return (
    isRecord(value) &&
    Array.isArray(value.content) &&
    typeof value.totalPages === 'number' &&
    (value.content.length === 0 || value.content.some(looksLikeDetail))
  );
}
