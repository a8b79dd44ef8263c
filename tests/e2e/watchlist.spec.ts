/**
 * "Tell me later", in real Chromium with the demo build: a product seen on an order page is kept on the
 * device; a sync that brings a recall naming it raises a notification, once, and the watchlist page
 * lists it with the recall. The recall is the CPSC feed fixture's, served by a local stand-in for the
 * CPSC API, with the listing's Amazon item id printed in its description as CPSC notices print them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { feedServerForEachTest } from './feed-server';
import { expect, FIXTURES, test, verdictFor } from './fixtures';
import { syncCpscFrom } from './sync-cpsc';

const CPSC_PATH = '/RestWebServices/Recall';
const ORDERS = 'https://www.amazon.com/your-orders/orders?timeFilter=months-3';
const recallsPage = JSON.parse(
  readFileSync(path.resolve(FIXTURES, '../feeds/cpsc/recalls-page.json'), 'utf8'),
) as Array<Record<string, unknown>>;

const server = feedServerForEachTest();

const notifications = (worker: Worker) =>
  worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

/** The watched products, as the background keeps them. */
const watched = (worker: Worker) =>
  worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('recall-sentinel-watchlist');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('products').objectStore('products').getAllKeys();
          all.onsuccess = () => resolve(all.result.map(String));
        };
      }),
  );

test('a sync that recalls a product bought earlier raises one notification and lists it', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  await openAt(ORDERS, { file: 'amazon/orders.html' });
  await verdictFor(worker, ORDERS);
  await expect.poll(() => watched(worker)).toContain('amazon|B0DEMO0005');
  expect(await notifications(worker)).toEqual([]);

  const naming = {
    ...recallsPage[0],
    Description: `${recallsPage[0]?.Description} Sold exclusively on Amazon.com, ASIN B0DEMO0005.`,
  };
  server.json(`${CPSC_PATH}?format=json`, [naming, ...recallsPage.slice(1)]);
  await syncCpscFrom(context, worker, extensionId, server.origin);
  await expect.poll(() => notifications(worker)).toHaveLength(1);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/watchlist.html`);
  const item = page.locator('article.recalled[data-key="amazon|B0DEMO0005"]');
  // Dated by the order itself, as the order page prints it, not by the day we saw it.
  await expect(item).toContainText('You ordered this on amazon.com on 2 Apr 2026');
  await expect(item.locator('[data-recall-id="cpsc:91101"]')).toContainText(
    'Brightwell Recalls Cordless Hot Glue Guns',
  );
  await page.screenshot({ path: 'test-results/watchlist.png', fullPage: true });

  // A second sync with the same data announces nothing new.
  await syncCpscFrom(context, worker, extensionId, server.origin);
  await expect.poll(() => notifications(worker)).toHaveLength(1);
});

test('forgets every kept product when asked, and keeps none once turned off in the settings', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  await openAt(ORDERS, { file: 'amazon/orders.html' });
  await expect.poll(async () => (await watched(worker)).length).toBeGreaterThan(0);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/watchlist.html`);
  await page.getByRole('button', { name: /^Forget all \d+ products$/ }).click();
  await expect(page.getByTestId('watchlist-empty')).toBeVisible();
  expect(await watched(worker)).toEqual([]);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('watchlist-kept')).toContainText('0 products kept.');
  await options.getByRole('checkbox', { name: /Remember the products I view/ }).uncheck();
  await expect
    .poll(() =>
      worker.evaluate(
        async () =>
          ((await chrome.storage.local.get('settings')).settings as { watchlist?: boolean })?.watchlist,
      ),
    )
    .toBe(false);
  const again = await openAt(`${ORDERS}&again=1`, { file: 'amazon/orders.html' });
  await verdictFor(worker, again.url());
  await page.reload();
  await expect(page.getByTestId('watchlist-off')).toBeVisible();
  expect(await watched(worker)).toEqual([]);
});
