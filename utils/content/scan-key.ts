/**
 * The identity of a scan result: when a re-scan (mutation, navigation) reads the same products, nothing
 * is sent or re-rendered. Keyed by marketplace, page type, items and their identifiers.
 */
import type { PageType, ProductIdentity } from '../schemas';

export function scanKey(marketplace: string | null, pageType: PageType, items: ProductIdentity[]): string {
  const parts = items.map((i) =>
    [i.itemId ?? '', i.variant ?? '', i.gtins.join(','), i.models.join(','), i.brand ?? ''].join('~'),
  );
  return [marketplace ?? '', pageType, ...parts].join('|');
}
