/**
 * The matcher: does this page identity point at this recall, how sure are we, and why.
 *
 * Tiers (DESIGN.md §3), strongest first:
 *   confirmed  a check-digit-valid GTIN on both sides, and no brand disagreement
 *   likely     a distinctive model on both sides, and compatible brands
 *   possible   a GTIN under a different brand, a distinctive model with a brand missing on one side,
 *              the same bad-check-digit code printed on both sides, or, with no identifier in common,
 *              compatible brands and a listing title that strongly contains the notice's product name
 *              (utils/identity/title-similarity.ts), unless a model or barcode on both sides disagrees
 * Never: a brand alone, a generic model, or a model under a different brand. A false warning costs more
 * trust than a missed one, so the banner tiers need an identifier, and brands only confirm or veto; the
 * title rule stays out of the banner.
 *
 * A model counts only when it is distinctive (`modelRejectionForMatch` says why not): long enough, letters
 * and digits, not a size, pack count, year, GTIN, technical standard or the marketplace's own item id. A
 * notice's model family ("BSFIREPIT01–03", "models beginning with TRX1") is matched as a range or a prefix
 * only when the printed value says so (utils/identity/model-family.ts); a prefix is weaker than a model,
 * so it counts only under a compatible brand.
 *
 * Pure and dependency-light (types only from the schemas) so the background bundle and the CLI share it.
 */
import { isAsin, pageAsin } from '../identity/asin';
import { brandsCompatible, brandWords } from '../identity/brand';
import { gtinKey, rawGtinKey, readGtin } from '../identity/gtin';
import { type ModelRejection, modelKey, modelRejection } from '../identity/model';
import { inModelFamily, type ModelFamily, readModelFamily } from '../identity/model-family';
import { readHeading } from '../identity/notice-brands';
import { mayBeSimilar, titleSimilarity } from '../identity/title-similarity';
import type {
  IdentityField,
  IdentitySource,
  MatchCaveat,
  MatchEvidence,
  MatchTier,
  ProductIdentity,
  Recall,
  RecallIdentifier,
  RecallMatch,
  RecallProduct,
} from '../schemas';
import { pageBrandNames, recallBrandNames } from './brand-names';

export { pageBrandNames, recallBrandNames, recallFirmNames } from './brand-names';
export { BANNER_TIERS } from './tiers';

/** The strength of a tier: higher is stronger (confirmed 3, likely 2, possible 1). */
export function tierRank(tier: MatchTier): number {
  return tier === 'confirmed' ? 3 : tier === 'likely' ? 2 : 1;
}

/** Raw codes shorter than this are too short to mean anything (the index uses the same floor). */
const MIN_RAW_LENGTH = 8;

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

interface BrandNames {
  pageNames: string[];
  recallNames: string[];
}
/** How the brands of both sides relate; a compatible verdict names the pair that agreed. */
type BrandCheck =
  | (BrandNames & { verdict: 'compatible'; pageBrand: string; recallBrand: string })
  | (BrandNames & { verdict: 'incompatible' | 'unknown' });

/**
 * A candidate's brand names are compared for each of its products and again by the title rule; the
 * firm-name readings are regex work, so they are kept per product object while it lives.
 */
const recallBrandCache = new WeakMap<RecallProduct, { recall: Recall; names: string[] }>();
function candidateBrandNames(recall: Recall, product: RecallProduct): string[] {
  let cached = recallBrandCache.get(product);
  if (cached === undefined || cached.recall !== recall) {
    cached = { recall, names: recallBrandNames(recall, product) };
    recallBrandCache.set(product, cached);
  }
  return cached.names;
}

