/**
 * The title rule: with no identifier in common, compatible brands and a listing title that strongly
 * contains the notice's product name (utils/identity/title-similarity.ts) give a possible match, never
 * more, unless a model or barcode on both sides says "another product". Kept out of the banner tiers.
 */
import { mayBeSimilar, titleSimilarity } from '../identity/title-similarity';
import type { ProductIdentity, Recall, RecallMatch, RecallProduct } from '../schemas';
import { pageBrandNames } from './brand-names';
import { brandEvidence, checkBrands } from './match-brands';
import { noticeCaveats } from './match-caveats';
import { distinctivePageModels, familiesOf, modelRejectionForMatch } from './match-models';
import { pageSourceOf } from './match-sources';

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
export function titleMatch(
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
