/**
 * Monitoring on the page: which catalog is saved to be re-audited after every sync (the background's
 * AuditMonitor, utils/audit/audit-monitor.ts), when it last ran and what it found; save the audit just
 * run, audit the saved one now, or stop. The saved audit lives in its own IndexedDB database, which the
 * page opens directly (same extension origin as the background).
 */
import { i18n } from '#i18n';
import type { SavedAudit } from '@/utils/audit/saved-audit';

interface Props {
  saved: SavedAudit | null;
  /** Offered when an audit has just been run and is not the one saved. */
  canSave: boolean;
  busy: boolean;
  onSave: () => void;
  onOpen: () => void;
  onStop: () => void;
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function MonitorSection({ saved, canSave, busy, onSave, onOpen, onStop }: Props) {
  return (
    <section aria-labelledby="monitor-heading" data-testid="monitor">
      <h2 id="monitor-heading">{i18n.t('audit.monitorTitle')}</h2>
      <p class="muted">{i18n.t('audit.monitorNote')}</p>
      {saved ? (
        <>
          <p data-testid="monitor-saved">
            {i18n.t('audit.monitorSaved', [
              saved.name,
              saved.rows.length.toLocaleString(),
              when(saved.savedAt),
            ])}
            {saved.lastRun && (
              <>
                {' '}
                <span data-testid="monitor-last-run">
                  {i18n.t('audit.monitorLastRun', [
                    when(saved.lastRun.at),
                    saved.lastRun.findings.toLocaleString(),
                    saved.lastRun.newFindings.toLocaleString(),
                  ])}
                </span>
              </>
            )}
          </p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={onOpen}>
              {i18n.t('audit.monitorOpen')}
            </button>
            <button type="button" class="quiet" disabled={busy} onClick={onStop}>
              {i18n.t('audit.monitorStop')}
            </button>
          </div>
        </>
      ) : (
        <p>{i18n.t('audit.monitorNone')}</p>
      )}
      {canSave && (
        <button type="button" disabled={busy} onClick={onSave}>
          {i18n.t('audit.monitorSave')}
        </button>
      )}
    </section>
  );
}
