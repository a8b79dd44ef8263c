/**
 * Accessibility, in real Chromium with the demo build: axe-core finds no violations (WCAG 2.x A and AA
 * and best practices) on the popup in each verdict state we can reach, the options page, the watchlist
 * page and the in-page banner, in the light and the dark theme; every control is reached with Tab and
 * shows where the focus is.
 *
 * The banner lives in a CLOSED shadow root, which axe (like any page script) cannot enter. We copy what
 * the content script really rendered there (its DOM and its <style>, read through the DevTools protocol)
 * into an OPEN shadow root at the same place on the same page, hide the original, and run axe on the
 * copy. That checks the markup and CSS shoppers get, over the page they get it on, rather than a second
 * rendering of the component that could drift from what banner-mount.tsx mounts. Keyboard focus is
 * checked on the real, closed banner.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readClosedShadowRoot } from './closed-shadow';
import { expect, test, verdictFor } from './fixtures';

const STOOL = 'https://www.amazon.com/Kettlebrook-CozyNest-Toddler-Step-Stool/dp/B0DEMO0001';
const NO_MATCH = 'https://www.amazon.de/dp/B0DEMO0003';
const POSSIBLE = 'https://www.target.com/p/kettlebrook-cozynest-toddler-step-stool/-/A-91234567';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
/** Screenshots of each page in each theme, to look at; outside test-results, which every run empties. */
const SHOTS = process.env.A11Y_SHOTS ?? path.join(tmpdir(), 'recall-sentinel-a11y');
mkdirSync(SHOTS, { recursive: true });

