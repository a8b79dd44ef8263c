/**
 * The findings, one row per listing × recall: tier, the listing, the recall (status, authority,
 * jurisdiction and source, official link), why it matched, what to do, the listing's completeness, and
 * the merchant's review. Every value is rendered as text by Preact (catalog and notice text come from
 * outside); links are kept only when they are http(s). Long lists are shown a page at a time.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { completeSummary } from '@/utils/audit/completeness';
import type { Finding } from '@/utils/audit/finding';
import { recallStatusName } from '@/utils/audit/labels';
import { findingKey, type ReviewDecision, type ReviewEntry } from '@/utils/audit/review-log';
import type { MatchTier } from '@/utils/schemas';

export const PAGE_SIZE = 200;

export const TIER_NAME: Record<MatchTier, () => string> = {
  confirmed: () => i18n.t('audit.tierConfirmed'),
  likely: () => i18n.t('audit.tierLikely'),
  possible: () => i18n.t('audit.tierPossible'),
};

const httpUrl = (url: string | null): string | null => (url && /^https?:\/\//i.test(url) ? url : null);

function listingIds(f: Finding): string {
  return [
    f.sku && `SKU ${f.sku}`,
    f.barcode && `${i18n.t('audit.fieldBarcode')} ${f.barcode}`,
    f.model && `${i18n.t('audit.fieldModel')} ${f.model}`,
    f.asin && `ASIN ${f.asin}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function decisionWords(entry: ReviewEntry): string {
  const when = new Date(entry.at).toLocaleString();
  return entry.decision === 'reviewed'
    ? i18n.t('audit.reviewedAt', [when])
    : i18n.t('audit.notThisAt', [when]);
}

interface ReviewProps {
  finding: Finding;
  latest: ReviewEntry | undefined;
  onDecide: (finding: Finding, decision: ReviewDecision, note: string) => Promise<void>;
}

function ReviewCell({ finding, latest, onDecide }: ReviewProps) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `note-${finding.row}-${finding.recallId.replace(/[^\w-]/g, '_')}`;
  const decide = async (decision: ReviewDecision) => {
    setBusy(true);
    try {
      await onDecide(finding, decision, note);
      setNote('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <td class="review">
      {latest && (
        <p class={`decision decision-${latest.decision}`} data-testid="decision">
          {decisionWords(latest)}
          {latest.note && <span class="note">: {latest.note}</span>}
        </p>
      )}
      <details>
        <summary>{i18n.t('audit.reviewSummary')}</summary>
        <label for={id}>{i18n.t('audit.note')}</label>
        <textarea id={id} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <div class="review-buttons">
          <button type="button" disabled={busy} onClick={() => void decide('reviewed')}>
            {i18n.t('audit.markReviewed')}
          </button>
          <button type="button" class="quiet" disabled={busy} onClick={() => void decide('not-this-product')}>
            {i18n.t('audit.notThisProduct')}
          </button>
        </div>
      </details>
    </td>
  );
}

interface Props {
  findings: readonly Finding[];
  latest: Map<string, ReviewEntry>;
  onDecide: ReviewProps['onDecide'];
}

export function FindingsTable({ findings, latest, onDecide }: Props) {
  const [shown, setShown] = useState(PAGE_SIZE);
  const visible = findings.slice(0, shown);
  return (
    <>
      <div class="table-scroll">
        <table class="findings" data-testid="findings">
          <caption class="visually-hidden">{i18n.t('audit.findingsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('audit.colTier')}</th>
              <th scope="col">{i18n.t('audit.colListing')}</th>
              <th scope="col">{i18n.t('audit.colRecall')}</th>
              <th scope="col">{i18n.t('audit.colWhy')}</th>
              <th scope="col">{i18n.t('audit.colActions')}</th>
              <th scope="col">{i18n.t('audit.colCompleteness')}</th>
              <th scope="col">{i18n.t('audit.colReview')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((f) => {
              const key = findingKey(f);
              const official = httpUrl(f.officialUrl);
              const [firstAction, ...moreActions] = f.actions;
              return (
                <tr key={key} data-tier={f.tier} data-recall={f.recallId} data-row={f.row}>
                  <td>
                    <span class={`tier tier-${f.tier}`}>{TIER_NAME[f.tier]()}</span>
                  </td>
                  <td class="listing">
                    <strong>{f.title ?? f.sku ?? i18n.t('audit.row', [String(f.row)])}</strong>
                    <div class="muted">
                      {i18n.t('audit.row', [String(f.row)])}
                      {listingIds(f) && ` · ${listingIds(f)}`}
                    </div>
                  </td>
                  <td class="recall">
                    {official ? (
                      <a href={official} target="_blank" rel="noopener noreferrer">
                        {f.recallTitle}
                      </a>
                    ) : (
                      f.recallTitle
                    )}
                    <div class="muted">
                      {recallStatusName(f.recallStatus)} · {f.authority} ({f.jurisdiction}, {f.sourceLabel})
                      {f.published && ` · ${f.published}`}
                    </div>
                  </td>
                  <td class="why">
                    <p>{f.meaning}</p>
                    {f.evidence.length > 0 && (
                      <ul>
                        {f.evidence.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    )}
                    {f.caveats.length > 0 && (
                      <ul class="caveats">
                        {f.caveats.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td class="actions-cell">
                    {firstAction && <p>{firstAction}</p>}
                    {moreActions.length > 0 && (
                      <details>
                        <summary>{i18n.t('audit.moreActions', [String(f.actions.length)])}</summary>
                        <ol start={2}>
                          {moreActions.map((a) => (
                            <li key={a}>{a}</li>
                          ))}
                        </ol>
                      </details>
                    )}
                  </td>
                  <td class={f.completeness === completeSummary() ? 'complete' : 'incomplete'}>
                    {f.completeness}
                  </td>
                  <ReviewCell finding={f} latest={latest.get(key)} onDecide={onDecide} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="muted" data-testid="shown">
        {i18n.t('audit.shown', [visible.length.toLocaleString(), findings.length.toLocaleString()])}
      </p>
      {shown < findings.length && (
        <button type="button" class="quiet" onClick={() => setShown(shown + PAGE_SIZE)}>
          {i18n.t('audit.showMore')}
        </button>
      )}
    </>
  );
}
