/**
 * Faults injected into a published-index sync in real Chromium with the demo build (issue 14, "fault
 * injection"): 5xx and 429 storms, a connection dropped mid-download, a truncated delta, a checksum
 * mismatch, a bad signature, a redirect elsewhere, the service worker stopped at a representative set
 * of points, and the browser closed mid-sync. After each, the index the
 * extension holds (read from its IndexedDB and hashed, faulty-index-server.ts) is exactly the old
 * version or the new one, and the status says what happened.
 *
 * The worker is stopped here while it waits on each kind of request (manifest, signature, every shard
 * of a full download, a delta); tests/unit/recall-index/crash-points.test.ts stops it before every
 * single IndexedDB write of a sync, and storage quota exceeded. (DevTools' Storage.overrideQuotaForOrigin
 * is accepted for a chrome-extension:// origin but changes nothing, so quota is not faked here; a
 * profile on a small tmpfs does produce a real QuotaExceededError, at the cost of a mount.) Lean for CI: three browser launches and one relaunch, no fixed
 * waits (a held request stands in for "mid-download").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { extensionDir, findChromium, stopServiceWorkers } from '../../scripts/lib/browser';
import { signManifest } from '../../scripts/lib/index-signing';
import type { PublishedBuild } from '../../scripts/lib/published-builder';
import type { Recall } from '../../utils/schemas';
import { recall } from '../unit/support/factories';
import { OTHER_SIGN_KEY } from '../unit/support/index-keys';
import {
  expectedDigest,
  FaultyIndexServer,
  generationsIn,
  indexDigest,
  type SourceDigest,
} from './faulty-index-server';
import { expect, test } from './fixtures';
import { buildCpscIndex, usePublishedIndex as useIndexAt } from './published-index';

const server = new FaultyIndexServer();
test.beforeEach(() => server.start());
test.afterEach(() => server.stop());

const records = (from: number, count: number, tag: string): Recall[] =>
  Array.from({ length: count }, (_, i) =>
    recall(String(from + i), { brands: ['Faultline'], models: [`${tag}-${from + i}`] }),
  );

const build = buildCpscIndex;

/** The CPSC records of `b` as the index should hold them. */
const digestOf = (b: PublishedBuild): SourceDigest =>
  expectedDigest(b.recalls.filter((r) => r.source === 'cpsc'));

const usePublishedIndex = (worker: Worker) => useIndexAt(worker, server.manifestUrl);

async function optionsPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  return options;
}

/** Runs "Sync now" and waits for its outcome; returns the outcome's words and its technical account. */
async function syncNow(options: Page): Promise<string> {
  // A fresh page shows no message, so the one awaited below is this sync's, not the last one's.
  await options.reload();
  await options.getByRole('button', { name: 'Sync now' }).click();
  const message = options.getByTestId('sync-message');
  await expect(message).toBeVisible();
  await expect(message).not.toHaveText(/Syncing/, { timeout: 30_000 });
  return `${await message.textContent()} | ${await message.getAttribute('title')}`;
}

/** Every source's digest: `cpsc` as given, the others (the starter's) as they were. */
const withCpsc = (all: Record<string, SourceDigest>, cpsc: SourceDigest) => ({ ...all, cpsc });

