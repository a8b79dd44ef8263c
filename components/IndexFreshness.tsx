/** One line on what we checked against and how old it is, shown under every verdict. */
import { formatAge } from '../utils/recall-index/explain';
import type { IndexStatus } from '../utils/schemas';

export function IndexFreshness({ index, now }: { index: IndexStatus; now?: Date }) {
  const sources = index.sources.map((s) => s.source.toUpperCase()).join(', ') || 'no sources';
  const bundledOnly = index.sources.length > 0 && index.sources.every((s) => s.origin === 'bundled');
  const skipped = index.sources.reduce((n, s) => n + s.skipped, 0);
  return (
    <p class="freshness" data-testid="freshness">
      {index.records} {index.records === 1 ? 'recall' : 'recalls'} from {sources}, updated{' '}
      {formatAge(index.updatedAt, now)}
      {bundledOnly && ' (starter data bundled with the extension)'}
      {skipped > 0 && `; ${skipped} malformed ${skipped === 1 ? 'record was' : 'records were'} skipped`}.
    </p>
  );
}
