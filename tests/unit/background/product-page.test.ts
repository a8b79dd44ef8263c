import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkProductPageRequest,
  fetchProductPage,
  limitConcurrency,
  PRODUCT_PAGE_LIMITS,
} from '../../../utils/background/product-page';
import { adapters } from '../../../utils/marketplaces';
import ebay from '../../../utils/marketplaces/ebay';
import jd from '../../../utils/marketplaces/jd';
import taobao from '../../../utils/marketplaces/taobao';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/pages');
const JD_CART = 'https://cart.jd.com/cart_index';
const JD_ITEM = 'https://item.jd.com/100012345678.html';

const check = (url: string, sender: string | undefined = JD_CART) =>
  checkProductPageRequest(url, sender, adapters);
const refused = (url: string, sender?: string) =>
  expect(check(url, sender), url).toMatchObject({ ok: false });

describe('which product pages the background reads for a content script', () => {
  it('reads a JD item page for the JD cart and the JD order list', () => {
    expect(check(JD_ITEM)).toMatchObject({ ok: true, adapter: jd });
    expect(check(JD_ITEM, 'https://order.jd.com/center/list.action')).toMatchObject({ ok: true });
  });

  it('reads Taobao and Tmall item pages for the Taobao cart and order list', () => {
    const cart = 'https://cart.taobao.com/cart.htm';
    expect(check('https://item.taobao.com/item.htm?id=700000000001', cart)).toMatchObject({
      ok: true,
      adapter: taobao,
    });
    expect(check('https://detail.tmall.com/item.htm?id=700000000001', cart)).toMatchObject({ ok: true });
    expect(
      check(
        'https://item.taobao.com/item.htm?id=612345678901',
        'https://buyertrade.taobao.com/trade/itemlist/list_bought_items.htm',
      ),
    ).toMatchObject({ ok: true });
  });

  it('reads an eBay item page for the eBay cart on its payments host', () => {
    expect(
      check('https://www.ebay.com/itm/305512345678', 'https://cart.payments.ebay.com/sc/view'),
    ).toMatchObject({
      ok: true,
      adapter: ebay,
    });
  });

  it('refuses other hosts, lookalike hosts and subdomains', () => {
    for (const url of [
      'https://item.jd.com.evil.test/100012345678.html',
      'https://evil.test/item.jd.com/100012345678.html',
      'https://item.jd.com.:443/100012345678.html',
      'https://item.jd.com./100012345678.html',
      'https://xitem.jd.com/100012345678.html',
      'https://sub.item.jd.com/100012345678.html',
      'https://item.jd.hk/100012345678.html',
      'https://www.amazon.com/dp/B0DEMO0001',
    ])
      refused(url);
  });

  it('refuses http, credentials, ports and fragments', () => {
    for (const url of [
      'http://item.jd.com/100012345678.html',
      'https://user:pass@item.jd.com/100012345678.html',
      'https://user@item.jd.com/100012345678.html',
      'https://item.jd.com:8443/100012345678.html',
      'https://item.jd.com/100012345678.html#x',
      'ftp://item.jd.com/100012345678.html',
      'javascript:alert(1)//item.jd.com/1.html',
    ])
      refused(url);
  });

  it('refuses pages on the product host that are not product pages', () => {
    for (const url of [
      'https://item.jd.com/',
      'https://item.jd.com/comments/100012345678.html',
      'https://item.jd.com/100012345678.html/../../passport',
      'https://item.jd.com/abc.html',
      'https://item.taobao.com/search.htm?q=stool',
      'https://item.taobao.com/item.htm?id=abc',
      'https://www.ebay.com/sch/i.html?_nkw=stool',
      'https://www.ebay.com/mye/myebay/purchase',
    ])
      refused(
        url,
        url.includes('ebay')
          ? 'https://cart.ebay.com/'
          : url.includes('taobao')
            ? 'https://cart.taobao.com/'
            : JD_CART,
      );
  });

  it('refuses what is not a URL, and URLs past the length cap', () => {
    refused('item.jd.com/100012345678.html');
    refused('');
    refused(`${JD_ITEM}?${'a'.repeat(3000)}`);
  });

  it('reads only for a cart or order page of the same marketplace', () => {
    refused(JD_ITEM, 'https://item.jd.com/100055501234.html');
    refused(JD_ITEM, 'https://cart.jd.com/addToCart.html?pid=1');
    refused(JD_ITEM, 'https://cart.taobao.com/cart.htm');
    refused('https://www.ebay.com/itm/305512345678', JD_CART);
    refused(JD_ITEM, 'https://www.amazon.com/gp/cart/view.html');
    refused(JD_ITEM, 'https://shop.example/cart');
    refused(JD_ITEM, 'http://cart.jd.com/cart_index');
    // A message without a sender URL (the default above stands in for the JD cart).
    expect(checkProductPageRequest(JD_ITEM, undefined, adapters)).toMatchObject({ ok: false });
  });
});