/**
 * axe's violations, as short lines that name the rule and the elements, so a failure reads on its own.
 * Also asserts that axe weighed some text's contrast, so a page (or a banner copy) axe could not see
 * into cannot pass by having nothing to check.
 */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const { violations, passes } = await builder.analyze();
  const contrast = passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0;
  expect(contrast, `axe checked the contrast of some text on ${include ?? page.url()}`).toBeGreaterThan(0);
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`),
  );
}

/**
 * Checks both themes of an extension page: axe on each, with the page re-rendered in that scheme, and a
 * screenshot of each (<SHOTS>/<name>-<scheme>.png) for a person to look at.
 */
async function expectNoViolations(page: Page, name: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${colorScheme}.png`), fullPage: true });
    expect(await violations(page), `${page.url()} in the ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Presses Tab through the page and checks that every visible, enabled control is reached, and that each
 * one draws a focus indicator (an outline or a box shadow) once the keyboard put it there.
 */
async function expectKeyboardReachable(page: Page): Promise<void> {
  const controls = await page.evaluate(() => {
    // Folded sections open, so the controls inside them are counted (and must be reached) too.
    for (const details of document.querySelectorAll('details')) details.open = true;
    const all = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    let n = 0;
    for (const el of all) {
      const usable = !(el as HTMLButtonElement).disabled && el.checkVisibility();
      if (usable) el.dataset.a11yControl = String(n++);
    }
    return n;
  });
  expect(controls, `${page.url()} has controls`).toBeGreaterThan(0);
  await page.locator('body').focus();
  const reached = new Map<string, string>();
  for (let i = 0; i < controls + 5 && reached.size < controls; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el?.dataset.a11yControl) return null;
      const style = getComputedStyle(el);
      const ring =
        (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
      return { id: el.dataset.a11yControl, ring, what: el.outerHTML.slice(0, 80) };
    });
    if (focused) {
      expect(focused.ring, `focus is visible on ${focused.what}`).toBe(true);
      reached.set(focused.id, focused.what);
    }
  }
  const missed = await page.evaluate(
    (ids) =>
      [...document.querySelectorAll<HTMLElement>('[data-a11y-control]')]
        .filter((el) => !ids.includes(el.dataset.a11yControl ?? ''))
        .map((el) => el.outerHTML.slice(0, 100)),
    [...reached.keys()],
  );
  expect(missed, `${page.url()}: controls Tab never reached`).toEqual([]);
}

async function popupFor(
  context: import('@playwright/test').BrowserContext,
  worker: import('@playwright/test').Worker,
  extensionId: string,
  url: string,
): Promise<Page> {
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('[data-status]').first().waitFor();
  return popup;
}

const POPUP_STATES: Array<[status: string, url: string, fixture: string]> = [
  ['warning', STOOL, 'amazon/product-expander.html'],
  ['possible', POSSIBLE, 'target/product.html'],
  ['no-match', NO_MATCH, 'amazon/product-detail-bullets-de.html'],
];

for (const [status, url, file] of POPUP_STATES) {
  test(`the popup showing "${status}" has no accessibility violations, and every control takes the keyboard`, async ({
    context,
    worker,
    extensionId,
    openAt,
  }) => {
    await openAt(url, { file });
    expect((await verdictFor(worker, url)).status).toBe(status);
    const popup = await popupFor(context, worker, extensionId, url);
    await expect(popup.locator('[data-status]').first()).toHaveAttribute('data-status', status);
    await expectNoViolations(popup, `popup-${status}`);
    await expectKeyboardReachable(popup);
  });
}

test('the popup saying "not checked yet" has no accessibility violations, and every control takes the keyboard', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  await openAt(STOOL, { file: 'amazon/product-expander.html' });
  expect((await verdictFor(worker, STOOL)).status).toBe('warning');
  // The tab shows another address of the shop than the one its verdict was made for.
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, STOOL);
  await worker.evaluate(async (key) => {
    const verdict = (await chrome.storage.session.get(key))[key] as { page: { url: string } };
    verdict.page.url = 'https://www.amazon.com/dp/B0DEMO0002';
    await chrome.storage.session.set({ [key]: verdict });
  }, `verdict:${tabId}`);
  const moved = await popupFor(context, worker, extensionId, STOOL);
  await expect(moved.locator('[data-status]').first()).toHaveAttribute('data-status', 'moved-on');
  await expectNoViolations(moved, 'popup-not-checked');
  await expectKeyboardReachable(moved);
});

test('the popup with nothing to check, and its manual lookup answering with an error and a recall, has no accessibility violations', async ({
  context,
  extensionId,
}) => {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  // A tab with no verdict: "nothing to check here", with the manual lookup below.
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=1`);
  await expect(popup.locator('[data-status]').first()).toHaveAttribute('data-status', 'not-product');
  await expectNoViolations(popup, 'popup-not-product');
  await expectKeyboardReachable(popup);

  // A barcode with a wrong check digit is explained at once.
  await popup.getByLabel('Barcode or model number').fill('850012345672');
  await popup.getByRole('button', { name: 'Look up' }).click();
  await expect(popup.locator('.manual-lookup-error')).toBeVisible();
  await expectNoViolations(popup, 'popup-lookup-error');

  await popup.getByLabel('Barcode or model number').fill('850012345671');
  await popup.getByRole('button', { name: 'Look up' }).click();
  await expect(popup.getByTestId('manual-lookup-result').locator('[data-status="warning"]')).toBeVisible();
  await expectNoViolations(popup, 'popup-lookup-warning');
});

test('the options page has no accessibility violations and every control takes the keyboard', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('status-table')).toBeVisible();
  await expectNoViolations(options, 'options');
  await expectKeyboardReachable(options);

  // The check can fail: grey text on the panel is a contrast violation axe reports.
  await options.evaluate(() => {
    const faint = document.createElement('p');
    faint.textContent = 'Barely readable';
    faint.style.color = '#ddd';
    document.querySelector('main section')?.append(faint);
  });
  expect((await violations(options)).join('\n')).toContain('color-contrast');
});

