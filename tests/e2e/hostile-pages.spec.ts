/**
 * Issue 14's hostile pages, in real Chromium with the demo build: pages that attack the warning rather
 * than sell anything. Every page here is hand-made (no real page does these things), built around an
 * Amazon listing of a product the demo's recalls cover and served at its Amazon address, so the Amazon
 * content script runs on it. The banner must stay correct and isolated through script and HTML in page
 * and recall text, DOM clobbering, a page that redefines JSON, Array.prototype, MutationObserver and the
 * DOM's own methods, one that claims the banner's tag name as its own custom element, and forged
 * messages and events. (A forged WXT start-up event is hardening-production.spec.ts's.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { readBanner, readClosedShadowRoot } from './closed-shadow';
import { feedServerForEachTest } from './feed-server';
import { expect, FIXTURES, test, verdictFor } from './fixtures';
import { syncCpscFrom } from './sync-cpsc';

test.use({ build: 'chrome-mv3-demo' });

const server = feedServerForEachTest();

/** The demo's Kettlebrook CozyNest step stool (a confirmed match by its UPC) and its recall's title. */
const STOOL_UPC = '850012345671';
const STOOL_RECALL = 'Kettlebrook Recalls CozyNest Toddler Step Stools Due to Fall Hazard';

/** A hand-made Amazon listing: `head` and `body` are the hostile parts, `title` the product's title as HTML. */
function listing(upc: string, { head = '', body = '', title = 'A listing' } = {}): string {
  return `<!doctype html><html><head>${head}</head><body>${body}<div id="dp-container"><div id="ppd">
  <input type="hidden" id="ASIN" name="ASIN" value="B0HOSTILE1">
  <span id="productTitle">${title}</span>
  <div id="prodDetails"><table id="productDetails_techSpec_section_1" class="a-keyvalue prodDetTable">
  <tr><th class="prodDetSectionEntry">UPC</th><td class="prodDetAttrValue" id="upc">${upc}</td></tr></table></div>
  </div></div></body></html>`;
}

let served = 0;
/** Opens `html` at a fresh Amazon product address, so no page shares another's verdict. */
async function openListing(context: BrowserContext, html: string): Promise<{ page: Page; url: string }> {
  served += 1;
  const url = `https://www.amazon.com/dp/B0HOSTILE1?page=${served}`;
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await context.newPage();
  await page.goto(url);
  return { page, url };
}

/** What the banner's closed root holds beyond text: elements that could run or load anything. */
const ACTIVE_ELEMENTS = `function () {
  return [...this.querySelectorAll('script, img, iframe, object, embed, link, style:not(:first-child)')]
    .map((el) => el.tagName.toLowerCase());
}`;

/** Names a page can clobber on `document` with `<img name>` and `<form name>`, among them every one the content script reads. */
const CLOBBERED = [
  'querySelector',
  'querySelectorAll',
  'getElementById',
  'getElementsByTagName',
  'createElement',
  'createTreeWalker',
  'evaluate',
  'implementation',
  'body',
  'head',
  'documentElement',
  'defaultView',
  'title',
  'location',
  'addEventListener',
];

