/**
 * `npm start`: serves the demo storefront on localhost and opens Chromium with the demo build of the
 * extension (`wxt build --mode demo`, which also runs on localhost). An Amazon-style listing is served
 * at its real amazon.com address through Playwright's routing, so the Amazon adapter shows too; no
 * request leaves the machine.
 *
 * With a display it opens a normal window and waits for you to close it. Without one (or with
 * --headless) it visits every demo page, saves screenshots of the pages and popups to demo-output/,
 * and prints what it detected.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { DEMO_PRODUCTS } from './demo-store/catalog';
import { startDemoStore } from './demo-store/server';
import { extensionDir, launchWithExtension, NoBrowserError, tabIdForVerdict } from './lib/browser';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'demo-output');
const AMAZON_URL = 'https://www.amazon.com/Kettlebrook-CozyNest-Toddler-Step-Stool/dp/B0DEMO0001';
const AMAZON_FIXTURE = path.join(ROOT, 'tests/fixtures/pages/amazon/product-expander.html');

async function routeAmazon(context: BrowserContext): Promise<void> {
  const body = readFileSync(AMAZON_FIXTURE);
  await context.route('https://www.amazon.com/**', (route) =>
    route.request().url() === AMAZON_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
      : route.fulfill({ status: 404, body: '' }),
  );
}

/**
 * The demo's recalls are fictional; a sync with the real CPSC feed would replace them. The demo turns the
 * official feeds off (a user's own install keeps them on).
 */
async function keepDemoData(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    await chrome.storage.local.set({ settings: { feeds: { cpsc: { enabled: false } } } });
  });
}

interface Seen {
  name: string;
  url: string;
  status: string;
  detail: string;
}

async function runHeadless(): Promise<void> {
  const store = await startDemoStore();
  const { context, worker, extensionId } = await launchWithExtension({
    extensionPath: extensionDir('chrome-mv3-demo'),
    headless: true,
  });
  mkdirSync(OUT, { recursive: true });
  await keepDemoData(worker);
  await routeAmazon(context);
  const pages = [
    ...DEMO_PRODUCTS.map((p) => ({ name: p.handle, url: `${store.origin}/products/${p.handle}` })),
    { name: 'amazon-cozynest', url: AMAZON_URL },
  ];
  const seen: Seen[] = [];
  try {
    for (const { name, url } of pages) {
      const page = await context.newPage();
      await page.goto(url);
      const tabId = await tabIdForVerdict(worker, url);
      const verdict = await worker.evaluate(
        async (key) => (await chrome.storage.session.get(key))[key],
        `verdict:${tabId}`,
      );
      const v = verdict as {
        status: string;
        matches: Array<Array<{ recallId: string; tier: string }>>;
        recalls: Record<string, { title: string }>;
      };
      if (v.status === 'warning') await page.locator('recall-sentinel-banner').waitFor();
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.locator('[data-status]').first().waitFor();
      await popup.screenshot({ path: path.join(OUT, `${name}-popup.png`), fullPage: true });
      await popup.close();
      await page.close();
      const detail = v.matches
        .flat()
        .map((m) => `${m.tier}: ${v.recalls[m.recallId]?.title ?? m.recallId}`)
        .join('; ');
      seen.push({ name, url, status: v.status, detail: detail || '-' });
    }
    const options = await context.newPage();
    await options.setViewportSize({ width: 900, height: 700 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByTestId('status-table').waitFor();
    await options.screenshot({ path: path.join(OUT, 'options.png'), fullPage: true });
  } finally {
    await context.close();
    await store.close();
  }
  console.log(`Recall Sentinel demo (headless): screenshots in ${path.relative(process.cwd(), OUT)}/\n`);
  for (const s of seen) console.log(`${s.status.padEnd(10)} ${s.name.padEnd(26)} ${s.detail}`);
}

async function runHeaded(): Promise<void> {
  const store = await startDemoStore(5177).catch(() => startDemoStore());
  const { context } = await launchWithExtension({
    extensionPath: extensionDir('chrome-mv3-demo'),
    headless: false,
  });
  await routeAmazon(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${store.origin}/`);
  await (await context.newPage()).goto(AMAZON_URL);
  console.log(
    `Recall Sentinel demo: the storefront is at ${store.origin}/ and an Amazon-style listing at ${AMAZON_URL}`,
  );
  console.log(
    'Open a product; recalled ones show a warning banner, and the toolbar button shows the details.',
  );
  console.log('Close the browser window to stop.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await store.close();
}

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
try {
  await (headless ? runHeadless() : runHeaded());
} catch (e) {
  console.error(
    e instanceof NoBrowserError ? e.message : `demo failed: ${e instanceof Error ? e.message : String(e)}`,
  );
  process.exit(1);
}
