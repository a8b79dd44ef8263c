/**
 * What we checked against and how old it is, shown under every verdict, in words ("11,015 recalls from
 * CPSC and openFDA, updated 5 minutes ago"), with a plain warning when a source has been failing for more
 * than a day (the index still works, but it is getting stale).
 */
import { formatDate, sourceLabel } from '../utils/recall-index/explain';
import type { IndexStatus } from '../utils/schemas';
import { provenances } from '../utils/source-provenance';
import { count, timeAgo, wordList } from '../utils/words';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The sentence about the index: how many recalls, from which authorities, how they got here and when. */
export function freshnessSentence(
  index: IndexStatus,
  now: Date,
  publishedIndexUrl: string | null = null,
): string {
  if (index.records === 0) return 'No recalls are loaded yet.';
  const recalls = count(index.records, 'recall', 'recalls');
  const authorities = wordList(index.sources.filter((s) => s.records > 0).map((s) => sourceLabel(s.source)));
  const from = [...provenances(index, publishedIndexUrl).values()];
  const skipped = index.sources.reduce((n, s) => n + s.skipped, 0);
  const skippedNote =
    skipped > 0
      ? ` ${count(skipped, 'record', 'records')} could not be read and ${skipped === 1 ? 'was' : 'were'} left out.`
      : '';
  if (from.every((p) => p.kind === 'bundled')) {
    return `${recalls} from ${authorities}, from the starter data bundled with the extension.${skippedNote}`;
  }
  const published = from.find((p) => p.kind === 'published');
  if (published?.kind === 'published' && from.every((p) => p.kind === 'published')) {
    const where = published.host
      ? `the Recall Sentinel index at ${published.host}`
      : 'the Recall Sentinel index';
    const when = published.syncedAt ? `, ${timeAgo(published.syncedAt, now)}` : '';
    return `Downloaded ${recalls} from ${authorities} from ${where}${when}.${skippedNote}`;
  }
  const when = index.updatedAt ? `, updated ${timeAgo(index.updatedAt, now)}` : '';
  return `${recalls} from ${authorities}${when}.${skippedNote}`;
}

export function IndexFreshness({ index, now = new Date() }: { index: IndexStatus; now?: Date }) {
  const stale = index.syncs.filter(
    (s) => s.failingSince && now.getTime() - Date.parse(s.failingSince) > DAY_MS,
  );
  return (
    <>
      {stale.map((s) => (
        <p class="stale" key={s.source} role="alert" data-testid="stale-warning">
          Updates from {s.source === 'published' ? 'the Recall Sentinel index' : sourceLabel(s.source)} have
          been failing since {formatDate(s.failingSince)} ({s.lastError ?? 'unknown error'}). Recalls
          published since then may be missing.
        </p>
      ))}
      <p class="freshness" data-testid="freshness">
        {freshnessSentence(index, now)}
      </p>
    </>
  );
}
