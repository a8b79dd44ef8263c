/**
 * The UI in Simplified Chinese, with the browser started in Chinese (--lang=zh-CN): the extension's
 * locale follows the browser through the extension i18n system, and recall text stays in the language
 * its source published.
 */
import { expect, test } from './fixtures';

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
