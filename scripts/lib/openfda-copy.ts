/**
 * A saved copy of openFDA food enforcement records (`{ generated_at, count, recalls: [record, …] }`,
 * the API's own field names), as the openFDA mapper reads an API page (`{ results: [...] }`). The copy
 * adds its own keys to each record (`enrichment`, `_first_seen`, …): they are not official and are
 * dropped here, so nothing but the FDA's text reaches the index.
 */

export interface OpenFdaCopy {
  recalls: Array<Record<string, unknown>>;
}

export function isOpenFdaCopy(data: unknown): data is OpenFdaCopy {
  if (typeof data !== 'object' || data === null) return false;
  const recalls = (data as { recalls?: unknown }).recalls;
  return (
    Array.isArray(recalls) &&
    recalls.some(
      (r) => typeof r === 'object' && r !== null && 'recall_number' in r && 'product_description' in r,
    )
  );
}

/** The records with only the official fields, as an API page. */
export function openFdaPage(copy: OpenFdaCopy): { results: Array<Record<string, unknown>> } {
  return {
    results: copy.recalls.map((record) =>
      Object.fromEntries(
        Object.entries(record).filter(([key]) => key !== 'enrichment' && !key.startsWith('_')),
      ),
    ),
  };
}
