/**
 * The mark beside a recalled cart or order line, rendered in its own closed shadow root next to the
 * line's title on the shopping page (utils/content/row-marks.tsx). Props only. It names no page or feed
 * text: the tier and the number of recalls; its button opens the banner's details for the line.
 */
import { TIER_LABEL } from '../utils/recall-index/explain';
import type { MatchTier } from '../utils/schemas';
import { plural } from './banner-words';

export interface RowMarkProps {
  tier: MatchTier;
  recalls: number;
  onShow: () => void;
}

export function RecallRowMark({ tier, recalls, onShow }: RowMarkProps) {
  return (
    <button
      type="button"
      class={`mark tier-${tier}`}
      onClick={(event) => {
        // The mark often sits inside the line's own link: show our details, do not follow the link.
        event.preventDefault();
        event.stopPropagation();
        onShow();
      }}
      title={`${TIER_LABEL[tier]}: ${plural(recalls, 'recall', 'recalls')}. Show details`}
    >
      <span class="dot" aria-hidden="true">
        !
      </span>
      {recalls === 1 ? 'Recall' : plural(recalls, 'recall', 'recalls')}
      <span class="sr"> ({TIER_LABEL[tier]}), show details</span>
    </button>
  );
}
