/** The full recall, as the popup shows it: what, why it matched, how sure, what to do, where to read more. */
import {
  authorityName,
  describeCaveat,
  describeEvidence,
  displayGtin,
  formatDate,
  matchMeaning,
  TIER_LABEL,
} from '../utils/recall-index/explain';
import type { Recall, RecallMatch } from '../utils/schemas';

export interface RecallCardProps {
  recall: Recall;
  match: RecallMatch;
}

export function RecallCard({ recall, match }: RecallCardProps) {
  const product = recall.products[match.productIndex] ?? recall.products[0];
  // The sale window is already in "Sold"; "Affected dates" lists only dates an item carries.
  const itemDates = product?.dateRanges.filter((d) => d.kind !== 'sold') ?? [];
  return (
    <article class={`card tier-${match.tier}`} data-recall-id={recall.id} data-tier={match.tier}>
      <p class="card-kicker">
        <span class={`pill pill-${match.tier}`}>{TIER_LABEL[match.tier]}</span>
        <span>
          {authorityName(recall)}
          {recall.recallNumber ? ` · No. ${recall.recallNumber}` : ''} · {formatDate(recall.published)}
        </span>
      </p>
      <h2 class="card-title">{recall.title}</h2>
      {recall.status === 'completed' && <p class="note">This recall is marked completed by the authority.</p>}
      <dl class="facts">
        {recall.hazard && (
          <>
            <dt>Hazard</dt>
            <dd>{recall.hazard}</dd>
          </>
        )}
        {recall.remedy && (
          <>
            <dt>What to do</dt>
            <dd>
              {recall.remedy}
              {recall.remedyOptions.length > 0 && (
                <span class="options"> ({recall.remedyOptions.join(', ')})</span>
              )}
            </dd>
          </>
        )}
        {product && product.models.length > 0 && (
          <>
            <dt>Models</dt>
            <dd>{product.models.join(', ')}</dd>
          </>
        )}
        {product && product.gtins.length > 0 && (
          <>
            <dt>Barcodes</dt>
            <dd>{product.gtins.map(displayGtin).join(', ')}</dd>
          </>
        )}
        {product && product.lots.length > 0 && (
          <>
            <dt>Affected lots</dt>
            <dd>{product.lots.join(', ')}</dd>
          </>
        )}
        {itemDates.length > 0 && (
          <>
            <dt>Affected dates</dt>
            <dd>{itemDates.map((d) => d.text).join('; ')}</dd>
          </>
        )}
        {recall.units && (
          <>
            <dt>Units</dt>
            <dd>{recall.units}</dd>
          </>
        )}
        {recall.soldAt && (
          <>
            <dt>Sold</dt>
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
        <h3>Why this matched</h3>
        <p>{matchMeaning(match)}</p>
        <ul>
          {match.evidence.map((e) => (
            <li key={`${e.kind}:${e.pageValue}`}>{describeEvidence(e)}</li>
          ))}
        </ul>
      </section>
      {recall.url && (
        <a class="official" href={recall.url} target="_blank" rel="noopener noreferrer">
          Read the official notice
        </a>
      )}
    </article>
  );
}
