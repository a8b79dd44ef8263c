/**
 * Issue 14 in real Chromium, on the demo build: what a hostile or merely unusual page must not be able to
 * do to the warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { type DemoServer, startDemoStore } from '../../scripts/demo-store/server';
import { decodeHtml } from '../../scripts/lib/html';
import { findSharedData } from '../../scripts/lib/shared-data';
import { IDENTITY_LIMITS, LOOKUP_MAX_IDENTITIES } from '../../utils/identity-limits';
import { readBanner, readClosedShadowRoot } from './closed-shadow';
import { expect, test, verdictFor } from './fixtures';

test.use({ build: 'chrome-mv3-demo' });

let store: DemoServer;
test.beforeAll(async () => {
  store = await startDemoStore();
});
test.afterAll(async () => {
  await store.close();
});

/** The tab and verdict filed for a page whose address a lookup carries only the first 4,000 characters of. */
async function verdictForLongUrl(worker: Worker, url: string): Promise<{ tabId: number; status: string }> {
  const carried = url.slice(0, IDENTITY_LIMITS.url);
  let found: { tabId: number; status: string } | null = null;
  await expect
    .poll(async () => {
      found = await worker.evaluate(async (target) => {
        const all = await chrome.storage.session.get(null);
        for (const [key, value] of Object.entries(all)) {
          const v = value as { status: string; page?: { url?: string } };
          if (key.startsWith('verdict:') && v.page?.url === target)
            return { tabId: Number(key.slice('verdict:'.length)), status: v.status };
        }
        return null;
      }, carried);
      return found;
    })
    .not.toBeNull();
  return found as unknown as { tabId: number; status: string };
}

test('a recalled product at an address over 4,000 characters is still warned, on the page and in the popup (finding 4)', async ({
  context,
  worker,
  extensionId,
}) => {
  const url = `${store.origin}/products/cozynest-step-stool?utm_campaign=${'a'.repeat(5000)}`;
  expect(url.length).toBeGreaterThan(5000);
  const page = await context.newPage();
  await page.goto(url);
  const banner = await readBanner(page);
  expect(banner.value.text).toContain('Recall warning');
  const { tabId, status } = await verdictForLongUrl(worker, url);
  expect(status).toBe('warning');

  await page.bringToFront();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.locator('[data-status]').first()).toHaveAttribute('data-status', 'warning');
});

test('a "not this product" answer is listed in the options page and undone there, and the warning comes back', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`${store.origin}/products/lumora-hand-warmer`);
  await readBanner(page);
  await readClosedShadowRoot(
    page,
    'recall-sentinel-banner',
    'function () { this.querySelector("button.not-this").click(); return true; }',
  );
  await expect(page.locator('recall-sentinel-banner[data-state="warning"]')).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const answers = options.getByTestId('not-this-product');
  await expect(answers.locator('li')).toHaveCount(1);
  await answers.getByRole('button', { name: 'Undo' }).click();
  await expect(answers.locator('li')).toHaveCount(0);
  await expect(answers.getByRole('status')).toContainText('Undone');

  await page.reload();
  const banner = await readBanner(page);
  expect(banner.value.text).toContain('Recall warning');
});

test('an order history longer than one lookup checks says, in the popup, how many of its lines were checked', async ({
  context,
  openAt,
  openPopupFor,
  worker,
}) => {
  // A real order history (../shared/data), its order cards copied in the page to 300-odd lines: no real
  // page shows more than a lookup carries, so the page's own cards are repeated rather than made up.
  const dir = findSharedData('real-pages', 'amazon-orders');
  const html = readFileSync(path.join(dir as string, 'order-history-2018-0.html'));
  const url = 'https://www.amazon.com/your-orders/orders/?_encoding=UTF8&startIndex=0&timeFilter=year-2018';
  // The lines' product pages (which the extension reads for lines that show no barcode) answer at once.
  await context.route(/https:\/\/www\.amazon\.com\/(dp|gp\/product)\/.*/, (route) =>
    route.fulfill({ status: 404, body: '' }),
  );
  const page = await openAt(url, { html: decodeHtml(html) });
  const cards = await page.evaluate(() => {
    const all = [...document.querySelectorAll('.js-order-card, .order-card')];
    const parent = all[0]?.parentElement;
    if (!parent) return 0;
    for (let i = 0; i < 15; i++) parent.append(...all.map((card) => card.cloneNode(true)));
    return document.querySelectorAll('.js-order-card, .order-card').length;
  });
  expect(cards).toBeGreaterThan(15);
  // The content script reads the grown page again (it watches the page) and files the new verdict.
  await expect
    .poll(
      async () => ((await verdictFor(worker, url)) as { page?: { linesOnPage?: number } }).page?.linesOnPage,
    )
    .toBeGreaterThan(LOOKUP_MAX_IDENTITIES);
  const popup = await openPopupFor(url);
  await expect(popup.getByTestId('first-lines-only')).toContainText(
    `Only the first ${LOOKUP_MAX_IDENTITIES} of the`,
  );
  await popup.screenshot({ path: test.info().outputPath('popup-first-lines-only.png') });
});
