/**
 * Background service worker: wiring only. Message handling lives in utils/background/handle-message.ts,
 * syncing in utils/recall-index/sync.ts (run one at a time by utils/background/sync-runner.ts), the index
 * in utils/recall-index/, the "any shop" rules in utils/any-shop.ts, cross-origin product pages in
 * utils/background/product-page.ts. Verdicts are kept in storage.session so they survive the service
 * worker being stopped while the tab stays open.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import {
  ANY_SHOP_SCRIPT_FILE,
  ANY_SHOP_SCRIPT_ID,
  anyShopContext,
  anyShopRegistration,
  newlyAllowedSites,
  sameRegistration,
} from '@/utils/any-shop';
import { AuditMonitor, monitorNotification } from '@/utils/audit/audit-monitor';
import { SavedAuditStore } from '@/utils/audit/saved-audit';
import { badgeFor } from '@/utils/background/badge';
import { handleMessage } from '@/utils/background/handle-message';
import { fetchProductPage, limitConcurrency, PRODUCT_PAGE_LIMITS } from '@/utils/background/product-page';
import { recallNotification } from '@/utils/background/recall-notification';
import { reopening } from '@/utils/background/reopening';
import { dismissalStore, verdictStore } from '@/utils/background/stores';
import { SyncRunner } from '@/utils/background/sync-runner';
import { outlives } from '@/utils/background/verdict-lifetime';
import { WatchlistService } from '@/utils/background/watchlist-service';
import { feeds } from '@/utils/feeds';
import { adapters } from '@/utils/marketplaces';
import { loadBundledData } from '@/utils/recall-index/bundled';
import { clearIndex, openRecallDb, recallCount } from '@/utils/recall-index/db';
import { indexStatus, lookupIdentities } from '@/utils/recall-index/query';
import { syncAlarmMinutes } from '@/utils/recall-index/sync';
import { CaseLog, dueReminders, REMINDED_KEY } from '@/utils/report/case-log';
import { destination } from '@/utils/report/destinations';
import { openReport } from '@/utils/report/open-report';
import { browserOpenReportDeps } from '@/utils/report/open-report-browser';
import type { IndexStatus } from '@/utils/schemas';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/utils/settings';
import { loadPageTemplates } from '@/utils/ui-language/page-messages';
import { WatchlistStore } from '@/utils/watchlist/store';

const SYNC_ALARM = 'recall-sentinel-sync';

export default defineBackground(() => {
  const readPackaged = async (path: string): Promise<Uint8Array> => {
    const res = await fetch(browser.runtime.getURL(path as '/'));
    if (!res.ok) throw new Error(`bundled file ${path}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };

  // The starter data is loaded whenever the index is empty (first install, after "clear and rebuild"),
  // and lookups wait for it, so the first page is checked against data rather than an empty index.
  // A connection the browser closes itself (Chromium does when a write fails on a full disk) is opened
  // again on next use: otherwise every lookup and status read failed until the worker stopped, and the
  // settings page said "Syncing…" for ever (issue 14).
  const ready = reopening(
    async (terminated) => {
      const db = await openRecallDb(undefined, terminated);
      if ((await recallCount(db)) === 0) await loadBundledData(db, readPackaged);
      return db;
    },
    () => dataChanged(),
  );

  // The index status changes only when data is loaded or synced; computing it per lookup would cost
  // reads on every page.
  let status: Promise<IndexStatus> | null = null;
  const cachedStatus = () => {
    // A failure is not kept: the next call reads again (a connection the browser closed is reopened).
    status ??= ready()
      .then(indexStatus)
      .catch((e: unknown) => {
        status = null;
        throw e;
      });
    return status;
  };
  const dataChanged = () => {
    status = null;
  };

  const readSettings = async (): Promise<Settings> =>
    parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);

  const runner = new SyncRunner({
    db: ready,
    settings: readSettings,
    feeds,
    fetch: (input, init) => fetch(input, init),
    async reset() {
      const db = await ready();
      await clearIndex(db);
      await loadBundledData(db, readPackaged);
    },
    onChanged: () => {
      dataChanged();
      // New data: products met earlier may have a recall now.
      void watchlist.recheck().catch((e: unknown) => console.warn('recall-sentinel: watchlist re-check', e));
      // The merchant's monitored catalog is audited again (utils/audit/audit-monitor.ts).
      void auditMonitor.recheck().catch((e: unknown) => console.warn('recall-sentinel: audit re-run', e));
    },
    mayReach: (origins) => browser.permissions.contains({ origins }),
    async storageBytes() {
      const estimate = await navigator.storage?.estimate?.();
      return estimate?.usage ?? null;
    },
  });

  // One alarm drives scheduled syncs; its period follows the settings (and the published index's half
  // hour, sync.ts INDEX_CHECK_MINUTES), and each source is run only when due. The first run waits a minute so
  // start-up (and the first page) is not competing with a download.
  const schedule = async () => {
    const periodInMinutes = syncAlarmMinutes(await readSettings());
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes === periodInMinutes) return;
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes });
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
    await loadBundledData(await ready(), readPackaged);
    dataChanged();
  });

  // "Any shop": one dynamic content script for the sites the user allowed, derived from the permissions
  // alone whenever the worker starts and whenever they change; nothing else is stored.
  const shops = anyShopContext(browser.runtime.getManifest());
  let registering: Promise<void> = Promise.resolve();
  const registerAnyShop = (): Promise<void> => {
    // One at a time: a start-up and a permission event racing would register the same id twice.
    registering = registering
      .then(async () => {
        const { origins = [] } = await browser.permissions.getAll();
        const wanted = anyShopRegistration(origins, shops);
        const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [ANY_SHOP_SCRIPT_ID] });
        if (wanted && sameRegistration(existing, wanted)) return;
        if (existing) await browser.scripting.unregisterContentScripts({ ids: [ANY_SHOP_SCRIPT_ID] });
        if (wanted) await browser.scripting.registerContentScripts([wanted]);
      })
      .catch((e: unknown) => console.warn('recall-sentinel: could not register the any-shop script', e));
    return registering;
  };
  void registerAnyShop();
  // A site allowed just now (the popup's "Check this shop", the options page) is read in its open tabs
  // at once, injected here rather than by the popup: Firefox may close the popup while its permission
  // prompt shows, and a reload would lose what the shopper had on the page. A grant of every site does
  // not touch open tabs; they are read when next loaded.
  browser.permissions.onAdded.addListener(async ({ origins = [] }) => {
    await registerAnyShop();
    const sites = newlyAllowedSites(origins, shops);
    if (sites.length === 0) return;
    const tabs = await browser.tabs.query({ url: sites }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      await browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: [ANY_SHOP_SCRIPT_FILE] })
        .catch(() => undefined);
    }
  });
  browser.permissions.onRemoved.addListener(() => void registerAnyShop());

  // Product pages on another origin than a cart (JD, Taobao/Tmall, eBay), for the content script.
  const productPageFetch = limitConcurrency(PRODUCT_PAGE_LIMITS.concurrency, fetchProductPage);

  const dismissals = dismissalStore();
  // The messages a warning is worded with (utils/ui-language/page-messages.ts): read once per worker, as
  // it starts, so that a warning after a cold start does not wait on them.
  const pageMessages = reopening(() => loadPageTemplates());
  void pageMessages().catch((e: unknown) => console.warn('recall-sentinel: page messages', e));
  const verdicts = verdictStore();
  // A stopped worker is woken by the tab's navigation (tabs.onUpdated below) before the page's content
  // script asks, so what the first lookup needs is read now, beside the page loading: the index's key
  // tables (IndexView loads them on its first use), the index status and the "not this product" answers.
  // Otherwise the first lookup after a restart waited about 25 ms for them (BENCHMARKS.md, Hardening).
  void ready()
    .then((db) => Promise.all([db.view.candidatesForKeys([]), cachedStatus(), dismissals.list()]))
    .catch((e: unknown) => console.warn('recall-sentinel: warm-up', e));

  browser.tabs.onRemoved.addListener((tabId) => void verdicts.forget(tabId));
  // A tab that goes to another page loses its verdict, so the popup never shows the last page's: our
  // content script files a new one if the new page is a shop's (utils/background/verdict-lifetime.ts).
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    void verdicts
      .get(tabId)
      .then((verdict) => {
        if (verdict && !outlives(verdict, tab.url)) return verdicts.forget(tabId);
      })
      .catch((e: unknown) => console.warn('recall-sentinel: verdict', e));
  });

  // Products the shopper viewed, carted and bought, re-checked after every sync (utils/watchlist/).
  // Opened now, as the worker starts (and again after the browser closed it, utils/background/reopening.ts).
  const watchlistStore = reopening((terminated) => WatchlistStore.open(undefined, undefined, terminated));
  void watchlistStore().catch((e: unknown) => console.warn('recall-sentinel: watchlist store', e));
  const watchlist = new WatchlistService({
    store: watchlistStore,
    lookup: async (identities) => lookupIdentities(await ready(), identities),
    enabled: async () => (await readSettings()).watchlist,
    async notify(found, recalls) {
      const { title, message } = recallNotification(found, recalls);
      await browser.notifications.create(`watchlist:${Date.now()}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
    },
  });
  // The merchant's monitored catalog, re-audited after every sync; new findings open the audit page.
  const savedAudits = reopening((terminated) => SavedAuditStore.open(undefined, terminated));
  void savedAudits().catch((e: unknown) => console.warn('recall-sentinel: saved audit store', e));
  const auditMonitor = new AuditMonitor({
    store: savedAudits,
    lookup: async (identities) => lookupIdentities(await ready(), identities),
    async notify(fresh, audit) {
      const { title, message } = monitorNotification(fresh, audit);
      await browser.notifications.create(`audit:${Date.now()}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
    },
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith('audit:')) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/audit.html') });
    void browser.notifications.clear(id);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith('watchlist:')) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/watchlist.html') });
    void browser.notifications.clear(id);
  });

  // "Report a safety problem": from the banner (the `open-report` message, for the sender's tab) and from
  // the page's context menu, whose click grants `activeTab` so the report gets a screenshot of the tab.
  const startReport = async (tabId: number, item: number | null) => {
    const tab = await browser.tabs.get(tabId);
    await openReport(browserOpenReportDeps(), { id: tabId, windowId: tab.windowId, index: tab.index }, item);
  };
  const REPORT_MENU = 'report-safety-problem';
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: REPORT_MENU,
      title: i18n.t('report.contextMenu'),
      contexts: ['page', 'image', 'link', 'selection'],
      documentUrlPatterns: ['https://*/*', 'http://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== REPORT_MENU || tab?.id === undefined) return;
    void startReport(tab.id, null).catch((e: unknown) => console.warn('recall-sentinel: report', e));
  });

  // Deadlines of logged reports (12315: the firm's 10 working days, then the authority's 7; the CPSC's):
  // each step that has passed raises one notification, which opens the case log.
  const REPORT_REMINDERS = 'report-reminders';
  void (async () => {
    if (!(await browser.alarms.get(REPORT_REMINDERS)))
      await browser.alarms.create(REPORT_REMINDERS, { delayInMinutes: 1, periodInMinutes: 360 });
  })();
  const remindReports = async () => {
    const cases = await new CaseLog(browser.storage.local).list();
    const stored = (await browser.storage.local.get(REMINDED_KEY))[REMINDED_KEY];
    const reminded = new Set(
      Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [],
    );
    const due = dueReminders(cases, new Date(), reminded);
    for (const d of due) {
      await browser.notifications.create(`report:${d.key}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: i18n.t('report.reminderDueTitle'),
        message: i18n.t('report.reminderDue', [
          d.entry.product.slice(0, 120),
          destination(d.entry.destination).name,
        ]),
      });
      reminded.add(d.key);
    }
    if (due.length > 0) await browser.storage.local.set({ [REMINDED_KEY]: [...reminded].slice(-1000) });
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORT_REMINDERS)
      void remindReports().catch((e: unknown) => console.warn('recall-sentinel: report reminders', e));
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith('report:')) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/report.html?view=cases' as '/report.html') });
    void browser.notifications.clear(id);
  });

  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(message, sender, {
      runtimeId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      db: ready,
      indexStatus: cachedStatus,
      verdicts,
      dismissals,
      sync: runner,
      watchlist,
      openReport: startReport,
      pageMessages,
      productPages: {
        adapters,
        fetch: (url, adapter) => productPageFetch(url, adapter, (input, init) => fetch(input, init)),
      },
      async onVerdict(tabId, verdict) {
        void watchlist.record(verdict).catch((e: unknown) => console.warn('recall-sentinel: watchlist', e));
        const badge = badgeFor(verdict.status);
        await browser.action.setBadgeText({ tabId, text: badge.text });
        await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
        await browser.action.setTitle({ tabId, title: badge.title });
      },
    }),
  );
});
