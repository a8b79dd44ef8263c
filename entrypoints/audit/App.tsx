/**
 * The merchant audit (issue 11): a catalog file in (every format utils/audit/read-catalog.ts reads),
 * its columns checked by the merchant, every listing looked up in this device's recall index a chunk at
 * a time (utils/audit/audit-in-chunks.ts: progress, time left, cancel, the page never frozen), then the
 * findings with filters, exports (CSV, JSON, the printable evidence report, each with the latest review
 * of every finding) and a review log. Instead of a file: a Shopify store's scan (StorefrontScan), or the
 * merchant's listing pages on the marketplaces, read by their adapters (ListingPagesScan).
 * Opened from the popup and the settings page.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { AuditResult } from '@/utils/audit/audit';
import { auditInChunks, PAGE_CHUNKING } from '@/utils/audit/audit-in-chunks';
import { savedAuditFrom } from '@/utils/audit/audit-monitor';
import type { ColumnMapping } from '@/utils/audit/catalog-fields';
import { evidenceReportHtml } from '@/utils/audit/evidence-report';
import { findingsCsv } from '@/utils/audit/export-csv';
import { type AuditMeta, auditJson } from '@/utils/audit/export-json';
import type { Finding } from '@/utils/audit/finding';
import {
  ALL,
  type FindingFilter,
  type FindingSort,
  filterChoices,
  NO_FILTER,
  secondsLeft,
  viewFindings,
} from '@/utils/audit/findings-view';
import { recognisedCatalog } from '@/utils/audit/labels';
import {
  type Catalog,
  CatalogTooLargeError,
  MAX_CATALOG_BYTES,
  UnsupportedCatalogError,
} from '@/utils/audit/read-catalog';
import { latestDecisions, type ReviewDecision, type ReviewEntry, ReviewLog } from '@/utils/audit/review-log';
import { type SavedAudit, SavedAuditStore } from '@/utils/audit/saved-audit';
import type { MatchTier } from '@/utils/schemas';
import { ChoiceFilter } from './ChoiceFilter';
import { download, exportName, openForPrint } from './downloads';
import { FindingsTable, TIER_NAME } from './FindingsTable';
import { openIndexLookup } from './index-lookup';
import { ListingPagesScan } from './ListingPagesScan';
import { canLookUp, MappingStep } from './MappingStep';
import { MonitorSection } from './MonitorSection';
import { ProgressRow } from './ProgressRow';
import { ReviewLogView } from './ReviewLogView';
import { CatalogReadError, readCatalogOffThread } from './read-off-thread';
import { StorefrontScan } from './StorefrontScan';

interface Picked {
  name: string;
  /** The file's bytes, read again when the columns change; null for a store scan (its columns are fixed). */
  bytes: Uint8Array | null;
  catalog: Catalog;
  /** Whether the file was read in the worker (read-off-thread.ts), for the tests to see. */
  offThread?: boolean;
}

interface Progress {
  done: number;
  total: number;
  startedAt: number;
  now: number;
}

