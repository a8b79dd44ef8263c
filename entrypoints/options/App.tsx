/**
 * Settings: which sources are on, a published index URL, how often to sync; "sync now" with progress,
 * the per-source status, storage used, and "clear and rebuild"; which other shops are checked
 * (AnyShopSection); whether products are kept for later re-checks (WatchlistSection). Settings are written to storage.local (the background re-reads them on every sync
 * and reschedules its alarm when they change).
 */

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ReportEndpointSection } from '@/components/ReportEndpoint';
import { SyncStatusTable } from '@/components/SyncStatusTable';
import { feedCatalogue } from '@/utils/feeds/catalogue';
import type { FeedAbout } from '@/utils/feeds/feed';
import { feedOrigins } from '@/utils/feeds/lib/permissions';
import type { ResponseFor } from '@/utils/messaging';
import { ask } from '@/utils/messaging/ask';
import { browserEndpointStore } from '@/utils/report/outbox-browser';
import { feedEnabled, parseSettings, SETTINGS_KEY, Settings } from '@/utils/settings';
import { outcomeWords, progressWords } from '@/utils/sync-words';
import { AnyShopSection } from './AnyShopSection';
import { DismissedSection } from './DismissedSection';
import { WatchlistSection } from './WatchlistSection';

const INTERVALS = [
  { minutes: 60, label: () => i18n.t('options.everyHour') },
  { minutes: 360, label: () => i18n.t('options.every6Hours') },
  { minutes: 1440, label: () => i18n.t('options.daily') },
  { minutes: 10080, label: () => i18n.t('options.weekly') },
];

async function loadSettings(): Promise<Settings> {
  return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<ResponseFor<'sync-status'> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The last sync's technical account (versions, deltas, cursors), on hover over its words. */
  const [detail, setDetail] = useState<string | null>(null);
  const [urlDraft, setUrlDraft] = useState('');

  const refresh = async () => {
    const res = await ask('sync-status');
    if (res.ok) setStatus(res);
  };

  useEffect(() => {
    void loadSettings().then((s) => {
      setSettings(s);
      setUrlDraft(s.publishedIndexUrl ?? '');
    });
    void refresh();
  }, []);

  // While a sync runs, the progress bar follows it.
  useEffect(() => {
    if (!status?.running) return;
    const timer = setInterval(() => void refresh(), 400);
    return () => clearInterval(timer);
  }, [status?.running]);

  const save = async (next: Settings) => {
    const parsed = Settings.parse(next);
    await browser.storage.local.set({ [SETTINGS_KEY]: parsed });
    setSettings(parsed);
  };

  // Feeds whose hosts do not send CORS headers need their origin as a host permission, asked for now,
  // while the click still counts as the user's gesture.
  const toggleFeed = async (feed: FeedAbout, enabled: boolean) => {
    if (!settings) return;
    const origins = feedOrigins(feed);
    if (enabled && origins.length > 0 && !(await browser.permissions.request({ origins }))) {
      setMessage(i18n.t('options.needsPermission', [feed.name, origins.join(', ')]));
      return;
    }
    await save({
      ...settings,
      feeds: { ...settings.feeds, [feed.id]: { enabled, baseUrl: settings.feeds[feed.id]?.baseUrl ?? null } },
    });
  };

  const run = async (type: 'sync-now' | 'clear-and-rebuild') => {
    setMessage(type === 'sync-now' ? i18n.t('options.syncing') : i18n.t('options.rebuilding'));
    setDetail(null);
    setStatus((s) => (s ? { ...s, running: true } : s));
    const pending = ask(type);
    void refresh();
    const res = await pending;
    setMessage(
      res.ok
        ? res.outcomes.map(outcomeWords).join(' · ') || i18n.t('options.nothingToSync')
        : i18n.t('options.notStarted'),
    );
    setDetail(res.ok ? res.outcomes.map((o) => `${o.source}: ${o.message}`).join('\n') : null);
    await refresh();
  };

  if (!settings) return <main class="page">{i18n.t('common.loading')}</main>;
  const progress = status?.progress;

  return (
    <main class="page">
      <h1>{i18n.t('options.title')}</h1>
      <section>
        <h2>{i18n.t('options.sources')}</h2>
        <p class="muted">{i18n.t('options.sourcesNote')}</p>
        <ul class="feeds">
          {feedCatalogue
            .filter((f) => f.official)
            .map((f) => (
              <li key={f.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={feedEnabled(settings, f.id)}
                    onChange={(e) => void toggleFeed(f, e.currentTarget.checked)}
                  />{' '}
                  {f.name} <span class="muted">({f.jurisdiction})</span>
                </label>
              </li>
            ))}
        </ul>
        <label class="field">
          {i18n.t('options.indexUrl')}
          <input
            type="url"
            placeholder="https://example.org/recall-index/manifest.json"
            value={urlDraft}
            onInput={(e) => setUrlDraft(e.currentTarget.value)}
            onChange={(e) => {
              const value = e.currentTarget.value.trim();
              if (value && !URL.canParse(value)) return setMessage(i18n.t('options.notAUrl'));
              void save({ ...settings, publishedIndexUrl: value || null });
            }}
          />
        </label>
        <label class="field">
          {i18n.t('options.interval')}
          <select
            value={String(settings.syncIntervalMinutes)}
            onChange={(e) => void save({ ...settings, syncIntervalMinutes: Number(e.currentTarget.value) })}
          >
            {INTERVALS.map((i) => (
              <option key={i.minutes} value={String(i.minutes)}>
                {i.label()}
              </option>
            ))}
          </select>
        </label>
      </section>

      <AnyShopSection />

      <ReportEndpointSection store={browserEndpointStore()} />

      <WatchlistSection
        on={settings.watchlist}
        onToggle={(on) => void save({ ...settings, watchlist: on })}
      />

      <DismissedSection />

      <section>
        <h2>{i18n.t('options.index')}</h2>
        <div class="actions">
          <button type="button" onClick={() => void run('sync-now')} disabled={status?.running}>
            {i18n.t('options.syncNow')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => void run('clear-and-rebuild')}
            disabled={status?.running}
          >
            {i18n.t('options.rebuild')}
          </button>
        </div>
        {status?.running && (
          <div class="progress" data-testid="sync-progress">
            <progress max={progress?.total || 1} value={progress?.done ?? 0} />
            <span>{progress ? progressWords(progress) : i18n.t('options.starting')}</span>
          </div>
        )}
        {message && (
          <p class="message" data-testid="sync-message" role="status" title={detail ?? undefined}>
            {message}
          </p>
        )}
        {status && (
          <>
            <SyncStatusTable index={status.index} publishedIndexUrl={settings.publishedIndexUrl} />
            <p class="muted" data-testid="storage">
              {status.storageBytes === null
                ? i18n.t('options.records', status.index.records, [status.index.records.toLocaleString()])
                : i18n.t('options.recordsAndStorage', status.index.records, [
                    status.index.records.toLocaleString(),
                    (status.storageBytes / 1024 / 1024).toFixed(1),
                  ])}
            </p>
          </>
        )}
      </section>
      <p>
        <a
          href={browser.runtime.getURL('/audit.html')}
          target="_blank"
          rel="noopener"
          data-testid="audit-link"
        >
          {i18n.t('audit.link')}
        </a>
      </p>
    </main>
  );
}
