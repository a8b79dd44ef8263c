/**
 * Background service worker: wiring only. Message handling lives in utils/background/handle-message.ts,
 * syncing in utils/recall-index/sync.ts (run one at a time by utils/background/sync-runner.ts), the index
 * in utils/recall-index/. Verdicts are kept in storage.session so they survive the service worker being
 * stopped while the tab stays open.
 */
import { browser } from 'wxt/browser';
import { badgeFor } from '@/utils/background/badge';
import { type DismissalStore, handleMessage, type VerdictStore } from '@/utils/background/handle-message';
import { navigationFilters } from '@/utils/background/navigation-filters';
import { SyncRunner } from '@/utils/background/sync-runner';
import { feeds } from '@/utils/feeds';
import { TabVerdict } from '@/utils/messaging';
import { loadBundledData } from '@/utils/recall-index/bundled';
import { clearIndex, openRecallDb, recallCount, storedPrefixKeys } from '@/utils/recall-index/db';
import { indexStatus } from '@/utils/recall-index/query';
import type { IndexStatus } from '@/utils/schemas';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/utils/settings';

const SYNC_ALARM = 'recall-sentinel-sync';

export default defineBackground(() => {
  const dbPromise = openRecallDb();

  const readPackagedJson = async (path: string): Promise<unknown> => {
    const res = await fetch(browser.runtime.getURL(path as '/'));
    if (!res.ok) throw new Error(`bundled file ${path}: HTTP ${res.status}`);
    return res.json();
  };

  // The starter data is loaded whenever the index is empty (first install, after "clear and rebuild"),
  // and lookups wait for it, so the first page is checked against data rather than an empty index.
  const ready = (async () => {
    const db = await dbPromise;
    if ((await recallCount(db)) === 0) await loadBundledData(db, readPackagedJson);
    return db;
  })();

  // Index status and the set of stored model prefixes change only when data is loaded or synced;
  // computing them per lookup would cost reads on every page.
  let status: Promise<IndexStatus> | null = null;
  let hints: Promise<{ prefixes: Set<string> }> | null = null;
  const cachedStatus = () => {
    status ??= ready.then(indexStatus);
    return status;
  };
  const cachedHints = () => {
    // Active generations are not cached: a sync flips them mid-run, and a stale set would hide records.
    hints ??= ready.then(async (db) => ({ prefixes: await storedPrefixKeys(db) }));
    return hints;
  };
  const dataChanged = () => {
    status = null;
    hints = null;
  };

  const readSettings = async (): Promise<Settings> =>
    parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);

  const runner = new SyncRunner({
    db: () => ready,
    settings: readSettings,
    feeds,
    fetch: (input, init) => fetch(input, init),
    async reset() {
      const db = await ready;
      await clearIndex(db);
      await loadBundledData(db, readPackagedJson);
    },
    onChanged: dataChanged,
    mayReach: (origins) => browser.permissions.contains({ origins }),
    async storageBytes() {
      const estimate = await navigator.storage?.estimate?.();
      return estimate?.usage ?? null;
    },
  });

  // One alarm drives scheduled syncs; its period follows the settings. The first run waits a minute so
  // start-up (and the first page) is not competing with a download.
  const schedule = async () => {
    const { syncIntervalMinutes } = await readSettings();
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes === syncIntervalMinutes) return;
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: syncIntervalMinutes });
  };
  void schedule();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void schedule();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runner.runDue();
  });

  // An update may ship newer starter data; a fresh install was already loaded by `ready` above.
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'update') return;
    await loadBundledData(await ready, readPackagedJson);
    dataChanged();
  });

  // Same-document navigations (history.pushState between products) re-scan the tab's page; the filter
  // comes from our own content scripts' match patterns, so nothing else the user browses is observed.
  const contentMatches = (browser.runtime.getManifest().content_scripts ?? []).flatMap(
    (c) => c.matches ?? [],
  );
  browser.webNavigation.onHistoryStateUpdated.addListener(
    ({ tabId, frameId }) => {
      if (frameId !== 0) return;
      browser.tabs.sendMessage(tabId, { type: 'rescan' }).catch(() => {
        // No content script in that tab (yet): nothing to re-scan.
      });
    },
    { url: navigationFilters(contentMatches) },
  );

  // "Not this product" answers, kept on this device; the newest DISMISSALS_KEPT are remembered.
  const DISMISSALS = 'dismissedMatches';
  const DISMISSALS_KEPT = 2000;
  let dismissed: Promise<Set<string>> | null = null;
  const dismissals: DismissalStore = {
    list() {
      dismissed ??= browser.storage.local.get(DISMISSALS).then(({ [DISMISSALS]: stored }) => {
        return new Set(Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : []);
      });
      return dismissed;
    },
    async add(key) {
      const all = [...(await this.list()), key];
      const kept = [...new Set(all)].slice(-DISMISSALS_KEPT);
      dismissed = Promise.resolve(new Set(kept));
      await browser.storage.local.set({ [DISMISSALS]: kept });
    },
  };

  const verdictKey = (tabId: number) => `verdict:${tabId}`;
  const verdicts: VerdictStore = {
    async get(tabId) {
      const stored = (await browser.storage.session.get(verdictKey(tabId)))[verdictKey(tabId)];
      const parsed = TabVerdict.safeParse(stored);
      return parsed.success ? parsed.data : null;
    },
    async set(tabId, verdict) {
      await browser.storage.session.set({ [verdictKey(tabId)]: verdict });
    },
  };
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(verdictKey(tabId));
  });

  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(message, sender, {
      runtimeId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      db: () => ready,
      indexStatus: cachedStatus,
      lookupHints: cachedHints,
      verdicts,
      dismissals,
      sync: runner,
      async onVerdict(tabId, verdict) {
        const badge = badgeFor(verdict.status);
        await browser.action.setBadgeText({ tabId, text: badge.text });
        await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
        await browser.action.setTitle({ tabId, title: badge.title });
      },
    }),
  );
});
