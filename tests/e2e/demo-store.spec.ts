/**
 * The demo build on the demo storefront (what `npm start` shows): JSON-LD pages on localhost read by
 * the generic layer, every verdict the catalogue promises.
 */
import { DEMO_PRODUCTS } from '../../scripts/demo-store/catalog';
import { type DemoServer, startDemoStore } from '../../scripts/demo-store/server';
import { readBanner } from './closed-shadow';
import { expect, test, verdictFor } from './fixtures';

test.use({ build: 'chrome-mv3-demo' });

let store: DemoServer;
test.beforeAll(async () => {
  store = await startDemoStore();
});
test.afterAll(async () => {
  await store.close();
});

for (const product of DEMO_PRODUCTS) {
  test(`the demo page for ${product.handle} ends in "${product.expect}"`, async ({ context, worker }) => {
    const url = `${store.origin}/products/${product.handle}`;
    const page = await context.newPage();
    await page.goto(url);
    expect((await verdictFor(worker, url)).status).toBe(product.expect);
    if (product.expect === 'warning') {
      const banner = await readBanner(page);
      expect(banner.value.text).toContain('Recall warning');
    } else {
      await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
    }
  });
}

test('a date-code-limited recall asks the shopper to check the code on their item', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${store.origin}/products/tidewater-power-station`);
  const banner = await readBanner(page);
  expect(banner.value.text).toMatch(/2605/);
});
