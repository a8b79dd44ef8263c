/**
 * `npx vite-node tests/bench/sync-bench.ts [sizes...]`: the recall index in real Chromium with the built
 * extension, at several index sizes (default 10,000 and 250,000 synthetic recalls):
 *   - full sync of a published index (download, checksum, decode, write into IndexedDB, swap)
 *   - a 1,000-record delta applied afterwards
 *   - the lookup round trip on a product page (content script → service worker → IndexedDB → answer),
 *     median of repeated loads, to show it stays flat as the index grows
 * Index files are built once per size and cached in bench-output/ (building 250k takes minutes).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extensionDir, launchWithExtension } from '../../scripts/lib/browser';
import { buildPublishedIndex, type PublishedBuild } from '../../scripts/lib/published-builder';
import { Recall } from '../../utils/schemas';
import { FeedServer } from '../e2e/feed-server';
import { TEST_SIGN_KEY } from '../unit/support/index-keys';
import { syntheticRecalls } from './synthetic-recalls';
import { DEBUG_PORT, sampleWorkerHeap } from './worker-heap';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'bench-output');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [10_000, 250_000];
const LOADS = 15;

/** A recall the benchmark's product page matches, so the lookup does real work. */
const STOOL: Recall = Recall.parse({
  ...syntheticRecalls(1, 99)[0],
  id: 'cpsc:bench-stool',
  source: 'cpsc',
  products: [
    {
      name: 'Bench stool',
      brands: ['Kettlebrook'],
      models: ['KB-TS100'],
      gtins: ['00850012345671'],
      rawGtins: [],
      lots: [],
      dateRanges: [],
      identifiers: [],
    },
  ],
});

async function cachedBuild(n: number): Promise<{ v1: PublishedBuild; v2: PublishedBuild }> {
  // Signed with the test key, which only the demo build trusts (utils/recall-index/published/index-keys.ts).
  const dir = path.join(CACHE, `signed-index-${n}`);
  const load = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  if (!existsSync(path.join(dir, 'v2.json'))) {
    const recalls = [...syntheticRecalls(n - 1, 7), STOOL];
    const t = Date.now();
    const v1 = await buildPublishedIndex(
      new Map([['cpsc', { recalls, skipped: [] }]]),
      undefined,
      new Date('2026-11-20T00:00:00Z'),
      { signKey: TEST_SIGN_KEY },
    );
    // A day later: 1,000 records corrected (a new version each).
    const changed = recalls.map((r, i) =>
      i % Math.floor(n / 1000) === 0 && r.id !== STOOL.id ? { ...r, version: `${r.version}-b` } : r,
    );
    const v2 = await buildPublishedIndex(
      new Map([['cpsc', { recalls: changed, skipped: [] }]]),
      { manifest: v1.manifest, recalls: v1.recalls },
      new Date('2026-11-21T00:00:00Z'),
      { signKey: TEST_SIGN_KEY },
    );
    console.log(
      `built index for ${n} records in ${((Date.now() - t) / 1000).toFixed(1)} s (cached in ${path.relative(ROOT, dir)})`,
    );
    mkdirSync(dir, { recursive: true });
    for (const [name, b] of [
      ['v1', v1],
      ['v2', v2],
    ] as const) {
      const files = Object.fromEntries(
        [...b.files].map(([f, bytes]) => [f, Buffer.from(bytes).toString('base64')]),
      );
      writeFileSync(
        path.join(dir, `${name}.json`),
        JSON.stringify({ manifest: b.manifest, files, delta: b.delta }),
      );
    }
  }
  const revive = (name: string): PublishedBuild => {
    const raw = load(name);
    const files = new Map(
      Object.entries(raw.files as Record<string, string>).map(([f, b]) => [f, Buffer.from(b, 'base64')]),
    );
    return { manifest: raw.manifest, files, delta: raw.delta, recalls: [] } as PublishedBuild;
  };
  return { v1: revive('v1.json'), v2: revive('v2.json') };
}

function serve(server: FeedServer, b: PublishedBuild) {
  for (const [file, bytes] of b.files) server.routes.set(`/index/${file}`, { body: bytes });
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const PRODUCT = `<!doctype html><html><body><div id="dp-container">
  <input type="hidden" id="ASIN" name="ASIN" value="B0BENCH001"><span id="productTitle">Kettlebrook stool</span>
  <a id="bylineInfo" href="/stores/Kettlebrook">Visit the Kettlebrook Store</a>
  <div id="prodDetails"><table id="productDetails_techSpec_section_1" class="a-keyvalue prodDetTable">
  <tr><th class="prodDetSectionEntry">UPC</th><td class="prodDetAttrValue">850012345671</td></tr>
  <tr><th class="prodDetSectionEntry">Item model number</th><td class="prodDetAttrValue">KB-TS100</td></tr>
  </table></div></div></body></html>`;

const rows: string[] = [];
for (const n of SIZES) {
  const { v1, v2 } = await cachedBuild(n);
  const server = new FeedServer();
  await server.start();
  serve(server, v1);
  const { context, worker, extensionId } = await launchWithExtension({
    // The demo build: it trusts the test key and plain http to the loopback server.
    extensionPath: extensionDir('chrome-mv3-demo'),
    headless: true,
    args: [`--remote-debugging-port=${DEBUG_PORT}`],
  });
  const heap = await sampleWorkerHeap(extensionId);
  try {
    await worker.evaluate(async (url) => {
      await chrome.storage.local.set({
        settings: { publishedIndexUrl: url, feeds: { cpsc: { enabled: false } } },
      });
    }, `${server.origin}/index/manifest.json`);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const syncNow = () =>
      options.evaluate(async () => {
        const t = performance.now();
        const res = await chrome.runtime.sendMessage({ type: 'sync-now' });
        return { ms: performance.now() - t, res };
      });
    const full = await syncNow();
    const fullHeap = heap.resetPeak();
    server.routes.clear();
    serve(server, v2);
    const delta = await syncNow();
    const deltaHeap = await heap.stop();

    const url = 'https://www.amazon.com/dp/B0BENCH001';
    await context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: PRODUCT }),
    );
    const lookups: number[] = [];
    const indexTimes: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await context.newPage();
      await page.goto(url);
      const host = page.locator('recall-sentinel-banner[data-state="warning"]');
      await host.waitFor();
      const phases = (await host.getAttribute('data-scan-phases')) ?? '';
      lookups.push(Number(/lookup=([\d.]+)/.exec(phases)?.[1]));
      indexTimes.push(Number(/index=([\d.]+)/.exec(phases)?.[1]));
      await page.close();
    }
    const outcome = (r: { res: { outcomes?: Array<{ message: string }> } }) =>
      r.res.outcomes?.[0]?.message ?? JSON.stringify(r.res);
    console.log(`${n}: full sync: ${outcome(full)}`);
    console.log(`${n}: delta sync: ${outcome(delta)}`);
    rows.push(
      `| ${n.toLocaleString('en-US')} | ${(full.ms / 1000).toFixed(1)} s | ${mb(fullHeap)} | ${delta.ms.toFixed(0)} ms | ${mb(deltaHeap)} | ${median(indexTimes).toFixed(1)} ms | ${median(lookups).toFixed(1)} ms |`,
    );
  } finally {
    await context.close();
    await server.stop();
  }
}
console.log(
  '\n| index size | full sync (published index) | peak worker heap | 1,000-record delta | peak worker heap | index lookup in the worker, median | page round trip, median |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