test('5xx and 429 storms, a dropped connection, a bad signature, a redirect, a checksum mismatch and a truncated delta each leave the old index or the new one, with the reason in the status', async ({
  context,
  worker,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const v1 = await build(records(70_000, 40, 'OLD'), '2026-11-20T00:00:00Z');
  const v2 = await build(
    [...records(70_010, 30, 'OLD'), ...records(71_000, 5, 'NEW')],
    '2026-11-21T00:00:00Z',
    v1,
  );
  const delta = v2.manifest.deltas?.[0]?.file as string;
  const shard = v2.manifest.shards[0]?.file as string;
  expect(delta).toBeTruthy();
  server.serve(v1);
  await usePublishedIndex(worker);
  const options = await optionsPage(context, extensionId);
  expect(await syncNow(options)).toMatch(/downloaded index/);
  const old = await indexDigest(options);
  expect(old.cpsc).toEqual(digestOf(v1));
  const row = options.locator('tr[data-source="published"]');

  server.serve(v2);
  const faults: Array<{
    name: string;
    faults: Array<[string, Parameters<typeof server.faults.set>[1]]>;
    says: RegExp;
  }> = [
    { name: '503 storm', faults: [['*', { kind: 'status', status: 503 }]], says: /HTTP 503/ },
    {
      name: '429 storm',
      faults: [['*', { kind: 'status', status: 429, retryAfter: '3600' }]],
      says: /HTTP 429 \(too many requests\)/,
    },
    { name: 'connection dropped mid-download', faults: [[delta, { kind: 'drop' }]], says: /cut off/ },
    {
      name: 'bad signature',
      faults: [
        [
          'manifest.json.sig',
          { kind: 'body', body: signManifest(v2.files.get('manifest.json') as Uint8Array, OTHER_SIGN_KEY) },
        ],
      ],
      says: /bad signature/,
    },
    {
      name: 'redirect to another host',
      faults: [['manifest.json', { kind: 'redirect', to: 'http://localhost:9/index/manifest.json' }]],
      says: /redirected the request elsewhere, which cannot be checked: refused/,
    },
    {
      name: 'truncated delta, then a shard that fails its checksum',
      faults: [
        [delta, { kind: 'truncate' }],
        [
          shard,
          {
            kind: 'body',
            body: new TextEncoder().encode(
              '{"format":"recall-sentinel-shard","formatVersion":1,"recalls":[]}',
            ),
          },
        ],
      ],
      says: /does not match its checksum/,
    },
  ];
  for (const fault of faults) {
    server.faults.clear();
    for (const [file, f] of fault.faults) server.faults.set(file, f);
    server.requests.length = 0;
    const outcome = await syncNow(options);
    expect(outcome, fault.name).toMatch(fault.says);
    expect(outcome, fault.name).toMatch(/the previous index is kept/);
    expect(await indexDigest(options), fault.name).toEqual(old);
    await expect(row.locator('td.error'), fault.name).toContainText(fault.says);
    if (fault.name.startsWith('truncated delta'))
      expect(server.asked(), 'the delta failed its checksum, so the shards were fetched').toContain(shard);
    if (fault.name.endsWith('storm'))
      expect(server.asked(), `${fault.name}: one request, not a retry loop`).toEqual(['manifest.json']);
  }

  // The last case began the full download (its delta failed), so the next sync resumes it and finishes.
  server.faults.clear();
  expect(await syncNow(options)).toMatch(/downloaded index/);
  expect(await indexDigest(options)).toEqual(withCpsc(old, digestOf(v2)));
  await expect(row.locator('td.error')).toHaveCount(0);
});

test('a service worker stopped while it waits for the manifest, the signature, each shard or a delta leaves the old index, and the next sync finishes the new one', async ({
  context,
  worker,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const v1 = await build(records(60_000, 20, 'OLD'), '2026-11-20T00:00:00Z');
  // Built without v1 as its previous: no delta, so the sync downloads every shard.
  const v2 = await build(records(80_000, 9_000, 'NEW'), '2026-11-21T00:00:00Z');
  const v3 = await build(
    [...records(80_000, 8_990, 'NEW'), ...records(90_000, 3, 'NEWER')],
    '2026-11-22T00:00:00Z',
    v2,
  );
  expect(v2.manifest.shards.length).toBeGreaterThanOrEqual(4);
  server.serve(v1);
  await usePublishedIndex(worker);
  let options = await optionsPage(context, extensionId);
  expect(await syncNow(options)).toMatch(/downloaded index/);
  const old = await indexDigest(options);
  expect(old.cpsc).toEqual(digestOf(v1));

  const stopAt = async (file: string, expected: Record<string, SourceDigest>) => {
    server.faults.clear();
    server.faults.set(file, { kind: 'stall' });
    server.requests.length = 0;
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => server.asked().includes(file), { timeout: 30_000, message: file }).toBe(true);
    // Stop the extension's service worker while it waits, as the browser does with an idle worker.
    await stopServiceWorkers(context, options);
    server.release();
    await options.close();
    options = await optionsPage(context, extensionId);
    expect(await indexDigest(options), `stopped at ${file}`).toEqual(expected);
    await expect(options.locator('tr[data-source="published"] td.error')).toContainText(
      'was stopped before it finished',
    );
  };

  server.serve(v2);
  const points = ['manifest.json', 'manifest.json.sig', ...v2.manifest.shards.map((s) => s.file)];
  for (const file of points) await stopAt(file, old);
  server.faults.clear();
  server.requests.length = 0;
  expect(await syncNow(options)).toMatch(/downloaded index/);
  // Resumed: only the shard it was stopped at is fetched again.
  expect(server.asked().filter((f) => f.startsWith('shards/'))).toEqual([v2.manifest.shards.at(-1)?.file]);
  const second = await indexDigest(options);
  expect(second).toEqual(withCpsc(old, digestOf(v2)));

  server.serve(v3);
  await stopAt(v3.manifest.deltas?.[0]?.file as string, second);
  server.faults.clear();
  expect(await syncNow(options)).toMatch(/delta/);
  expect(await indexDigest(options)).toEqual(withCpsc(old, digestOf(v3)));
  // Nothing left behind: every generation with rows is a live one.
  const gens = await generationsIn(options);
  expect(gens.stored).toEqual(gens.live);
});

test('the browser closed mid-download leaves the old index, and the next sync after a relaunch completes the new one', async ({
  build: demo,
}) => {
  // This test launches its own browser (twice, on one profile), not the fixture's.
  test.setTimeout(180_000);
  expect(demo).toBe('chrome-mv3-demo');
  const profile = mkdtempSync(path.join(tmpdir(), 'rs-fault-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      args: [
        `--disable-extensions-except=${extensionDir('chrome-mv3-demo')}`,
        `--load-extension=${extensionDir('chrome-mv3-demo')}`,
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, worker, id: new URL(worker.url()).host };
  };
  let browser: Awaited<ReturnType<typeof launch>> | null = null;
  try {
    const v1 = await build(records(50_000, 20, 'OLD'), '2026-11-20T00:00:00Z');
    const v2 = await build(records(40_000, 9_000, 'NEW'), '2026-11-21T00:00:00Z');
    server.serve(v1);
    browser = await launch();
    await usePublishedIndex(browser.worker);
    let options = await optionsPage(browser.context, browser.id);
    expect(await syncNow(options)).toMatch(/downloaded index/);
    const old = await indexDigest(options);
    expect(old.cpsc).toEqual(digestOf(v1));

    server.serve(v2);
    // The browser closed while the sync waits for a shard.
    const last = v2.manifest.shards.at(-1)?.file as string;
    server.faults.set(last, { kind: 'stall' });
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => server.asked().includes(last), { timeout: 30_000 }).toBe(true);
    await browser.context.close();
    server.release();
    server.faults.clear();

    browser = await launch();
    options = await optionsPage(browser.context, browser.id);
    expect(await indexDigest(options)).toEqual(old);
    // The status says the sync was stopped, and still dates the index by the old manifest.
    const row = options.locator('tr[data-source="published"]');
    await expect(row.locator('td.error')).toContainText('was stopped before it finished');
    await expect(row).toContainText(/built \d+ days? ago/);
    await row.screenshot({ path: test.info().outputPath('interrupted-sync-status.png') });
    expect(await syncNow(options)).toMatch(/downloaded index/);
    expect(await indexDigest(options)).toEqual(withCpsc(old, digestOf(v2)));
    await expect(row.locator('td.error')).toHaveCount(0);
    const gens = await generationsIn(options);
    expect(gens.stored).toEqual(gens.live);
    await browser.context.close();
  } finally {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
});
