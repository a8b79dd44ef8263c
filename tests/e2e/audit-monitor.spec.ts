/**
 * Monitoring, in real Chromium with the demo build: a catalog audited on the audit page and saved to be
 * monitored is audited again by the background after a sync; the sync brings a CPSC notice (the CPSC feed
 * fixture, served by a local stand-in for the CPSC API) whose barcode one listing carries, and a
 * notification about that new finding is raised once, not again on the next sync; the page then shows
 * the re-audit and its new finding.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { feedServerForEachTest } from './feed-server';
import { expect, FIXTURES, test } from './fixtures';
import { syncCpscFrom } from './sync-cpsc';

const CPSC_PATH = '/RestWebServices/Recall';
const recallsPage = JSON.parse(
  readFileSync(path.resolve(FIXTURES, '../feeds/cpsc/recalls-page.json'), 'utf8'),
) as Array<Record<string, unknown>>;

const server = feedServerForEachTest();

/**
 * A hand-made catalog: the glue gun's UPC is one the CPSC feed fixture's first notice prints (not in the
 * starter data, so only the sync brings it); the power station's is the real UPC of CPSC 25-366.
 */
const CATALOG = [
  'SKU,Product Name,Brand,UPC',
  'BW-GG20,Brightwell Cordless Hot Glue Gun,Brightwell,810044120011',
  'HF-PS2000,Predator 2000 Watt Portable Power Station,Predator,193175488718',
  'GH-PLANTER,Cedar planter box,Greenhaven,',
].join('\n');

const auditNotifications = (worker: Worker) =>
  worker.evaluate(async () =>
    Object.keys(await chrome.notifications.getAll()).filter((id) => id.startsWith('audit:')),
  );

const findingRecalls = (page: Page) =>
  page
    .getByTestId('findings')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => `${(r as HTMLElement).dataset.row} ${(r as HTMLElement).dataset.recall}`),
    );

test('a monitored catalog is audited again after a sync, and a new finding raises one notification', async ({
  context,
  worker,
  extensionId,
}) => {
  server.json(`${CPSC_PATH}?format=json`, recallsPage);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/audit.html`);
  await page
    .getByLabel('Choose a catalog file')
    .setInputFiles({ name: 'shop-catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(CATALOG) });
  await page.getByRole('button', { name: 'Run the audit' }).click();
  await expect(page.getByTestId('findings')).toBeVisible({ timeout: 20_000 });
  expect(await findingRecalls(page)).toEqual(['3 cpsc:25-366']);

  const monitor = page.getByTestId('monitor');
  await monitor.getByRole('button', { name: 'Monitor this catalog' }).click();
  await expect(monitor.getByTestId('monitor-saved')).toContainText(
    'Monitoring shop-catalog.csv (3 listings)',
  );
  expect(await auditNotifications(worker)).toEqual([]);

  await syncCpscFrom(context, worker, extensionId, server.origin);
  await expect.poll(() => auditNotifications(worker), { timeout: 15_000 }).toHaveLength(1);

  await page.reload();
  await expect(page.getByTestId('monitor-last-run')).toContainText(', 1 new.');
  await page.getByRole('button', { name: 'Audit it now' }).click();
  await expect(page.getByTestId('findings')).toBeVisible({ timeout: 20_000 });
  // The synced CPSC data replaced the starter's CPSC records: the glue gun's notice is now the one found.
  expect(await findingRecalls(page)).toEqual(['2 cpsc:91101']);

  // The same data again: nothing new to announce.
  await syncCpscFrom(context, worker, extensionId, server.origin);
  await page.reload();
  await expect(page.getByTestId('monitor-last-run')).toContainText(', 0 new.');
  expect(await auditNotifications(worker)).toHaveLength(1);
});
