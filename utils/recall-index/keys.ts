/**
 * Index keys: the strings under which a recall is filed and a page identity is looked up. Both sides
 * derive them here, so a recall is always findable by exactly what a page can show:
 *   g:<gtin14>   a check-digit-valid GTIN
 *   r:<digits>   a GTIN-like string with a bad check digit, compared as printed (weak signal)
 *   m:<model>    a distinctive model key (brand compatibility is decided by the matcher, not the key);
 *                a model range the notice prints ("BSFIREPIT01–03") is filed under each member
 *   p:<prefix>   a model prefix the notice states ("models beginning with TRX1"); a page model is looked
 *                up under its own leading PREFIX_MIN..PREFIX_MAX characters
 * A brand alone is never a key: brand-only candidates could never become a match anyway.
 */

import { rawGtinKey } from '../identity/gtin';
import { isDistinctiveModel, modelKey } from '../identity/model';
import { readModelFamily } from '../identity/model-family';
import type { ProductIdentity, Recall } from '../schemas';

export const gtinIndexKey = (gtin14: string): string => `g:${gtin14}`;
export const rawIndexKey = (raw: string): string => `r:${rawGtinKey(raw)}`;
export const modelIndexKey = (model: string): string => `m:${modelKey(model)}`;
const prefixIndexKey = (prefix: string): string => `p:${prefix}`;

/** Prefix lengths a page model is looked up under: stated prefixes are short, and lookups stay bounded. */
const PREFIX_MIN = 3;
const PREFIX_MAX = 10;

/** Keys of one model value as a notice prints it: itself, or the members or prefix of a family. */
function recallModelKeys(model: string): string[] {
  const family = readModelFamily(model);
  if (family?.kind === 'range') return family.members.map((m) => `m:${m}`);
  if (family?.kind === 'prefix') return [prefixIndexKey(family.prefix)];
  return isDistinctiveModel(model) ? [modelIndexKey(model)] : [];
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

/** Keys under which a recall is filed. */
export function recallKeys(recall: Recall): string[] {
  const keys: string[] = [];
  for (const product of recall.products) {
    for (const g of product.gtins) keys.push(gtinIndexKey(g));
    for (const raw of product.rawGtins) if (rawGtinKey(raw).length >= 8) keys.push(rawIndexKey(raw));
    for (const m of product.models) keys.push(...recallModelKeys(m));
    for (const i of product.identifiers) if (i.field === 'model') keys.push(...recallModelKeys(i.value));
  }
  return unique(keys);
}

/** Keys to look up for a page identity. */
export function identityKeys(identity: ProductIdentity): string[] {
  const keys: string[] = [];
  for (const g of identity.gtins) keys.push(gtinIndexKey(g));
  for (const raw of identity.rawGtins) if (rawGtinKey(raw).length >= 8) keys.push(rawIndexKey(raw));
  for (const m of identity.models) {
    if (!isDistinctiveModel(m)) continue;
    const key = modelKey(m);
    keys.push(`m:${key}`);
    for (let n = PREFIX_MIN; n < Math.min(key.length, PREFIX_MAX + 1); n++)
      keys.push(prefixIndexKey(key.slice(0, n)));
  }
  return unique(keys);
}