/** A fetch stand-in that records its calls and answers with `respond`. */
function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return respond(String(input));
  }) as typeof fetch;
  return { impl, calls };
}

/** A Response whose `url` is `url` (a real fetch sets it to where redirects landed). */
function answer(body: BodyInit | null, init: ResponseInit & { url?: string } = {}): Response {
  const res = new Response(body, { status: 200, headers: { 'content-type': 'text/html' }, ...init });
  if (init.url) Object.defineProperty(res, 'url', { value: init.url });
  return res;
}

describe('reading a product page in the background', () => {
  const url = new URL(JD_ITEM);

  it('omits credentials and the referrer, and returns the page as text', async () => {
    const f = fakeFetch((u) => answer('<title>商品</title>', { url: u }));
    const res = await fetchProductPage(url, jd, f.impl);
    expect(res).toEqual({ ok: true, url: JD_ITEM, html: '<title>商品</title>' });
    expect(f.calls[0]?.init).toMatchObject({
      credentials: 'omit',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
    });
  });

  it('decodes a GBK page declared only in its <meta>', async () => {
    const bytes = readFileSync(path.join(FIXTURES, 'taobao/tmall-gbk.html'));
    const tmall = new URL('https://detail.tmall.com/item.htm?id=700000000001');
    const res = await fetchProductPage(tmall, taobao, fakeFetch(() => answer(bytes)).impl);
    expect(res.ok && res.html).toContain('充电暖手宝');
  });

  it('decodes by the Content-Type charset', async () => {
    const gbk = Uint8Array.from([0x3c, 0x70, 0x3e, 0xc6, 0xb7, 0xc5, 0xc6, 0x3c, 0x2f, 0x70, 0x3e]); // <p>品牌</p>
    const res = await fetchProductPage(
      url,
      jd,
      fakeFetch(() => answer(gbk, { headers: { 'content-type': 'text/html; charset=GBK' } })).impl,
    );
    expect(res).toMatchObject({ ok: true, html: '<p>品牌</p>' });
  });

  it('follows a redirect to another listed product host, and reports where it landed', async () => {
    const landed = 'https://detail.tmall.com/item.htm?id=700000000001';
    const res = await fetchProductPage(
      new URL('https://item.taobao.com/item.htm?id=700000000001'),
      taobao,
      fakeFetch(() => answer('<p>tmall</p>', { url: landed })).impl,
    );
    expect(res).toMatchObject({ ok: true, url: landed });
  });

  it('refuses a page that redirected off the product pages (a login wall)', async () => {
    const res = await fetchProductPage(
      url,
      jd,
      fakeFetch(() => answer('<p>login</p>', { url: 'https://passport.jd.com/new/login.aspx' })).impl,
    );
    expect(res).toMatchObject({ ok: false, error: 'the product page redirected elsewhere' });
  });

  it('refuses HTTP errors and what is not HTML', async () => {
    expect(
      await fetchProductPage(url, jd, fakeFetch(() => answer('gone', { status: 404 })).impl),
    ).toMatchObject({
      ok: false,
      error: 'HTTP 404',
    });
    expect(
      await fetchProductPage(
        url,
        jd,
        fakeFetch(() => answer('{}', { headers: { 'content-type': 'application/json' } })).impl,
      ),
    ).toMatchObject({ ok: false, error: 'not an HTML page' });
  });

  it('stops reading past the size cap, whatever Content-Length says', async () => {
    const limits = { ...PRODUCT_PAGE_LIMITS, maxBytes: 1000 };
    const big = new Uint8Array(4000).fill(0x61);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 100) controller.close();
        else controller.enqueue(big.subarray(0, 400));
      },
    });
    const res = await fetchProductPage(url, jd, fakeFetch(() => answer(stream)).impl, limits);
    expect(res).toMatchObject({ ok: false, error: 'larger than 1000 bytes' });
    expect(pulled).toBeLessThan(10);
    const declared = await fetchProductPage(
      url,
      jd,
      fakeFetch(() => answer('x', { headers: { 'content-type': 'text/html', 'content-length': '5000' } }))
        .impl,
      limits,
    );
    expect(declared).toMatchObject({ ok: false });
  });

  it('gives up after the time limit', async () => {
    const slow = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof fetch;
    const res = await fetchProductPage(url, jd, slow, { ...PRODUCT_PAGE_LIMITS, timeoutMs: 50 });
    expect(res).toMatchObject({ ok: false, error: 'timed out' });
  });

  it('reports a network failure without throwing', async () => {
    const res = await fetchProductPage(url, jd, (() =>
      Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch);
    expect(res).toMatchObject({ ok: false, error: 'could not be fetched' });
  });
});

describe('the background’s limit on product pages in flight', () => {
  it('runs at most n at once and every call gets its answer', async () => {
    let active = 0;
    let peak = 0;
    const limited = limitConcurrency(2, async (n: number) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return n * 2;
    });
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => limited(n)))).toEqual([2, 4, 6, 8, 10]);
    expect(peak).toBe(2);
  });
});
