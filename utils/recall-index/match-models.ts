/**
 * Models in a match: which printed values are distinctive enough to match on (not a size, a pack, a
 * standard such as "USB3.0" or "EN71", nor the marketplace's own item id), the families a notice names
 * ("BSFIREPIT01–03", "models beginning with TRX1", utils/identity/model-family.ts), and the model
 * evidence a page and a product share.
 */
import { type ModelRejection, modelKey, modelRejection } from '../identity/model';
import { inModelFamily, type ModelFamily, readModelFamily } from '../identity/model-family';
import type { MatchEvidence, ProductIdentity, RecallProduct } from '../schemas';
import { pageSourceOf, recallSourceOf } from './match-sources';

/**
 * Model-shaped values that name a standard, a connector, a cell or bulb size, a rating or a pack, not a
 * product: thousands of unrelated items print "USB3.0", "IP67", "CR2032", "KN95" or "GB6675" (the
 * Chinese toy standard in Taobao spec tables) in the field where a model should be. Matched on the key
 * (upper case, no separators).
 */
const COMMON_TOKENS: readonly RegExp[] = [
  /^USB\d{1,2}(?:GEN\d(?:X\d)?)?$/, // USB 3.0, USB3.2 Gen 2, USB4
  /^(?:WIFI|WLAN)\d{1,2}E?$|^BT\d{1,2}$|^BLUETOOTH\d{1,2}$/, // Wi-Fi 6E, BT5.0, Bluetooth 5.3
  /^HDMI\d{1,2}[AB]?$|^(?:LP)?DDR\d[XL]?$|^PCIE\d{1,2}$|^NVME\d?$|^SATA\d{1,2}$/, // HDMI 2.1, DDR4, PCIe 4.0
  /^H26[45]$|^X26[45]$|^HEVC\d*$/, // codecs
  /^IP[X\d]\d$|^IP[X\d]\dK$/, // ingress ratings: IP67, IPX7
  /^K?N9[59]$|^FFP[123]$|^KF9[4]$|^PM(?:25|10)$/, // masks and particle sizes: KN95, FFP2, PM2.5
  /^(?:CR|BR|LR|SR)\d{2,4}$|^AG\d{1,2}$/, // coin and button cells: CR2032, LR44
  /^(?:GU|MR|GX|GZ)\d{1,2}$|^E\d{2}$|^B\d{2}$/, // lamp bases: GU10, MR16, E27
  /^(?:EN|ISO|IEC|ASTM[A-Z]?|UL|GBT?|QB|JIS|AS|NZS|BS|DIN|CSA)\d{2,6}$/, // standards: EN71, ASTM F963, GB 6675
  /^(?:US|EU|UK|CN|JP)\d{1,3}$/, // shoe and clothing sizes: US10.5, EU42
  /^AGES?\d{1,4}(?:YRS?|YEARS?|M|MONTHS?)?\+?$|^\d{1,2}(?:M|Y|YRS?|MONTHS?|YEARS?)\+$/, // ages: "Ages 2-8", "12M+"
  // Chinese quantities and sizes: 5000毫安, 500毫升, 3件装, 12寸.
  /^\d+(?:毫安时?|毫升|升|千克|公斤|克|件装?|个装?|只装?|片装?|包|盒|瓶|支|寸|英寸|厘米|毫米|米|瓦|伏)$/,
  /^(?:19|20)\d{2}(?:款|年|年款|新款|NEW|MODEL|EDITION|VERSION)$/, // model years: 2023款
];

/** Why a value cannot serve as a model in a match, beyond the rules of `modelRejection`. */
export type MatchModelRejection = ModelRejection | 'common-token' | 'item-id' | 'family';

/**
 * Marketplaces whose `itemId` is the shop's own SKU, which a brand's own store often sets to the maker's
 * model: there a model equal to the item id is still a model. Elsewhere the item id is assigned by the
 * marketplace (ASIN, usItemId, TCIN, JD sku) and names the listing, not the product.
 */
const MERCHANT_SKU_ITEM_IDS = new Set(['generic']);

