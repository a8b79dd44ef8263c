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
 * The rules live beside this file, one concept each: match-identifiers.ts (barcodes, ASINs),
 * match-models.ts (distinctive models and families), match-brands.ts (brand compatibility),
 * match-title.ts (the title rule), match-caveats.ts, and match-sources.ts (where each side printed a
 * value). This file weighs them into a tier. Pure and dependency-light (types only from the schemas) so
 * the background bundle and the CLI share it.
 */
import type { MatchCaveat, MatchTier, ProductIdentity, Recall, RecallMatch, RecallProduct } from '../schemas';
import { brandEvidence, checkBrands } from './match-brands';
import { noticeCaveats } from './match-caveats';
import { gtinEvidence, itemIdEvidence, rawGtinEvidence } from './match-identifiers';
import { modelEvidence } from './match-models';
import { titleMatch } from './match-title';

export { BANNER_TIERS } from './tiers';

/** The strength of a tier: higher is stronger (confirmed 3, likely 2, possible 1). */
export function tierRank(tier: MatchTier): number {
  return tier === 'confirmed' ? 3 : tier === 'likely' ? 2 : 1;
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
        basis: gtins.length > 0 ? 'barcode' : 'item-id',
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
