/**
 * A recall announced in another market than the shop's is worded as such: an EU Safety Gate alert,
 * synced from the local feed server, warns on an amazon.com listing printing its barcode, and the popup's
 * card says "Recalled in the EU — not announced in the US" above the same evidence. The card shows the
 * authority's picture of the product (served here at the authority's own address), and nothing when the
 * picture fails to load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { feedServerForEachTest } from './feed-server';
import { expect, FIXTURES, test, verdictFor } from './fixtures';
import { amazonListing } from './listing';

const EU = path.resolve(FIXTURES, '../feeds/eu-safety-gate');
const BARCODE = '8712345000011';
const ASIN = 'B0EUTOY001';
const LISTING = `https://www.amazon.com/dp/${ASIN}`;
/** Where the mapper says Safety Gate serves the alert's photos (utils/feeds/eu-safety-gate/detail.ts). */
const PHOTOS = 'https://ec.europa.eu/safety-gate-alerts/public/api/notification/image/*';
/** Hand-made stand-in for the authority's photo: a rainbow stacking tower. */
const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72"><rect width="72" height="72" fill="#fafafa"/>
<rect x="33" y="10" width="6" height="52" fill="#8d6e63"/><rect x="14" y="56" width="44" height="8" rx="2" fill="#6d4c41"/>
<rect x="18" y="46" width="36" height="9" rx="4" fill="#e53935"/><rect x="21" y="37" width="30" height="9" rx="4" fill="#fb8c00"/>
<rect x="24" y="28" width="24" height="9" rx="4" fill="#fdd835"/><rect x="27" y="19" width="18" height="9" rx="4" fill="#43a047"/>
<circle cx="36" cy="14" r="5" fill="#1e88e5"/></svg>`;

/** Feeds other than the EU's are turned off: this spec is about one foreign recall. */
const OTHER_FEEDS = ['cpsc', 'openfda', 'health-canada', 'uk-opss', 'accc', 'rappelconso', 'samr'];

const server = feedServerForEachTest();

function serveSafetyGate(): void {
  server.routes.set('/safety-gate-alerts/public/api/notification/mostRecent/', {
    body: readFileSync(path.join(EU, 'list-sync.json')),
    headers: {
      'access-control-allow-methods': 'POST, GET',
      'access-control-allow-headers': 'content-type, accept',
    },
  });
  server.routes.set('/safety-gate-alerts/public/api/notification/10200001', {
    body: readFileSync(path.join(EU, 'alert-toy.json')),
  });
}

/** Syncs the EU feed from the local server through the options page's "Sync now". */
async function syncSafetyGate(context: BrowserContext, worker: Worker, extensionId: string): Promise<void> {
  serveSafetyGate();
  await worker.evaluate(
    async ({ others, baseUrl }) => {
      const feeds = Object.fromEntries(others.map((id) => [id, { enabled: false }]));
      await chrome.storage.local.set({
        settings: { feeds: { ...feeds, 'eu-safety-gate': { enabled: true, baseUrl } } },
      });
    },
    { others: OTHER_FEEDS, baseUrl: server.origin },
  );
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-message')).not.toHaveText(/Syncing/, { timeout: 20_000 });
  await expect(options.locator('tr[data-source="eu-safety-gate"] td').first()).toHaveText('2');
  await options.close();
}

async function popupForListing(
  openAt: (url: string, fixture: { html: string }) => Promise<Page>,
  openPopupFor: (url: string) => Promise<Page>,
  worker: Worker,
): Promise<Page> {
  await openAt(LISTING, { html: amazonListing(ASIN, BARCODE) });
  expect((await verdictFor(worker, LISTING)).status).toBe('warning');
  return openPopupFor(LISTING);
}

test('an EU Safety Gate recall on an amazon.com listing is worded as recalled in the EU, with its photo', async ({
  context,
  worker,
  extensionId,
  openAt,
  openPopupFor,
}) => {
  test.setTimeout(60_000);
  const photoRequests: string[] = [];
  await context.route(PHOTOS, (route) => {
    photoRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PHOTO });
  });
  await syncSafetyGate(context, worker, extensionId);
  const popup = await popupForListing(openAt, openPopupFor, worker);

  const card = popup.locator('article.card[data-recall-id^="eu-safety-gate:"]');
  await expect(card).toHaveCount(1);
  await expect(card.locator('[data-where]')).toHaveText('Recalled in the EU — not announced in the US');
  await expect(card.locator('[data-where]')).toHaveAttribute('data-where', 'elsewhere');
  // The same evidence as any warning: the barcode printed on the listing and in the notice.
  await expect(card.locator('.why')).toContainText(`Barcode ${BARCODE}`);

  const image = card.locator('img.card-image');
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^https:\/\/ec\.europa\.eu\/safety-gate-alerts\//);
  await expect(image).toHaveAttribute('loading', 'lazy');
  await expect(image).toHaveAttribute('width', '72');
  await expect(image).toHaveAttribute('height', '72');
  const alt = await image.getAttribute('alt');
  expect(alt?.trim()).toBeTruthy();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(photoRequests.length).toBeGreaterThan(0);

  // The date stays on one line.
  const date = card.locator('.card-kicker .nowrap').last();
  const box = await date.boundingBox();
  const lineHeight = await date.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 16);
  expect(box?.height ?? 0).toBeLessThan(lineHeight * 1.5);

  await popup.screenshot({ path: 'test-results/popup-recalled-elsewhere.png', fullPage: true });
});

test('a card whose photo fails to load shows no picture at all', async ({
  context,
  worker,
  extensionId,
  openAt,
  openPopupFor,
}) => {
  test.setTimeout(60_000);
  let answered = 0;
  await context.route(PHOTOS, async (route) => {
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    answered += 1;
  });
  await syncSafetyGate(context, worker, extensionId);
  const popup = await popupForListing(openAt, openPopupFor, worker);

  const card = popup.locator('article.card[data-recall-id^="eu-safety-gate:"]');
  await expect(card.locator('[data-where]')).toHaveText('Recalled in the EU — not announced in the US');
  // The photo was asked for and refused; the card then drops the element (no broken-image icon).
  await expect.poll(() => answered).toBeGreaterThan(0);
  await expect(card.locator('img')).toHaveCount(0);
});

/** The demo store's step stool listing (a CPSC recall, "… for a full refund.", options ["Refund"]). */
const STOOL_PATH = '/Kettlebrook-CozyNest-Toddler-Natural-Kitchen/dp/B0DEMO0001/';
const CPSC_PHOTOS = 'https://www.cpsc.gov/s3fs-public/*';

test('a US recall on amazon.com adds no "recalled elsewhere" line, and its remedy does not repeat itself', async ({
  context,
  openAt,
  openPopupFor,
}) => {
  await context.route(CPSC_PHOTOS, (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PHOTO }),
  );
  const url = `https://www.amazon.com${STOOL_PATH}`;
  await openAt(url, { file: 'amazon/product-expander.html' });
  const popup = await openPopupFor(url);
  const card = popup.locator('article.card[data-recall-id="cpsc:90001"]');
  await expect(card.locator('.facts')).toContainText('full refund');
  await expect(card.locator('[data-where]')).toHaveCount(0);
  await expect(card.locator('.options')).toHaveCount(0);
  await expect(card).not.toContainText('(Refund)');
  await expect(card.locator('img.card-image')).toHaveAttribute(
    'alt',
    'Kettlebrook CozyNest Toddler Step Stools',
  );
  await popup.screenshot({ path: 'test-results/popup-us-recall.png', fullPage: true });
});

