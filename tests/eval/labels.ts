/**
 * How a pair is labelled. A pair is one page identity and one recall notice; its label says what a
 * careful person reading both would want the extension to say, judged from what the page and the notice
 * print, never from what the matcher happens to do:
 *
 *   { atLeast: T }    the page shows the recalled product, and the shared evidence supports tier T:
 *                     confirmed = the same valid GTIN (brands agree or one is missing); likely = the same
 *                     distinctive model (or a member of a family the notice spells) under compatible
 *                     brands; possible = the same distinctive model with a brand missing on one side,
 *                     the same mistyped code, or compatible brands and a title that carries the
 *                     notice's product name (with nothing on either side that names another product:
 *                     no differing model or barcode, no accessory word, no different variant word).
 *                     A stronger tier is fine; a weaker one, or none, is a miss.
 *   { atMost: 'possible' }  not for a page banner, though the popup may list it: the evidence points
 *                     both ways (a valid GTIN printed under a different brand is reuse or a typo).
 *   'none'            no match at any tier: a different product, or nothing but the brand in common.
 *
 * `caveats` lists caveat kinds a match of this pair must carry (a lot-limited notice must say so).
 * `brandOnly` marks pairs whose only common ground is the brand; they must never match at any tier.
 * `byTitle` marks pairs whose common ground is the brand and the product name only: what the title rule
 * is for (the harness reports its precision and recall apart).
 */
import type { MatchCaveat, MatchTier, ProductIdentity, Recall } from '../../utils/schemas';

export type Expectation = { atLeast: MatchTier } | { atMost: 'possible' } | 'none';

export interface Label {
  expect: Expectation;
  caveats?: MatchCaveat['kind'][];
  brandOnly?: boolean;
  byTitle?: boolean;
  /** Why the pair carries this label, in a sentence. */
  why: string;
}

/** A hand-made pair: the identity and the recall, or the id of a recall from the fixture corpus. */
export interface HandMadePair extends Label {
  id: string;
  /** The hard case it stands for: "upc-vs-ean", "same-brand-other-model" ... (reported per category). */
  category: string;
  identity: ProductIdentity;
  recall: Recall | string;
}

/** A label for a fixture pair, by page key (`<fixture>#<n>`, see corpus.ts) and recall id. */
export interface FixtureLabel extends Label {
  page: string;
  recall: string;
}
