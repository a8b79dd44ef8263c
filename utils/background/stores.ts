/**
 * The background's small stores in extension storage: verdicts per tab (`storage.session`, so they
 * survive the service worker being stopped while the tab stays open, and vanish with the browser
 * session) and "not this product" answers (`storage.local`, the newest DISMISSALS_KEPT kept).
 */
import { browser } from 'wxt/browser';
import { TabVerdict } from '../messaging';
import type { DismissalStore, VerdictStore } from './handle-message';

const DISMISSALS = 'dismissedMatches';
const DISMISSALS_KEPT = 2000;

export function dismissalStore(): DismissalStore {
  let dismissed: Promise<Set<string>> | null = null;
  return {
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
    async remove(key) {
      const kept = [...(await this.list())].filter((k) => k !== key);
      dismissed = Promise.resolve(new Set(kept));
      await browser.storage.local.set({ [DISMISSALS]: kept });
    },
  };
}

const verdictKey = (tabId: number) => `verdict:${tabId}`;

export function verdictStore(): VerdictStore & { forget(tabId: number): Promise<void> } {
  return {
    async get(tabId) {
      const stored = (await browser.storage.session.get(verdictKey(tabId)))[verdictKey(tabId)];
      const parsed = TabVerdict.safeParse(stored);
      return parsed.success ? parsed.data : null;
    },
    async set(tabId, verdict) {
      await browser.storage.session.set({ [verdictKey(tabId)]: verdict });
    },
    async forget(tabId) {
      await browser.storage.session.remove(verdictKey(tabId));
    },
  };
}
