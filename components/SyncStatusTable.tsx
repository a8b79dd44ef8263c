/** Per-source index and sync status, for the options page: what we hold, when it last worked, what failed. */
import { formatAge, sourceLabel } from '../utils/recall-index/explain';
import type { IndexStatus } from '../utils/schemas';

export function SyncStatusTable({ index, now }: { index: IndexStatus; now?: Date }) {
  const sources = [
    ...new Set([...index.sources.map((s) => s.source), ...index.syncs.map((s) => s.source)]),
  ].sort();
  if (sources.length === 0) return <p class="muted">No data loaded yet.</p>;
  return (
    <table class="status" data-testid="status-table">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Records</th>
          <th scope="col">Skipped</th>
          <th scope="col">Loaded</th>
          <th scope="col">Last sync</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => {
          const s = index.sources.find((x) => x.source === source);
          const y = index.syncs.find((x) => x.source === source);
          return (
            <tr key={source} data-source={source}>
              <th scope="row">{sourceLabel(source)}</th>
              <td>{s ? s.records.toLocaleString('en-US') : '—'}</td>
              <td title={s?.skippedReasons.join('\n') ?? ''}>{s ? s.skipped : '—'}</td>
              <td>
                {s ? `${formatAge(s.loadedAt, now)}${s.origin === 'bundled' ? ' (bundled)' : ''}` : '—'}
              </td>
              <td>{y?.lastSuccessAt ? formatAge(y.lastSuccessAt, now) : 'never'}</td>
              <td class={y?.lastError ? 'error' : ''}>
                {y?.lastError
                  ? `${y.lastError}${y.failingSince ? ` (failing since ${formatAge(y.failingSince, now)})` : ''}`
                  : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
