/**
 * The full recall, as the popup and the watchlist page show it: what, where it was announced, why it
 * matched, how sure, what to do, where to read more. Only these pages show the authority's picture of
 * the product; the in-page banner never loads one.
 */

import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { officialImage } from '../utils/official-hosts';
import {
  authorityName,
  describeCaveat,
  describeEvidence,
  describeUnits,
  displayGtin,
  formatDate,
  matchMeaning,
  remedyOptionsNotSaid,
  TIER_LABEL,
} from '../utils/recall-index/explain';
import type { RecalledWhere } from '../utils/recalled-where';
import type { Recall, RecallMatch } from '../utils/schemas';

export interface RecallCardProps {
  recall: Recall;
  match: RecallMatch;
  /** Where the recall was announced, when that is not the page's own market (utils/recalled-where.ts). */
  where?: RecalledWhere | null;
  /** "Tmall Global listing: imported into China from abroad", for a cross-border import store. */
  crossBorder?: string | null;
}

/** The square the picture is fitted into, in CSS pixels; set on the element so nothing shifts as it loads. */
const IMAGE_SIZE = 72;

/**
 * The authority's picture of the product: https on its own hosts only (utils/official-hosts.ts), loaded
 * lazily, and gone without a trace when it fails (no broken-image icon, no alt text standing in).
 */
function RecallImage({ recall, alt }: { recall: Recall; alt: string }) {
  const image = officialImage(recall.source, recall.images);
  const [failed, setFailed] = useState(false);
  if (!image || failed) return null;
  return (
    <img
      class="card-image"
      src={image.url}
      alt={alt}
      width={IMAGE_SIZE}
      height={IMAGE_SIZE}
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}

export function RecallCard({ recall, match, where, crossBorder }: RecallCardProps) {
  const product = recall.products[match.productIndex] ?? recall.products[0];
  // The sale window is already in "Sold"; "Affected dates" lists only dates an item carries.
  const itemDates = product?.dateRanges.filter((d) => d.kind !== 'sold') ?? [];
  const options = remedyOptionsNotSaid(recall.remedy, recall.remedyOptions);
  return (
    <article class={`card tier-${match.tier}`} data-recall-id={recall.id} data-tier={match.tier}>
      <p class="card-kicker">
        <span class={`pill pill-${match.tier}`}>{TIER_LABEL[match.tier]}</span>
        {/* A no-break space ties each "·" to the item before it, so a wrapped line starts with an item,
            and a number or a date never breaks inside ("3 Sep 2026" stays on one line). */}
        <span>
          {authorityName(recall)}
          {recall.recallNumber && (
            <>
              {'\u00a0· '}
              <span class="nowrap">{i18n.t('card.number', [recall.recallNumber])}</span>
            </>
          )}
          {'\u00a0· '}
          <span class="nowrap">{formatDate(recall.published)}</span>
        </span>
      </p>
      <div class="card-head">
        <h2 class="card-title">{recall.title}</h2>
        <RecallImage recall={recall} alt={product?.name || recall.title} />
      </div>
      {where && (
        <p class={`recalled-where where-${where.kind}`} data-where={where.kind}>
          {where.text}
        </p>
      )}
      {crossBorder && <p class="cross-border">{crossBorder}</p>}
      {recall.status === 'completed' && <p class="note">{i18n.t('card.completed')}</p>}
      <dl class="facts">
        {recall.hazard && (
          <>
            <dt>{i18n.t('card.hazard')}</dt>
            <dd>{recall.hazard}</dd>
          </>
        )}
        {recall.remedy && (
          <>
            <dt>{i18n.t('card.remedy')}</dt>
            <dd>
              {recall.remedy}
              {options.length > 0 && <span class="options"> ({options.join(', ')})</span>}
            </dd>
          </>
        )}
        {product && product.models.length > 0 && (
          <>
            <dt>{i18n.t('card.models')}</dt>
            <dd>{product.models.join(', ')}</dd>
          </>
        )}
        {product && product.gtins.length > 0 && (
          <>
            <dt>{i18n.t('card.barcodes')}</dt>
            <dd>{product.gtins.map(displayGtin).join(', ')}</dd>
          </>
        )}
        {product && product.lots.length > 0 && (
          <>
            <dt>{i18n.t('card.lots')}</dt>
            <dd>{product.lots.join(', ')}</dd>
          </>
        )}
        {itemDates.length > 0 && (
          <>
            <dt>{i18n.t('card.dates')}</dt>
            <dd>{itemDates.map((d) => d.text).join('; ')}</dd>
          </>
        )}
        {recall.units && (
          <>
            <dt>{i18n.t('card.units')}</dt>
            <dd>{describeUnits(recall.units)}</dd>
          </>
        )}
        {recall.soldAt && (
          <>
            <dt>{i18n.t('card.sold')}</dt>
            <dd>{recall.soldAt}</dd>
          </>
        )}
      </dl>
      {match.caveats.length > 0 && (
        <ul class="caveats">
          {match.caveats.map((c) => (
            <li key={c.kind}>{describeCaveat(c)}</li>
          ))}
        </ul>
      )}
      <section class="why">
        <h3>{i18n.t('card.why')}</h3>
        <p>{matchMeaning(match)}</p>
        <ul>
          {match.evidence.map((e) => (
            <li key={`${e.kind}:${e.pageValue}`}>{describeEvidence(e)}</li>
          ))}
        </ul>
      </section>
      {recall.url && (
        <a class="official" href={recall.url} target="_blank" rel="noopener noreferrer">
          {i18n.t('card.official')}
        </a>
      )}
    </article>
  );
}
