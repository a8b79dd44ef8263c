/**
 * The popup's answer for the current tab. Five states, worded so that "no recall found" can never be
 * read as "safe", and "we couldn't read this page" never looks like either.
 */
import type { TabVerdict } from '../utils/messaging';
import { isTitleOnly } from '../utils/recall-index/explain';
import { BANNER_TIERS } from '../utils/recall-index/tiers';
import { crossBorderNote } from '../utils/recalled-where';
import { recalledWhereOnPage } from '../utils/recalled-where-on-page';
import type { RecallMatch } from '../utils/schemas';
import { storefrontOf } from '../utils/storefront-country';
import { ProductFacts } from './ProductFacts';
import { RecallCard } from './RecallCard';

const MARKETPLACE_NAMES: Record<string, string> = { generic: 'this shop' };

/** "a recall", "2 recalls". */
const recalls = (n: number): string => (n === 1 ? 'a recall' : `${n} recalls`);

/** The heading of a warning: a product page has one product; a cart or order list has items. */
function warningHeading(pageType: string, matchedItems: number, matchedRecalls: number): string {
  if (pageType === 'product') return `This product matches ${recalls(matchedRecalls)}`;
  return matchedItems === 1
    ? `1 item on this page matches ${recalls(matchedRecalls)}`
    : `${matchedItems} items on this page match ${recalls(matchedRecalls)}`;
}

export function VerdictView({ verdict }: { verdict: TabVerdict | null }) {
  if (!verdict || verdict.status === 'not-product') {
    return (
      <section class="verdict verdict-idle" data-status="not-product">
        <h1>Nothing to check here</h1>
        <p>
          Open a product, cart or order page on a supported store and Recall Sentinel checks it against
          official recalls.
        </p>
      </section>
    );
  }
  const where = MARKETPLACE_NAMES[verdict.page.marketplace ?? ''] ?? verdict.page.marketplace ?? 'this page';

  if (verdict.status === 'unreadable') {
    return (
      <section class="verdict verdict-unreadable" data-status="unreadable">
        <h1>Couldn't read this page</h1>
        <p>
          We recognised a {verdict.page.pageType} page on {where} but found no barcode or model number to
          check, so we can't tell whether this product is recalled.
        </p>
        {verdict.identities.map((identity, i) => (
          <ProductFacts key={identity.itemId ?? i} identity={identity} />
        ))}
      </section>
    );
  }

  const shown: Array<{ match: RecallMatch; i: number }> = [];
  verdict.matches.forEach((ms, i) => {
    for (const match of ms) shown.push({ match, i });
  });

  if (verdict.status === 'no-match') {
    return (
      <section class="verdict verdict-none" data-status="no-match">
        <h1>No recall found</h1>
        <p>
          None of the recalls we hold names the identifiers below. That is not a safety guarantee: recalls
          from sources we don't cover yet, or listings without a barcode or model, can't be matched.
        </p>
        {verdict.identities.map((identity, i) => (
          <ProductFacts key={identity.itemId ?? i} identity={identity} />
        ))}
      </section>
    );
  }

  const warned = shown.filter((s) => BANNER_TIERS.includes(s.match.tier));
  const warnedItems = new Set(warned.map((s) => s.i)).size;
  const storefront = storefrontOf(verdict.page.marketplace, verdict.page.url);
  const crossBorder = crossBorderNote(storefront);
  /** Where each matched recall was announced, against the page's market and the listing's other recalls. */
  const whereOf = (match: RecallMatch, i: number) => {
    const recall = verdict.recalls[match.recallId];
    if (!recall) return null;
    const matched = (verdict.matches[i] ?? []).flatMap((m) => verdict.recalls[m.recallId] ?? []);
    return recalledWhereOnPage(verdict.page, recall, matched);
  };
  return (
    <section class={`verdict verdict-${verdict.status}`} data-status={verdict.status}>
      <h1>
        {verdict.status === 'warning'
          ? warningHeading(verdict.page.pageType, warnedItems, warned.length)
          : shown.length === 1
            ? 'Possible recall match'
            : `Possible matches with ${shown.length} recalls`}
      </h1>
      {verdict.status === 'possible' && (
        <p>
          {shown.every(({ match }) => isTitleOnly(match))
            ? 'The product name of this listing is similar to a recalled product from the same brand. No barcode or model number agrees, so check the model on your item against the notice below.'
            : 'Some details of this listing agree with a recall notice. Check the details below against your item.'}
        </p>
      )}
      {shown.map(({ match, i }) => {
        const recall = verdict.recalls[match.recallId];
        return recall ? (
          <RecallCard
            key={`${i}:${match.recallId}`}
            recall={recall}
            match={match}
            where={whereOf(match, i)}
            crossBorder={crossBorder}
          />
        ) : null;
      })}
    </section>
  );
}
