/**
 * The sync status in words, in real Chromium with the demo build: the options table says where each
 * source's recalls came from (the starter data, the Recall Sentinel index, or the authority's own feed)
 * and the freshness line counts recalls, not index versions and shards.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { buildPublishedIndex } from '../../scripts/lib/published-builder';
import { recall } from '../unit/support/factories';
import { feedServerForEachTest } from './feed-server';
import { expect, FIXTURES, test } from './fixtures';

const server = feedServerForEachTest();

async function settings(worker: Worker, value: unknown): Promise<void> {
  await worker.evaluate(async (s) => {
    await chrome.storage.local.set({ settings: s });
  }, value);
}

async function syncNow(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-message')).not.toHaveText(/Syncing/, { timeout: 20_000 });
  await expect(options.getByTestId('sync-message')).not.toContainText('previous index is kept');
  return options;
}

test('before any sync, every source says its recalls are the starter data that came with the extension', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const source of ['cpsc', 'openfda']) {
    const row = options.locator(`tr[data-source="${source}"]`);
    // A fresh profile loads the bundled starter data first (about 11,000 recalls); on a loaded machine
    // that takes longer than the default 5 s.
    await expect(row).toHaveAttribute('data-provenance', 'bundled', { timeout: 30_000 });
    await expect(row).toContainText('Starter data bundled with the extension');
    await expect(row).not.toContainText('never');
  }
});

test('recalls a published index supplied say so, beside the starter data it left in place', async ({
  context,
  worker,
  extensionId,
}) => {
  const index = await buildPublishedIndex(
    new Map([['cpsc', { recalls: [recall('80001', { gtins: ['00850012345671'] })], skipped: [] }]]),
    undefined,
    new Date('2026-11-20T00:00:00Z'),
    { allowShrink: true },
  );
  for (const [file, body] of index.files) server.routes.set(`/index/${file}`, { body });
  // CPSC's own feed is off: its box is unticked, and the table must not contradict that.
  await settings(worker, {
    publishedIndexUrl: `${server.origin}/index/manifest.json`,
    feeds: { cpsc: { enabled: false } },
  });
  const options = await syncNow(context, extensionId);

  const cpsc = options.locator('tr[data-source="cpsc"]');
  await expect(cpsc).toHaveAttribute('data-provenance', 'published');
  await expect(cpsc.locator('td').first()).toHaveText('1');
  await expect(cpsc).toContainText('Recall Sentinel index');
  await expect(cpsc).toContainText('just now');
  await expect(options.locator('tr[data-source="openfda"]')).toHaveAttribute('data-provenance', 'bundled');
  const published = options.locator('tr[data-source="published"]');
  await expect(published).toContainText('Supplies CPSC');
  await expect(published).toContainText('just now');
  await options
    .getByTestId('status-table')
    .screenshot({ path: path.join(tmpdir(), 'recall-sentinel-status-published.png') });

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/watchlist.html`);
  await expect(page.getByTestId('freshness')).toHaveText(
    /^[\d,]+ recalls from CPSC and openFDA, updated just now\./,
  );
});

test('recalls from the authority’s own feed name the feed', async ({ context, worker, extensionId }) => {
  const recallsPage = readFileSync(path.resolve(FIXTURES, '../feeds/cpsc/recalls-page.json'), 'utf8');
  server.routes.set('/RestWebServices/Recall?format=json', {
    body: recallsPage,
    headers: { 'content-type': 'application/json' },
  });
  await settings(worker, { feeds: { cpsc: { enabled: true, baseUrl: server.origin } } });
  const options = await syncNow(context, extensionId);
  const cpsc = options.locator('tr[data-source="cpsc"]');
  await expect(cpsc).toHaveAttribute('data-provenance', 'feed');
  await expect(cpsc).toContainText('CPSC’s own feed');
  await expect(cpsc).toContainText('just now');
});
