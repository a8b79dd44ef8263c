/**
 * What a merchant should do about one finding, in the order they should do it. Selling a recalled
 * product is unlawful in the US (CPSA §19(a)(2)(B)), and the EU GPSR (Art. 35–37) and SAMR Announcement
 * 2025 No. 21 require sellers to stop sale at once, take down the listing and show the recall notice to
 * buyers; so a confirmed or likely match asks for all of that, whatever the notice's status, because a
 * completed recall does not make the recalled units safe. A possible match asks for a check first.
 */
import type { Recall, RecallMatch } from '../schemas';

export function findingActions(match: Pick<RecallMatch, 'tier' | 'caveats'>, recall: Recall): string[] {
  if (recall.status === 'withdrawn')
    return [
      'The authority withdrew this notice: no recall action is needed; keep the finding for your records.',
    ];
  const lots = match.caveats.filter((c) => c.kind === 'lot-specific' || c.kind === 'date-specific');
  const scope = lots.length > 0 ? ' of the affected lots or dates' : '';
  if (match.tier === 'possible')
    return [
      'Check the item against the notice (model, barcode, lot or date printed on the product and its packaging).',
      'If it is the recalled product, stop sale and follow the steps for a confirmed match; if not, mark it "not this product" with a note.',
    ];
  const remedy = [recall.remedy.trim(), ...recall.remedyOptions].filter(Boolean);
  return [
    `Stop sale now: take stock${scope} out of sale and hold it (do not return it to suppliers or resell it).`,
    'Remove or deactivate the listing on every channel where it is offered.',
    ...lots.map((c) => `Check your stock against: ${c.values.join(', ') || c.message}`),
    `Notify buyers who bought it${recall.published ? `, those who bought before the notice (${recall.published}) included,` : ''}${remedy.length > 0 ? ` and tell them the remedy: ${(remedy[0] as string).replace(/[.\s]+$/, '')}` : ''}.`,
    recall.url && /^https?:\/\//i.test(recall.url)
      ? `Publish the recall notice where buyers of this product will see it, linking the official notice: ${recall.url}`
      : 'Publish the recall notice where buyers of this product will see it.',
  ];
}
