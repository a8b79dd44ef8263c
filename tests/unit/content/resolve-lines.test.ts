import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../scripts/lib/html';
import { resolveLines } from '../../../utils/content/resolve-lines';
import amazon from '../../../utils/marketplaces/amazon';
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
});
