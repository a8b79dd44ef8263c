/**
 * Every recalled cart line, and a banner that folds away. The Amazon cart fixture has three active lines;
 * the demo build's fictional recalls cover two of them (the step stool and the hand warmer), whose
 * product pages (our fixtures, served at their /dp/ addresses) carry the identifiers. The banner sums the
 * lines up, a mark sits beside each recalled row, and both follow the cart when a line is removed. On a
 * long page the banner folds to a one-line bar once scrolled past, and opens on click or keyboard.
 */
import type { Page } from '@playwright/test';
import { CART_URL, fixture, serveCart } from './amazon-cart';
import { readBanner, readClosedShadowRoot } from './closed-shadow';
import { expect, test } from './fixtures';

const banner = (page: Page) => page.locator('recall-sentinel-banner');
/** The first answer waits for the product pages and, in a fresh profile, for the index to load. */
const FIRST_ANSWER = { timeout: 20_000 };
const marks = (page: Page) => page.locator('recall-sentinel-mark');

/** The banner's state, read through its closed shadow root. */
function readState(page: Page) {
  return readClosedShadowRoot<{
    summary: string;
    lines: string[];
    slim: string | null;
    expanded: string | null;
    full: boolean;
    height: number;
  }>(
    page,
    'recall-sentinel-banner',
    `function () {
      const toggle = this.querySelector('.slim-toggle');
      return {
        summary: this.querySelector('.summary-head')?.textContent ?? '',
        lines: Array.from(this.querySelectorAll('.summary-lines li')).map((li) => li.textContent),
        slim: toggle ? toggle.textContent : null,
        expanded: toggle ? toggle.getAttribute('aria-expanded') : null,
        full: this.querySelector('.full') !== null,
        height: this.querySelector('.banner').getBoundingClientRect().height,
      };
    }`,
  ).then((read) => read.value);
}

test('a cart with two recalled lines marks both rows and sums them up in the banner', async ({ context }) => {
  await serveCart(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(CART_URL);

  await expect(banner(page)).toHaveAttribute('data-affected', '2', FIRST_ANSWER);
  await expect(banner(page)).toHaveAttribute('data-lines', '3');
  await expect(marks(page)).toHaveCount(2);
  // Each mark sits right after its own row's title link, in the active cart.
  for (const asin of ['B0DEMO0001', 'B0DEMO0002']) {
    await expect(
      page.locator(
        `#sc-active-cart [data-asin="${asin}"] a.sc-product-link:has(.sc-grid-item-product-title) + recall-sentinel-mark`,
      ),
    ).toHaveCount(1);
  }
  await expect(page.locator('[data-asin="B0DEMO0004"] recall-sentinel-mark')).toHaveCount(0);

  const state = await readState(page);
  expect(state.summary).toBe('2 of 3 items in your cart have a recall');
  expect(state.lines).toHaveLength(2);
  expect(state.lines[0]).toContain('Kettlebrook CozyNest Toddler Step Stool');
  expect(state.lines[1]).toContain('Lumora Rechargeable Hand Warmer');
  for (const line of state.lines) expect(line).toMatch(/match · 1 recall(?!s)/);
  const text = (await readBanner(page)).value.text;
  expect(text).not.toMatch(/\b1 recalls\b/);

  await page.screenshot({ path: 'test-results/cart-summary.png' });
});

test('removing a recalled line updates the summary and takes its mark away', async ({ context }) => {
  await serveCart(context);
  const page = await context.newPage();
  await page.goto(CART_URL);
  await expect(marks(page)).toHaveCount(2, FIRST_ANSWER);

  // What Amazon does when the shopper deletes a line: the row leaves the active cart.
  await page.locator('#sc-active-cart [data-asin="B0DEMO0002"]').evaluate((row) => row.remove());

  await expect(banner(page)).toHaveAttribute('data-affected', '1');
  await expect(banner(page)).toHaveAttribute('data-lines', '2');
  await expect(marks(page)).toHaveCount(1);
  await expect(page.locator('[data-asin="B0DEMO0001"] recall-sentinel-mark')).toHaveCount(1);
  await expect
    .poll(async () => (await readState(page)).summary)
    .toBe('1 of 2 items in your cart has a recall');
});

test('a row mark opens its line’s details in the banner', async ({ context }) => {
  await serveCart(context);
  const page = await context.newPage();
  await page.goto(CART_URL);
  await expect(marks(page)).toHaveCount(2, FIRST_ANSWER);

  await page.locator('[data-asin="B0DEMO0002"] recall-sentinel-mark').click();

  await expect
    .poll(async () => (await readBanner(page)).value.text)
    .toMatch(/In your cart: Lumora Rechargeable Hand Warmer/);
  // The mark sits inside the row's link: clicking it shows our details and stays on the cart.
  expect(page.url()).toBe(CART_URL);
});

test('the banner folds to a one-line bar once scrolled past, and opens on click and keyboard', async ({
  context,
}) => {
  await serveCart(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(CART_URL);
  await expect(banner(page)).toHaveAttribute('data-affected', '2', FIRST_ANSWER);
  const natural = (await readState(page)).height;
  // Room to scroll: the fixture cart is shorter than the window.
  await page.evaluate(() => {
    const room = document.createElement('div');
    room.style.height = '3000px';
    document.body.append(room);
  });

  await page.mouse.wheel(0, 1200);
  await expect(banner(page)).toHaveAttribute('data-pinned', 'true');
  const folded = await readState(page);
  expect(folded.full).toBe(false);
  expect(folded.expanded).toBe('false');
  expect(folded.slim).toMatch(/(Confirmed|Likely) match/);
  expect(folded.slim).toContain('and 1 more item');
  expect(folded.slim).toContain('Show details');
  expect(folded.height).toBeLessThan(50);
  expect(natural).toBeGreaterThan(folded.height * 2);
  await page.screenshot({ path: 'test-results/banner-collapsed.png' });

  // A click on the bar (it is fixed at the top of the window) opens the details.
  await page.mouse.click(400, 20);
  await expect.poll(async () => (await readState(page)).expanded).toBe('true');
  expect((await readState(page)).full).toBe(true);
  // The bar's own button has the focus: Enter folds it, Space opens it again.
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await readState(page)).expanded).toBe('false');
  await page.keyboard.press('Space');
  await expect.poll(async () => (await readState(page)).expanded).toBe('true');

  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(banner(page)).toHaveAttribute('data-pinned', 'false');
  const back = await readState(page);
  expect(back.slim).toBeNull();
  expect(back.full).toBe(true);
});