test('a US recall on amazon.co.uk says it was not announced in the UK', async ({
  context,
  openAt,
  openPopupFor,
}) => {
  await context.route(CPSC_PHOTOS, (route) => route.fulfill({ status: 404, body: '' }));
  const url = `https://www.amazon.co.uk${STOOL_PATH}`;
  await openAt(url, { file: 'amazon/product-expander.html' });
  const popup = await openPopupFor(url);
  const card = popup.locator('article.card[data-recall-id="cpsc:90001"]');
  await expect(card.locator('[data-where]')).toHaveText('Recalled in the US — not announced in the UK');
});

test('a US recall on a JD Worldwide listing says it was not announced in China, and that the item is imported', async ({
  openAt,
  openPopupFor,
  context,
}) => {
  await context.route(CPSC_PHOTOS, (route) => route.fulfill({ status: 404, body: '' }));
  const url = 'https://npcitem.jd.hk/100012345678.html';
  await openAt(url, { file: 'jd/product-classic.html' });
  const popup = await openPopupFor(url);
  const card = popup.locator('article.card[data-recall-id^="cpsc:"]').first();
  await expect(card.locator('[data-where]')).toHaveText('Recalled in the US — not announced in China');
  await expect(card.locator('.cross-border')).toHaveText(
    'JD Worldwide listing: imported into China from abroad',
  );
  await popup.screenshot({ path: 'test-results/popup-jd-worldwide.png', fullPage: true });
});
