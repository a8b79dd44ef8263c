/**
 * The popup's manual lookup in real Chromium, against the real starter index every build ships: a
 * barcode and a model typed by hand get the same verdict card as a page, and a mistyped barcode is
 * caught by its check digit before anything is looked up.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openLookup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByText('Look up a barcode or model').click();
  return popup;
}

test('finds a real recall by the UPC typed from its package (the Kroger acetaminophen of 2022)', async ({
  context,
  extensionId,
}) => {
  const popup = await openLookup(context, extensionId);
  await popup.getByLabel('Barcode or model number').fill('0 41260 01284 6');
  await popup.getByRole('button', { name: 'Look up' }).click();
  const result = popup.getByTestId('manual-lookup-result');
  await expect(result.locator('[data-status="warning"]')).toContainText('matches a recall');
  await expect(result.locator('.card').first()).toContainText('Confirmed');
  await expect(result.getByRole('link', { name: /official notice/i }).first()).toHaveAttribute(
    'href',
    /^https:\/\/www\.cpsc\.gov\/Recalls\/2022\//,
  );
  await popup.screenshot({ path: 'test-results/manual-lookup-barcode.png', fullPage: true });
});

test('finds a real recall by brand and model (the HoMedics HHP-715 massagers of 2024)', async ({
  context,
  extensionId,
}) => {
  const popup = await openLookup(context, extensionId);
  await popup.getByLabel('Barcode or model number').fill('HHP-715');
  await popup.getByLabel(/^Brand/).fill('HoMedics');
  await popup.getByRole('button', { name: 'Look up' }).click();
  const result = popup.getByTestId('manual-lookup-result');
  await expect(result.locator('[data-status="warning"]')).toContainText('matches a recall');
  await expect(result).toContainText('Homedics Recalls Massagers');
});

test('catches a mistyped barcode by its check digit and looks nothing up', async ({
  context,
  extensionId,
}) => {
  const popup = await openLookup(context, extensionId);
  await popup.getByLabel('Barcode or model number').fill('041260012847');
  await popup.getByRole('button', { name: 'Look up' }).click();
  await expect(popup.getByRole('alert')).toContainText('should be 6, not 7');
  await expect(popup.getByTestId('manual-lookup-result')).toBeEmpty();
});

test('says "no recall found", never "safe", for a barcode no recall names', async ({
  context,
  extensionId,
}) => {
  const popup = await openLookup(context, extensionId);
  await popup.getByLabel('Barcode or model number').fill('4901234567894');
  await popup.getByRole('button', { name: 'Look up' }).click();
  const result = popup.getByTestId('manual-lookup-result');
  await expect(result.locator('[data-status="no-match"]')).toContainText('not a safety guarantee');
});
