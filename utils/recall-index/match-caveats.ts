/**
 * The caveats a notice brings to any match on it, whatever the evidence: only some lots, only some
 * production dates, a recall the authority lists as completed. Shared by the identifier tiers and the
 * title rule.
 */
import type { MatchCaveat, Recall, RecallProduct } from '../schemas';

/** Caveats that come with the notice itself, whatever the evidence. */
export function noticeCaveats(recall: Recall, product: RecallProduct): MatchCaveat[] {
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
      ...(recall.published && { published: recall.published }),
      message: `The authority lists this recall${when} as completed, but an item you already own may still be affected.`,
      values: [],
    });
  }
  return out;
}
