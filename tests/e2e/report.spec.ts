/**
 * "Report a safety problem" in the demo build, on the demo storefront's warned step stool: the banner's
 * link opens a report pre-filled from the page, the package downloads, the official form opens (a local
 * stand-in served through Playwright routing: nothing reaches the real authority), and the case is in the
 * log. Also the popup's link, the Chinese routes and a page with nothing to read.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { type DemoServer, startDemoStore } from '../../scripts/demo-store/server';
import { tabIdForVerdict } from '../../scripts/lib/browser';
import { destination } from '../../utils/report/destinations';
import { readBanner, readClosedShadowRoot } from './closed-shadow';
import { expect, test } from './fixtures';

test.use({ build: 'chrome-mv3-demo' });

let store: DemoServer;
test.beforeAll(async () => {
  store = await startDemoStore();
});
test.afterAll(async () => {
  await store.close();
});

const STOOL = 'cozynest-step-stool';

/**
 * The demo store's product page at http://shop.test/ (the shop the demo build is allowed on, as if the
 * shopper had allowed it: the host permission lets the background screenshot the tab when the banner's
 * link is clicked; without it only the popup and the context menu, which grant `activeTab`, can).
 */
async function openProduct(
  context: BrowserContext,
  worker: Worker,
  handle = STOOL,
): Promise<{ page: Page; url: string }> {
  // The background registers the reader for the allowed shop when it starts; a page opened before that
  // would not be read.
  await expect
    .poll(async () => (await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length)
    .toBeGreaterThan(0);
  const url = `http://shop.test/products/${handle}`;
  const html = await (await fetch(`${store.origin}/products/${handle}`)).text();
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await context.newPage();
  await page.goto(url);
  await readBanner(page);
  return { page, url };
}

/** Opens the product page and clicks the banner's "Report a safety problem"; the report page. */
async function reportFromBanner(
  context: BrowserContext,
  worker: Worker,
  handle = STOOL,
): Promise<{ page: Page; report: Page }> {
  const { page } = await openProduct(context, worker, handle);
  const opened = context.waitForEvent('page');
  await readClosedShadowRoot(
    page,
    'recall-sentinel-banner',
    `function () { this.querySelector('button.report').click(); }`,
  );
  const report = await opened;
  await report.waitForURL(/\/report\.html\?tab=\d+/);
  await report.locator('[data-section="product"]').waitFor({ timeout: 30_000 });
  return { page, report };
}

/** Serves a stand-in for an official form at its real address, recording what was asked for. */
async function standIn(context: BrowserContext, url: string): Promise<string[]> {
  const asked: string[] = [];
  const u = new URL(url);
  await context.route(`${u.origin}/**`, (route) => {
    asked.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!-- hand-made stand-in for an official report form, for tests --><title>Stand-in form</title><h1>Form</h1>',
    });
  });
  return asked;
}

/**
 * The report as the popup and the context menu start it: their click grants `activeTab`, the tab is
 * captured and the image kept in session storage for the report page (utils/report/open-report.ts).
 * Playwright cannot give that gesture, so this stores what the capture stores (the tab as Playwright
 * renders it, larger than any screen) and opens the report page for the tab as they do.
 */
async function reportWithScreenshot(
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
): Promise<{ report: Page; product: Page; shot: { width: number; height: number } }> {
  const { page, url } = await openProduct(context, worker);
  const tabId = await tabIdForVerdict(worker, url);
  // A screenshot larger than any screen: the tab rendered at 2400 × 1800 by Playwright.
  const shot = { width: 2400, height: 1800 };
  await page.setViewportSize(shot);
  const png = `data:image/png;base64,${(await page.screenshot()).toString('base64')}`;
  await page.setViewportSize({ width: 1280, height: 860 });
  await worker.evaluate(
    async ([key, value]) => chrome.storage.session.set({ [key as string]: value }),
    [`report-shot:${tabId}`, png],
  );
  const report = await context.newPage();
  await report.goto(`chrome-extension://${extensionId}/report.html?tab=${tabId}`);
  await report.locator('[data-section="product"]').waitFor({ timeout: 30_000 });
  return { report, product: page, shot };
}

