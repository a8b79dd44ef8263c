/**
 * A sync's outcome and progress in the shopper's words and language ("CPSC: 1,234 recalls downloaded"),
 * for the settings page. The outcome's own `message` is the sync's technical account (index versions,
 * cursors) in English; it is shown only for a failure, where the error itself is what there is to say.
 */
import { sourceLabel } from './recall-index/explain';
import type { SyncOutcome, SyncProgress } from './schemas';
import { i18n } from './ui-language/i18n';
import { formatNumber } from './words';

/** The name of what synced: an authority's feed, or the Recall Sentinel index. */
const nameOf = (source: string): string =>
  source === 'published' ? i18n.t('syncTable.index') : sourceLabel(source);

function what(o: SyncOutcome): string {
  switch (o.status) {
    case 'updated': {
      if (o.records === undefined) return i18n.t('syncWords.updated');
      const done = i18n.t('syncWords.downloaded', o.records, [formatNumber(o.records)]);
      return o.skipped
        ? i18n.t('syncWords.withSkipped', [
            done,
            i18n.t('syncWords.skipped', o.skipped, [formatNumber(o.skipped)]),
          ])
        : done;
    }
    case 'unchanged':
      return i18n.t('syncWords.unchanged');
    case 'not-due':
      return i18n.t('syncWords.notDue');
    case 'failed':
      return i18n.t('syncWords.failed', [o.message]);
  }
}

/** "CPSC: 1,234 recalls downloaded", "Recall Sentinel index: up to date". */
export function outcomeWords(o: SyncOutcome): string {
  return i18n.t('syncWords.line', [nameOf(o.source), what(o)]);
}

/** "CPSC: downloading", "openFDA: saving". */
export function progressWords(p: SyncProgress): string {
  const phase =
    p.phase === 'downloading'
      ? i18n.t('syncWords.downloading')
      : p.phase === 'writing'
        ? i18n.t('syncWords.writing')
        : p.phase;
  return i18n.t('syncWords.line', [nameOf(p.source), phase]);
}
