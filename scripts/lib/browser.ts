/**
 * Finding a Chromium and launching it with the built extension loaded, for the demo, the e2e tests and
 * the benchmarks. Extensions need a persistent context; Playwright passes --disable-extensions by
 * default, so --disable-extensions-except is required next to --load-extension.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';

export class NoBrowserError extends Error {}

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download, else a clear error. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own installed; fall through to the message.
  }
  throw new NoBrowserError(
    'No Chromium found: install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to its binary.',
  );
}

export const extensionDir = (build: 'chrome-mv3' | 'chrome-mv3-demo' = 'chrome-mv3'): string =>
  path.resolve(import.meta.dirname, '../../.output', build);

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function launchWithExtension(options: {
  extensionPath: string;
  headless: boolean;
  /** More Chromium switches (a benchmark opens a debugging port to read the worker's heap). */
  args?: string[];
  /**
   * The browser's UI language (e.g. "zh-CN"), which picks the extension's locale. Chromium on Linux reads
   * it from LANGUAGE; other platforms from --lang. Both are set.
   */
  language?: string;
}): Promise<LaunchedExtension> {
  if (!existsSync(path.join(options.extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${options.extensionPath}: run the build first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: options.headless,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${options.extensionPath}`,
      `--load-extension=${options.extensionPath}`,
      ...(options.language ? [`--lang=${options.language}`] : []),
      ...(options.args ?? []),
    ],
    ...(options.language && {
      env: {
        ...process.env,
        LANGUAGE: options.language.replace('-', '_'),
        LANG: `${options.language.replace('-', '_')}.UTF-8`,
      },
      locale: options.language,
    }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/**
 * The tab id of the page whose verdict the extension filed for `url`, read from the extension's own
 * session storage (the extension has no `tabs` permission, so it cannot list tab URLs). Waits for the
 * content script's lookup to land.
 */
export async function tabIdForVerdict(worker: Worker, url: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const id = await worker.evaluate(async (target) => {
      const all = await chrome.storage.session.get(null);
      for (const [key, value] of Object.entries(all)) {
        const v = value as { page?: { url?: string } };
        if (key.startsWith('verdict:') && v.page?.url === target) return Number(key.slice('verdict:'.length));
      }
      return null;
    }, url);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the extension filed no verdict for ${url}`);
}

/** Stops the extension's service worker, as the browser does with an idle one (CDP, through `page`). */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
