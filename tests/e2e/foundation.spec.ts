/**
 * The foundation path, end to end in real Chromium with the production build loaded:
 * product page at its real URL → identity extracted → looked up in IndexedDB → banner in a closed
 * shadow root → the popup's verdict and recall details.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBanner, readClosedShadowRoot } from './closed-shadow';
import { expect, test, verdictFor } from './fixtures';

const STOOL_URL = 'https://www.amazon.com/Kettlebrook-CozyNest-Toddler-Step-Stool/dp/B0DEMO0001';
const WARMER_URL = 'https://www.amazon.com/dp/B0DEMO0002';

test('loads the bundled recalls into IndexedDB on install', async ({ worker }) => {
  const records = await worker.evaluate(async () => {
    for (let i = 0; i < 50; i++) {
      const n = await new Promise<number>((resolve) => {
        const open = indexedDB.open('recall-sentinel');
        open.onsuccess = () => {
          const db = open.result;
          // Records are stored in runs (utils/recall-index/runs.ts), each of which counts its records.
          if (!db.objectStoreNames.contains('runs')) return resolve(0);
          const req = db.transaction('runs').objectStore('runs').getAll();
          req.onsuccess = () => resolve(req.result.reduce((n, run) => n + run.count, 0));
        };
      });
      if (n > 0) return n;
      await new Promise((r) => setTimeout(r, 100));
    }
    return 0;
  });
  expect(records).toBeGreaterThan(9000); // the real starter (CPSC) plus the demo build's 4
});

test('warns on an Amazon listing whose UPC is in a recall, inside a closed shadow root', async ({
  openAt,
}) => {
  const page = await openAt(STOOL_URL, { file: 'amazon/product-expander.html' });
  const host = page.locator('recall-sentinel-banner');
  // The first banner after install waits for the starter data to load (slower on a loaded machine).
  await expect(host).toHaveAttribute('data-state', 'warning', { timeout: 30_000 });
  await expect(host).toHaveAttribute('data-tier', 'confirmed');
  await expect(host).toHaveAttribute('data-recall-ids', 'cpsc:90001');

  // The page cannot look inside, and neither can ordinary locators.
  expect(await host.evaluate((el) => el.shadowRoot)).toBeNull();
  await expect(page.getByText('Kettlebrook Recalls CozyNest')).toHaveCount(0);

  const banner = await readBanner(page);
  expect(banner.shadowRootType).toBe('closed');
  expect(banner.value.title).toBe('Kettlebrook Recalls CozyNest Toddler Step Stools Due to Fall Hazard');
  expect(banner.value.text).toContain('Confirmed match');
  expect(banner.value.text).toContain('Hazard:');
  expect(banner.value.text).toContain('What to do:');
  expect(banner.value.link).toMatch(/^https:\/\/www\.cpsc\.gov\/Recalls\//);
});

test('the popup shows the recall, why it matched and how fresh the index is', async ({
  openAt,
  openPopupFor,
}) => {
  await openAt(STOOL_URL, { file: 'amazon/product-expander.html' });
  const popup = await openPopupFor(STOOL_URL);
  await expect(popup.locator('[data-status]')).toHaveAttribute('data-status', 'warning');
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('This product matches a recall');
  const card = popup.locator('article.card[data-recall-id="cpsc:90001"]');
  await expect(card).toHaveAttribute('data-tier', 'confirmed');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(
    'Kettlebrook Recalls CozyNest Toddler Step Stools Due to Fall Hazard',
  );
  await expect(card).toContainText('Hazard');
  await expect(card).toContainText('What to do');
  await expect(card).toContainText('Barcode 850012345671');
  await expect(card.getByRole('link', { name: 'Read the official notice' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.cpsc\.gov\/Recalls\//,
  );
  await expect(popup.getByTestId('freshness')).toContainText(
    /\d{1,3}(?:,\d{3})+ recalls from CPSC and openFDA/,
  );
});

test('warns with "likely" when brand and model agree but the listing shows no barcode', async ({
  openAt,
}) => {
  const page = await openAt(WARMER_URL, { file: 'amazon/product-techspec-2021.html' });
  await expect(page.locator('recall-sentinel-banner')).toHaveAttribute('data-tier', 'likely');
  const banner = await readBanner(page);
  expect(banner.value.title).toBe('Lumora Recalls Rechargeable Hand Warmers Due to Burn and Fire Hazards');
});

test('lists a listing that shows only the brand and the recalled product name as a possible match, in the popup only', async ({
  openAt,
  openPopupFor,
  worker,
}) => {
  // Target's parent listing: no variant chosen, so no barcode; the title is the notice's product name.
  const url = 'https://www.target.com/p/kettlebrook-cozynest-toddler-step-stool/-/A-91234567';
  const page = await openAt(url, { file: 'target/product.html' });
  expect((await verdictFor(worker, url)).status).toBe('possible');
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);

  const popup = await openPopupFor(url);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Possible recall match');
  await expect(popup.locator('[data-status]')).toContainText(
    'similar to a recalled product from the same brand',
  );
  const card = popup.locator('article.card[data-recall-id="cpsc:90001"]');
  await expect(card).toHaveAttribute('data-tier', 'possible');
  await expect(card).toContainText(
    'Possible: similar product name from the same brand — check the model on your item.',
  );
  await expect(card).toContainText('Title ≈ product name: "Kettlebrook CozyNest Toddler Step Stool"');
  await expect(card).toContainText('Only the brand and a similar product name agree');
});

test('says "no recall found", never "safe", when nothing matches', async ({
  openAt,
  openPopupFor,
  worker,
}) => {
  const url = 'https://www.amazon.de/dp/B0DEMO0003';
  const page = await openAt(url, { file: 'amazon/product-detail-bullets-de.html' });
  expect((await verdictFor(worker, url)).status).toBe('no-match');
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
  const popup = await openPopupFor(url);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText('No recall found');
  await expect(popup.locator('body')).toContainText('not a safety guarantee');
  await expect(popup.locator('body')).not.toContainText(/\bsafe\b(?! guarantee)/i);
});

test('says it could not read a product page that shows no identifiers', async ({
  openAt,
  openPopupFor,
  worker,
}) => {
  const url = 'https://www.amazon.com/dp/B0DEMO0009';
  await openAt(url, {
    html: `<!doctype html><html><head><title>Amazon.com</title></head><body><div id="dp-container">
      <input type="hidden" id="ASIN" name="ASIN" value="B0DEMO0009">
      <span id="productTitle">Handmade ceramic mug</span></div></body></html>`,
  });
  expect((await verdictFor(worker, url)).status).toBe('unreadable');
  const popup = await openPopupFor(url);
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText("Couldn't read this page");
});

test('the background refuses lookups from extension pages and malformed messages', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html?tab=999999`);
  const answers = await page.evaluate(async () => [
    await chrome.runtime.sendMessage({ type: 'no-such-request' }),
    await chrome.runtime.sendMessage({
      type: 'lookup',
      page: { marketplace: null, pageType: 'product', url: 'x' },
      identities: [],
    }),
    await chrome.runtime.sendMessage({ type: 'tab-verdict', tabId: -4 }),
  ]);
  for (const a of answers) expect(a).toMatchObject({ ok: false });
});

test('the production manifest runs only on marketplace pages, and asks for no other site at install', () => {
  const manifest = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json'), 'utf8'),
  );
  const matches: string[] = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
  expect(matches).toContain('https://www.amazon.com/*');
  expect(matches.some((m) => m.includes('localhost') || m.includes('127.0.0.1') || m === '<all_urls>')).toBe(
    false,
  );
  // The any-shop reader is registered at run time, for the sites the user allows.
  const scripts: string[] = manifest.content_scripts.flatMap((c: { js: string[] }) => c.js);
  expect(scripts).not.toContain('content-scripts/any-shop.js');
  // Host permissions: only product pages read for carts on another host, each already a content-script host.
  expect(manifest.host_permissions).toContain('https://item.jd.com/*');
  for (const host of manifest.host_permissions) expect(matches, host).toContain(host);
  // Other shops and the feeds without open CORS are asked for only when the user turns them on.
  expect(manifest.optional_host_permissions).toEqual(
    expect.arrayContaining(['https://*/*', 'http://*/*', 'https://ec.europa.eu/*']),
  );
  expect(manifest.permissions).toEqual([
    'storage',
    'alarms',
    // No `webNavigation` ("Read your browsing history"): the content script follows its page (issue 14).
    'scripting',
    'notifications',
    'activeTab',
    // "Report a safety problem with this product" on the page's context menu (issue 12).
    'contextMenus',
  ]);
});

test('"Not this product" hides the warning for that listing and is remembered', async ({
  openAt,
  context,
  worker,
}) => {
  const page = await openAt(STOOL_URL, { file: 'amazon/product-expander.html' });
  await page.locator('recall-sentinel-banner[data-state="warning"]').waitFor();
  await readClosedShadowRoot(
    page,
    'recall-sentinel-banner',
    `function () { this.querySelector('button.not-this').click(); }`,
  );
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
  await expect.poll(async () => (await verdictFor(worker, STOOL_URL)).status).toBe('no-match');

  const again = await context.newPage();
  await again.goto(STOOL_URL);
  await expect.poll(async () => (await verdictFor(worker, STOOL_URL)).status).toBe('no-match');
  await expect(again.locator('recall-sentinel-banner')).toHaveCount(0);
});
