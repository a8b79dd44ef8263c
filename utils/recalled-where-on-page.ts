/**
 * The "recalled elsewhere" line of one recall on one page, as the popup's cards say it: the page's market
 * from its address (utils/storefront-country.ts), the jurisdictions our sources cover from the feed
 * catalogue, and the other recalls that matched the same listing. The banner and the watchlist page can
 * call this too, so every view words a foreign recall the same way. No adapter and no Intl is loaded.
 */
import { feedCatalogue } from './feeds/catalogue';
import { type RecalledWhere, recalledWhere } from './recalled-where';
import type { Recall } from './schemas';
import { storefrontOf } from './storefront-country';

/** The jurisdictions our sources cover ("*" is the snapshot's: each of its records carries its own). */
export const COVERED_JURISDICTIONS: readonly string[] = feedCatalogue
  .map((feed) => feed.jurisdiction)
  .filter((j) => j !== '*');

type Jurisdictional = Pick<Recall, 'id' | 'jurisdiction'>;

/**
 * Where `recall` was announced, against the market of the page `marketplace` (an adapter id, or null)
 * read at `url`; `matched` is every recall that matched the same listing (this one may be among them).
 */
export function recalledWhereOnPage(
  page: { marketplace: string | null; url: string },
  recall: Jurisdictional,
  matched: readonly Jurisdictional[] = [],
): RecalledWhere | null {
  return recalledWhere({
    jurisdiction: recall.jurisdiction,
    country: storefrontOf(page.marketplace, page.url).country,
    matchedJurisdictions: matched.filter((m) => m.id !== recall.id).map((m) => m.jurisdiction),
    covered: COVERED_JURISDICTIONS,
  });
}
