/**
 * Playwright fixtures: a Chromium with the built extension loaded, its service worker and id, and marketplace pages served from our
 * fixtures at their real URLs through routing, so the manifest's match patterns are exercised.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { extensionDir, launchWithExtension, tabIdForVerdict } from '../../scripts/lib/browser';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pages');

type Fixtures = {
  build: 'chrome-mv3' | 'chrome-mv3-demo';
  /** The browser's UI language, which picks the extension's locale; English unless a spec asks. */
  uiLanguage: string | undefined;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Serves `fixture` (a path under tests/fixtures/pages, or inline HTML) at `url` and opens it. */
  openAt: (url: string, fixture: { file: string } | { html: string }) => Promise<Page>;
  /** Opens the popup as a page for the tab that shows `url`. */
  openPopupFor: (url: string) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // The demo build by default: it is the production build plus the demo store's fictional recalls, which
  // the hand-made marketplace pages list. Specs about what ships use the production build (production-build.spec.ts).
  build: ['chrome-mv3-demo', { option: true }],
  uiLanguage: [undefined, { option: true }],
  context: async ({ build, uiLanguage }, use) => {
    const launched = await launchWithExtension({
      extensionPath: extensionDir(build),
      headless: true,
      language: uiLanguage,
    });
    await use(launched.context);
    await launched.context.close();
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  openAt: async ({ context }, use) => {
    await use(async (url, fixture) => {
      const body = 'file' in fixture ? readFileSync(path.join(FIXTURES, fixture.file)) : fixture.html;
      await context.route(url, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
      );
      const page = await context.newPage();
      await page.goto(url);
      return page;
    });
  },
  openPopupFor: async ({ context, worker, extensionId }, use) => {
    await use(async (url) => {
      const tabId = await tabIdForVerdict(worker, url);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.locator('[data-status]').first().waitFor();
      return popup;
    });
  },
});

export { expect };

/** The verdict the background filed for the tab showing `url`. */
export async function verdictFor(worker: Worker, url: string): Promise<{ status: string }> {
  const tabId = await tabIdForVerdict(worker, url);
  return worker.evaluate(
    async (key) => (await chrome.storage.session.get(key))[key],
    `verdict:${tabId}`,
  ) as Promise<{
    status: string;
  }>;
}

/** The starter index every build loads on install (public/starter/): its records, in all and per source. */
export function starterRecords(): { total: number; bySource: Record<string, number> } {
  const manifest = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../public/starter/manifest.json'), 'utf8'),
  ) as { records: number; feeds: Record<string, { records: number }> };
  return {
    total: manifest.records,
    bySource: Object.fromEntries(Object.entries(manifest.feeds).map(([s, f]) => [s, f.records])),
  };
}
