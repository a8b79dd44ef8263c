/**
 * A CPSC sync from the settings page against a local stand-in of the CPSC feed (tests/e2e/feed-server.ts),
 * as a shopper would start one: the feed pointed at `origin`, then "Sync now".
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { expect } from './fixtures';

export async function syncCpscFrom(
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
  origin: string,
): Promise<void> {
  await worker.evaluate(async (baseUrl) => {
    await chrome.storage.local.set({ settings: { feeds: { cpsc: { enabled: true, baseUrl } } } });
  }, origin);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-message')).toContainText('CPSC:');
  await options.close();
}
