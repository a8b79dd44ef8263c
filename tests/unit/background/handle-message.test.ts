import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../utils/background/handle-message';
import { identity } from '../support/factories';
import { contentScript, fakeDeps as deps, jdCart, lookup, popup } from './fake-background';

describe('the background message handler', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('answers a content script lookup and files the verdict under the sending tab', async () => {
    const d = deps();
    const res = await handleMessage(lookup(), contentScript, d);
    expect(res).toMatchObject({ ok: true, matches: [[{ recallId: 'cpsc:1', tier: 'confirmed' }]] });
    expect(d.stored.get(7)?.status).toBe('warning');
  });

  it('refuses messages from other extensions', async () => {
    const res = await handleMessage(lookup(), { ...contentScript, id: 'someone-else' }, deps());
    expect(res).toMatchObject({ ok: false });
  });

  it("sends a warning's words with it, and none with an answer that warns of nothing", async () => {
    const d = { ...deps(), pageMessages: async () => ({ banner_tag: 'Recall' }) };
    expect(await handleMessage(lookup(), contentScript, d)).toMatchObject({
      ok: true,
      messages: { banner_tag: 'Recall' },
    });
    const unknown = lookup([identity({ itemId: 'B0OTHER002', gtins: ['00012345678905'] })]);
    const quiet = await handleMessage(unknown, contentScript, d);
    expect(quiet).toMatchObject({ ok: true, matches: [[]] });
    expect(quiet).not.toHaveProperty('messages');
    // A page that holds them already is not sent them again.
    const again = await handleMessage({ ...lookup(), wantMessages: false }, contentScript, d);
    expect(again).toMatchObject({ ok: true, matches: [[{ recallId: 'cpsc:1' }]] });
    expect(again).not.toHaveProperty('messages');
  });

  it('answers with the reason, never a rejection, when the index fails under a handler', async () => {
    // IndexedDB fails with DOMExceptions, which Chromium does not pass on to the asking page: it waited
    // for ever (a settings page stuck at "Syncing…" on a full disk).
    const closing = new DOMException('The database connection is closing.', 'InvalidStateError');
    const d = { ...deps(), indexStatus: () => Promise.reject(closing) };
    await expect(handleMessage({ type: 'sync-status' }, popup, d)).resolves.toEqual({
      ok: false,
      error: 'sync-status failed: The database connection is closing.',
    });
  });

  it('refuses a lookup that does not come from a content script', async () => {
    expect(await handleMessage(lookup(), popup, deps())).toMatchObject({ ok: false });
  });

  it('refuses tab verdict requests from web pages', async () => {
    const res = await handleMessage({ type: 'tab-verdict', tabId: 7 }, contentScript, deps());
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('extension pages') });
  });

  it('rejects malformed messages with a reason instead of throwing', async () => {
    const bad = [
      null,
      'lookup',
      { type: 'lookup' },
      { type: 'lookup', page: {}, identities: 'x' },
      { type: 'drop-db' },
    ];
    for (const msg of bad)
      expect(await handleMessage(msg, contentScript, deps())).toMatchObject({ ok: false });
  });

  it('rejects an identity whose GTIN key is not 14 digits', async () => {
    const msg = lookup();
    (msg.identities[0] as { gtins: string[] }).gtins = ['12345'];
    expect(await handleMessage(msg, contentScript, deps())).toMatchObject({ ok: false });
  });

  it('marks a page with nothing to check as unreadable, not as no-match', async () => {
    const d = deps();
    await handleMessage(lookup([identity({ title: 'A mug' })]), contentScript, d);
    expect(d.stored.get(7)?.status).toBe('unreadable');
  });

  it('starts a sync for the options page but not for a web page', async () => {
    const d = deps();
    expect(await handleMessage({ type: 'sync-now' }, popup, d)).toMatchObject({
      ok: true,
      outcomes: [{ source: 'cpsc', status: 'updated' }],
    });
    expect(await handleMessage({ type: 'sync-now' }, contentScript, d)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'clear-and-rebuild' }, contentScript, d)).toMatchObject({ ok: false });
  });

  it('leaves out a match the shopper marked "not this product", for that listing only', async () => {
    const d = deps();
    const dismiss = {
      type: 'dismiss-match',
      marketplace: 'amazon',
      listing: 'B000000000',
      recallId: 'cpsc:1',
    };
    expect(await handleMessage(dismiss, contentScript, d)).toEqual({ ok: true });
    expect(await handleMessage(lookup(), contentScript, d)).toMatchObject({ ok: true, matches: [[]] });
    expect(d.stored.get(7)?.status).toBe('no-match');
    const other = lookup([identity({ itemId: 'B0OTHER001', gtins: ['00850012345671'] })]);
    expect(await handleMessage(other, contentScript, d)).toMatchObject({
      matches: [[{ recallId: 'cpsc:1' }]],
    });
  });

  it('takes "not this product" only from the page banner', async () => {
    const dismiss = {
      type: 'dismiss-match',
      marketplace: 'amazon',
      listing: 'B000000000',
      recallId: 'cpsc:1',
    };
    expect(await handleMessage(dismiss, popup, deps())).toMatchObject({ ok: false });
  });

  it('gives the popup the verdict of the tab it asks about', async () => {
    const d = deps();
    await handleMessage(lookup(), contentScript, d);
    const res = await handleMessage({ type: 'tab-verdict', tabId: 7 }, popup, d);
    expect(res).toMatchObject({ ok: true, verdict: { status: 'warning' }, index: { records: 1 } });
  });

  describe('product pages on another origin', () => {
    const read = (url: string) => ({ type: 'fetch-product-page', url });

    it('reads a JD item page for the JD cart', async () => {
      const res = await handleMessage(read('https://item.jd.com/100012345678.html'), jdCart, deps());
      expect(res).toEqual({
        ok: true,
        url: 'https://item.jd.com/100012345678.html',
        html: '<p>https://item.jd.com/100012345678.html</p>',
      });
    });

    it('does not fetch what the checks refuse', async () => {
      const d = deps();
      const asked: string[] = [];
      const pages = d.productPages;
      if (pages)
        pages.fetch = async (url) => {
          asked.push(url.href);
          return { ok: true, url: url.href, html: '' };
        };
      for (const [msg, sender] of [
        [read('https://item.jd.com.evil.test/100012345678.html'), jdCart],
        [read('https://item.jd.com/100012345678.html'), contentScript],
        [read('https://item.jd.com/100012345678.html'), { ...jdCart, frameId: 3 }],
        [read('https://item.jd.com/100012345678.html'), { ...jdCart, tab: undefined }],
        [read('https://item.jd.com/100012345678.html'), popup],
        [read('https://item.jd.com/100012345678.html'), { ...jdCart, id: 'someone-else' }],
        [read(`https://item.jd.com/${'1'.repeat(3000)}.html`), jdCart],
      ] as const) {
        expect(await handleMessage(msg, sender, d), JSON.stringify([msg, sender])).toMatchObject({
          ok: false,
        });
      }
      expect(asked).toEqual([]);
    });

    it('refuses when the background was given no fetcher', async () => {
      const d = deps();
      delete d.productPages;
      expect(await handleMessage(read('https://item.jd.com/100012345678.html'), jdCart, d)).toMatchObject({
        ok: false,
      });
    });
  });
});
