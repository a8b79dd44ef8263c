/**
 * Per-source index and sync status, for the options page: how many recalls we hold, where they came from
 * (the bundled starter data, a published index, or the authority's own feed), when that was, and what
 * failed. Saying where the records came from is what keeps an unticked feed whose records a published
 * index supplies from reading "last synced: never" beside thousands of records.
 */

import { sourceLabel } from '../utils/recall-index/explain';
import type { IndexStatus, SyncSummary } from '../utils/schemas';
import { type Provenance, provenanceOf, publishedHost } from '../utils/source-provenance';
import { i18n } from '../utils/ui-language/i18n';
import { formatNumber, timeAgo, wordList } from '../utils/words';

/** The sync state id of a published index: its row describes the index, not an authority. */
const PUBLISHED = 'published';

function cameFrom(p: Provenance, source: string): string {
  switch (p.kind) {
    case 'bundled':
      return i18n.t('syncTable.bundled');
    case 'published':
      return p.host ? i18n.t('syncTable.indexAt', [p.host]) : i18n.t('syncTable.index');
    case 'feed':
      return i18n.t('syncTable.ownFeed', [sourceLabel(source)]);
    case 'none':
      return i18n.t('syncTable.nothing');
  }
}

/** A published index's age is its manifest's own date; when it was last checked comes second. */
function builtChecked(generatedAt: string, syncedAt: string | null, now: Date | undefined): string {
  return i18n.t('signedIndex.builtChecked', [
    timeAgo(generatedAt, now),
    syncedAt ? timeAgo(syncedAt, now) : i18n.t('syncTable.notSynced'),
  ]);
}

function updated(p: Provenance, now: Date | undefined): string {
  switch (p.kind) {
    case 'bundled':
      return p.loadedAt ? i18n.t('syncTable.installed', [timeAgo(p.loadedAt, now)]) : '—';
    case 'published':
      if (p.generatedAt) return builtChecked(p.generatedAt, p.syncedAt, now);
      return p.syncedAt ? timeAgo(p.syncedAt, now) : i18n.t('syncTable.notSynced');
    case 'feed':
      return p.syncedAt ? timeAgo(p.syncedAt, now) : i18n.t('syncTable.notSynced');
    case 'none':
      return i18n.t('syncTable.never');
  }
}

/** The published index's own row: which authorities' recalls it supplies, and from which host. */
function publishedSupplies(
  index: IndexStatus,
  publishedIndexUrl: string | null,
  host: string | null,
): string {
  const supplied = index.sources
    .filter((s) => provenanceOf(s, index.syncs, publishedIndexUrl).kind === 'published')
    .map((s) => sourceLabel(s.source));
  const what =
    supplied.length > 0
      ? i18n.t('syncTable.supplies', [wordList(supplied)])
      : i18n.t('syncTable.suppliesNone');
  return host ? i18n.t('syncTable.suppliesFrom', [what, host]) : what;
}

function problem(y: SyncSummary | undefined, now: Date | undefined): string {
  if (!y?.lastError) return '';
  return y.failingSince
    ? i18n.t('syncTable.failingSince', [y.lastError, timeAgo(y.failingSince, now)])
    : y.lastError;
}

export function SyncStatusTable({
  index,
  now,
  publishedIndexUrl = null,
}: {
  index: IndexStatus;
  now?: Date;
  /** The published index's URL from the settings, to name its host. */
  publishedIndexUrl?: string | null;
}) {
  const sources = [...new Set([...index.sources.map((s) => s.source), ...index.syncs.map((s) => s.source)])]
    .filter((s) => s !== PUBLISHED)
    .sort();
  const published = index.syncs.find((s) => s.source === PUBLISHED);
  if (sources.length === 0 && !published) return <p class="muted">{i18n.t('freshness.none')}</p>;
  const host = publishedHost(published?.indexUrl ?? publishedIndexUrl);
  return (
    <table class="status" data-testid="status-table">
      <caption class="visually-hidden">{i18n.t('syncTable.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{i18n.t('syncTable.source')}</th>
          <th scope="col">{i18n.t('syncTable.recalls')}</th>
          <th scope="col">{i18n.t('syncTable.skipped')}</th>
          <th scope="col">{i18n.t('syncTable.cameFrom')}</th>
          <th scope="col">{i18n.t('syncTable.updated')}</th>
          <th scope="col">{i18n.t('syncTable.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => {
          const s = index.sources.find((x) => x.source === source);
          const y = index.syncs.find((x) => x.source === source);
          const p = provenanceOf(s, index.syncs, publishedIndexUrl);
          return (
            <tr key={source} data-source={source} data-provenance={p.kind}>
              <th scope="row">{sourceLabel(source)}</th>
              <td>{s ? formatNumber(s.records) : '—'}</td>
              <td title={s?.skippedReasons.join('\n') ?? ''}>{s ? s.skipped : '—'}</td>
              <td>{cameFrom(p, source)}</td>
              <td>{updated(p, now)}</td>
              <td class={y?.lastError ? 'error' : ''}>{problem(y, now)}</td>
            </tr>
          );
        })}
        {published && (
          <tr data-source={PUBLISHED}>
            <th scope="row">{i18n.t('syncTable.index')}</th>
            <td>—</td>
            <td>—</td>
            <td>{publishedSupplies(index, publishedIndexUrl, host)}</td>
            <td>
              {published.indexGeneratedAt
                ? builtChecked(published.indexGeneratedAt, published.lastSuccessAt, now)
                : published.lastSuccessAt
                  ? timeAgo(published.lastSuccessAt, now)
                  : i18n.t('syncTable.never')}
            </td>
            <td class={published.lastError ? 'error' : ''}>{problem(published, now)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
