/**
 * Marketplace pages in real Chromium with the production build, served at their real addresses from
 * our fixtures: each site's own generated content script reads the page and the banner shows (or not).
 * Also an SPA navigation (Walmart moves between products with history.pushState) and an in-place
 * variant switch (Amazon's twister) that change the warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBanner } from './closed-shadow';
import { expect, FIXTURES, test, verdictFor } from './fixtures';

const cases = [
  {
    site: 'Walmart',
    url: 'https://www.walmart.com/ip/Kettlebrook-CozyNest-Toddler-Step-Stool-Natural-Wood/5550001234',
    fixture: 'walmart/product.html',
    tier: 'confirmed',
  },
  {
    site: 'eBay',
    url: 'https://www.ebay.com/itm/Lumora-Hand-Warmer/176543210987',
    fixture: 'ebay/item-modern.html',
    tier: 'likely',
  },
  {
    site: 'JD',
    url: 'https://item.jd.com/100012345678.html',
    fixture: 'jd/product-classic.html',
    tier: 'likely',
  },
] as const;

for (const c of cases) {
  test(`warns on the ${c.site} listing of a recalled product`, async ({ openAt }) => {
    const page = await openAt(c.url, { file: c.fixture });
    await expect(page.locator('recall-sentinel-banner')).toHaveAttribute('data-tier', c.tier);
  });
}

test('reads a GBK-encoded Tmall page and warns on its brand-prefixed model', async ({ context }) => {
  const url = 'https://detail.tmall.com/item.htm?id=700000000001';
  const body = readFileSync(path.join(FIXTURES, 'taobao/tmall-gbk.html'));
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=gbk', body }),
  );
  const page = await context.newPage();
  await page.goto(url);
  const banner = await readBanner(page);
  expect(banner.value.title).toBe('Lumora Recalls Rechargeable Hand Warmers Due to Burn and Fire Hazards');
});

test('re-checks after an SPA navigation to another product, ignoring the stale embedded data', async ({
  context,
  worker,
}) => {
  const first = 'https://www.walmart.com/ip/TimberTot-Learning-Tower/5550007777';
  const second = 'https://www.walmart.com/ip/Kettlebrook-CozyNest-Toddler-Step-Stool-Natural-Wood/5550001234';
  const body = readFileSync(path.join(FIXTURES, 'walmart/product-after-client-navigation.html'));
  await context.route(first, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
  const page = await context.newPage();
  await page.goto(first);
  expect((await verdictFor(worker, first)).status).toBe('no-match');
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);

  // The site moves to the stool client-side; its __NEXT_DATA__ still describes the first product.
  await page.evaluate((url) => history.pushState({}, '', url), second);
  await expect(page.locator('recall-sentinel-banner')).toHaveAttribute('data-tier', 'likely');
  expect((await verdictFor(worker, second)).status).toBe('warning');
});

test('an in-place variant switch to an unrecalled variant removes the warning', async ({
  openAt,
  worker,
}) => {
  const url = 'https://www.amazon.com/dp/B0DEMO0001';
  const details = (asin: string, upc: string) => `
    <input type="hidden" id="ASIN" name="ASIN" value="${asin}">
    <span id="productTitle">Kettlebrook CozyNest Toddler Step Stool</span>
    <a id="bylineInfo" href="/stores/Kettlebrook">Visit the Kettlebrook Store</a>
    <div id="prodDetails"><table id="productDetails_techSpec_section_1" class="a-keyvalue prodDetTable">
      <tr><th class="prodDetSectionEntry">UPC</th><td class="prodDetAttrValue">${upc}</td></tr></table></div>`;
  const page = await openAt(url, {
    html: `<!doctype html><html><body><div id="dp-container"><div id="ppd">${details('B0DEMO0001', '850012345671')}</div>
      <button id="grey" onclick="document.getElementById('ppd').innerHTML = window.greyVariant">Grey</button></div>
      <script>window.greyVariant = ${JSON.stringify(details('B0DEMO0007', '850098765448'))};</script></body></html>`,
  });
  await expect(page.locator('recall-sentinel-banner')).toHaveAttribute('data-tier', 'confirmed');
  await page.click('#grey');
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
  await expect.poll(async () => (await verdictFor(worker, url)).status).toBe('no-match');
});
