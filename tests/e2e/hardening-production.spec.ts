/**
 * Issue 14, finding 5, on the production build: a marketplace page learns nothing of the extension from
 * its own DOM and messages (no extension id, no recall ids, tiers or timings), and cannot stop the
 * content script by forging WXT's start-up event.
 */
import { expect, test, verdictFor } from './fixtures';
import { amazonListing } from './listing';

test.use({ build: 'chrome-mv3' });

/** Records every message posted to the page's window, before any content script runs. */
const RECORDER = `<script>window.__seen = []; addEventListener('message', (e) => {
  try { window.__seen.push(JSON.stringify(e.data)); } catch { window.__seen.push(String(e.data)); }
});</script>`;

test('a page sees no extension id or recall data, and a forged start-up event does not stop the script', async ({
  worker,
  extensionId,
  openAt,
}) => {
  // A real recalled product of the starter index (production-build.spec.ts: Kroger acetaminophen, CPSC 2022).
  const url = 'https://www.amazon.com/dp/B0REALUPC2';
  const page = await openAt(url, {
    html: amazonListing('B0REALUPC2', '041260012846').replace('<body>', `<body>${RECORDER}`),
  });
  const host = page.locator('recall-sentinel-banner[data-state="warning"]');
  await host.waitFor({ timeout: 15_000 });

  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.filter((m) => m.includes(extensionId))).toEqual([]);
  const attributes = await host.evaluate((el) => el.getAttributeNames());
  for (const leak of ['data-recall-ids', 'data-tier', 'data-scan-ms', 'data-scan-phases'])
    expect(attributes).not.toContain(leak);

  // WXT 0.21's event, under every name it could have: the page dispatches it, then looks at once
  // (listeners run synchronously, and an invalidated script removes its banner as it stops).
  const left = await page.evaluate((id) => {
    for (const entry of ['amazon', 'any-shop', 'undefined'])
      document.dispatchEvent(
        new CustomEvent(`${id}:${entry}:wxt:content-script-started`, {
          detail: { contentScriptName: entry, messageId: 'forged' },
        }),
      );
    return document.querySelectorAll('recall-sentinel-banner').length;
  }, extensionId);
  expect(left).toBe(1);

  // The script still reads the page: another barcode and a history event, and the verdict follows.
  await page.evaluate(() => {
    const cell = document.querySelector('.prodDetAttrValue');
    if (cell) cell.textContent = '\u200e012345678905';
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect
    .poll(async () => (await verdictFor(worker, url))?.status, { timeout: 10_000 })
    .toBe('no-match');
});
