/**
 * The Amazon cart the e2e specs shop with: the cart fixture (three active lines) at its real URL, and the
 * product pages of the two lines the demo build's fictional recalls cover (the step stool and the hand
 * warmer), served at their /dp/ addresses so the content script can resolve the lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { FIXTURES } from './fixtures';

export const fixture = (file: string) => readFileSync(path.join(FIXTURES, file));
export const CART_URL = 'https://www.amazon.com/gp/cart/view.html?ref_=nav_cart';
const PRODUCT_PAGES: Record<string, string> = {
  B0DEMO0001: 'amazon/product-expander.html',
  B0DEMO0002: 'amazon/product-techspec-2021.html',
};

export async function serveCart(context: BrowserContext): Promise<void> {
  await context.route(/https:\/\/www\.amazon\.com\/dp\/.*/, (route) => {
    const file = PRODUCT_PAGES[route.request().url().split('/dp/')[1] ?? ''];
    return file
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(file) })
      : route.fulfill({ status: 404, body: '' });
  });
  await context.route(CART_URL, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: fixture('amazon/cart.html'),
    }),
  );
}
