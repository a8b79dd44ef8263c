/**
 * Carts whose lines link to product pages on another origin: JD (cart.jd.com → item.jd.com) and Taobao
 * (cart.taobao.com → item.taobao.com, here a GBK Tmall page). The
 * page's CORS rules keep the content script from reading those, so the background fetches them
 * (utils/background/product-page.ts), without the shopper's cookies, and the content script reads the
 * HTML with its adapter. Every page is our fixture, served at its real address through Playwright
 * routing, which also sees who asked: the extension's service worker, not the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from '@playwright/test';
import { readBanner } from './closed-shadow';
import { expect, FIXTURES, test, verdictFor } from './fixtures';

const fixture = (file: string) => readFileSync(path.join(FIXTURES, file));

interface Seen {
  url: string;
  fromServiceWorker: boolean;
  cookie: string | undefined;
}

async function seen(request: Request): Promise<Seen> {
  return {
    url: request.url(),
    fromServiceWorker: request.serviceWorker() !== null,
    cookie: (await request.allHeaders()).cookie,
  };
}

test('warns about a recalled line in a JD cart by reading its item.jd.com page in the background', async ({
  context,
  worker,
}) => {
  // The shopper is signed in to JD: the product pages must still be read without their cookies.
  await context.addCookies([{ name: 'thor', value: 'session-secret', domain: '.jd.com', path: '/' }]);
  const items: Record<string, string> = {
    'https://item.jd.com/100012345678.html': 'jd/product-classic.html',
    'https://item.jd.com/100055501234.html': 'jd/product-2024.html',
  };
  const requests: Seen[] = [];
  await context.route('https://item.jd.com/**', async (route) => {
    requests.push(await seen(route.request()));
    const file = items[route.request().url()];
    return file
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(file) })
      : route.fulfill({ status: 404, body: '' });
  });
  let cartCookie: string | undefined;
  const cartUrl = 'https://cart.jd.com/cart_index';
  await context.route(cartUrl, async (route) => {
    cartCookie = (await seen(route.request())).cookie;
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: fixture('jd/cart.html'),
    });
  });
  const page = await context.newPage();
  await page.goto(cartUrl);

  const banner = await readBanner(page);
  expect(banner.value.text).toContain('In your cart:');
  const verdict = (await verdictFor(worker, cartUrl)) as {
    status: string;
    matches: Array<Array<{ recallId: string }>>;
  };
  expect(verdict.status).toBe('warning');
  expect(verdict.matches.flat().map((m) => m.recallId)).toContain('cpsc:90001');

  expect(requests.map((r) => r.url).sort()).toEqual(Object.keys(items).sort());
  expect(requests.every((r) => r.fromServiceWorker)).toBe(true);
  // The page's own request carries the session; the background's do not.
  expect(cartCookie).toContain('thor=session-secret');
  expect(requests.map((r) => r.cookie)).toEqual([undefined, undefined]);
});

test('reads a Taobao cart line’s GBK item page, declared only in its <meta>, in the background', async ({
  context,
  worker,
}) => {
  // item.taobao.com sends a Tmall item on to detail.tmall.com; Playwright routing cannot serve both ends
  // of a redirect (it sees only the first request), so the Tmall page is served where the cart points.
  // Where a redirect may land is checked in tests/unit/background/product-page.test.ts.
  const item = 'https://item.taobao.com/item.htm?id=700000000001';
  const requests: Seen[] = [];
  await context.route(/^https:\/\/item\.taobao\.com\//, async (route) => {
    requests.push(await seen(route.request()));
    return route.request().url() === item
      ? // No charset in the header: the page says `<meta charset="gbk">`, as old Tmall pages do.
        route.fulfill({ status: 200, contentType: 'text/html', body: fixture('taobao/tmall-gbk.html') })
      : route.fulfill({ status: 404, body: '' });
  });
  const cartUrl = 'https://cart.taobao.com/cart.htm';
  await context.route(cartUrl, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: fixture('taobao/cart.html'),
    }),
  );
  const page = await context.newPage();
  await page.goto(cartUrl);

  const banner = await readBanner(page);
  expect(banner.value.text).toContain('In your cart:');
  expect(banner.value.title).toBe('Lumora Recalls Rechargeable Hand Warmers Due to Burn and Fire Hazards');
  const verdict = (await verdictFor(worker, cartUrl)) as { status: string };
  expect(verdict.status).toBe('warning');
  expect(requests.map((r) => r.url)).toContain(item);
  expect(requests.every((r) => r.fromServiceWorker)).toBe(true);
});
