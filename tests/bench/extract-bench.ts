/**
 * `npx vite-node tests/bench/extract-bench.ts`: how long the adapters take to read a page, in Chromium.
 * The adapters (the same source the content scripts are built from) are bundled with esbuild into a page
 * script, so the figure is the extraction alone, without messaging or rendering. Budgets: under 15 ms
 * median on a 3 MB product page, under 40 ms on a 50-row cart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { findChromium } from '../../scripts/lib/browser';
import { inflatePage } from './inflate-page';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RUNS = 25;

const entry = `
import { extractWith } from './utils/extract/extract-page';
import amazon from './utils/marketplaces/amazon';
globalThis.__rsExtract = () => {
  const t = performance.now();
  const result = extractWith([amazon], document, new URL(location.href));
  return { ms: performance.now() - t, items: result.items.length, gtins: result.items.flatMap((i) => i.gtins) };
};`;

const bundle = await build({
  stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
  target: 'chrome120',
});
const script = bundle.outputFiles[0]?.text ?? '';

/** An Amazon cart with `n` active rows, built from the fixture's row markup. */
function cartPage(n: number): string {
  const fixture = readFileSync(path.join(ROOT, 'tests/fixtures/pages/amazon/cart.html'), 'utf8');
  const rows = Array.from(
    { length: n },
    (
      _,
      i,
    ) => `<div class="a-row sc-list-item sc-java-remote-feature" data-asin="B0CART${String(i).padStart(4, '0')}" data-quantity="1" data-itemtype="active">
      <div class="sc-list-item-content"><span class="a-truncate sc-grid-item-product-title"><span class="a-truncate-full">Cart product number ${i} with a long title</span></span>
      <span class="sc-product-price">$${i}.99</span><select name="quantity"><option selected>1</option></select></div></div>`,
  ).join('\n');
  return fixture.replace(/(<div[^>]*id="sc-active-cart"[^>]*>)/, `$1\n${rows}`);
}

const product = inflatePage(
  readFileSync(path.join(ROOT, 'tests/fixtures/pages/amazon/product-expander.html'), 'utf8'),
  3 * 1024 * 1024,
);
const cart = cartPage(50);
const pages = [
  {
    name: `product page, ${(Buffer.byteLength(product) / 1024 / 1024).toFixed(1)} MB`,
    url: 'https://www.amazon.com/dp/B0DEMO0001',
    html: product,
  },
  {
    name: `cart, 50 rows (+ fixture rows), ${(Buffer.byteLength(cart) / 1024).toFixed(0)} KB`,
    url: 'https://www.amazon.com/gp/cart/view.html',
    html: cart,
  },
];

const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
console.log('| page | median | p90 | items found |\n|---|---:|---:|---:|');
try {
  for (const p of pages) {
    const context = await browser.newContext();
    await context.route(p.url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: p.html }),
    );
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      await page.goto(p.url);
      await page.addScriptTag({ content: script });
      const r = await page.evaluate(() =>
        (globalThis as unknown as { __rsExtract: () => { ms: number; items: number } }).__rsExtract(),
      );
      times.push(r.ms);
      items = r.items;
      await page.close();
    }
    times.sort((a, b) => a - b);
    console.log(
      `| ${p.name} | ${median(times).toFixed(1)} ms | ${(times[Math.floor(times.length * 0.9)] ?? NaN).toFixed(1)} ms | ${items} |`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}
