/**
 * What we checked against and how old it is, shown under every verdict, with a plain warning when a
 * source has been failing for more than a day (the index still works, but it is getting stale).
 */
import { formatAge, formatDate, sourceLabel } from '../utils/recall-index/explain';
import type { IndexStatus } from '../utils/schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

export function IndexFreshness({ index, now = new Date() }: { index: IndexStatus; now?: Date }) {
  const sources = index.sources.map((s) => sourceLabel(s.source)).join(', ') || 'no sources';
  const bundledOnly = index.sources.length > 0 && index.sources.every((s) => s.origin === 'bundled');
  const skipped = index.sources.reduce((n, s) => n + s.skipped, 0);
  const stale = index.syncs.filter(
    (s) => s.failingSince && now.getTime() - Date.parse(s.failingSince) > DAY_MS,
  );
  return (
    <>
      {stale.map((s) => (
        <p class="stale" key={s.source} role="alert" data-testid="stale-warning">
          Updates from {s.source === 'published' ? 'the published index' : sourceLabel(s.source)} have been
          failing since {formatDate(s.failingSince)} ({s.lastError ?? 'unknown error'}). Recalls published
          since then may be missing.
        </p>
      ))}
      <p class="freshness" data-testid="freshness">
        {index.records.toLocaleString('en-US')} {index.records === 1 ? 'recall' : 'recalls'} from {sources},
        updated {formatAge(index.updatedAt, now)}
        {bundledOnly && ' (starter data bundled with the extension)'}
        {skipped > 0 && `; ${skipped} malformed ${skipped === 1 ? 'record was' : 'records were'} skipped`}.
      </p>
    </>
  );
}