interface Done {
  result: AuditResult;
  meta: AuditMeta;
  recalls: number;
  /** The catalog as audited (columns applied), for monitoring. */
  catalog: Catalog;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function App() {
  const [current, setPicked] = useState<Picked | null>(null);
  const picked = current;
  const [saved, setSaved] = useState<SavedAudit | null>(null);
  const [saving, setSaving] = useState(false);
  const savedStore = useMemo(() => SavedAuditStore.open(), []);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [sort, setSort] = useState<FindingSort>('risk');
  const [log, setLog] = useState<ReviewEntry[]>([]);
  const abort = useRef<AbortController | null>(null);
  const findingsHeading = useRef<HTMLHeadingElement>(null);
  const reviewLog = useMemo(() => new ReviewLog(browser.storage.local), []);

  // A finished audit takes the focus to its findings, below the columns, so they are seen and announced.
  useEffect(() => {
    if (done) findingsHeading.current?.focus();
  }, [done]);

  useEffect(() => {
    savedStore.then((store) => store.get()).then(setSaved, (e: unknown) => setError(message(e)));
  }, [savedStore]);

  const monitor = async () => {
    if (!done) return;
    setSaving(true);
    try {
      const store = await savedStore;
      const audit = savedAuditFrom({ name: done.meta.catalog, ...done.catalog }, done.result);
      await store.put(audit);
      setSaved(audit);
    } catch (e) {
      setError(i18n.t('audit.saveError', [message(e)]));
    } finally {
      setSaving(false);
    }
  };

  const stopMonitoring = async () => {
    await (await savedStore).clear();
    setSaved(null);
  };

  const auditSaved = () => {
    if (!saved) return;
    const fields = Object.values(saved.mapping).filter((h): h is string => Boolean(h));
    const next: Picked = {
      name: saved.name,
      bytes: null,
      catalog: {
        format: saved.format,
        encoding: saved.encoding,
        headers: fields,
        mapping: saved.mapping,
        rows: saved.rows,
        problems: [],
      },
    };
    setPicked(next);
    setMapping(saved.mapping);
    void run(next);
  };

  useEffect(() => {
    reviewLog.entries().then(setLog, (e: unknown) => setError(message(e)));
  }, [reviewLog]);

  const pick = async (file: File | undefined) => {
    setError(null);
    setNotice(null);
    setDone(null);
    setPicked(null);
    if (!file) return;
    if (file.size > MAX_CATALOG_BYTES) {
      setError(i18n.t('audit.tooLarge', [file.name, String(Math.round(file.size / 1024 / 1024))]));
      return;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { catalog, offThread } = await readCatalogOffThread(bytes, { name: file.name });
      setPicked({ name: file.name, bytes, catalog, offThread });
      setMapping(catalog.mapping);
    } catch (e) {
      if (
        e instanceof CatalogReadError ||
        e instanceof CatalogTooLargeError ||
        e instanceof UnsupportedCatalogError
      )
        setError(e.message);
      else setError(i18n.t('audit.readError', [file.name, message(e)]));
    }
  };

  const run = async (picked: Picked | null = current) => {
    if (!picked) return;
    setError(null);
    setNotice(null);
    setDone(null);
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = performance.now();
    const changed = JSON.stringify(mapping) !== JSON.stringify(picked.catalog.mapping);
    const catalog =
      changed && picked.bytes
        ? (await readCatalogOffThread(picked.bytes, { name: picked.name, mapping })).catalog
        : picked.catalog;
    setProgress({ done: 0, total: catalog.rows.length, startedAt, now: startedAt });
    let opened: Awaited<ReturnType<typeof openIndexLookup>> | null = null;
    try {
      opened = await openIndexLookup();
      const result = await auditInChunks(catalog.rows, catalog.mapping, opened.lookup, catalog.problems, {
        ...PAGE_CHUNKING,
        signal: controller.signal,
        onProgress: (n, total) => setProgress({ done: n, total, startedAt, now: performance.now() }),
      });
      setDone({
        result,
        catalog,
        recalls: opened.index.records,
        meta: {
          catalog: picked.name,
          catalogFormat: catalog.format,
          encoding: catalog.encoding,
          mapping: catalog.mapping,
          sources: opened.index.sources.map((s) => ({ source: s.source, records: s.records })),
          generatedAt: new Date().toISOString(),
        },
      });
      setFilter(NO_FILTER);
    } catch (e) {
      if (controller.signal.aborted) {
        setNotice(i18n.t('audit.cancelled'));
      } else setError(i18n.t('audit.auditError', [message(e)]));
    } finally {
      opened?.close();
      abort.current = null;
      setProgress(null);
    }
  };

  const decide = async (finding: Finding, decision: ReviewDecision, note: string) => {
    try {
      await reviewLog.append(finding, decision, note, done?.meta.catalog ?? picked?.name ?? '');
      setLog(await reviewLog.entries());
    } catch (e) {
      setError(i18n.t('audit.saveError', [message(e)]));
    }
  };

  /** A store scan or listing pages read: a catalog with fixed columns, audited like a file. */
  const takeScanned = (name: string, catalog: Catalog) => {
    setError(null);
    setNotice(null);
    setDone(null);
    setPicked({ name, bytes: null, catalog });
    setMapping(catalog.mapping);
  };

  const latest = useMemo(() => latestDecisions(log), [log]);
  const findings = done?.result.findings ?? [];
  const choices = useMemo(() => filterChoices(findings), [findings]);
  const shown = useMemo(() => viewFindings(findings, filter, sort), [findings, filter, sort]);
  const running = progress !== null;

  return (
    <main class="page audit-page">
      <h1>{i18n.t('audit.title')}</h1>
      <p class="muted">{i18n.t('audit.intro')}</p>

      <section aria-labelledby="file-heading">
        <h2 id="file-heading">{i18n.t('audit.fileTitle')}</h2>
        <label class="field" for="catalog-file">
          {i18n.t('audit.fileLabel')}
          <input
            id="catalog-file"
            type="file"
            accept=".csv,.tsv,.txt,.xml,.xlsx,text/csv,text/tab-separated-values,application/xml,text/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={running}
            onChange={(e) => void pick(e.currentTarget.files?.[0])}
          />
        </label>
        <p class="muted">{i18n.t('audit.fileNote')}</p>
      </section>

      <StorefrontScan disabled={running} onCatalog={takeScanned} />
      <ListingPagesScan disabled={running} onCatalog={takeScanned} />

      {error && (
        <p role="alert" class="error" data-testid="audit-error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" data-testid="audit-notice">
          {notice}
        </p>
      )}

      {picked?.bytes && (
        <MappingStep
          name={picked.name}
          catalog={picked.catalog}
          mapping={mapping}
          onChange={setMapping}
          disabled={running}
          offThread={picked.offThread}
        />
      )}

      {picked && (
        <section aria-labelledby="run-heading">
          <h2 id="run-heading">{i18n.t('audit.runTitle')}</h2>
          {!picked.bytes && (
            <p data-testid="catalog-format">{recognisedCatalog(picked.name, picked.catalog)}</p>
          )}
          {!running && (
            <button type="button" disabled={!canLookUp(mapping)} onClick={() => void run(picked)}>
              {i18n.t('audit.run')}
            </button>
          )}
          {progress && (
            <ProgressRow
              testId="progress"
              label={i18n.t('audit.progressLabel')}
              done={progress.done}
              total={progress.total}
              text={(() => {
                const counted = i18n.t('audit.progress', [
                  progress.done.toLocaleString(),
                  progress.total.toLocaleString(),
                ]);
                const left = secondsLeft(progress.done, progress.total, progress.now - progress.startedAt);
                return left === null ? counted : `${counted} · ${i18n.t('audit.timeLeft', [String(left)])}`;
              })()}
              onCancel={() => abort.current?.abort()}
            />
          )}
        </section>
      )}

      {done && (
        <section aria-labelledby="findings-heading">
          <h2 id="findings-heading" tabIndex={-1} ref={findingsHeading}>
            {i18n.t('audit.findingsTitle')}
          </h2>
          <p data-testid="summary">
            {i18n.t('audit.summary', [done.result.listings.toLocaleString(), done.recalls.toLocaleString()])}
          </p>
          <ul class="counts" data-testid="counts">
            {(['confirmed', 'likely', 'possible'] as MatchTier[]).map((tier) => (
              <li key={tier} class={`tier tier-${tier}`} data-count={tier}>
                {TIER_NAME[tier]()}: {done.result.counts[tier].toLocaleString()}
              </li>
            ))}
          </ul>
          <p data-testid="completeness">
            {i18n.t('audit.completeness', [
              done.result.completeness.complete.toLocaleString(),
              done.result.listings.toLocaleString(),
            ])}
          </p>
          <div class="actions">
            <button
              type="button"
              onClick={() =>
                download(
                  exportName(done.meta.catalog, 'csv'),
                  `\ufeff${findingsCsv(done.result.findings, latest)}`,
                  'text/csv;charset=utf-8',
                )
              }
            >
              {i18n.t('audit.exportCsv')}
            </button>
            <button
              type="button"
              onClick={() =>
                download(
                  exportName(done.meta.catalog, 'json'),
                  auditJson(done.result, done.meta, latest),
                  'application/json',
                )
              }
            >
              {i18n.t('audit.exportJson')}
            </button>
            <button
              type="button"
              onClick={() => openForPrint(evidenceReportHtml(done.result, done.meta, latest))}
            >
              {i18n.t('audit.printReport')}
            </button>
          </div>
          {findings.length === 0 ? (
            <p data-testid="no-findings">{i18n.t('audit.noFindings')}</p>
          ) : (
            <>
              <div class="filters">
                <label>
                  {i18n.t('audit.filterTier')}
                  <select
                    value={filter.tier}
                    onChange={(e) =>
                      setFilter({ ...filter, tier: e.currentTarget.value as FindingFilter['tier'] })
                    }
                  >
                    <option value={ALL}>{i18n.t('audit.filterAll')}</option>
                    {(['confirmed', 'likely', 'possible'] as MatchTier[]).map((t) => (
                      <option key={t} value={t}>
                        {TIER_NAME[t]()} ({done.result.counts[t]})
                      </option>
                    ))}
                  </select>
                </label>
                <ChoiceFilter
                  label={i18n.t('audit.filterSource')}
                  value={filter.source}
                  choices={choices.sources}
                  onChange={(source) => setFilter({ ...filter, source })}
                />
                <ChoiceFilter
                  label={i18n.t('audit.filterJurisdiction')}
                  value={filter.jurisdiction}
                  choices={choices.jurisdictions}
                  onChange={(jurisdiction) => setFilter({ ...filter, jurisdiction })}
                />
                <label>
                  {i18n.t('audit.sortLabel')}
                  <select value={sort} onChange={(e) => setSort(e.currentTarget.value as FindingSort)}>
                    <option value="risk">{i18n.t('audit.sortRisk')}</option>
                    <option value="row">{i18n.t('audit.sortRow')}</option>
                  </select>
                </label>
              </div>
              <FindingsTable
                key={JSON.stringify([filter, sort])}
                findings={shown}
                latest={latest}
                onDecide={decide}
              />
            </>
          )}
          {done.result.problems.length > 0 && (
            <details class="problems" data-testid="problems">
              <summary>
                {i18n.t('audit.problemsTitle', [done.result.problems.length.toLocaleString()])}
              </summary>
              <ul>
                {done.result.problems.slice(0, 500).map((p) => (
                  <li key={`${p.row}:${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}

      <MonitorSection
        saved={saved}
        canSave={done !== null && !(saved && saved.savedAt >= done.meta.generatedAt)}
        busy={saving || running}
        onSave={() => void monitor()}
        onOpen={auditSaved}
        onStop={() => void stopMonitoring()}
      />

      <ReviewLogView entries={log} />
    </main>
  );
}
