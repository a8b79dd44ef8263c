/**
 * `npx vite-node tests/bench/watchlist-recheck-bench.ts [sizes...]`: re-checking a full watchlist (5,000
 * products kept on this device, 1 in 100 carrying a recalled barcode) against the recall index in
 * Chromium's IndexedDB, as the background does after every sync. Issue 13's budget: under 2 s at 250,000
 * recalls. The first re-check after the index changed loads its lookup tables, as after a real sync.
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { findChromium } from '../../scripts/lib/browser';
import type { RecheckFigures } from './watchlist-recheck-page';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WATCHED = 5_000;
const EVERY = 100;
const RUNS = 5;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

const bundle = await build({
  entryPoints: [path.join(ROOT, 'tests/bench/watchlist-recheck-page.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
  target: 'chrome120',
});
const context = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless: true,
});
try {
  const page = await context.newPage();
  await page.route('http://bench.invalid/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>watchlist bench</title>' }),
  );
  await page.goto('http://bench.invalid/');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  console.log(
    `## Watchlist re-check after a sync, in Chromium IndexedDB (${WATCHED.toLocaleString('en-US')} kept products)\n`,
  );
  console.log(
    '| recalls | kept products | with a recall | first re-check after the sync | later re-checks, median |',
  );
  console.log('|---:|---:|---:|---:|---:|');
  for (const size of sizes.length ? sizes : [10_000, 250_000]) {
    const f = await page.evaluate(
      ([s, w, e, r]) =>
        (
          globalThis as unknown as {
            __rsRecheck: (s: number, w: number, e: number, r: number) => Promise<RecheckFigures>;
          }
        ).__rsRecheck(s, w, e, r),
      [size, WATCHED, EVERY, RUNS] as const,
    );
    console.log(
      `| ${f.recalls.toLocaleString('en-US')} | ${f.watched.toLocaleString('en-US')} | ${f.recalled} | **${f.firstMs.toFixed(0)} ms** | ${f.medianMs.toFixed(0)} ms |`,
    );
  }
} finally {
  await context.close();
}
