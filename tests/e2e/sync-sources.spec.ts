/**
 * Every official source that needs more than one request syncs in real Chromium with the production
 * build: each feed's base URL points at one local feed server, which serves our fixtures at the paths
 * the official APIs use (openFDA pages and its 404 "No matches found", a POST list then a detail for the
 * EU, the daily file for Health Canada, offset pages for RappelConso, a search then content
 * items for the UK, RSS text then notice pages for the ACCC, a list page then a GB2312 notice for SAMR). One "Sync now" on
 * the options page runs them all; each source's row shows its records and a listing with one of its
 * barcodes gets a warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { type FeedServer, feedServerForEachTest } from './feed-server';
import { expect, FIXTURES, test, verdictFor } from './fixtures';
import { amazonListing as listing } from './listing';

const FEEDS = path.resolve(FIXTURES, '../feeds');
const file = (name: string) => readFileSync(path.join(FEEDS, name));
const json = (name: string) => JSON.parse(file(name).toString('utf8'));

/** Records each source's fixtures map to (see the feeds' unit tests). */
const EXPECTED: Record<string, number> = {
  openfda: 8,
  'eu-safety-gate': 2,
  'health-canada': 3,
  rappelconso: 5,
  'uk-opss': 2,
  accc: 3,
  samr: 2,
};

/** A barcode per source, printed on its recalled product; Health Canada's file carries none. */
const BARCODES: Record<string, string> = {
  openfda: '012345000027',
  'eu-safety-gate': '8712345000011',
  rappelconso: '3760123450010',
  'uk-opss': '5060012345679',
  accc: '9312345678907',
  samr: '6901234567892',
};

/** The ACCC notice page served, and a barcode printed only there (not in the RSS). */
const ACCC_NOTICE = '/recalls/kitchenly-glass-storage-set';
const ACCC_PAGE_BARCODE = '9350000123454';

function serveFixtures(server: FeedServer): void {
  // openFDA: food and device answer with records; drug has nothing in the window (HTTP 404).
  server.routes.set('/food/enforcement.json', { body: file('openfda/food-enforcement.json') });
  server.routes.set('/device/enforcement.json', { body: file('openfda/device-enforcement.json') });
  server.routes.set('/drug/enforcement.json', { status: 404, body: file('openfda/not-found.json') });
  // EU Safety Gate: the list is a POST with a JSON body, so the preflight must allow content-type.
  server.routes.set('/safety-gate-alerts/public/api/notification/mostRecent/', {
    body: file('eu-safety-gate/list-sync.json'),
    headers: {
      'access-control-allow-methods': 'POST, GET',
      'access-control-allow-headers': 'content-type, accept',
    },
  });
  server.routes.set('/safety-gate-alerts/public/api/notification/10200001', {
    body: file('eu-safety-gate/alert-toy.json'),
  });
  server.routes.set('/sites/default/files/opendata-donneesouvertes/HCRSAMOpenData.json', {
    body: file('health-canada/open-data-rows.json'),
    headers: { etag: '"hc-1"' },
  });
  server.routes.set('/api/explore/v2.1/catalog/datasets/rappelconso-v2-gtin-trie/records', {
    body: file('rappelconso/records.json'),
  });
  server.routes.set('/api/search.json', { body: file('uk-opss/search-sync.json') });
  const bundle = json('uk-opss/bundle.json') as Array<{ base_path: string }> | { results: [] };
  for (const item of [
    json('uk-opss/content-item.json'),
    ...(Array.isArray(bundle) ? bundle : bundle.results),
  ]) {
    server.json(`/api/content${item.base_path}`, item);
  }
  server.routes.set('/rss/feed.xml/psa_recall', {
    body: file('accc/recalls.xml'),
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
  // ACCC: one item's notice page is served; the other two answer 404 and keep their RSS records.
  server.routes.set(ACCC_NOTICE, {
    body: file('accc/notice-kitchenly-glass-storage-set.html'),
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  server.routes.set('/xfpzh/', {
    body: file('samr/list.html'),
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  server.routes.set('/xfpzh/xfpzhgg/202603/t20260305_0001.html', {
    body: file('samr/notice-gbk.html'),
    headers: { 'content-type': 'text/html; charset=GB2312' },
  });
  server.routes.set('/xfpzh/xfpzhgg/202601/t20260112_0002.html', {
    body: file('samr/notice-prose.html'),
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

async function pointFeedsAt(worker: Worker, origin: string) {
  await worker.evaluate(
    async ({ ids, baseUrl }) => {
      const feeds = Object.fromEntries(ids.map((id) => [id, { enabled: true, baseUrl }]));
      // CPSC stays off: this spec is about the multi-request sources.
      await chrome.storage.local.set({ settings: { feeds: { ...feeds, cpsc: { enabled: false } } } });
    },
    { ids: Object.keys(EXPECTED), baseUrl: origin },
  );
}

const server = feedServerForEachTest();

test('every multi-request source syncs from the local feed server and its records warn on a listing', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  test.setTimeout(60_000);
  serveFixtures(server);
  await pointFeedsAt(worker, server.origin);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const name of ['openFDA', 'Safety Gate', 'Health Canada', 'RappelConso', 'OPSS', 'ACCC', 'SAMR']) {
    await expect(options.locator('ul.feeds label', { hasText: name }).locator('input')).toBeChecked();
  }
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-message')).not.toHaveText(/Syncing/, { timeout: 20_000 });
  const message = options.getByTestId('sync-message');
  await expect(message).not.toContainText('previous index is kept');

  for (const [source, records] of Object.entries(EXPECTED)) {
    const row = options.locator(`tr[data-source="${source}"]`);
    await expect(row.locator('td').first(), source).toHaveText(String(records));
    await expect(row.locator('td.error'), source).toHaveCount(0);
  }
  // The walks asked for what the official APIs would have been asked for.
  expect(
    server.requests.filter((r) => r.startsWith('/drug/enforcement.json?search=report_date:[')),
  ).toHaveLength(1);
  expect(server.requests).toContain('/safety-gate-alerts/public/api/notification/10200001?language=en');
  expect(server.requests).toContain('/xfpzh/xfpzhgg/202603/t20260305_0001.html');
  expect(server.requests).toContain(ACCC_NOTICE);
  // The two ACCC notice pages that answer 404 are counted in the Skipped column and named in its title.
  const acccSkipped = options.locator('tr[data-source="accc"] td').nth(1);
  await expect(acccSkipped).toHaveText('2');
  await expect(acccSkipped).toHaveAttribute('title', /notice page .*: HTTP 404; its RSS item is kept/);

  let n = 0;
  for (const [source, upc] of Object.entries(BARCODES)) {
    n += 1;
    const asin = `B0SRC0000${n}`;
    const url = `https://www.amazon.com/dp/${asin}`;
    await openAt(url, { html: listing(asin, upc) });
    expect((await verdictFor(worker, url)).status, source).toBe('warning');
  }
  // The ACCC record took the barcode its notice page prints: a listing with it warns too.
  const pageListing = 'https://www.amazon.com/dp/B0SRCACCC1';
  await openAt(pageListing, { html: listing('B0SRCACCC1', ACCC_PAGE_BARCODE) });
  expect((await verdictFor(worker, pageListing)).status, 'accc notice page').toBe('warning');
});
