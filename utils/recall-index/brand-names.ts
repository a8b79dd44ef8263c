/**
 * The brand names each side of a match offers: a page's brand and manufacturer, a notice's product
 * brands and firms. Shared by the matcher and the index keys, in a module of its own so that code which
 * only files keys (and the content scripts, through identifier keys) does not carry the matcher.
 */
import { brandNameWords, dbaNames, firmName } from '../identity/brand';
import type { ProductIdentity, Recall, RecallProduct } from '../schemas';

/** A sentinel ("Generic", 其他/Other) names no brand, so it can neither confirm nor veto. */
export function namesABrand(brand: string): boolean {
  return brandNameWords(brand).length > 0;
}

/** Page brand names: the brand, and the manufacturer, which can be the firm a notice names. */
export function pageBrandNames(identity: ProductIdentity): string[] {
  let names = pageBrandCache.get(identity);
  if (names === undefined) {
    names = [identity.brand, identity.manufacturer].filter((b): b is string => b !== null && namesABrand(b));
    pageBrandCache.set(identity, names);
  }
  return names;
}
/** Read once per identity, not once per candidate. */
const pageBrandCache = new WeakMap<ProductIdentity, string[]>();

/** The firms a notice names, with their dba names: "X Co., Ltd., dba Enhomee-Direct" gives both. */
export function recallFirmNames(recall: Recall): string[] {
  return recall.manufacturers.flatMap((firm) => [firmName(firm), ...dbaNames(firm)]);
}

/**
 * Recall brand names: the product's brands, then each manufacturer's firm name and its dba names
 * ("Shenzhen X Co., Ltd., dba Enhomee-Direct, of China" gives "Shenzhen X Co., Ltd." and "Enhomee-Direct").
 * `firms` can be passed in when several products of one notice are read.
 */
export function recallBrandNames(
  recall: Recall,
  product: RecallProduct,
  firms: readonly string[] = recallFirmNames(recall),
): string[] {
  return [...new Set([...product.brands, ...firms])].filter(namesABrand);
}
