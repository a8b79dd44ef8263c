/**
 * Background service worker: wiring only. Message handling lives in utils/background/handle-message.ts,
 * the index in utils/recall-index/. Verdicts are kept in storage.session so they survive the service
 * worker being stopped while the tab stays open.
 */
import { browser } from 'wxt/browser';
import { badgeFor } from '@/utils/background/badge';
import { handleMessage, type VerdictStore } from '@/utils/background/handle-message';
import { TabVerdict } from '@/utils/messaging';
import { loadBundledData } from '@/utils/recall-index/bundled';
import { openRecallDb, recallCount } from '@/utils/recall-index/db';
import { indexStatus } from '@/utils/recall-index/query';
import type { IndexStatus } from '@/utils/schemas';

export default defineBackground(() => {
  const dbPromise = openRecallDb();

  const readPackagedJson = async (path: string): Promise<unknown> => {
    const res = await fetch(browser.runtime.getURL(path as '/'));
    if (!res.ok) throw new Error(`bundled file ${path}: HTTP ${res.status}`);
    return res.json();
  };

  // Loads the starter data once per install/update, and again if the index was cleared. Lookups wait
  // for it, so the first page after install is checked against data rather than an empty index.
  const ready = (async () => {
    const db = await dbPromise;
    if ((await recallCount(db)) === 0) await loadBundledData(db, readPackagedJson);
    return db;
  })();
  // An update may ship newer starter data; a fresh install was already loaded by `ready` above.
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'update') return;
    await loadBundledData(await ready, readPackagedJson);
    status = null;
  });
  // Index status changes only when data is loaded; computing it on every lookup would cost two reads.
  let status: Promise<IndexStatus> | null = null;
  const cachedStatus = () => {
    status ??= ready.then(indexStatus);
    return status;
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
      verdicts,
      async onVerdict(tabId, verdict) {
        const badge = badgeFor(verdict.status);
        await browser.action.setBadgeText({ tabId, text: badge.text });
        await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
        await browser.action.setTitle({ tabId, title: badge.title });
      },
    }),
  );
});
