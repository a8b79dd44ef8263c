/**
 * `openReport`'s dependencies from the browser's APIs, for the two places that start a report
 * themselves: the popup (its toolbar click grants `activeTab` for the tab) and the background (the
 * banner's message, the context menu's click, which grants `activeTab` too).
 */
import { browser } from 'wxt/browser';
import type { OpenReportDeps } from './open-report';

export const browserOpenReportDeps = (): OpenReportDeps => ({
  capture: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 85 }),
  stash: (items) => browser.storage.session.set(items),
  openTab: (url, opener) => browser.tabs.create({ url, openerTabId: opener.id, index: opener.index }),
  pageUrl: (path) => browser.runtime.getURL(path as '/report.html'),
});