/** Words of a text as brand keys are made of: lower case, letters and digits, apostrophes dropped. */
function textWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The words of the places a notice says the product was sold: its retailers line ("Lowe's stores
 * nationwide and online at Lowes.com …") and the heading's tails ("Sold Exclusively at Lowe's", "Sold on
 * Amazon by DualOranges Store"). Read once per recall object.
 */
const retailerWordsCache = new WeakMap<Recall, string[][]>();
function retailerWords(recall: Recall): string[][] {
  let words = retailerWordsCache.get(recall);
  if (words === undefined) {
    const heading = readHeading(recall.title);
    words = [recall.soldAt ?? '', heading.seller ?? '', ...heading.retailers]
      .filter((t) => t.length > 0)
      .map(textWords);
    retailerWordsCache.set(recall, words);
  }
  return words;
}

/**
 * Whether a page brand is only a place the notice says the product was sold: "Walmart" on a listing of a
 * product the notice says was "Sold Exclusively at Walmart", "Lowe's" for one sold at Lowe's stores. The
 * brand's words must stand together in a retailer line; at least three letters, so "GE" does not stand
 * in "GE Appliances dealers".
 */
function isNoticeRetailer(brand: string, recall: Recall): boolean {
  const words = brandWords(brand);
  if (!words || words.join('').length < 3) return false;
  return retailerWords(recall).some((line) => {
    for (let i = 0; i + words.length <= line.length; i++) {
      if (words.every((w, j) => line[i + j] === w)) return true;
    }
    return false;
  });
}

/**
 * How the page's brands relate to the notice's: compatible when any page name fits any brand the notice
 * prints for the product or any firm it names (a licensed or house brand counts like the maker's own:
 * "DEWALT" fits an Enerco notice that prints "DEWALT", "Mainstays" a Walmart one). A page whose every
 * brand name is only a retailer the notice says sold the product ("Walmart" for a product "Sold
 * Exclusively at Walmart") is not a brand claim at all: unknown, so it neither backs a model nor vetoes a
 * barcode. Anything else is incompatible.
 */
function checkBrands(identity: ProductIdentity, recall: Recall, product: RecallProduct): BrandCheck {
  const pageNames = pageBrandNames(identity);
  const recallNames = candidateBrandNames(recall, product);
  if (pageNames.length === 0 || recallNames.length === 0) {
    return { verdict: 'unknown', pageNames, recallNames };
  }
  for (const pageBrand of pageNames) {
    for (const recallBrand of recallNames) {
      if (brandsCompatible(pageBrand, recallBrand)) {
        return { verdict: 'compatible', pageBrand, recallBrand, pageNames, recallNames };
      }
    }
  }
  if (pageNames.every((name) => isNoticeRetailer(name, recall))) {
    return { verdict: 'unknown', pageNames, recallNames };
  }
  return { verdict: 'incompatible', pageNames, recallNames };
}

/**
 * Where the page said a value: the fact for that field whose value compares equal, else the field's
 * first fact, else the title (the adapters' last resort).
 */
function pageSourceOf(
  identity: ProductIdentity,
  fields: readonly IdentityField[],
  same: (factValue: string) => boolean,
): { source: IdentitySource; printed: string | null } {
  const facts = identity.facts.filter((f) => fields.includes(f.field));
  const exact = facts.find((f) => same(f.value));
  if (exact) return { source: exact.source, printed: exact.value };
  return { source: facts[0]?.source ?? 'title-text', printed: null };
}

/**
 * Where the notice said a value, from the product's identifier provenance: the identifier that compares
 * equal, else the field's first identifier, else the structured field the value sits in (a mapper that
 * recorded no provenance still filled that field).
 */
function recallSourceOf(
  product: RecallProduct,
  fields: readonly RecallIdentifier['field'][],
  same: (identifierValue: string) => boolean,
  fallbackOrigin: string,
  useFirst = true,
): { source: RecallIdentifier['source']; origin: string; printed: string | null } {
  const ids = product.identifiers.filter((i) => fields.includes(i.field));
  const exact = ids.find((i) => same(i.value));
  if (exact) return { source: exact.source, origin: exact.origin, printed: exact.value };
  const first = useFirst ? ids[0] : undefined;
  return { source: first?.source ?? 'structured', origin: first?.origin ?? fallbackOrigin, printed: null };
}

function gtinEvidence(identity: ProductIdentity, product: RecallProduct): MatchEvidence[] {
  const recallGtins = new Set(product.gtins);
  const out: MatchEvidence[] = [];
  for (const gtin of new Set(identity.gtins)) {
    if (!recallGtins.has(gtin)) continue;
    const page = pageSourceOf(identity, ['gtin'], (v) => gtinKey(v) === gtin);
    const notice = recallSourceOf(product, ['gtin'], (v) => gtinKey(v) === gtin, 'gtins');
    out.push({
      kind: 'gtin',
      // As printed, minus the invisible marks some pages carry (Amazon's U+200E), for display.
      pageValue: page.printed === null ? gtin : readGtin(page.printed).raw,
      pageSource: page.source,
      recallValue: notice.printed ?? gtin,
      recallSource: notice.source,
      recallOrigin: notice.origin,
    });
  }
  return out;
}

/**
 * The same code printed on both sides where the notice's copy fails the check digit (a typo in the
 * notice, or a label that really carries a bad code). Codes the notice printed correctly are already
 * GTIN evidence, so they are skipped here.
 */
function rawGtinEvidence(identity: ProductIdentity, product: RecallProduct): MatchEvidence[] {
  const badRecallCodes = new Map<string, string>();
  for (const raw of product.rawGtins) {
    const key = rawGtinKey(raw);
    if (key.length >= MIN_RAW_LENGTH && gtinKey(raw) === null) badRecallCodes.set(key, raw);
  }
  const out: MatchEvidence[] = [];
  const seen = new Set<string>();
  for (const raw of identity.rawGtins) {
    const key = rawGtinKey(raw);
    const recallRaw = badRecallCodes.get(key);
    if (recallRaw === undefined || seen.has(key)) continue;
    seen.add(key);
    const page = pageSourceOf(identity, ['gtin'], (v) => rawGtinKey(v) === key);
    const notice = recallSourceOf(product, ['rawGtin', 'gtin'], (v) => rawGtinKey(v) === key, 'rawGtins');
    out.push({
      kind: 'raw-gtin',
      pageValue: readGtin(page.printed ?? raw).raw,
      pageSource: page.source,
      recallValue: notice.printed ?? recallRaw,
      recallSource: notice.source,
      recallOrigin: notice.origin,
    });
  }
  return out;
}

/**
 * An Amazon listing whose item id the notice prints (as a model number, "ASIN: …", or a package
 * identifier; utils/identity/asin.ts): the notice names this very listing. Filed as model evidence whose
 * both values are the ASIN, which explain.ts words as an Amazon item id.
 */
function itemIdEvidence(identity: ProductIdentity, product: RecallProduct): MatchEvidence[] {
  const asin = pageAsin(identity);
  if (asin === null) return [];
  const printed = [
    ...product.models,
    ...product.identifiers.filter((i) => i.field === 'model').map((i) => i.value),
  ];
  if (!printed.some((m) => isAsin(m) && m === asin)) return [];
  const fact = identity.facts.find((f) => f.field === 'itemId' && f.value.trim().toUpperCase() === asin);
  const notice = recallSourceOf(product, ['model'], (v) => v === asin, 'models');
  return [
    {
      kind: 'model',
      pageValue: asin,
      pageSource: fact?.source ?? 'url',
      recallValue: notice.printed ?? asin,
      recallSource: notice.source,
      recallOrigin: notice.origin,
    },
  ];
}

/** A model met on both sides: one model equal, a member of a listed range, or a model under a prefix. */
interface ModelHit {
  evidence: MatchEvidence;
  via: 'model' | 'range' | 'prefix';
}

/** The families a recalled product names, from its models and its model identifiers. */
function familiesOf(product: RecallProduct): ModelFamily[] {
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
function distinctivePageModels(identity: ProductIdentity): Array<{ model: string; key: string }> {
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

function modelEvidence(identity: ProductIdentity, product: RecallProduct): ModelHit[] {
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

function brandEvidence(
  identity: ProductIdentity,
  product: RecallProduct,
  { pageBrand, recallBrand }: Extract<BrandCheck, { verdict: 'compatible' }>,
): MatchEvidence {
  const page = pageSourceOf(identity, ['brand', 'manufacturer'], (v) => brandsCompatible(v, pageBrand));
  // A brand taken from the manufacturer list has no brand identifier; another brand's provenance
  // would misstate where it came from, so only an exact identifier counts here.
  const notice = recallSourceOf(
    product,
    ['brand'],
    (v) => brandsCompatible(v, recallBrand),
    product.brands.includes(recallBrand) ? 'brands' : 'manufacturers',
    false,
  );
  return {
    kind: 'brand',
    pageValue: pageBrand,
    pageSource: page.source,
    recallValue: recallBrand,
    recallSource: notice.source,
    recallOrigin: notice.origin,
  };
}

/** Caveats that come with the notice itself, whatever the evidence. */
function noticeCaveats(recall: Recall, product: RecallProduct): MatchCaveat[] {
  const out: MatchCaveat[] = [];
  if (product.lots.length > 0) {
    out.push({
      kind: 'lot-specific',
      message: 'Only some lots or batches are recalled. Check the lot or batch code printed on your item.',
      values: [...product.lots],
    });
  }
  // A sale window ("sold from January through September") describes where the notice's units went,
  // not a mark a shopper can check on the item, so only production and best-before ranges limit a match.
  const itemDates = product.dateRanges.filter((r) => r.kind !== 'sold');
  if (itemDates.length > 0) {
    out.push({
      kind: 'date-specific',
      message: 'Only items made in certain periods are recalled. Check the date code on your item.',
      values: itemDates.map((r) => r.text),
    });
  }
  if (recall.status === 'completed') {
    // The date says how old the notice is: "completed" years ago reads differently from last month.
    const when = recall.published ? ` (published ${recall.published})` : '';
    out.push({
      kind: 'recall-completed',
      message: `The authority lists this recall${when} as completed, but an item you already own may still be affected.`,
      values: [],
    });
  }
  return out;
}

/**
 * Whether identifiers on both sides say "another product": the page shows a distinctive model and the
 * notice lists models (or a family), or the page shows a valid GTIN and the notice lists GTINs, and
 * none of them met. A similar name does not outweigh a model or a barcode that differs.
 */
function identifiersDisagree(identity: ProductIdentity, product: RecallProduct): boolean {
  const pageModels = distinctivePageModels(identity).length > 0;
  const noticeModels =
    product.models.some((m) => modelRejectionForMatch(m) === null) || familiesOf(product).length > 0;
  return (pageModels && noticeModels) || (identity.gtins.length > 0 && product.gtins.length > 0);
}

/**
 * The title rule, for a product that shares no identifier with the page: compatible brands (both known)
 * and a title that strongly contains the product's name give a possible match, never more. The words
 * of every brand name on both sides are left out of both texts, so the brand is not counted twice.
 */
function titleMatch(
  identity: ProductIdentity,
  recall: Recall,
  product: RecallProduct,
  productIndex: number,
): RecallMatch | null {
  const title = identity.title;
  // Most candidates a brand's title keys bring up share a word or two; the cheap bound turns them away
  // before the brands are compared.
  if (!title || !mayBeSimilar(title, product.name, pageBrandNames(identity))) return null;
  const brand = checkBrands(identity, recall, product);
  if (brand.verdict !== 'compatible') return null;
  const similarity = titleSimilarity(title, product.name, [...brand.pageNames, ...brand.recallNames]);
  if (!similarity.strong || identifiersDisagree(identity, product)) return null;
  const page = pageSourceOf(identity, ['title'], (v) => v === title);
  return {
    recallId: recall.id,
    source: recall.source,
    tier: 'possible',
    productIndex,
    evidence: [
      {
        kind: 'title',
        pageValue: title,
        pageSource: page.source,
        recallValue: product.name,
        // The product name is a field of the mapped record, whichever feed field it was built from.
        recallSource: 'structured',
        recallOrigin: 'name',
        shared: similarity.shared,
        score: similarity.score,
      },
      brandEvidence(identity, product, brand),
    ],
    caveats: [
      {
        kind: 'title-only',
        message:
          'Only the brand and a similar product name agree; no barcode or model number was compared. Check the model number on your item against the notice.',
        values: [],
      },
      ...noticeCaveats(recall, product),
    ],
  };
}

/** The verdict for one recalled product, or null when the evidence does not reach any tier. */
function matchProduct(
  identity: ProductIdentity,
  recall: Recall,
  product: RecallProduct,
  productIndex: number,
): RecallMatch | null {
  const gtins = gtinEvidence(identity, product);
  const items = itemIdEvidence(identity, product);
  const modelHits = modelEvidence(identity, product);
  const raws = rawGtinEvidence(identity, product);
  if (gtins.length === 0 && items.length === 0 && modelHits.length === 0 && raws.length === 0) {
    return titleMatch(identity, recall, product, productIndex);
  }
  const models = modelHits.map((h) => h.evidence);
  // A model itself (listed, or a member of a listed range) is distinctive; a prefix alone is not.
  const distinctModels = modelHits.filter((h) => h.via !== 'prefix');

  const brand = checkBrands(identity, recall, product);
  const caveats: MatchCaveat[] = [];
  let tier: MatchTier;
  if (gtins.length > 0 || items.length > 0) {
    // A valid GTIN is the strongest signal there is, and an Amazon item id the notice prints names the
    // listing itself; but GTINs get reused and mistyped, and a listing can be rewritten to sell another
    // product, so a brand that clearly disagrees keeps the match out of the banner.
    tier = brand.verdict === 'incompatible' ? 'possible' : 'confirmed';
    if (brand.verdict === 'incompatible') {
      caveats.push({
        kind: 'brand-differs',
        message:
          gtins.length > 0
            ? 'The barcode matches, but the brand on this page differs from the recalled brand.'
            : 'The Amazon item id matches, but the brand on this page differs from the recalled brand.',
        values: [...brand.pageNames, ...brand.recallNames],
      });
    }
  } else if (brand.verdict === 'incompatible') {
    // A model number or a mistyped code under another brand is a coincidence, not a warning.
    return null;
  } else if (models.length > 0 && brand.verdict === 'compatible') {
    tier = 'likely';
  } else if (distinctModels.length === 0 && raws.length === 0) {
    // Only a family prefix agrees and no brand backs it: "TRX1..." under an unknown brand is a guess.
    return null;
  } else {
    tier = 'possible';
    if (distinctModels.length > 0) {
      caveats.push({
        kind: 'brand-unknown',
        message: 'The model number matches, but the brand could not be compared.',
        values: [...brand.pageNames, ...brand.recallNames],
      });
    }
  }

  const evidence = [
    ...gtins,
    ...items,
    ...models.filter((m) => !items.some((i) => i.recallValue === m.recallValue)),
    ...raws,
  ];
  if (brand.verdict === 'compatible') evidence.push(brandEvidence(identity, product, brand));
  return {
    recallId: recall.id,
    source: recall.source,
    tier,
    productIndex,
    evidence,
    caveats: [...caveats, ...noticeCaveats(recall, product)],
  };
}

/** Stronger tier first; on a tie the product with more evidence, then the earlier one. */
function better(a: RecallMatch, b: RecallMatch): boolean {
  const byTier = tierRank(a.tier) - tierRank(b.tier);
  if (byTier !== 0) return byTier > 0;
  return a.evidence.length > b.evidence.length;
}

/** The best match of a page identity against one recall's products, or null. */
export function matchRecall(identity: ProductIdentity, recall: Recall): RecallMatch | null {
  let best: RecallMatch | null = null;
  for (const [index, product] of recall.products.entries()) {
    const match = matchProduct(identity, recall, product, index);
    if (match && (!best || better(match, best))) best = match;
  }
  return best;
}

/** Code-unit order: locale-independent, so the CLI and every browser sort the same way. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every recall the identity matches: confirmed, then likely, then possible; newest notice first. */
export function matchIdentity(identity: ProductIdentity, recalls: Iterable<Recall>): RecallMatch[] {
  const found: { match: RecallMatch; published: string }[] = [];
  for (const recall of recalls) {
    const match = matchRecall(identity, recall);
    if (match) found.push({ match, published: recall.published ?? '' });
  }
  found.sort(
    (a, b) =>
      tierRank(b.match.tier) - tierRank(a.match.tier) ||
      // ISO dates compare as strings; an undated notice ('') sorts last.
      compareText(b.published, a.published) ||
      compareText(a.match.recallId, b.match.recallId),
  );
  return found.map((f) => f.match);
}