test('the banner follows a dark system scheme with readable contrast', async ({ context }) => {
  await serveCart(context);
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(CART_URL);
  await expect(banner(page)).toHaveAttribute('data-affected', '2', FIRST_ANSWER);

  // Each text against the banner's background: WCAG AA asks 4.5:1 for body text.
  const { value: pairs } = await readClosedShadowRoot<Array<{ what: string; ratio: number; bg: string }>>(
    page,
    'recall-sentinel-banner',
    `function () {
      const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
      const lum = (c) => {
        const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const bg = getComputedStyle(this.querySelector('.banner')).backgroundColor;
      const pair = (what, selector, against) => {
        const el = this.querySelector(selector);
        const back = against ? getComputedStyle(this.querySelector(against)).backgroundColor : bg;
        return { what, ratio: ratio(getComputedStyle(el).color, back), bg: back };
      };
      return [
        pair('text', '.title'),
        pair('summary', '.summary-head'),
        pair('muted', '.summary-meta'),
        pair('tier', '.kicker .tier'),
        pair('link', 'button.link'),
        pair('tag', '.tag', '.tag'),
        pair('primary', 'a.primary', 'a.primary'),
      ];
    }`,
  );
  expect(pairs[0]?.bg).not.toBe('rgb(255, 244, 242)');
  for (const pair of pairs) expect(pair.ratio, pair.what).toBeGreaterThanOrEqual(4.5);
  await page.screenshot({
    path: 'test-results/banner-dark.png',
    clip: { x: 0, y: 0, width: 1280, height: 330 },
  });
});

test('an order list sums up its recalled line and marks it', async ({ context }) => {
  await serveCart(context);
  const ordersUrl = 'https://www.amazon.com/your-orders/orders?timeFilter=months-3';
  await context.route(ordersUrl, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: fixture('amazon/orders.html'),
    }),
  );
  const page = await context.newPage();
  await page.goto(ordersUrl);

  // The step stool was bought (its product page names the recalled model); the sippy cup has no recall.
  await expect(banner(page)).toHaveAttribute('data-affected', '1', FIRST_ANSWER);
  await expect(banner(page)).toHaveAttribute('data-lines', '2');
  await expect(page.locator('[href*="B0DEMO0001"] + recall-sentinel-mark')).toHaveCount(1);
  await expect(marks(page)).toHaveCount(1);
  expect((await readState(page)).summary).toBe('1 of 2 items in this order list has a recall');
  await expect.poll(async () => (await readBanner(page)).value.text).toContain('You bought:');
  await page.screenshot({ path: 'test-results/orders-marks.png', fullPage: true });
});
