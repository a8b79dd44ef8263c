/**
 * Brand compatibility for the matcher: whether a page's brand fits a brand the notice prints for the
 * product or a firm it names, whether a page "brand" is only a store the notice says sold the product
 * (no brand claim at all), and the brand evidence a match cites. Brands only back or veto a match; they
 * never make one.
 */
import { brandsCompatible, brandWords } from '../identity/brand';
import { readHeading } from '../identity/notice-brands';
import type { MatchEvidence, ProductIdentity, Recall, RecallProduct } from '../schemas';
import { pageBrandNames, recallBrandNames } from './brand-names';
import { pageSourceOf, recallSourceOf } from './match-sources';

interface BrandNames {
  pageNames: string[];
  recallNames: string[];
}
/** How the brands of both sides relate; a compatible verdict names the pair that agreed. */
export type BrandCheck =
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
export function checkBrands(identity: ProductIdentity, recall: Recall, product: RecallProduct): BrandCheck {
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

export function brandEvidence(
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
