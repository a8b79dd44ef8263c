/**
 * `npx vite-node tests/bench/starter-load-bench.ts`: how long a new install takes to load the starter
 * index it ships (public/starter/: read, checksums, gunzip, IndexedDB writes) before the first page can
 * be checked against it. Budget (issue 10): 5 s. Each run is a fresh profile with the production build;
 * the time runs from the service worker's first appearance to the answer of an `index-status` request,
 * which the background gives only once the starter data is in. Median and worst of RUNS.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { extensionDir, launchWithExtension } from '../../scripts/lib/browser';
import type { IndexStatus } from '../../utils/schemas';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = extensionDir('chrome-mv3');

function bytesUnder(d: string): number {
  return readdirSync(d).reduce((sum, name) => {
    const p = path.join(d, name);
    return sum + (statSync(p).isDirectory() ? bytesUnder(p) : statSync(p).size);
  }, 0);
}

const times: number[] = [];
let records = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const { context, extensionId } = await launchWithExtension({ extensionPath: dir, headless: true });
  const workerAt = performance.now();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const { index: status } = (await page.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'index-status' }),
    )) as { index: IndexStatus };
    times.push(performance.now() - workerAt);
    records = status.records;
    if (run === 0) console.log(`(browser start to worker: ${(workerAt - started).toFixed(0)} ms)`);
  } finally {
    await context.close();
  }
}
times.sort((a, b) => a - b);
console.log('## Starter index: loaded on install (production build, fresh profile)\n');
console.log('| starter size in the package | records | load, median | worst | runs |');
console.log('|---:|---:|---:|---:|---:|');
console.log(
  `| ${(bytesUnder(path.join(dir, 'starter')) / 1e6).toFixed(2)} MB | ${records.toLocaleString('en-US')} | ${((times[Math.floor(times.length / 2)] ?? 0) / 1000).toFixed(2)} s | ${((times.at(-1) ?? 0) / 1000).toFixed(2)} s | ${RUNS} |`,
);
