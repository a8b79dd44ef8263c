/**
 * The mark beside a recalled cart or order line, rendered in its own closed shadow root next to the
 * line's title on the shopping page (utils/content/row-marks.tsx). Props only. It names no page or feed
 * text: the tier and the number of recalls; its button opens the banner's details for the line.
 */

import { TIER_LABEL } from '../utils/recall-index/explain';
import type { MatchTier } from '../utils/schemas';
import { i18n } from '../utils/ui-language/i18n';

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
      title={i18n.t('banner.markTitle', [TIER_LABEL[tier], i18n.t('banner.recalls', recalls)])}
    >
      <span class="dot" aria-hidden="true">
        !
      </span>
      {recalls === 1 ? i18n.t('banner.markOne') : i18n.t('banner.recalls', recalls)}
      <span class="sr"> {i18n.t('banner.markHidden', [TIER_LABEL[tier]])}</span>
    </button>
  );
}
