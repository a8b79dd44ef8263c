/**
 * Index keys: the strings under which a recall is filed and a page identity is looked up. Both sides
 * derive them here, so a recall is always findable by exactly what a page can show:
 *   g:<gtin14>   a check-digit-valid GTIN
 *   r:<digits>   a GTIN-like string with a bad check digit, compared as printed (weak signal)
 *   m:<model>    a distinctive model key (brand compatibility is decided by the matcher, not the key)
 * A brand alone is never a key: brand-only candidates could never become a match anyway.
 */

import { rawGtinKey } from '../identity/gtin';
import { isDistinctiveModel, modelKey } from '../identity/model';
import type { ProductIdentity, Recall } from '../schemas';

export const gtinIndexKey = (gtin14: string): string => `g:${gtin14}`;
export const rawIndexKey = (raw: string): string => `r:${rawGtinKey(raw)}`;
export const modelIndexKey = (model: string): string => `m:${modelKey(model)}`;

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

/** Keys under which a recall is filed. */
export function recallKeys(recall: Recall): string[] {
  const keys: string[] = [];
  for (const product of recall.products) {
    for (const g of product.gtins) keys.push(gtinIndexKey(g));
    for (const raw of product.rawGtins) if (rawGtinKey(raw).length >= 8) keys.push(rawIndexKey(raw));
    for (const m of product.models) if (isDistinctiveModel(m)) keys.push(modelIndexKey(m));
  }
  return unique(keys);
}

/** Keys to look up for a page identity. */
export function identityKeys(identity: ProductIdentity): string[] {
  const keys: string[] = [];
  for (const g of identity.gtins) keys.push(gtinIndexKey(g));
  for (const raw of identity.rawGtins) if (rawGtinKey(raw).length >= 8) keys.push(rawIndexKey(raw));
  for (const m of identity.models) if (isDistinctiveModel(m)) keys.push(modelIndexKey(m));
  return unique(keys);
}
