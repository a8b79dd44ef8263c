/**
 * A verdict belongs to the page it was made for. After the tab goes to another site the popup no longer
 * shows the old warning, and when the tab shows another address than the verdict's (a shop that moved on
 * in place before it was read again) the popup says the page is not checked yet.
 */
import { expect, test, verdictFor } from './fixtures';

const STOOL = 'https://www.amazon.com/Kettlebrook-CozyNest-Toddler-Natural-Kitchen/dp/B0DEMO0001/';

async function tabIdOf(worker: import('@playwright/test').Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
}

test('forgets a warning when the tab goes to another site', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  const page = await openAt(STOOL, { file: 'amazon/product-expander.html' });
  expect((await verdictFor(worker, STOOL)).status).toBe('warning');
  const tabId = await tabIdOf(worker, STOOL);

  await context.route('https://news.example/', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>News</title><p>Today',
    }),
  );
  await page.goto('https://news.example/');
  await expect
    .poll(() =>
      worker.evaluate(
        async (key) => (await chrome.storage.session.get(key))[key] ?? null,
        `verdict:${tabId}`,
      ),
    )
    .toBeNull();

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.locator('[data-status]').first()).toHaveAttribute(
    'data-status',
    /not-checked|not-product/,
  );
  await expect(popup.getByText('matches a recall')).toHaveCount(0);
});

test('says "not checked yet" when the tab shows another address than its verdict', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  await openAt(STOOL, { file: 'amazon/product-expander.html' });
  expect((await verdictFor(worker, STOOL)).status).toBe('warning');
  const tabId = await tabIdOf(worker, STOOL);
  // The verdict as a shop that changed page in place leaves it until its next read: made for another
  // address of the same site than the one the tab now shows.
  await worker.evaluate(async (key) => {
    const verdict = (await chrome.storage.session.get(key))[key] as { page: { url: string } };
    verdict.page.url = 'https://www.amazon.com/dp/B0DEMO0002';
    await chrome.storage.session.set({ [key]: verdict });
  }, `verdict:${tabId}`);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.locator('[data-status="moved-on"]')).toContainText('Not checked yet');
  await expect(popup.getByText('matches a recall')).toHaveCount(0);
  await expect(popup.getByRole('link', { name: 'Your products and recalls' })).toBeVisible();
  await popup.screenshot({ path: 'test-results/popup-moved-on.png' });
});
