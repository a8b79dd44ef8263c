/**
 * The UI in Simplified Chinese, with the browser started in Chinese (--lang=zh-CN): the extension's
 * locale follows the browser through the extension i18n system, and recall text stays in the language
 * its source published.
 */
import { CART_URL, serveCart } from './amazon-cart';
import { readClosedShadowRoot } from './closed-shadow';
import { expect, test } from './fixtures';

const STOOL = 'https://www.amazon.com/dp/B0DEMO0001';

test.use({ uiLanguage: 'zh-CN' });

test('the popup speaks Chinese when the browser does, and a manual lookup still shows the recall as published', async ({
  context,
  extensionId,
}) => {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByText('按条形码或型号查询').click();
  await popup.getByLabel('条形码或型号').fill('041260012847');
  await popup.getByRole('button', { name: '查询' }).click();
  await expect(popup.getByRole('alert')).toContainText('最后一位应为 6，而不是 7');

  await popup.getByLabel('条形码或型号').fill('041260012846');
  await popup.getByRole('button', { name: '查询' }).click();
  // The notice itself is the CPSC's, in English.
  await expect(popup.getByTestId('manual-lookup-result')).toContainText('Acetaminophen');
  await expect(popup.getByRole('link', { name: '你的商品与召回' })).toBeVisible();
  await popup.screenshot({ path: 'test-results/popup-zh.png', fullPage: true });
});

test('the watchlist page speaks Chinese', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/watchlist.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('你的商品与召回');
  await expect(page.getByTestId('watchlist-empty')).toHaveText('还没有记录任何商品。');
  await page.screenshot({ path: 'test-results/watchlist-zh.png', fullPage: true });
});

test('the banner on a cart speaks Chinese, and the popup for a warned product too, with the recall as published', async ({
  context,
  worker,
  extensionId,
}) => {
  await serveCart(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(CART_URL);
  const banner = page.locator('recall-sentinel-banner[data-state="warning"]');
  await banner.waitFor({ timeout: 20_000 });
  const read = await readClosedShadowRoot<{ summary: string; text: string; mark: string }>(
    page,
    'recall-sentinel-banner',
    `function () {
      return {
        summary: this.querySelector('.summary-head')?.textContent ?? '',
        text: this.querySelector('.banner')?.textContent ?? '',
      };
    }`,
  );
  expect(read.value.summary).toBe('购物车中 3 件商品里有 2 件被召回');
  expect(read.value.text).toContain('召回警告');
  expect(read.value.text).toContain('不是这件商品');
  expect(read.value.text).not.toMatch(/Not this product|Show details|Recall warning/);
  await banner.screenshot({ path: 'test-results/banner-zh.png' });

  const product = await context.newPage();
  await product.goto(STOOL);
  await product.locator('recall-sentinel-banner[data-state="warning"]').waitFor({ timeout: 20_000 });
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, STOOL);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.locator('[data-status="warning"]').first()).toBeVisible();
  // The tier, the evidence and the labels are Chinese; the notice's title is the demo recall's own.
  await expect(popup.locator('body')).toContainText('确认相符');
  await expect(popup.locator('body')).toContainText('条形码');
  await expect(popup.locator('body')).toContainText('阅读官方通告');
  // Lists and ages follow the browser's language too (Intl, from the UI language).
  await expect(popup.getByTestId('freshness')).toContainText('CPSC和openFDA');
  await popup.screenshot({ path: 'test-results/popup-warning-zh.png', fullPage: true });
});
