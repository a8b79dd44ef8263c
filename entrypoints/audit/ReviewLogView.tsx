/**
 * The review log as kept: every decision with its time, newest first on screen (the stored log is
 * append-only and oldest first, utils/audit/review-log.ts). Shows the latest 100.
 */
import { i18n } from '#i18n';
import type { ReviewEntry } from '@/utils/audit/review-log';

const SHOWN = 100;

export function ReviewLogView({ entries }: { entries: readonly ReviewEntry[] }) {
  const newest = [...entries].reverse().slice(0, SHOWN);
  return (
    <section aria-labelledby="log-heading" data-testid="review-log">
      <h2 id="log-heading">{i18n.t('audit.logTitle')}</h2>
      <p class="muted">{i18n.t('audit.logNote')}</p>
      {newest.length === 0 ? (
        <p>{i18n.t('audit.logEmpty')}</p>
      ) : (
        <table class="log">
          <thead>
            <tr>
              <th scope="col">{i18n.t('audit.logTime')}</th>
              <th scope="col">{i18n.t('audit.logListing')}</th>
              <th scope="col">{i18n.t('audit.logRecall')}</th>
              <th scope="col">{i18n.t('audit.logDecision')}</th>
              <th scope="col">{i18n.t('audit.note')}</th>
            </tr>
          </thead>
          <tbody>
            {newest.map((e) => (
              <tr key={`${e.at}:${e.findingKey}`}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>
                  {e.listing}
                  <div class="muted">{e.catalog}</div>
                </td>
                <td>{e.recallId}</td>
                <td>
                  {e.decision === 'reviewed' ? i18n.t('audit.markReviewed') : i18n.t('audit.notThisProduct')}
                </td>
                <td>{e.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
