/**
 * Syncing from a published Recall Sentinel index in real Chromium: a full first download, a delta with a
 * correction and a withdrawal, a checksum mismatch and a bad signature that keep the old index, and a
 * service worker stopped mid-download that resumes where it stopped. The feed server signs every
 * manifest with the test key the demo build pins (feed-server.ts).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { stopServiceWorkers } from '../../scripts/lib/browser';
import { signManifest } from '../../scripts/lib/index-signing';
import type { PublishedBuild } from '../../scripts/lib/published-builder';
import { recall } from '../unit/support/factories';
import { OTHER_SIGN_KEY } from '../unit/support/index-keys';
import { readBanner } from './closed-shadow';
import { feedServerForEachTest } from './feed-server';
import { expect, starterRecords, test, verdictFor } from './fixtures';
import { amazonListing as listing } from './listing';
import { buildCpscIndex, usePublishedIndex as useIndexAt } from './published-index';

const STOOL = recall('80001', { brands: ['Kettlebrook'], gtins: ['00850012345671'] });
const BOARD = recall('80002', { brands: ['Harbor Lane'], gtins: ['00850098765431'] });

const server = feedServerForEachTest();

const build = buildCpscIndex;

function serve(b: PublishedBuild, extraFiles: Map<string, Uint8Array> = new Map()) {
  for (const [file, bytes] of [...extraFiles, ...b.files]) {
    server.routes.set(`/index/${file}`, {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }
}

const usePublishedIndex = (worker: Worker) => useIndexAt(worker, `${server.origin}/index/manifest.json`);

async function syncNow(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByTestId('sync-message')).not.toHaveText(/Syncing/, { timeout: 20_000 });
  return options;
}

async function statusOf(
  worker: Worker,
  openAt: (u: string, f: { html: string }) => Promise<Page>,
  upc: string,
  n: number,
) {
  const url = `https://www.amazon.com/dp/B0PUB0000${n}`;
  await openAt(url, { html: listing(`B0PUB0000${n}`, upc) });
  return (await verdictFor(worker, url)).status;
}

test('downloads a published index, then applies a delta with a correction and a withdrawal', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  const v1 = await build([STOOL], '2026-11-20T00:00:00Z');
  serve(v1);
  await usePublishedIndex(worker);
  const options = await syncNow(context, extensionId);
  // The technical account is on hover; the words say what happened.
  await expect(options.getByTestId('sync-message')).toContainText(
    /Recall Sentinel index: [\d,]+ recalls? downloaded/,
  );
  await expect(options.getByTestId('sync-message')).toHaveAttribute('title', /downloaded index/);
  expect(await statusOf(worker, openAt, '850012345671', 1)).toBe('warning');

  // v2: the stool recall is withdrawn, the board recall arrives.
  const v2 = await build([BOARD], '2026-11-21T00:00:00Z', v1);
  server.routes.clear();
  serve(v2);
  server.requests.length = 0;
  const again = await syncNow(context, extensionId);
  // The technical account is on hover; the words say what happened.
  await expect(again.getByTestId('sync-message')).toHaveAttribute('title', /delta/);
  expect(server.requests.some((r) => r.includes('/shards/'))).toBe(false);
  expect(await statusOf(worker, openAt, '850012345671', 2)).toBe('no-match');
  expect(await statusOf(worker, openAt, '850098765431', 3)).toBe('warning');
});

test('a published record’s javascript: link and foreign images never reach the banner (issue 14, finding 3)', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  const hostile = recall(
    '80003',
    { brands: ['Kettlebrook'], gtins: ['00850012345671'] },
    {
      url: 'javascript:alert(document.domain)',
      images: [{ url: 'https://tracker.example/p.gif', caption: null }],
    },
  );
  serve(await build([hostile], '2026-11-20T00:00:00Z'));
  await usePublishedIndex(worker);
  const options = await syncNow(context, extensionId);
  // The technical account is on hover; the words say what happened.
  await expect(options.getByTestId('sync-message')).toHaveAttribute('title', /downloaded index/);
  const page = await openAt('https://www.amazon.com/dp/B0PUB00009', {
    html: listing('B0PUB00009', '850012345671'),
  });
  const banner = await readBanner(page);
  expect(banner.value.link).toBeNull();
});

test('a shard that fails its checksum leaves the previous index in place', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  const v1 = await build([BOARD], '2026-11-20T00:00:00Z');
  const shard = v1.manifest.shards[0]?.file as string;
  serve(v1);
  server.routes.set(`/index/${shard}`, {
    body: '{"format":"recall-sentinel-shard","formatVersion":1,"recalls":[]}',
  });
  await usePublishedIndex(worker);
  const options = await syncNow(context, extensionId);
  await expect(options.getByTestId('sync-message')).toContainText('checksum');
  await expect(options.getByTestId('sync-message')).toContainText('the previous index is kept');
  // The starter data is still there.
  expect(await statusOf(worker, openAt, '850012345671', 4)).toBe('warning');
});

test('a manifest whose signature does not verify leaves the previous index, and the status says why (issue 14, finding 1)', async ({
  context,
  worker,
  extensionId,
  openAt,
}) => {
  const v1 = await build([STOOL], '2026-11-20T00:00:00Z');
  serve(v1);
  await usePublishedIndex(worker);
  const first = await syncNow(context, extensionId);
  await expect(first.getByTestId('sync-message')).toHaveAttribute('title', /downloaded index/);

  // v2 withdraws the stool recall, but its manifest is signed by a key the build does not pin.
  const v2 = await build([BOARD], '2026-11-21T00:00:00Z', v1);
  server.routes.clear();
  serve(v2);
  const manifest = v2.files.get('manifest.json') as Uint8Array;
  server.routes.set('/index/manifest.json.sig', { body: signManifest(manifest, OTHER_SIGN_KEY) });
  server.requests.length = 0;
  const options = await syncNow(context, extensionId);
  await expect(options.getByTestId('sync-message')).toContainText(
    'not signed by a key this build trusts (bad signature)',
  );
  await expect(options.getByTestId('sync-message')).toContainText('the previous index is kept');
  expect(server.requests.filter((r) => r.includes('/shards/') || r.includes('/deltas/'))).toEqual([]);
  // The table dates the live index by its own manifest (v1's, built days ago), names its host, and
  // gives the reason for the refusal.
  const row = options.locator('tr[data-source="published"]');
  await expect(row).toContainText(/built \d+ days ago, checked/);
  await expect(row).toContainText(`from ${new URL(server.origin).host}`);
  await expect(row.locator('td.error')).toContainText('bad signature');
  expect(await statusOf(worker, openAt, '850012345671', 5)).toBe('warning');
  expect(await statusOf(worker, openAt, '850098765431', 6)).toBe('no-match');
});

test('a service worker stopped mid-download resumes without fetching finished shards again', async ({
  context,
  worker,
  extensionId,
}) => {
  const many = Array.from({ length: 12_000 }, (_, i) =>
    recall(String(100_000 + i), { models: [`ZX-${100_000 + i}`] }),
  );
  const v1 = await build(many, '2026-11-20T00:00:00Z');
  expect(v1.manifest.shards.length).toBeGreaterThan(2);
  serve(v1);
  const last = v1.manifest.shards.at(-1)?.file as string;
  const lastRoute = server.routes.get(`/index/${last}`);
  server.routes.set(`/index/${last}`, { ...(lastRoute as { body: Uint8Array }), delayMs: 60_000 });
  await usePublishedIndex(worker);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => server.requests.includes(`/index/${last}`), { timeout: 20_000 }).toBe(true);

  // Stop the extension's service worker while it waits for the last shard, as the browser would.
  await stopServiceWorkers(context, options);
  await options.close();

  server.routes.set(`/index/${last}`, lastRoute as { body: Uint8Array });
  server.requests.length = 0;
  const resumed = await syncNow(context, extensionId);
  // The technical account is on hover; the words say what happened.
  await expect(resumed.getByTestId('sync-message')).toHaveAttribute('title', /downloaded index/);
  expect(server.requests.filter((r) => r.includes('/shards/'))).toEqual([`/index/${last}`]);
  // The published index replaces the CPSC records; the starter's openFDA records stay beside them.
  const openfda = starterRecords().bySource.openfda ?? 0;
  await expect(resumed.getByTestId('storage')).toContainText(
    `${(12_000 + openfda).toLocaleString('en-US')} recalls on this device`,
  );
  void worker;
});
