/**
 * The popup's answer for the current tab. Five states, worded so that "no recall found" can never be
 * read as "safe", and "we couldn't read this page" never looks like either.
 */
import { i18n } from '#i18n';
import type { TabVerdict } from '../utils/messaging';
import { isTitleOnly } from '../utils/recall-index/explain';
import { BANNER_TIERS } from '../utils/recall-index/tiers';
import { crossBorderNote, shipsFromNote } from '../utils/recalled-where';
import { recalledWhereOnPage } from '../utils/recalled-where-on-page';
import type { RecallMatch } from '../utils/schemas';
import { storefrontOf } from '../utils/storefront-country';
import { ProductFacts } from './ProductFacts';
import { RecallCard } from './RecallCard';

/** "a recall", "2 recalls". */
const recalls = (n: number): string => i18n.t('verdict.recallsObject', n, [n.toLocaleString()]);

/** The heading of a warning: a product page has one product; a cart or order list has items. */
function warningHeading(pageType: string, matchedItems: number, matchedRecalls: number): string {
  if (pageType === 'product') return i18n.t('verdict.productMatches', [recalls(matchedRecalls)]);
  return i18n.t('verdict.itemsMatch', matchedItems, [matchedItems.toLocaleString(), recalls(matchedRecalls)]);
}

const PAGE_KIND: Record<string, () => string> = {
  product: () => i18n.t('verdict.pageProduct'),
  cart: () => i18n.t('verdict.pageCart'),
  orders: () => i18n.t('verdict.pageOrders'),
};

/** A page with more lines than one lookup checks says how many were: the rest were not looked at. */
function FirstLinesOnly({ verdict }: { verdict: TabVerdict }) {
  const { linesOnPage } = verdict.page;
  if (!linesOnPage || linesOnPage <= verdict.identities.length) return null;
  return (
    <p class="first-lines-only" data-testid="first-lines-only">
      {i18n.t('verdict.firstLinesOnly', [
        verdict.identities.length.toLocaleString(),
        linesOnPage.toLocaleString(),
      ])}
    </p>
  );
}

export function VerdictView({ verdict }: { verdict: TabVerdict | null }) {
  if (!verdict || verdict.status === 'not-product') {
    return (
      <section class="verdict verdict-idle" data-status="not-product">
        <h1>{i18n.t('verdict.nothingTitle')}</h1>
        <p>{i18n.t('verdict.nothingText')}</p>
      </section>
    );
  }
  const where =
    verdict.page.marketplace === 'generic'
      ? i18n.t('verdict.thisShop')
      : (verdict.page.marketplace ?? i18n.t('verdict.thisPage'));

  if (verdict.status === 'unreadable') {
    return (
      <section class="verdict verdict-unreadable" data-status="unreadable">
        <h1>{i18n.t('verdict.unreadableTitle')}</h1>
        <p>
          {i18n.t('verdict.unreadableText', [
            PAGE_KIND[verdict.page.pageType]?.() ?? verdict.page.pageType,
            where,
          ])}
        </p>
        <FirstLinesOnly verdict={verdict} />
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
        <h1>{i18n.t('verdict.noMatchTitle')}</h1>
        <p>{i18n.t('verdict.noMatchText')}</p>
        <FirstLinesOnly verdict={verdict} />
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
            ? i18n.t('verdict.possibleOne')
            : i18n.t('verdict.possibleMany', [shown.length.toLocaleString()])}
      </h1>
      {verdict.status === 'possible' && (
        <p>
          {shown.every(({ match }) => isTitleOnly(match))
            ? i18n.t('verdict.possibleTitleOnly')
            : i18n.t('verdict.possibleSome')}
        </p>
      )}
      <FirstLinesOnly verdict={verdict} />
      {shown.map(({ match, i }) => {
        const recall = verdict.recalls[match.recallId];
        return recall ? (
          <RecallCard
            key={`${i}:${match.recallId}`}
            recall={recall}
            match={match}
            where={whereOf(match, i)}
            crossBorder={crossBorder ?? shipsFromNote(verdict.identities[i]?.shipsFrom)}
          />
        ) : null;
      })}
    </section>
  );
}
