/**
 * Shops on their own domains (Shopify storefronts, any page with schema.org Product data) are read by
 * content rather than by address. The demo build runs those readers on localhost, where these pages
 * are served, so the Shopify adapter is exercised in real Chromium, variant by variant.
 */

import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, FIXTURES, test, verdictFor } from './fixtures';

test.use({ build: 'chrome-mv3-demo' });

let server: http.Server;
let origin = '';
test.beforeAll(async () => {
  const product = readFileSync(path.join(FIXTURES, 'shopify/product.html'));
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(product);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('a Shopify storefront is recognised by its page and the selected variant is checked by its barcode', async ({
  context,
  worker,
}) => {
  const page = await context.newPage();
  const natural = `${origin}/products/cozynest-step-stool?variant=44100000000001`;
  await page.goto(natural);
  await expect(page.locator('recall-sentinel-banner')).toHaveAttribute('data-tier', 'confirmed');
  const verdict = (await verdictFor(worker, natural)) as { status: string; page: { marketplace: string } };
  expect(verdict.page.marketplace).toBe('shopify');
});
