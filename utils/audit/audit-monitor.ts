/**
 * Monitoring (issue 11): the saved audit (saved-audit.ts) is run again after every sync, as the
 * watchlist re-checks kept products (utils/background/watchlist-service.ts has the same shape), and the
 * findings it has not seen before raise a notification that opens the audit page. Only confirmed and
 * likely findings are news worth a notification (possible ones wait on the page, as a banner waits for
 * them); every finding is remembered so the next sync announces only what is newer. Free of `browser.*`:
 * the store, the lookup and the notifier are dependencies, so it is tested directly.
 */
import { i18n } from '#i18n';
import { BANNER_TIERS } from '../recall-index/tiers';
import type { AuditResult, BatchLookup } from './audit';
import { auditInChunks } from './audit-in-chunks';
import type { Finding } from './finding';
import { findingKey } from './review-log';
import type { SavedAudit } from './saved-audit';

export interface MonitorStore {
  get(): Promise<SavedAudit | null>;
  put(audit: SavedAudit): Promise<void>;
}

export interface AuditMonitorDeps {
  store: () => Promise<MonitorStore>;
  lookup: BatchLookup;
  /** Tells the merchant about findings they were not told about (a browser notification). */
  notify: (fresh: Finding[], audit: SavedAudit) => Promise<void>;
  now?: () => Date;
}

/** The catalog and the findings of an audit the page just ran, as the audit to monitor. */
export function savedAuditFrom(
  catalog: Pick<SavedAudit, 'name' | 'format' | 'encoding' | 'mapping' | 'rows'>,
  result: AuditResult,
  now: Date = new Date(),
): SavedAudit {
  return {
    version: 1,
    name: catalog.name,
    format: catalog.format,
    encoding: catalog.encoding,
    mapping: catalog.mapping,
    rows: catalog.rows,
    known: [...new Set(result.findings.map(findingKey))],
    savedAt: now.toISOString(),
    lastRun: { at: now.toISOString(), findings: result.findings.length, newFindings: 0 },
  };
}

export class AuditMonitor {
  /** Re-audits run one after another: two syncs in a row never announce the same finding twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: AuditMonitorDeps) {}

  /** After a sync: re-runs the saved audit and announces new confirmed or likely findings; returns them. */
  recheck(): Promise<Finding[]> {
    const run = this.queue.then(() => this.rerun());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async rerun(): Promise<Finding[]> {
    const store = await this.deps.store();
    const saved = await store.get();
    if (!saved) return [];
    const result = await auditInChunks(saved.rows, saved.mapping, this.deps.lookup);
    const known = new Set(saved.known);
    const news = result.findings.filter((f) => !known.has(findingKey(f)));
    const fresh = news.filter((f) => BANNER_TIERS.includes(f.tier) && f.recallStatus !== 'withdrawn');
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const updated: SavedAudit = {
      ...saved,
      known: [...new Set([...saved.known, ...result.findings.map(findingKey)])],
      lastRun: { at, findings: result.findings.length, newFindings: fresh.length },
    };
    // Remembered before the notification, so a notifier that fails does not announce it again and again.
    await store.put(updated);
    if (fresh.length > 0) await this.deps.notify(fresh, updated);
    return fresh;
  }
}

/** The notification's words: how many new findings, in which catalog, and the first one's recall. */
export function monitorNotification(
  fresh: readonly Finding[],
  audit: Pick<SavedAudit, 'name'>,
): { title: string; message: string } {
  const [first] = fresh;
  const title =
    fresh.length === 1
      ? i18n.t('audit.notifyTitleOne', [audit.name])
      : i18n.t('audit.notifyTitleMany', [String(fresh.length), audit.name]);
  if (!first) return { title, message: '' };
  const listing = first.title ?? first.sku ?? String(first.row);
  const message =
    fresh.length === 1
      ? i18n.t('audit.notifyMessage', [listing, first.recallTitle])
      : i18n.t('audit.notifyMessageMore', [listing, first.recallTitle, String(fresh.length - 1)]);
  return { title, message };
}
