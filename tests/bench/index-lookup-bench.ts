/**
 * `npx vite-node tests/bench/index-lookup-bench.ts [sizes...]`: the recall index itself in Chromium's
 * IndexedDB (no extension, no download): writing N synthetic recalls in shard-sized batches, then a
 * lookup of 20 page identities, median of 41 runs, at 10,000 and 250,000 recalls, for two mixes: one
 * recalled item among 20, and most of the 20 recalled. Issue 3's budget: under 5 ms, flat.
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { findChromium } from '../../scripts/lib/browser';
import type { LookupFigures } from './index-lookup-page';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = 41;
const IDENTITIES = 20;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

const bundle = await build({
  entryPoints: [path.join(ROOT, 'tests/bench/index-lookup-page.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
  target: 'chrome120',
});
// A persistent profile: IndexedDB on disk, as the extension has it.
const context = await chromium.launchPersistentContext('', {
  executablePath: findChromium(),
  headless: true,
});
try {
  const page = await context.newPage();
  await page.route('http://bench.invalid/', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>index bench</title>' }),
  );
  await page.goto('http://bench.invalid/');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  console.log(
    `## Recall index in Chromium IndexedDB: ${IDENTITIES} identities per lookup, median of ${RUNS}\n`,
  );
  console.log(
    '| recalls | write (4,000 a batch) | first lookup after a change | page mix | lookup, median | p90 | identities matched |',
  );
  console.log('|---:|---:|---:|---|---:|---:|---:|');
  for (const size of sizes.length ? sizes : [10_000, 250_000]) {
    const f = await page.evaluate(
      ([s, n, r]) =>
        (
          globalThis as unknown as { __rsIndex: (s: number, n: number, r: number) => Promise<LookupFigures> }
        ).__rsIndex(s, n, r),
      [size, IDENTITIES, RUNS] as const,
    );
    for (const m of f.mixes) {
      console.log(
        `| ${f.size.toLocaleString('en-US')} | ${(f.writeMs / 1000).toFixed(1)} s | ${f.coldMs.toFixed(1)} ms | ${m.mix} | ${m.medianMs.toFixed(2)} ms | ${m.p90Ms.toFixed(2)} ms | ${m.matched} of ${m.identities} |`,
      );
    }
  }
} finally {
  await context.close();
}