test('the banner opens a report pre-filled from the warned page, with its recall', async ({
  context,
  worker,
}) => {
  test.setTimeout(90_000);
  const { report } = await reportFromBanner(context, worker);
  const value = (name: string) => report.locator(`[name="${name}"]`).inputValue();
  expect(await value('title')).toBe('Kettlebrook CozyNest Toddler Step Stool, Natural');
  expect(await value('brand')).toBe('Kettlebrook');
  expect(await value('model')).toBe('KB-TS100');
  expect(await value('gtin')).toBe('850012345671');
  expect(await value('pageUrl')).toBe(`http://shop.test/products/${STOOL}`);
  await expect(report.getByTestId('missing')).toHaveCount(0);
  await expect(report.getByTestId('recall')).toContainText('Kettlebrook');
  await expect(report.getByTestId('recall').locator('a')).toHaveAttribute('href', /^https:\/\//);
  await expect(report.getByTestId('privacy')).toContainText('Nothing leaves this device');
  // A click in the page grants no `activeTab`, so the banner's report has no screenshot and says how to
  // get one.
  await expect(report.getByTestId('no-screenshot')).toContainText('right-click');
  // shop.test has no country; the browser says en-US: the CPSC leads.
  await expect(report.locator('input[name="destination"]:checked')).toHaveValue('cpsc');
  const shared = report.getByTestId('shared');
  await expect(shared.locator('tr[data-field="brand"] td.value')).toHaveText('Kettlebrook');
  await expect(shared.locator('tr[data-field="productName"] td.value')).toHaveText(/CozyNest/);
  await expect(shared.locator('tr[data-field="recall"] td.value')).toContainText('Kettlebrook');
  // Contact details are not shared unless the shopper adds them.
  await expect(shared.locator('tr[data-field="contact"] td.value')).toHaveText('not given');
  await report.getByRole('checkbox', { name: /Add my contact details/ }).check();
  await report.locator('[name="contactEmail"]').fill('me@example.org');
  await expect(shared.locator('tr[data-field="contact"] td.value')).toHaveText('me@example.org');

  // The page passes axe's WCAG 2.2 AA and best-practice rules, in the light and the dark theme.
  for (const colorScheme of ['light', 'dark'] as const) {
    await report.emulateMedia({ colorScheme });
    const { violations, passes } = await new AxeBuilder({ page: report })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(passes.find((x) => x.id === 'color-contrast')?.nodes.length ?? 0).toBeGreaterThan(0);
    expect(
      violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`)),
      colorScheme,
    ).toEqual([]);
  }
});

test('a description makes the package, the official form opens, and the case is logged', async ({
  context,
  worker,
  extensionId,
}) => {
  test.setTimeout(60_000);
  const { report, product, shot } = await reportWithScreenshot(context, worker, extensionId);
  // The huge screenshot is shown downscaled (1600 px on its long side) as a JPEG.
  const img = report.getByTestId('screenshot');
  await expect(img).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  expect(await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([
    1600,
    Math.round((1600 * shot.height) / shot.width),
  ]);
  expect(await report.locator('[name="brand"]').inputValue()).toBe('Kettlebrook');
  const hazard = 'The side rail came off while my son stood on it; he fell but was not hurt.';
  await report.locator('[name="hazard"]').fill(hazard);
  await report.locator('[name="incidentDate"]').fill('2026-11-30');
  await expect(report.getByTestId('shared').locator('tr[data-field="hazard"] td.value')).toHaveText(hazard);

  // One of the shopper's own photos (read on this device, downscaled like the screenshot).
  const photo = await product.screenshot({ clip: { x: 380, y: 60, width: 520, height: 390 } });
  await report
    .locator('input[name="photos"]')
    .setInputFiles({ name: 'rail.png', mimeType: 'image/png', buffer: photo });
  await expect(report.locator('ul.photos li')).toHaveCount(1);
  await expect(report.locator('[data-section="shared"]')).toContainText('Images in the report package: 2');

  // The package: JSON, the printable page and the screenshot, each a download.
  const downloads: { name: string; path: string }[] = [];
  report.on('download', async (d) => downloads.push({ name: d.suggestedFilename(), path: await d.path() }));
  await report.getByRole('button', { name: 'Download the report package' }).click();
  await expect.poll(() => downloads.length).toBe(3);
  const names = downloads.map((d) => d.name).sort();
  expect(names).toEqual([
    expect.stringMatching(/^RS-[0-9A-Z]{10}-screenshot\.jpeg$/),
    expect.stringMatching(/^RS-[0-9A-Z]{10}\.html$/),
    expect.stringMatching(/^RS-[0-9A-Z]{10}\.json$/),
  ]);
  const jsonFile = downloads.find((d) => d.name.endsWith('.json'));
  const json = JSON.parse(readFileSync(jsonFile?.path as string, 'utf8'));
  expect(json).toMatchObject({
    format: 'recall-sentinel-report',
    destination: { id: 'cpsc' },
    product: { brand: 'Kettlebrook', model: 'KB-TS100', gtin: '850012345671' },
    incident: { hazard, date: '2026-11-30' },
    contact: null,
  });
  expect(json.photos.map((p: { name: string }) => p.name)).toEqual(['rail.png']);
  expect(json.photos[0].dataUrl).toMatch(/^data:image\/jpeg;base64,/);
  const html = readFileSync(downloads.find((d) => d.name.endsWith('.html'))?.path as string, 'utf8');
  expect(html).toContain('The side rail came off');
  const jpeg = readFileSync(downloads.find((d) => d.name.endsWith('.jpeg'))?.path as string);
  expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

  // The official form: a stand-in at its address. No destination documents prefill parameters, so the
  // form's own address is opened as it is; the copy helper holds each value.
  const cpsc = destination('cpsc');
  const asked = await standIn(context, cpsc.url);
  const opened = context.waitForEvent('page');
  await report.getByRole('button', { name: 'Open the official form' }).click();
  const form = await opened;
  await form.waitForURL(cpsc.url);
  await expect(form.locator('h1')).toHaveText('Form');
  expect(asked[0]).toBe(cpsc.url);
  await expect(report.getByRole('status')).toContainText('The official form opened');

  // The case log: one entry (the download and the form are the same report), with a case number.
  const cases = report.locator('[data-section="cases"] li.case');
  await expect(cases).toHaveCount(1);
  await expect(cases).toContainText('SaferProducts.gov');
  await expect(cases.locator('.reminders li').first()).toContainText(
    'The CPSC sends your report to the firm within 5 working days',
  );
  await cases.locator('[name="caseNumber"]').fill('20261130-1234');
  await cases.getByRole('button', { name: 'Save' }).click();
  await expect(cases.getByRole('status')).toHaveText('Saved');
  await report.screenshot({ path: 'test-results/report.png', fullPage: true });

  const log = await context.newPage();
  await log.goto(report.url().replace(/\?.*$/, '?view=cases'));
  const kept = log.locator('li.case');
  await expect(kept).toHaveCount(1);
  await expect(kept.locator('[name="caseNumber"]')).toHaveValue('20261130-1234');
  await expect(kept).toContainText('CozyNest');

  // The shopper may take the screenshot out: the next package has none.
  await report.getByRole('button', { name: 'Remove the screenshot' }).click();
  await expect(report.getByTestId('no-screenshot')).toBeVisible();
  await expect(report.locator('[data-section="shared"]')).toContainText('Images in the report package: 1');
});

test('a shopper in China gets 12315 and the SAMR defect report, in Chinese, with the 12315 deadlines', async ({
  context,
  worker,
}) => {
  test.setTimeout(60_000);
  const { report } = await reportFromBanner(context, worker);
  await report.locator('select[name="userCountry"]').selectOption('CN');
  const first = report.locator('label.destination').first();
  await expect(first).toHaveAttribute('data-destination', 'cn-12315');
  await expect(first).toContainText('全国12315平台');
  await expect(report.locator('label.destination').nth(1)).toHaveAttribute('data-destination', 'samr-defect');
  await expect(report.locator('label.destination').nth(1)).toContainText('缺陷产品信息报告');
  await expect(report.locator('input[name="destination"]:checked')).toHaveValue('cn-12315');
  await expect(report.getByTestId('destination-facts')).toContainText('the firm: 10 working days');
  await expect(report.getByTestId('destination-facts')).toContainText('the authority: 7 working days');

  await standIn(context, destination('cn-12315').url);
  const opened = context.waitForEvent('page');
  await report.getByRole('button', { name: 'Open the official form' }).click();
  await (await opened).waitForURL(destination('cn-12315').url);
  const reminders = report.locator('[data-section="cases"] .reminders li');
  await expect(reminders).toHaveCount(2);
  await expect(reminders.first()).toContainText('The firm has 10 working days');
  await expect(reminders.nth(1)).toContainText('the authority has 7 working days');
  await report.locator('[data-section="cases"]').screenshot({ path: 'test-results/report-case-log.png' });
  // The choice of country is remembered for the next report.
  const next = await reportFromBanner(context, worker, 'tidewater-power-station');
  await expect(next.report.locator('select[name="userCountry"]')).toHaveValue('CN');
});

test('the popup’s link opens the report for its tab', async ({ context, worker, openPopupFor }) => {
  const { url } = await openProduct(context, worker, 'lumora-hand-warmer');
  const popup = await openPopupFor(url);
  const opened = context.waitForEvent('page');
  await popup.getByTestId('report-link').click();
  const report = await opened;
  await report.waitForURL(/\/report\.html\?tab=\d+/);
  await expect(report.locator('[name="brand"]')).toHaveValue('Lumora');
  await expect(report.locator('[name="model"]')).toHaveValue('LM-HW5000');
  await expect(report.getByTestId('recall')).toContainText('Lumora');
});

test('a page with nothing to read still gives a report, and says what is missing', async ({
  context,
  worker,
  extensionId,
}) => {
  const url = 'http://shop.test/about';
  await context.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!-- hand-made page with no product data, for tests --><title>About us</title><p>We sell lamps.</p>',
    }),
  );
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? null, url);
  expect(tabId).not.toBeNull();
  const report = await context.newPage();
  await report.goto(`chrome-extension://${extensionId}/report.html?tab=${tabId}`);
  await expect(report.getByTestId('missing')).toContainText(
    'Product name, Brand or manufacturer, Model, Barcode',
  );
  await expect(report.locator('[name="pageUrl"]')).toHaveValue(url);
  await expect(report.getByTestId('recall')).toContainText('No recall in our index matches');
  await report.locator('[name="title"]').fill('Desk lamp');
  await expect(report.getByTestId('shared').locator('tr[data-field="productName"] td.value')).toHaveText(
    'Desk lamp',
  );
});

test('a report sent to an organisation’s endpoint waits out a server error and an outage, and arrives once', async ({
  context,
  worker,
  extensionId,
}) => {
  test.setTimeout(90_000);
  // The organisation's endpoint, served here: down (500) at first, then out of reach, then up; it records
  // every POST it takes.
  const ENDPOINT = 'https://reports.test/intake';
  let state: 'down' | 'unreachable' | 'up' = 'down';
  const received: { key: string | null; body: { id: string; incident: { hazard: string } } }[] = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type, idempotency-key',
  };
  await context.route(ENDPOINT, async (route) => {
    const request = route.request();
    if (state === 'unreachable') return route.abort('internetdisconnected');
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    if (state === 'down') return route.fulfill({ status: 500, headers: cors, body: 'down for maintenance' });
    received.push({ key: await request.headerValue('idempotency-key'), body: request.postDataJSON() });
    return route.fulfill({ status: 201, headers: cors, body: '{}' });
  });

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.locator('[data-section="report-endpoint"]');
  await section.locator('[name="reportEndpoint"]').fill('http://reports.test/intake');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('alert')).toHaveText('Only an https address can receive reports.');
  await section.locator('[name="reportEndpoint"]').fill(ENDPOINT);
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByTestId('endpoint-saved')).toContainText(ENDPOINT);

  const { report } = await reportFromBanner(context, worker);
  const hazard = 'It sparked when plugged in.';
  await report.locator('[name="hazard"]').fill(hazard);
  await report.getByRole('button', { name: 'Send to reports.test' }).click();
  const item = report.locator('[data-section="outbox"] li');
  await expect(item).toHaveCount(1);
  await expect(item.locator('.outcome')).toHaveText(/answered 500 \(a server error\).*tried again/);
  await expect(item).toHaveAttribute('data-status', 'queued');
  // What is sent is shown as it is sent.
  await item.locator('summary').click();
  await expect(item.locator('pre.sent-body')).toContainText(hazard);

  // Offline: the attempt fails without reaching the endpoint, and the report stays.
  state = 'unreachable';
  await context.setOffline(true);
  await item.getByRole('button', { name: 'Try again now' }).click();
  await expect(item.locator('.outcome')).toHaveText(/could not be reached/);
  expect(received).toHaveLength(0);

  // The endpoint is back and so is the network: the page retries by itself and the report arrives once.
  state = 'up';
  await context.setOffline(false);
  await expect(item.locator('.outcome')).toHaveText('Delivered (the endpoint answered 201).');
  await expect(item).toHaveAttribute('data-status', 'sent');
  const reportId = await item.getAttribute('data-key');
  expect(received).toHaveLength(1);
  expect(received[0]?.key).toBe(reportId);
  expect(received[0]?.body).toMatchObject({ id: reportId, incident: { hazard } });

  // Pressing Send again, or opening the outbox elsewhere, sends nothing more.
  await report.getByRole('button', { name: 'Send to reports.test' }).click();
  await options.reload();
  await expect(options.locator('[data-section="report-endpoint"] li[data-status="sent"]')).toHaveCount(1);
  await expect(options.locator('[data-section="report-endpoint"] li')).toHaveCount(1);
  expect(received).toHaveLength(1);
});

