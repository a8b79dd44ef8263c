/**
 * Syncing an official feed in real Chromium with the demo build: the options page starts it, the
 * background fetches from a local stand-in for the CPSC API, and the index a product page is checked
 * against changes (or, on failure, does not).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { feedServerForEachTest } from './feed-server';
import { expect, FIXTURES, starterRecords, test, verdictFor } from './fixtures';
import { amazonListing as listing } from './listing';

const CPSC_PATH = '/RestWebServices/Recall';
const recallsPage = JSON.parse(
  readFileSync(path.resolve(FIXTURES, '../feeds/cpsc/recalls-page.json'), 'utf8'),
) as Array<Record<string, unknown>>;

const server = feedServerForEachTest();

async function pointCpscAt(worker: Worker, origin: string) {
  await worker.evaluate(async (baseUrl) => {
    await chrome.storage.local.set({ settings: { feeds: { cpsc: { enabled: true, baseUrl } } } });
  }, origin);
}

async function syncFromOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-message')).not.toHaveText(/Syncing/);
  return options;
}

test('the first sync replaces the starter data with the official feed', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  server.json(`${CPSC_PATH}?format=json`, recallsPage);
  await pointCpscAt(worker, server.origin);
  const options = await syncFromOptions(context, extensionId);
  await expect(options.getByTestId('sync-message')).toContainText('CPSC:');
  // The technical account is on hover; the words say what happened.
  await expect(options.getByTestId('sync-message')).toHaveAttribute('title', /\(full download\)/);
  const row = options.locator('tr[data-source="cpsc"]');
  await expect(row).toContainText('just now');
  await expect(row.locator('td').first()).not.toHaveText('4');

  const url = 'https://www.amazon.com/dp/B0SYNC0001';
  await openAt(url, { html: listing('B0SYNC0001', '810044120011') });
  expect((await verdictFor(worker, url)).status).toBe('warning');
  // The demo recall came from the bundled data, which the sync replaced.
  const demo = 'https://www.amazon.com/dp/B0SYNC0002';
  await openAt(demo, { html: listing('B0SYNC0002', '850012345671') });
  expect((await verdictFor(worker, demo)).status).toBe('no-match');
});

test('a later sync asks only for changes and applies a correction', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  server.json(`${CPSC_PATH}?format=json`, recallsPage);
  await pointCpscAt(worker, server.origin);
  await syncFromOptions(context, extensionId);
  // The newest LastPublishDate in the fixture is 2026-10-02, so the next request starts a day earlier.
  const corrected = {
    ...recallsPage[0],
    LastPublishDate: '2026-10-20T00:00:00',
    ProductUPCs: [{ UPC: '850098765431' }],
  };
  server.json(`${CPSC_PATH}?format=json&LastPublishDateStart=2026-10-01`, [corrected]);
  const options = await syncFromOptions(context, extensionId);
  // The technical account is on hover; the words say what happened.
  await expect(options.getByTestId('sync-message')).toHaveAttribute('title', /changes since 2026-10-01/);
  expect(server.requests.at(-1)).toBe(`${CPSC_PATH}?format=json&LastPublishDateStart=2026-10-01`);

  const url = 'https://www.amazon.com/dp/B0SYNC0003';
  await openAt(url, { html: listing('B0SYNC0003', '850098765431') });
  expect((await verdictFor(worker, url)).status).toBe('warning');
});

test('a failing feed keeps the last good index and says why', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  server.routes.set(`${CPSC_PATH}?format=json`, { status: 500, body: 'Internal Server Error' });
  await pointCpscAt(worker, server.origin);
  const options = await syncFromOptions(context, extensionId);
  await expect(options.getByTestId('sync-message')).toContainText('HTTP 500; the previous index is kept');
  await expect(options.locator('tr[data-source="cpsc"] td.error')).toContainText('HTTP 500');

  const url = 'https://www.amazon.com/dp/B0SYNC0004';
  await openAt(url, { html: listing('B0SYNC0004', '850012345671') });
  expect((await verdictFor(worker, url)).status).toBe('warning');
});

test('an error record on HTTP 200 is a failure, not an empty feed', async ({
  context,
  worker,
  extensionId,
}) => {
  server.json(`${CPSC_PATH}?format=json`, [
    { RecallID: 0, Title: 'Error retrieving Recalls: reader failed', RecallNumber: null },
  ]);
  await pointCpscAt(worker, server.origin);
  const options = await syncFromOptions(context, extensionId);
  await expect(options.getByTestId('sync-message')).toContainText('the previous index is kept');
  // The index the demo build loaded on install, unchanged: the real starter records and the 4 demo ones.
  await expect(options.getByTestId('storage')).toContainText(
    `${(starterRecords().total + 4).toLocaleString('en-US')} recalls on this device`,
  );
});
