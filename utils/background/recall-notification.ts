/**
 * The words of the notification that tells a shopper a product they met earlier now has a recall: which
 * product, how they met it, and which recall (or how many). Pure, so the wording is tested; the
 * background shows it with `notifications.create` and opens the watchlist page on a click.
 */
import { i18n } from '#i18n';
import { authorityName } from '../recall-index/explain';
import type { Recall } from '../schemas';
import type { WatchedMatch } from '../watchlist/recheck';

export interface RecallNotification {
  title: string;
  message: string;
}

const TITLE: Record<WatchedMatch['product']['encounter'], () => string> = {
  bought: () => i18n.t('notification.bought'),
  carted: () => i18n.t('notification.carted'),
  viewed: () => i18n.t('notification.viewed'),
};

export function recallNotification(
  found: readonly WatchedMatch[],
  recalls: Record<string, Recall>,
): RecallNotification {
  const [first] = found;
  if (!first) return { title: i18n.t('extName'), message: '' };
  if (found.length > 1) {
    const bought = found.filter((f) => f.product.encounter === 'bought').length;
    return {
      title: i18n.t('notification.several', found.length, [found.length.toLocaleString()]),
      message:
        bought > 0
          ? i18n.t('notification.severalBought', bought, [bought.toLocaleString()])
          : i18n.t('notification.openList'),
    };
  }
  const recall = recalls[first.newRecallIds[0] ?? ''];
  const name = first.product.identity.title ?? first.product.identity.brand ?? i18n.t('watchlist.aProduct');
  return {
    title: TITLE[first.product.encounter](),
    message: recall
      ? i18n.t('notification.named', [clip(name, 80), authorityName(recall), clip(recall.title, 120)])
      : i18n.t('notification.unnamed', [clip(name, 80)]),
  };
}

const clip = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