test('the watchlist page has no accessibility violations and every control takes the keyboard', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  // Looking at the recalled stool keeps it, so the page lists it with its recall card.
  await openAt(STOOL, { file: 'amazon/product-expander.html' });
  expect((await verdictFor(worker, STOOL)).status).toBe('warning');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/watchlist.html`);
  await expect(page.locator('article.recalled .card').first()).toBeVisible();
  await expectNoViolations(page, 'watchlist');
  await expectKeyboardReachable(page);
});

test('the merchant audit page, with its columns, findings and review log, has no accessibility violations and every control takes the keyboard', async ({
  context,
  extensionId,
}) => {
  // Seven columns of findings with their review controls: the keyboard walk takes a while.
  test.setTimeout(90_000);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/audit.html`);
  await page
    .getByLabel('Choose a catalog file')
    .setInputFiles(path.resolve(import.meta.dirname, '../fixtures/catalogs/generic.csv'));
  await expect(page.getByTestId('mapping')).toBeVisible();
  await page.getByRole('button', { name: 'Run the audit' }).click();
  await expect(page.getByTestId('findings')).toBeVisible({ timeout: 20_000 });
  const lounger = page.locator('tr[data-recall="cpsc:26-185"]');
  await lounger.getByText('Review', { exact: true }).click();
  await lounger.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByTestId('review-log').locator('tbody tr')).toHaveCount(1);
  await expectNoViolations(page, 'audit');
  await expectKeyboardReachable(page);
});

test('the in-page banner has no accessibility violations, and its controls take the keyboard with a visible focus', async ({
  openAt,
}) => {
  const page = await openAt(STOOL, { file: 'amazon/product-expander.html' });
  await page.locator('recall-sentinel-banner[data-state="warning"]').waitFor();
  const shadow = await readClosedShadowRoot<string>(
    page,
    'recall-sentinel-banner',
    'function () { return this.innerHTML; }',
  );
  expect(shadow.shadowRootType).toBe('closed');

  // The copy: the same markup and styles in an open root, where the original stood.
  await page.evaluate((html) => {
    const original = document.querySelector('recall-sentinel-banner') as HTMLElement;
    const copy = document.createElement('recall-sentinel-banner-copy');
    copy.attachShadow({ mode: 'open' }).innerHTML = html;
    // Swapped in, not hidden beside it: the banner's own :host rules are !important and would win.
    original.replaceWith(copy);
    (window as unknown as { bannerOriginal: Element }).bannerOriginal = original;
  }, shadow.value);
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(SHOTS, `banner-${colorScheme}.png`) });
    expect(await violations(page, 'recall-sentinel-banner-copy'), `banner, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => {
    const original = (window as unknown as { bannerOriginal: Element }).bannerOriginal;
    document.querySelector('recall-sentinel-banner-copy')?.replaceWith(original);
  });

  // The real banner comes first in the page, so the first Tabs land on its controls, each with a ring.
  const controls = await readClosedShadowRoot<number>(
    page,
    'recall-sentinel-banner',
    `function () { return this.querySelectorAll('a[href], button').length; }`,
  );
  expect(controls.value).toBeGreaterThan(0);
  await page.locator('body').focus();
  const seen = new Set<string>();
  for (let i = 0; i < controls.value; i++) {
    await page.keyboard.press('Tab');
    const focused = await readClosedShadowRoot<{ what: string; ring: boolean } | null>(
      page,
      'recall-sentinel-banner',
      `function () {
        const el = this.activeElement;
        if (!el) return null;
        const s = getComputedStyle(el);
        return {
          what: el.outerHTML.slice(0, 80),
          ring: (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none',
        };
      }`,
    );
    expect(focused.value, `Tab ${i + 1} stays in the banner`).not.toBeNull();
    expect(focused.value?.ring, `focus is visible on ${focused.value?.what}`).toBe(true);
    seen.add(focused.value?.what ?? '');
  }
  expect(seen.size).toBe(controls.value);
});
