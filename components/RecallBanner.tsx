/**
 * The in-page warning, rendered inside a closed shadow root on the shopping page. Props only: the
 * content script decides when to show it. Text from pages and feeds is only ever rendered as text.
 */
import { useState } from 'preact/hooks';
import {
  authorityName,
  describeCaveat,
  describeEvidence,
  formatDate,
  matchMeaning,
  TIER_LABEL,
} from '../utils/recall-index/explain';
import type { PageType, Recall, RecallMatch } from '../utils/schemas';

export interface BannerEntry {
  match: RecallMatch;
  recall: Recall;
  /** The product on the page this warning is about (cart rows name the line). */
  productTitle: string | null;
  /** Which listing it is, for "not this product". */
  marketplace: string | null;
  listing: string;
}

export interface RecallBannerProps {
  entries: BannerEntry[];
  /** Cart and order pages name the line the warning is about. */
  pageType: PageType;
  onDismiss: () => void;
  /** "Not this product": the shopper says the first warning is about something else. */
  onNotThis: (entry: BannerEntry) => void;
}

const LINE_PREFIX: Partial<Record<PageType, string>> = { cart: 'In your cart', orders: 'You bought' };

export function RecallBanner({ entries, pageType, onDismiss, onNotThis }: RecallBannerProps) {
  const [expanded, setExpanded] = useState(false);
  const first = entries[0];
  if (!first) return null;
  const { match, recall } = first;
  const product = recall.products[match.productIndex] ?? recall.products[0];
  const more = entries.length - 1;
  const linePrefix = LINE_PREFIX[pageType];

  return (
    <section class={`banner tier-${match.tier}`} role="alert" aria-label="Product recall warning">
      <div class="icon" aria-hidden="true">
        !
      </div>
      <div class="body">
        <p class="kicker">
          <span class="tag">Recall warning</span>
          <span class="tier">{TIER_LABEL[match.tier]}</span>
          <span class="authority">
            {authorityName(recall)} · {formatDate(recall.published)}
          </span>
        </p>
        {linePrefix && first.productTitle && (
          <p class="line item">
            <strong>{linePrefix}:</strong> {first.productTitle}
          </p>
        )}
        <h2 class="title">{recall.title}</h2>
        {recall.hazard && (
          <p class="line">
            <strong>Hazard:</strong> {recall.hazard}
          </p>
        )}
        {recall.remedy && (
          <p class="line">
            <strong>What to do:</strong> {recall.remedy}
          </p>
        )}
        {match.caveats.map((c) => (
          <p class="caveat" key={c.kind}>
            {describeCaveat(c)}
          </p>
        ))}
        {expanded && (
          <div class="why">
            <p class="why-head">{matchMeaning(match)}</p>
            <ul>
              {match.evidence.map((e) => (
                <li key={`${e.kind}:${e.pageValue}`}>{describeEvidence(e)}</li>
              ))}
            </ul>
            {product && product.models.length > 0 && (
              <p class="line">Models in the notice: {product.models.join(', ')}</p>
            )}
            {recall.units && <p class="line">Units: {recall.units}</p>}
          </div>
        )}
        <p class="actions">
          {recall.url && (
            <a class="primary" href={recall.url} target="_blank" rel="noopener noreferrer">
              Read the official notice
            </a>
          )}
          <button type="button" class="link" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
            {expanded ? 'Hide why' : 'Why am I seeing this?'}
          </button>
          <button type="button" class="link not-this" onClick={() => onNotThis(first)}>
            Not this product
          </button>
          {more > 0 && (
            <span class="more">
              and {more} more {more === 1 ? 'recall' : 'recalls'}: open Recall Sentinel from the toolbar
            </span>
          )}
        </p>
      </div>
      <button type="button" class="close" onClick={onDismiss} aria-label="Dismiss recall warning">
        ×
      </button>
    </section>
  );
}