test('script, HTML, clobbering, redefined built-ins, a claimed tag name and forged messages leave the banner correct', async ({
  context,
  worker,
  extensionId,
}) => {
  test.setTimeout(90_000);
  // Markup in the page's text is read as text, and the page's own script cannot reach into the banner.
  const markup = await openListing(
    context,
    listing(STOOL_UPC, {
      title:
        'Step stool &lt;img src=x onerror="window.__ran=1"&gt;&lt;script&gt;window.__ran=2&lt;/script&gt;',
    }),
  );
  expect((await readBanner(markup.page)).value.title).toBe(STOOL_RECALL);
  expect(await markup.page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();

  // DOM clobbering: every name the content script reads on `document` is an element of the page's.
  const clobbered = await openListing(
    context,
    listing(STOOL_UPC, {
      body: CLOBBERED.map((name) => `<img name="${name}"><form name="${name}"></form>`).join(''),
    }),
  );
  expect((await readBanner(clobbered.page)).value.title).toBe(STOOL_RECALL);

  // Built-ins redefined before any content script runs: the script's own world keeps its own.
  const redefined = await openListing(
    context,
    listing(STOOL_UPC, {
      head: `<script>
        JSON.parse = () => { throw new Error('hostile'); };
        JSON.stringify = () => '{}';
        for (const name of ['map', 'filter', 'forEach', 'push', 'some', 'find', 'includes', 'join'])
          Array.prototype[name] = function () { throw new Error('hostile'); };
        window.MutationObserver = function () { throw new Error('hostile'); };
        Element.prototype.attachShadow = function () { throw new Error('hostile'); };
        Document.prototype.createElement = function () { throw new Error('hostile'); };
        Node.prototype.appendChild = function () { throw new Error('hostile'); };
        Promise.prototype.then = function () { return this; };
        Object.defineProperty(window, 'chrome', { value: undefined });
      </script>`,
    }),
  );
  expect((await readBanner(redefined.page)).value.title).toBe(STOOL_RECALL);
  // Our MutationObserver still sees the page change: a new barcode is checked, and the warning goes.
  await redefined.page.evaluate(() => {
    const cell = document.getElementById('upc') as HTMLElement;
    cell.textContent = '012345678905';
  });
  await expect.poll(async () => (await verdictFor(worker, redefined.url)).status).toBe('no-match');
  await expect(redefined.page.locator('recall-sentinel-banner')).toHaveCount(0);

  // The page defines the banner's tag as its own element, which takes a shadow root of its own first.
  const claimed = await openListing(
    context,
    listing(STOOL_UPC, {
      head: `<script>
        window.__built = 0;
        customElements.define('recall-sentinel-banner', class extends HTMLElement {
          constructor() { super(); window.__built += 1; this.attachShadow({ mode: 'open' }).textContent = 'all clear'; }
        });
      </script>`,
    }),
  );
  const banner = await readBanner(claimed.page);
  expect(banner.shadowRootType).toBe('closed');
  expect(banner.value.title).toBe(STOOL_RECALL);

  // Forged messages and events, in every shape the extension's own could take, change nothing.
  const forged = await openListing(context, listing(STOOL_UPC));
  await readBanner(forged.page);
  const left = await forged.page.evaluate(() => {
    const shapes = [
      { type: 'lookup', page: { url: location.href }, identities: [] },
      { type: 'dismiss-match', recallId: 'cpsc:any' },
      { type: 'rescan' },
      { ok: true, matches: [], recalls: {} },
      'wxt:content-script-started',
    ];
    for (const data of shapes) {
      window.postMessage(data, '*');
      for (const name of ['message', 'recall-sentinel', 'recall-sentinel:dismiss', 'wxt:locationchange'])
        window.dispatchEvent(new CustomEvent(name, { detail: data }));
    }
    for (let i = 0; i < 50; i++) window.dispatchEvent(new PopStateEvent('popstate'));
    return document.querySelectorAll('recall-sentinel-banner').length;
  });
  expect(left).toBe(1);
  expect((await verdictFor(worker, forged.url)).status).toBe('warning');
  expect((await readBanner(forged.page)).value.title).toBe(STOOL_RECALL);

  // Script and HTML in a recall's own text (from a feed) are shown as text, and nothing in the banner runs.
  const recalls = JSON.parse(
    readFileSync(path.resolve(FIXTURES, '../feeds/cpsc/recalls-page.json'), 'utf8'),
  ) as Array<Record<string, unknown>>;
  const payload = '<img src=x onerror="window.__ran=3"><script>window.__ran=4</script>';
  const hostileRecall = {
    ...recalls[0],
    Title: `Glue guns ${payload}`,
    Hazards: [{ Name: `Burns ${payload}` }],
    Remedies: [{ Name: `Refund ${payload}` }],
  };
  server.json('/RestWebServices/Recall?format=json', [hostileRecall, ...recalls.slice(1)]);
  await syncCpscFrom(context, worker, extensionId, server.origin);
  const fromFeed = await openListing(context, listing('810044120011'));
  const shown = await readBanner(fromFeed.page);
  expect(shown.value.title).toBe(`Glue guns ${payload}`);
  expect(shown.value.text).toContain(`Burns ${payload}`);
  expect(
    (await readClosedShadowRoot<string[]>(fromFeed.page, 'recall-sentinel-banner', ACTIVE_ELEMENTS)).value,
  ).toEqual([]);
  expect(await fromFeed.page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
});

/**
 * A 50 MB document, built by the page's own script as it loads (sending 50 MB through Playwright's
 * routing takes half a minute): 25 MB of embedded JSON, as marketplaces embed their state, and 25 MB of
 * text in hidden blocks, so the browser spends its time on the content script's reading, not on layout.
 */
const FIFTY_MB_PAGE = `<script>
  const mb = 1024 * 1024;
  const state = document.createElement('script');
  state.type = 'application/json';
  state.textContent = JSON.stringify({ reviews: 'Customers also bought a long line of words. '.repeat((25 * mb) / 44) });
  document.head.append(state);
  const block = '<p>' + 'Customers also bought: unrelated text, repeated to make the page big. '.repeat(3500) + '</p>';
  const hidden = document.createElement('div');
  hidden.hidden = true;
  hidden.innerHTML = block.repeat(Math.ceil((25 * mb) / block.length));
  document.body.append(hidden);
</script>`;

test('a 50 MB page is checked, and a mutation storm neither starves the page nor hides its last state', async ({
  context,
  worker,
}) => {
  test.setTimeout(90_000);
  const { page, url } = await openListing(context, listing(STOOL_UPC, { body: FIFTY_MB_PAGE }));
  expect(await page.evaluate(() => document.documentElement.outerHTML.length)).toBeGreaterThan(
    50 * 1024 * 1024,
  );
  expect((await readBanner(page)).value.title).toBe(STOOL_RECALL);

  // The storm: 5,000 changes inside the product container the content script watches, in bursts of
  // 50 per task, while the page counts its animation frames; the last change is a new barcode.
  const storm = await page.evaluate(
    () =>
      new Promise<{ changes: number; frames: number; longestFrameGapMs: number }>((resolve) => {
        const box = document.getElementById('ppd') as HTMLElement;
        const cell = document.getElementById('upc') as HTMLElement;
        let changes = 0;
        let frames = 0;
        let longest = 0;
        let last = performance.now();
        const frame = () => {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
          frames += 1;
          if (changes < 5000) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        const burst = () => {
          for (let i = 0; i < 50; i++, changes++) {
            const span = document.createElement('span');
            span.textContent = `price ${changes}`;
            box.append(span);
            if (changes % 2) span.remove();
          }
          if (changes < 5000) setTimeout(burst, 0);
          else {
            cell.textContent = '012345678905';
            resolve({ changes, frames, longestFrameGapMs: Math.round(longest) });
          }
        };
        burst();
      }),
  );
  // The page ran its whole storm and kept drawing (a page the extension froze never resolves the storm
  // and the test times out; no timing is asserted: the machine may be busy). The longest gap between
  // frames is kept in the report.
  expect(storm.frames).toBeGreaterThan(0);
  test.info().annotations.push({
    type: 'longest frame gap in the storm (ms)',
    description: String(storm.longestFrameGapMs),
  });
  // The page's last state is read: the new barcode is no recalled product, and the warning goes.
  await expect.poll(async () => (await verdictFor(worker, url)).status, { timeout: 20_000 }).toBe('no-match');
  await expect(page.locator('recall-sentinel-banner')).toHaveCount(0);
  expect(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r('drawn'))))).toBe(
    'drawn',
  );
});