/**
 * Why a model value is not distinctive enough to match on, or null when it is. The rules, in order:
 * the shape rules of `modelRejection` (length, letters and digits, sizes, pack counts, years, sentinels,
 * GTIN-length digit runs); a family spelling, which is matched as a family and never as one model; a
 * common technical token (`COMMON_TOKENS`); and, on the page side, the marketplace's own item id.
 */
export function modelRejectionForMatch(
  model: string,
  page: Pick<ProductIdentity, 'itemId' | 'marketplace'> | null = null,
): MatchModelRejection | null {
  const shape = modelRejection(model);
  if (shape) return shape;
  if (readModelFamily(model)) return 'family';
  const key = modelKey(model);
  if (COMMON_TOKENS.some((re) => re.test(key))) return 'common-token';
  if (page?.itemId && !MERCHANT_SKU_ITEM_IDS.has(page.marketplace ?? '') && modelKey(page.itemId) === key) {
    return 'item-id';
  }
  return null;
}

/** A model met on both sides: one model equal, a member of a listed range, or a model under a prefix. */
export interface ModelHit {
  evidence: MatchEvidence;
  via: 'model' | 'range' | 'prefix';
}

/** The families a recalled product names, from its models and its model identifiers. */
export function familiesOf(product: RecallProduct): ModelFamily[] {
  const printed = new Set([
    ...product.models,
    ...product.identifiers.filter((i) => i.field === 'model').map((i) => i.value),
  ]);
  const out: ModelFamily[] = [];
  for (const value of printed) {
    const family = readModelFamily(value);
    if (family) out.push(family);
  }
  return out;
}

/** A page's distinctive models with their keys, read once per identity (not once per candidate). */
const pageModelCache = new WeakMap<ProductIdentity, Array<{ model: string; key: string }>>();
export function distinctivePageModels(identity: ProductIdentity): Array<{ model: string; key: string }> {
  let models = pageModelCache.get(identity);
  if (models === undefined) {
    models = [];
    for (const model of identity.models) {
      if (modelRejectionForMatch(model, identity) === null) models.push({ model, key: modelKey(model) });
    }
    pageModelCache.set(identity, models);
  }
  return models;
}

export function modelEvidence(identity: ProductIdentity, product: RecallProduct): ModelHit[] {
  // The page's distinctive models first: the notice's models and families, the costly part, are read
  // only as far as the page can use them (title-rule candidates are mostly pages without models).
  const pageModels = distinctivePageModels(identity);
  if (pageModels.length === 0) return [];
  const wanted = new Set(pageModels.map((m) => m.key));
  const recallModels = new Map<string, string>();
  for (const model of product.models) {
    const key = modelKey(model);
    if (wanted.has(key) && modelRejectionForMatch(model) === null) recallModels.set(key, model);
  }
  let families: ModelFamily[] | null = null;
  const out: ModelHit[] = [];
  const seen = new Set<string>();
  for (const { model, key } of pageModels) {
    if (seen.has(key)) continue;
    const recallModel = recallModels.get(key);
    // An equal model wins over a family: the evidence then cites the model the notice printed.
    if (recallModel === undefined) families ??= familiesOf(product);
    const family = recallModel === undefined ? families?.find((f) => inModelFamily(key, f)) : undefined;
    if (recallModel === undefined && family === undefined) continue;
    seen.add(key);
    const page = pageSourceOf(identity, ['model'], (v) => modelKey(v) === key);
    const printed = recallModel ?? family?.printed ?? key;
    const notice = recallSourceOf(
      product,
      ['model'],
      recallModel === undefined ? (v) => v === printed : (v) => modelKey(v) === key,
      'models',
    );
    out.push({
      via: recallModel !== undefined ? 'model' : family?.kind === 'range' ? 'range' : 'prefix',
      evidence: {
        kind: 'model',
        pageValue: model,
        pageSource: page.source,
        recallValue: notice.printed ?? printed,
        recallSource: notice.source,
        recallOrigin: notice.origin,
      },
    });
  }
  return out;
}
