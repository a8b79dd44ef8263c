/**
 * The words of the notification that tells a shopper a product they met earlier now has a recall: which
 * product, how they met it, and which recall (or how many). Pure, so the wording is tested; the
 * background shows it with `notifications.create` and opens the watchlist page on a click.
 */
import { authorityName } from '../recall-index/explain';
import type { Recall } from '../schemas';
import type { WatchedMatch } from '../watchlist/recheck';

export interface RecallNotification {
  title: string;
  message: string;
}

const HOW: Record<WatchedMatch['product']['encounter'], string> = {
  bought: 'you bought',
  carted: 'in your cart',
  viewed: 'you looked at',
};

export function recallNotification(
  found: readonly WatchedMatch[],
  recalls: Record<string, Recall>,
): RecallNotification {
  const [first] = found;
  if (!first) return { title: 'Recall Sentinel', message: '' };
  if (found.length > 1) {
    const bought = found.filter((f) => f.product.encounter === 'bought').length;
    return {
      title: `${found.length} products you shopped for have a new recall`,
      message:
        bought > 0
          ? `${bought} of them you bought. Open the list to see each recall.`
          : 'Open the list to see each recall.',
    };
  }
  const recall = recalls[first.newRecallIds[0] ?? ''];
  const name = first.product.identity.title ?? first.product.identity.brand ?? 'A product';
  return {
    title: `Recall: a product ${HOW[first.product.encounter]}`,
    message: recall
      ? `${clip(name, 80)} — ${authorityName(recall)}: ${clip(recall.title, 120)}`
      : `${clip(name, 80)} has a new recall.`,
  };
}

const clip = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
