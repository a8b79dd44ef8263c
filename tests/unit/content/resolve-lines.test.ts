import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHtml } from '../../../scripts/lib/html';
import { fetchDocumentFor, resolveLines } from '../../../utils/content/resolve-lines';
import amazon from '../../../utils/marketplaces/amazon';
import jd from '../../../utils/marketplaces/jd';
import type { ProductIdentity } from '../../../utils/schemas';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/pages');
const CART = new URL('https://www.amazon.com/gp/cart/view.html');
const cartLines = () =>
  amazon.extract(parseHtml(readFileSync(path.join(FIXTURES, 'amazon/cart.html'), 'utf8'), CART.href), CART)
    .items;
const productPage = (url: string) =>
  url.endsWith('/dp/B0DEMO0001')
    ? parseHtml(readFileSync(path.join(FIXTURES, 'amazon/product-expander.html'), 'utf8'), url)
    : null;

describe('resolving cart lines through their product pages', () => {
  it('lends a line the barcode, model and brand of its product page, keeping the line itself', async () => {
    const lines = cartLines();
    const resolved = await resolveLines(lines, amazon, CART, async (u) => productPage(u), new Map());
    const stool = resolved.find((l) => l.itemId === 'B0DEMO0001') as ProductIdentity;
    expect(stool).toMatchObject({
      gtins: ['00850012345671'],
      models: ['KB-TS100'],
      brand: 'Kettlebrook',
      pageType: 'cart',
    });
    expect(stool.title).toBe(lines.find((l) => l.itemId === 'B0DEMO0001')?.title);
    expect(stool.quantity).toBe(lines.find((l) => l.itemId === 'B0DEMO0001')?.quantity);
  });

  it('leaves a line unchanged when its product page cannot be read', async () => {
    const lines = cartLines();
    const resolved = await resolveLines(lines, amazon, CART, async () => null, new Map());
    expect(resolved).toEqual(lines);
  });

  it('reads each product page once per page view', async () => {
    const asked: string[] = [];
    const cache = new Map();
    const fetchDoc = async (u: string) => {
      asked.push(u);
      return productPage(u);
    };
    await resolveLines(cartLines(), amazon, CART, fetchDoc, cache);
    await resolveLines(cartLines(), amazon, CART, fetchDoc, cache);
    expect(asked.length).toBe(new Set(asked).size);
  });

  it('lends a changed cart only the product pages already read, fetching none, when asked for cached pages', async () => {
    const cache = new Map<string, Promise<ProductIdentity | null>>();
    await resolveLines(cartLines(), amazon, CART, async (u) => productPage(u), cache);
    const fetch = vi.fn(async (u: string) => productPage(u));
    const resolved = await resolveLines(cartLines(), amazon, CART, fetch, cache, { cachedOnly: true });
    expect(fetch).not.toHaveBeenCalled();
    expect(resolved.find((l) => l.itemId === 'B0DEMO0001')?.models).toEqual(['KB-TS100']);
    const untouched = await resolveLines(cartLines(), amazon, CART, fetch, new Map(), { cachedOnly: true });
    expect(untouched).toEqual(cartLines());
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('where a product page is read', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const html = (title: string) =>
    `<!doctype html><html><head><title>${title}</title></head><body></body></html>`;
  const stub = () => {
    vi.stubGlobal('DOMParser', DOMParser);
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(html('same origin'), { headers: { 'content-type': 'text/html' } });
    });
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      asked.push(message);
      return { ok: true, url: 'https://item.jd.com/100012345678.html', html: html('other origin') };
    });
    return { fetched, asked };
  };

  it('fetches a product page on the cart’s own origin in the page', async () => {
    const { fetched, asked } = stub();
    const doc = await fetchDocumentFor(CART)('https://www.amazon.com/dp/B0DEMO0001');
    expect(doc?.title).toBe('same origin');
    expect(fetched).toEqual(['https://www.amazon.com/dp/B0DEMO0001']);
    expect(asked).toEqual([]);
  });

  it('asks the background for a product page on another origin', async () => {
    const { fetched, asked } = stub();
    const doc = await fetchDocumentFor(new URL('https://cart.jd.com/cart_index'))(
      'https://item.jd.com/100012345678.html',
    );
    expect(doc?.title).toBe('other origin');
    expect(fetched).toEqual([]);
    expect(asked).toEqual([{ type: 'fetch-product-page', url: 'https://item.jd.com/100012345678.html' }]);
  });

  it('leaves a JD cart line unchanged when the background refuses', async () => {
    stub();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'no' });
    const cart = new URL('https://cart.jd.com/cart_index');
    const lines = jd.extract(
      parseHtml(readFileSync(path.join(FIXTURES, 'jd/cart.html'), 'utf8'), cart.href),
      cart,
    ).items;
    expect(await resolveLines(lines, jd, cart, fetchDocumentFor(cart), new Map())).toEqual(lines);
  });
});

describe('resolving JD cart lines through item.jd.com', () => {
  it('lends each line its item page’s brand and model', async () => {
    const cart = new URL('https://cart.jd.com/cart_index');
    const lines = jd.extract(
      parseHtml(readFileSync(path.join(FIXTURES, 'jd/cart.html'), 'utf8'), cart.href),
      cart,
    ).items;
    const pages: Record<string, string> = {
      'https://item.jd.com/100012345678.html': 'jd/product-classic.html',
      'https://item.jd.com/100055501234.html': 'jd/product-2024.html',
    };
    const asked: string[] = [];
    const resolved = await resolveLines(
      lines,
      jd,
      cart,
      async (u) => {
        asked.push(u);
        const file = pages[u];
        return file ? parseHtml(readFileSync(path.join(FIXTURES, file), 'utf8'), u) : null;
      },
      new Map(),
    );
    expect(asked.sort()).toEqual(Object.keys(pages).sort());
    expect(resolved[0]).toMatchObject({ itemId: '100012345678', brand: 'Kettlebrook', models: ['KB-TS100'] });
    expect(resolved[1]).toMatchObject({ itemId: '100055501234', gtins: ['06901234567892'] });
  });
});
