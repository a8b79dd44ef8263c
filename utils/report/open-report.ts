/**
 * Starting a report from a tab, one click: the popup, the page's banner (through the background) and the
 * context menu all come here. It takes a screenshot of the visible tab while the click's permission lasts
 * (`activeTab`; the report's own tab would be the visible one a moment later), keeps it in session
 * storage for the report page under the tab's id, and opens the report page for that tab. A screenshot
 * that cannot be taken (a browser page, no permission) is skipped: the report page says so.
 * Nothing leaves the device: the image stays in this browser's session storage until the page takes it.
 */

export const SCREENSHOT_KEY_PREFIX = 'report-shot:';
export const screenshotKey = (tabId: number): string => `${SCREENSHOT_KEY_PREFIX}${tabId}`;

export interface OpenReportDeps {
  /** `tabs.captureVisibleTab(windowId, { format: 'jpeg' })`. */
  capture(windowId: number): Promise<string>;
  /** `storage.session.set`. */
  stash(items: Record<string, unknown>): Promise<void>;
  /** `tabs.create({ url, index, openerTabId })`. */
  openTab(url: string, opener: { id: number; index?: number }): Promise<unknown>;
  /** `runtime.getURL`. */
  pageUrl(path: string): string;
}

export interface ReportTab {
  id: number;
  windowId: number;
  index?: number;
}

/** The report page's address for a tab (and a line on a cart or order page). */
export function reportPagePath(tabId: number, item: number | null = null): string {
  return `/report.html?tab=${tabId}${item === null ? '' : `&item=${item}`}`;
}

export async function openReport(
  deps: OpenReportDeps,
  tab: ReportTab,
  item: number | null = null,
): Promise<void> {
  const shot = await deps.capture(tab.windowId).catch(() => null);
  await deps.stash({ [screenshotKey(tab.id)]: shot });
  await deps.openTab(deps.pageUrl(reportPagePath(tab.id, item)), {
    id: tab.id,
    ...(tab.index === undefined ? {} : { index: tab.index + 1 }),
  });
}
