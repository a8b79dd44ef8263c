/**
 * What we checked against and how old it is, shown under every verdict, in words ("11,015 recalls from
 * CPSC and openFDA, updated 5 minutes ago"), with a plain warning when a source has been failing for more
 * than a day (the index still works, but it is getting stale).
 */

import { formatDate, sourceLabel } from '../utils/recall-index/explain';
import type { IndexStatus } from '../utils/schemas';
import { provenances } from '../utils/source-provenance';
import { i18n } from '../utils/ui-language/i18n';
import { formatNumber, timeAgo, wordList } from '../utils/words';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The sentence about the index: how many recalls, from which authorities, how they got here and when. */
export function freshnessSentence(
  index: IndexStatus,
  now: Date,
  publishedIndexUrl: string | null = null,
): string {
  if (index.records === 0) return i18n.t('freshness.none');
  const recalls = i18n.t('freshness.recalls', index.records, [formatNumber(index.records)]);
  const authorities = wordList(index.sources.filter((s) => s.records > 0).map((s) => sourceLabel(s.source)));
  const from = [...provenances(index, publishedIndexUrl).values()];
  const skipped = index.sources.reduce((n, s) => n + s.skipped, 0);
  const skippedNote = skipped > 0 ? i18n.t('freshness.skipped', skipped, [formatNumber(skipped)]) : '';
  const sentence = (): string => {
    if (from.every((p) => p.kind === 'bundled')) return i18n.t('freshness.bundled', [recalls, authorities]);
    const published = from.find((p) => p.kind === 'published');
    if (published?.kind === 'published' && from.every((p) => p.kind === 'published')) {
      const where = published.host
        ? i18n.t('freshness.indexAt', [published.host])
        : i18n.t('freshness.index');
      // The index's own date, not when it was last fetched: a host serving a frozen index shows its age.
      if (published.generatedAt)
        return i18n.t('signedIndex.downloadedBuilt', [
          recalls,
          authorities,
          where,
          timeAgo(published.generatedAt, now),
        ]);
      return published.syncedAt
        ? i18n.t('freshness.downloadedWhen', [recalls, authorities, where, timeAgo(published.syncedAt, now)])
        : i18n.t('freshness.downloaded', [recalls, authorities, where]);
    }
    return index.updatedAt
      ? i18n.t('freshness.updatedWhen', [recalls, authorities, timeAgo(index.updatedAt, now)])
      : i18n.t('freshness.updated', [recalls, authorities]);
  };
  return skippedNote ? `${sentence()} ${skippedNote}` : sentence();
}

export function IndexFreshness({ index, now = new Date() }: { index: IndexStatus; now?: Date }) {
  const stale = index.syncs.filter(
    (s) => s.failingSince && now.getTime() - Date.parse(s.failingSince) > DAY_MS,
  );
  return (
    <>
      {stale.map((s) => (
        <p class="stale" key={s.source} role="alert" data-testid="stale-warning">
          {i18n.t('freshness.stale', [
            s.source === 'published' ? i18n.t('freshness.index') : sourceLabel(s.source),
            formatDate(s.failingSince),
            s.lastError ?? i18n.t('freshness.unknownError'),
          ])}
        </p>
      ))}
      <p class="freshness" data-testid="freshness">
        {freshnessSentence(index, now)}
      </p>
    </>
  );
}
