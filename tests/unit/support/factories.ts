/** Small builders for valid domain values; every builder parses its result, so tests cannot drift from the schemas. */
import { ProductIdentity, Recall, type RecallProduct } from '../../../utils/schemas';

export function recall(
  id: string,
  product: Partial<RecallProduct> = {},
  extra: Partial<Recall> = {},
): Recall {
  return Recall.parse({
    schemaVersion: 1,
    id: `cpsc:${id}`,
    source: 'cpsc',
    jurisdiction: 'US',
    recallNumber: id,
    title: `Recall ${id}`,
    url: `https://www.cpsc.gov/Recalls/2026/recall-${id}`,
    published: '2026-10-01',
    updated: '2026-10-01',
    status: 'active',
    version: '2026-10-01T00:00:00',
    hazard: 'It can break.',
    remedy: 'Stop using it.',
    remedyOptions: ['Refund'],
    units: 'About 1,000',
    soldAt: null,
    countryOfOrigin: [],
    manufacturers: [],
    images: [],
    products: [
      {
        name: `Product ${id}`,
        brands: [],
        models: [],
        gtins: [],
        rawGtins: [],
        lots: [],
        dateRanges: [],
        identifiers: [],
        ...product,
      },
    ],
    ...extra,
  });
}

export function identity(fields: Partial<ProductIdentity> = {}): ProductIdentity {
  return ProductIdentity.parse({
    schemaVersion: 1,
    marketplace: 'amazon',
    pageType: 'product',
    url: 'https://www.amazon.com/dp/B000000000',
    itemId: 'B000000000',
    title: 'A product',
    brand: null,
    manufacturer: null,
    models: [],
    gtins: [],
    rawGtins: [],
    seller: null,
    variant: null,
    quantity: null,
    facts: [],
    ...fields,
  });
}