test.describe('in Chinese', () => {
  test.use({ uiLanguage: 'zh-CN' });

  test('the report speaks Chinese and a shopper in China is offered 12315, then the SAMR defect report', async ({
    context,
    worker,
  }) => {
    const { report } = await reportFromBanner(context, worker);
    await expect(report.locator('h1')).toHaveText('报告产品安全问题');
    // The shopper's country comes from the browser's language.
    await expect(report.locator('select[name="userCountry"]')).toHaveValue('CN');
    const routes = report.locator('label.destination');
    await expect(routes.nth(0)).toHaveAttribute('data-destination', 'cn-12315');
    await expect(routes.nth(0).locator('strong')).toHaveText('全国12315平台 消费投诉');
    await expect(routes.nth(1)).toHaveAttribute('data-destination', 'samr-defect');
    await expect(routes.nth(1).locator('strong')).toHaveText('缺陷产品信息报告');
    await expect(report.getByTestId('destination-facts')).toContainText('经营者：10 个工作日');
    await expect(report.getByTestId('shared').locator('tr[data-field="seller"] th')).toContainText('销售者');
    await report.setViewportSize({ width: 1000, height: 1400 });
    await report.locator('[data-section="destination"]').screenshot({ path: 'test-results/report-zh.png' });
  });
});
