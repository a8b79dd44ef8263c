/**
 * A cart whose rows show only titles: the content script reads each row's product page (same origin,
 * served here from our fixtures) and warns about the recalled line, naming it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBanner } from './closed-shadow';
import { expect, FIXTURES, test, verdictFor } from './fixtures';

test('warns about a recalled product in the cart by reading its product page', async ({
  context,
  worker,
}) => {
  const stool = readFileSync(path.join(FIXTURES, 'amazon/product-expander.html'));
  const warmer = readFileSync(path.join(FIXTURES, 'amazon/product-techspec-2021.html'));
  const productRequests: string[] = [];
  await context.route(/https:\/\/www\.amazon\.com\/dp\/.*/, (route) => {
    const url = route.request().url();
    productRequests.push(url);
    const body = url.endsWith('/dp/B0DEMO0001') ? stool : url.endsWith('/dp/B0DEMO0002') ? warmer : null;
    return body
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
      : route.fulfill({ status: 404, body: '' });
  });
  const cartUrl = 'https://www.amazon.com/gp/cart/view.html?ref_=nav_cart';
  const cart = readFileSync(path.join(FIXTURES, 'amazon/cart.html'));
  await context.route(cartUrl, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: cart }),
  );
  const page = await context.newPage();
  await page.goto(cartUrl);

  const banner = await readBanner(page);
  expect(banner.value.text).toContain('In your cart:');
  expect(banner.value.text).toContain('2 of 3 items in your cart have a recall');
  const verdict = (await verdictFor(worker, cartUrl)) as {
    status: string;
    matches: Array<Array<{ recallId: string }>>;
  };
  expect(verdict.status).toBe('warning');
  expect(
    verdict.matches
      .flat()
      .map((m) => m.recallId)
      .sort(),
  ).toEqual(['cpsc:90001', 'cpsc:90002']);
  // Saved-for-later rows are not in the cart, so their pages are never fetched.
  expect(productRequests.every((u) => /B0DEMO000[1248]$/.test(u))).toBe(true);
});
