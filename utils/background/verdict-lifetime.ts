/**
 * When a tab's verdict stops being its tab's: the background forgets it when the tab starts loading
 * (`tabs.onUpdated` with `status: "loading"`), unless the tab still shows the verdict's page. No
 * `webNavigation` permission needed. Chromium 156 sends that status for every navigation of the top
 * frame: a new document, history.pushState, replaceState to the same address, a fragment; not for an
 * iframe loading (checked against the production build, 2026-12-06).
 *
 * The tab's address is readable only on sites the extension holds a host permission for; elsewhere (the
 * shopper went to another site, or a marketplace whose content script does not grant tab addresses) it
 * is unknown and the verdict goes. On a shop the content script looks the page up again after every
 * navigation (utils/content/location-changes.ts), so a verdict forgotten on the way is filed back.
 */
import type { TabVerdict } from '../messaging';
import { samePage } from '../same-page';

/** Whether `verdict` still holds for a tab that started loading `tabUrl` (undefined when unreadable). */
export function outlives(verdict: Pick<TabVerdict, 'page'>, tabUrl: string | undefined): boolean {
  return tabUrl !== undefined && samePage(verdict.page.url, tabUrl);
}
